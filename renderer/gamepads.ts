// Up to four gamepads through the browser's Gamepad API, read as TIC-80's gamepad bytes: one byte
// per player (the pad's index), bits up, down, left, right, A, B, X, Y. Only pads the browser
// reports with the standard mapping are read, since only theirs have known button positions.
import { GAMEPADS_BYTES } from '../runner/common/memory-map.js';

/** One player per gamepad byte of TIC-80's input block. */
export const MAX_GAMEPAD_PLAYERS = GAMEPADS_BYTES;

/** Standard-mapping button indices for up, down, left, right, A, B, X, Y (bits 0..7). */
export const STANDARD_GAMEPAD_BUTTONS: readonly number[] = [12, 13, 14, 15, 0, 1, 2, 3];

/** How far the left stick must lean to count as a direction. */
const STICK_THRESHOLD = 0.5;

/** What this reads of a Gamepad (so tests and key remapping can provide their own). */
export interface PadState {
  readonly index: number;
  /** 'standard' when the browser knows the pad's layout. */
  readonly mapping: string;
  readonly buttons: readonly { readonly pressed: boolean }[];
  readonly axes: readonly number[];
}

/** The Gamepad API as far as this module uses it (absent in some browsers and outside one). */
interface GamepadNavigator {
  getGamepads?(): readonly (PadState | null)[];
}

/** The 8 TIC-80 bits of one standard-mapping pad: its buttons, and its left stick as the d-pad. */
export function padBits(pad: PadState, buttons: readonly number[] = STANDARD_GAMEPAD_BUTTONS): number {
  let bits = 0;
  buttons.forEach((button, bit) => {
    if (pad.buttons[button]?.pressed) bits |= 1 << bit;
  });
  const [sx = 0, sy = 0] = pad.axes;
  if (sy < -STICK_THRESHOLD) bits |= 1;
  if (sy > STICK_THRESHOLD) bits |= 2;
  if (sx < -STICK_THRESHOLD) bits |= 4;
  if (sx > STICK_THRESHOLD) bits |= 8;
  return bits;
}

/** All players' bits as InputSnapshot.gamepads holds them: byte p is the pad with index p. */
export function gamepadBits(pads: readonly (PadState | null)[]): number {
  let bits = 0;
  for (const pad of pads) {
    if (!pad || pad.index >= MAX_GAMEPAD_PLAYERS || pad.mapping !== 'standard') continue;
    bits |= padBits(pad) << (pad.index * 8);
  }
  return bits >>> 0;
}

/** The connected pads' bits now (0 where the browser has no Gamepad API). */
export function readGamepads(): number {
  const nav = (globalThis as { navigator?: GamepadNavigator }).navigator;
  if (typeof nav?.getGamepads !== 'function') return 0;
  return gamepadBits(nav.getGamepads());
}
