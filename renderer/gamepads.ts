// Up to four gamepads through the browser's Gamepad API, read as TIC-80's gamepad bytes: one byte
// per player (the pad's index), bits up, down, left, right, A, B, X, Y. A pad is read with the
// mapping set up for it in Settings, else the standard one when the browser reports it; others are
// not read, since their button positions are unknown.
import { GAMEPADS_BYTES } from '../runner/common/memory-map.js';
import { STANDARD_GAMEPAD_BUTTONS, padButtons, type PadMappings } from './controls/pad-mappings.js';

/** One player per gamepad byte of TIC-80's input block. */
export const MAX_GAMEPAD_PLAYERS = GAMEPADS_BYTES;

/** How far the left stick must lean to count as a direction. */
const STICK_THRESHOLD = 0.5;

/** What this reads of a Gamepad (so tests and key remapping can provide their own). */
export interface PadState {
  readonly index: number;
  /** The pad's model, which its saved mapping is kept under. */
  readonly id?: string;
  /** 'standard' when the browser knows the pad's layout. */
  readonly mapping: string;
  readonly buttons: readonly { readonly pressed: boolean }[];
  readonly axes: readonly number[];
}

/** The Gamepad API as far as this module uses it (absent in some browsers and outside one). */
interface GamepadNavigator {
  getGamepads?(): readonly (PadState | null)[];
}

/** The 8 TIC-80 bits of one pad read with these buttons, and its left stick as the d-pad. */
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
export function gamepadBits(pads: readonly (PadState | null)[], mappings: PadMappings = {}): number {
  let bits = 0;
  for (const pad of pads) {
    if (!pad || pad.index >= MAX_GAMEPAD_PLAYERS) continue;
    const buttons = padButtons(mappings, pad);
    if (buttons) bits |= padBits(pad, buttons) << (pad.index * 8);
  }
  return bits >>> 0;
}

/** The connected pads' bits now (0 where the browser has no Gamepad API). */
export function readGamepads(mappings: PadMappings): number {
  return gamepadBits(connectedPads(), mappings);
}

/** The pads the browser reports now (none where it has no Gamepad API). */
export function connectedPads(): readonly (PadState | null)[] {
  const nav = (globalThis as { navigator?: GamepadNavigator }).navigator;
  return typeof nav?.getGamepads === 'function' ? nav.getGamepads() : [];
}
