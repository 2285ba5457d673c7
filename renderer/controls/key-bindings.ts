// Which keyboard key holds each of the 32 gamepad buttons (player p's button b is id p * 8 + b, as
// btn() numbers them), as the player set them in Settings; TIC-80's own out of the box. Kept in
// the studio's storage as an array of KeyboardEvent.code values (null: no key).
import { GAMEPADS_BYTES } from '../../runner/common/memory-map.js';
import type { KeyValueStorage } from '../../runner/common/pmem/pmem-store.js';
import { readStoredJson, writeStoredJson } from '../stored-json.js';
import { TIC80_P1_KEYS, ticKeyCode } from '../tic-keys.js';

export const BUTTONS_PER_PLAYER = 8;
export const PLAYERS = GAMEPADS_BYTES;
export const BUTTON_IDS = PLAYERS * BUTTONS_PER_PLAYER;
export const BUTTON_NAMES: readonly string[] = ['Up', 'Down', 'Left', 'Right', 'A', 'B', 'X', 'Y'];

/** Entry id: the key of button id (p * 8 + b), or null. */
export type KeyBindings = readonly (string | null)[];

export const DEFAULT_KEY_BINDINGS: KeyBindings = Array.from({ length: BUTTON_IDS }, (_, id) => TIC80_P1_KEYS[id] ?? null);

const STORAGE_KEY = 'nibble.controls.v1';

/** Only keys the console knows can hold a button: the screen takes no others. */
export function isBindableKey(code: string): boolean {
  return ticKeyCode(code) !== null;
}

export function loadKeyBindings(storage: KeyValueStorage): KeyBindings {
  const value = readStoredJson(storage, STORAGE_KEY);
  if (!Array.isArray(value) || value.length !== BUTTON_IDS) return DEFAULT_KEY_BINDINGS;
  return value.map((code: unknown) => (typeof code === 'string' && isBindableKey(code) ? code : null));
}

/** False when the storage refused them: they then last until the page closes. */
export function saveKeyBindings(storage: KeyValueStorage, bindings: KeyBindings): boolean {
  return writeStoredJson(storage, STORAGE_KEY, bindings);
}

/** The bindings with button id held by `code`, which no other button keeps (one key, one button). */
export function bind(bindings: KeyBindings, id: number, code: string | null): KeyBindings {
  return bindings.map((old, i) => (i === id ? code : old === code ? null : old));
}

/** The 32 gamepad bits the keys down hold. */
export function gamepadBits(bindings: KeyBindings, keysDown: readonly string[]): number {
  let bits = 0;
  bindings.forEach((code, id) => {
    if (code !== null && keysDown.includes(code)) bits |= 1 << id;
  });
  return bits >>> 0;
}
