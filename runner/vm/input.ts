// Gamepads, mouse and keyboard as the cart sees them (reference §7 and §1.2). The host's snapshot
// is written into the 12-byte input block at the start of each frame; btn/key/mouse then read RAM,
// as TIC-80 does, so a cart may poke its own input. Edges and hold counters compare against the
// previous frame's host snapshot instead, so a cart poking RAM cannot fake its own edges.

import {
  BUTTON_MAPPING_ADDR,
  BUTTON_MAPPING_BYTES,
  GAMEPADS_ADDR,
  KEY_CODE_COUNT,
  KEYBOARD_ADDR,
  KEYBOARD_BYTES,
  MARGIN_LEFT,
  MARGIN_TOP,
  MOUSE_ADDR,
  MOUSE_SCROLL_MAX,
  MOUSE_SCROLL_MIN,
} from '../common/memory-map.js';
import { FRAME_HEIGHT, FRAME_WIDTH, type InputSnapshot } from '../common/protocol.js';

/** One mapping byte per gamepad button. */
const BUTTON_COUNT = BUTTON_MAPPING_BYTES;
/** One key code per keyboard byte. */
const KEY_SLOTS = KEYBOARD_BYTES;
const MOUSE_LEFT = 1 << 0;
const MOUSE_MIDDLE = 1 << 1;
const MOUSE_RIGHT = 1 << 2;
const SCROLL_X_SHIFT = 3;
const SCROLL_Y_SHIFT = 9;
/** Set by the cart, not the host: it asks for relative mouse mode (§7). */
const MOUSE_RELATIVE = 1 << 15;

/** TIC-80 key codes used by the default gamepad mapping (§7 key code table). */
const KeyCode = { A: 1, S: 19, X: 24, Z: 26, UP: 58, DOWN: 59, LEFT: 60, RIGHT: 61 } as const;

/** Player 1 as the SDL host maps it: arrows, then A = Z, B = X, X = A, Y = S. Players 2-4 unmapped. */
const DEFAULT_P1_MAPPING = [KeyCode.UP, KeyCode.DOWN, KeyCode.LEFT, KeyCode.RIGHT, KeyCode.Z, KeyCode.X, KeyCode.A, KeyCode.S];

/** Writes the default key -> button mapping into RAM 0x14E04 (32 bytes, one key code per button). */
export function writeDefaultKeyMapping(ram: Uint8Array): void {
  ram.fill(0, BUTTON_MAPPING_ADDR, BUTTON_MAPPING_ADDR + BUTTON_COUNT);
  ram.set(DEFAULT_P1_MAPPING, BUTTON_MAPPING_ADDR);
}

/** x, y, left, middle, right, scrollx, scrolly: what the cart's mouse() returns. */
export type MouseReading = [number, number, boolean, boolean, boolean, number, number];

function clampInt(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return Math.min(Math.max(0, min), max);
  return Math.min(Math.max(Math.trunc(value), min), max);
}

function signExtend(value: number, bits: number): number {
  const shift = 32 - bits;
  return (value << shift) >> shift;
}

function hasKey(keys: ArrayLike<number>, code: number): boolean {
  for (let i = 0; i < KEY_SLOTS; i++) if (keys[i] === code) return true;
  return false;
}

function noKey(keys: ArrayLike<number>): boolean {
  for (let i = 0; i < KEY_SLOTS; i++) if (keys[i] !== 0) return false;
  return true;
}

function isKeyCode(code: number): boolean {
  return Number.isInteger(code) && code > 0 && code < KEY_CODE_COUNT;
}

/**
 * btnp/keyp repeat: with hold and period both >= 0, an input held for `count` frames counts as
 * freshly pressed once count >= hold, on every multiple of period (every frame when period is 0).
 */
function repeatsNow(count: number, hold: number, period: number): boolean {
  if (hold < 0 || period < 0 || count < hold) return false;
  return period === 0 || count % period === 0;
}

export class Input {
  #previousGamepads = 0;
  #currentGamepads = 0;
  readonly #previousKeys = new Uint8Array(KEY_SLOTS);
  readonly #currentKeys = new Uint8Array(KEY_SLOTS);
  /** Consecutive frames each button / key code was down both last frame and this one. */
  readonly #buttonHolds = new Uint32Array(BUTTON_COUNT);
  readonly #keyHolds = new Uint32Array(KEY_CODE_COUNT);
  /** #countKeyHolds' new count of the code in each slot of the previous snapshot. */
  readonly #heldCounts = new Uint32Array(KEY_SLOTS);

