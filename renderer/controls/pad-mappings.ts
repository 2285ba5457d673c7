// Which button of a gamepad is Up, Down, Left, Right, A, B, X, Y, per pad model (its Gamepad.id), as
// the player set them up in Settings by pressing each in turn. A pad without one is read with the
// standard mapping when the browser reports that mapping, and not at all otherwise (its buttons'
// positions are unknown). Kept in the studio's storage as { id: [8 button indices] }.
import type { KeyValueStorage } from '../../runner/common/pmem/pmem-store.js';
import { readStoredJson, writeStoredJson } from '../stored-json.js';
import { BUTTONS_PER_PLAYER } from './key-bindings.js';

/** Gamepad.id to its 8 button indices, in BUTTON_NAMES order. */
export type PadMappings = Readonly<Record<string, readonly number[]>>;

/** Standard-mapping button indices for up, down, left, right, A, B, X, Y (bits 0..7). */
export const STANDARD_GAMEPAD_BUTTONS: readonly number[] = [12, 13, 14, 15, 0, 1, 2, 3];

const STORAGE_KEY = 'nibble.padmappings.v1';

/** The buttons a pad is read with: its saved mapping, else the standard one when it has it, else none. */
export function padButtons(mappings: PadMappings, pad: { readonly id?: string; readonly mapping: string }): readonly number[] | null {
  const saved = pad.id === undefined ? undefined : mappings[pad.id];
  if (saved) return saved;
  return pad.mapping === 'standard' ? STANDARD_GAMEPAD_BUTTONS : null;
}

/** The mappings with this pad's set (or forgotten, when null). */
export function withMapping(mappings: PadMappings, id: string, buttons: readonly number[] | null): PadMappings {
  const next = { ...mappings };
  if (buttons) next[id] = buttons;
  else delete next[id];
  return next;
}

function isMapping(value: unknown): value is number[] {
  return Array.isArray(value) && value.length === BUTTONS_PER_PLAYER && value.every((b) => Number.isInteger(b) && b >= 0);
}

export function loadPadMappings(storage: KeyValueStorage): PadMappings {
  const value = readStoredJson(storage, STORAGE_KEY);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([, buttons]) => isMapping(buttons)));
}

/** False when the storage refused them: they then last until the page closes. */
export function savePadMappings(storage: KeyValueStorage, mappings: PadMappings): boolean {
  return writeStoredJson(storage, STORAGE_KEY, mappings);
}

/**
 * The button that went down since the last look (pressed now, not held before), skipping those
 * already taken by this setup, so one button cannot be two; null when none did.
 */
export function newlyPressed(held: readonly boolean[], pressed: readonly boolean[], taken: readonly number[]): number | null {
  const index = pressed.findIndex((down, i) => down && !held[i] && !taken.includes(i));
  return index < 0 ? null : index;
}