  readonly #ram: Uint8Array;
  /** The RAM's keyboard bytes. */
  readonly #keys: Uint8Array;
  constructor(ram: Uint8Array) {
    this.#ram = ram;
    this.#keys = ram.subarray(KEYBOARD_ADDR, KEYBOARD_ADDR + KEY_SLOTS);
  }

  /** Frame start: write the host's input, OR in mapped keys, count holds, snapshot the state. */
  beginFrame(snapshot: InputSnapshot): void {
    this.#writeInputBlock(snapshot);
    this.#applyKeyMapping();
    const gamepads = this.#ramGamepads();
    const keys = this.#keys;
    this.#countButtonHolds(gamepads);
    this.#countKeyHolds(keys);
    this.#currentGamepads = gamepads;
    this.#currentKeys.set(keys);
  }

  /** Frame end: this frame's snapshot becomes the previous state for edges and holds. */
  endFrame(): void {
    this.#previousGamepads = this.#currentGamepads;
    this.#previousKeys.set(this.#currentKeys);
  }

  /** All 32 gamepad bits, unsigned. */
  btn(): number {
    return this.#ramGamepads();
  }

  btnId(id: number): boolean {
    return ((this.#ramGamepads() >>> (id & 0x1f)) & 1) === 1;
  }

  /** Bits down now that were not down in the previous frame's snapshot. */
  btnp(): number {
    return (~this.#previousGamepads & this.#ramGamepads()) >>> 0;
  }

  /** Edge of one button; with hold and period (both >= 0) it also repeats while held. */
  btnpId(id: number, hold = -1, period = -1): boolean {
    const index = id & 0x1f;
    const previous = repeatsNow(this.#buttonHolds[index], hold, period) ? 0 : this.#previousGamepads;
    return (((~previous & this.#ramGamepads()) >>> index) & 1) === 1;
  }

  /** True if any of the 4 key slots is non-zero. */
  key(): boolean {
    return !noKey(this.#keys);
  }

  /** Code 0 asks "any key", as in TIC-80. Codes outside 0..94 are the binding's error; here false. */
  keyCode(code: number): boolean {
    if (code === 0) return this.key();
    return isKeyCode(code) && hasKey(this.#keys, code);
  }

  /** True if some key is down now that was not in the previous frame's snapshot. */
  keyp(): boolean {
    return this.#keys.some((code) => code !== 0 && !hasKey(this.#previousKeys, code));
  }

  /** Edge of one key; with hold and period (both >= 0) it also repeats while held. Code 0 = keyp(). */
  keypCode(code: number, hold = -1, period = -1): boolean {
    if (code === 0) return this.keyp();
    if (!isKeyCode(code)) return false;
    const wasDown = !repeatsNow(this.#keyHolds[code], hold, period) && hasKey(this.#previousKeys, code);
    return !wasDown && hasKey(this.#keys, code);
  }

  /** Screen coordinates (frame coordinates minus the border), or signed deltas in relative mode. */
  mouse(): MouseReading {
    const ram = this.#ram;
    const x = ram[MOUSE_ADDR];
    const y = ram[MOUSE_ADDR + 1];
    const bits = ram[MOUSE_ADDR + 2] | (ram[MOUSE_ADDR + 3] << 8);
    const relative = (bits & MOUSE_RELATIVE) !== 0;
    return [
      relative ? signExtend(x, 8) : x - MARGIN_LEFT,
      relative ? signExtend(y, 8) : y - MARGIN_TOP,
      (bits & MOUSE_LEFT) !== 0,
      (bits & MOUSE_MIDDLE) !== 0,
      (bits & MOUSE_RIGHT) !== 0,
      signExtend(bits >> SCROLL_X_SHIFT, 6),
      signExtend(bits >> SCROLL_Y_SHIFT, 6),
    ];
  }

  #ramGamepads(): number {
    const ram = this.#ram;
    const at = GAMEPADS_ADDR;
    return (ram[at] | (ram[at + 1] << 8) | (ram[at + 2] << 16) | (ram[at + 3] << 24)) >>> 0;
  }

  /** Writes the 12-byte block, clamping and masking whatever the host sent. */
  #writeInputBlock(snapshot: InputSnapshot): void {
    const ram = this.#ram;
    this.#writeGamepads(Number.isFinite(snapshot.gamepads) ? snapshot.gamepads : 0);

    const oldBits = ram[MOUSE_ADDR + 2] | (ram[MOUSE_ADDR + 3] << 8);
    const relative = oldBits & MOUSE_RELATIVE;
    if (relative) {
      ram[MOUSE_ADDR] = clampInt(snapshot.mouseX, -128, 127) & 0xff;
      ram[MOUSE_ADDR + 1] = clampInt(snapshot.mouseY, -128, 127) & 0xff;
    } else {
      ram[MOUSE_ADDR] = clampInt(snapshot.mouseX, 0, FRAME_WIDTH - 1);
      ram[MOUSE_ADDR + 1] = clampInt(snapshot.mouseY, 0, FRAME_HEIGHT - 1);
    }
    const buttons = clampInt(snapshot.mouseButtons, 0, 0xffff) & (MOUSE_LEFT | MOUSE_MIDDLE | MOUSE_RIGHT);
    const scrollX = clampInt(snapshot.scrollX, MOUSE_SCROLL_MIN, MOUSE_SCROLL_MAX) & 0x3f;
    const scrollY = clampInt(snapshot.scrollY, MOUSE_SCROLL_MIN, MOUSE_SCROLL_MAX) & 0x3f;
    const bits = buttons | (scrollX << SCROLL_X_SHIFT) | (scrollY << SCROLL_Y_SHIFT) | relative;
    ram[MOUSE_ADDR + 2] = bits & 0xff;
    ram[MOUSE_ADDR + 3] = bits >>> 8;

    // The first KEY_SLOTS valid codes, in order; the slots left are 0.
    const keys = Array.isArray(snapshot.keys) ? snapshot.keys : [];
    let slot = 0;
    for (let i = 0; i < keys.length && slot < KEY_SLOTS; i++) if (isKeyCode(keys[i])) this.#keys[slot++] = keys[i];
    this.#keys.fill(0, slot);
  }

  /** ORs in the gamepad bit of every button whose mapped key (RAM 0x14E04) is down. */
  #applyKeyMapping(): void {
    const keys = this.#keys;
    if (noKey(keys)) return;
    let mapped = 0;
    for (let button = 0; button < BUTTON_COUNT; button++) {
      const code = this.#ram[BUTTON_MAPPING_ADDR + button];
      if (code !== 0 && hasKey(keys, code)) mapped |= 1 << button;
    }
    this.#writeGamepads(this.#ramGamepads() | mapped);
  }

  #writeGamepads(bits: number): void {
    const ram = this.#ram;
    ram[GAMEPADS_ADDR] = bits & 0xff;
    ram[GAMEPADS_ADDR + 1] = (bits >>> 8) & 0xff;
    ram[GAMEPADS_ADDR + 2] = (bits >>> 16) & 0xff;
    ram[GAMEPADS_ADDR + 3] = (bits >>> 24) & 0xff;
  }

  #countButtonHolds(gamepads: number): void {
    const held = this.#previousGamepads & gamepads;
    if (held === 0) {
      this.#buttonHolds.fill(0);
      return;
    }
    for (let i = 0; i < BUTTON_COUNT; i++) {
      this.#buttonHolds[i] = (held >>> i) & 1 ? this.#buttonHolds[i] + 1 : 0;
    }
  }

  /** A code is held when it is in both the previous snapshot and this one: at most KEY_SLOTS codes; every other count goes to 0. */
  #countKeyHolds(keys: Uint8Array): void {
    const previous = this.#previousKeys;
    const holds = this.#keyHolds;
    const counts = this.#heldCounts;
    for (let i = 0; i < KEY_SLOTS; i++) {
      const code = previous[i];
      counts[i] = code > 0 && code < KEY_CODE_COUNT && hasKey(keys, code) ? holds[code] + 1 : 0;
    }
    holds.fill(0);
    for (let i = 0; i < KEY_SLOTS; i++) if (counts[i] !== 0) holds[previous[i]] = counts[i];
  }
}
