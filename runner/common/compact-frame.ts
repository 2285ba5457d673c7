// The compact frame: what the VM records of one output frame while the cart's BDR and SCN callbacks
// run, in place of the frame's 256x144 RGBA pixels (147,456 bytes). It keeps the VRAM bytes each
// screen line shows (4-bit pixels, the line's Y offset already applied) and the registers that
// colour and shift them, only where they changed from the row before. compose-frame.ts turns it
// into colour indices or RGBA; the studio does the palette lookup in a shader.
//
// Layout, all bytes:
//   ROW_MASK_BYTES   bit r (byte r >> 3, bit r & 7) set: output row r (0..143) has a change
//                    record; always set for row 0
//   LINE_MASK_BYTES  bit l set: screen line l (0..135) has vbank 1 bytes (it is not all transparent)
//   SCREEN_HEIGHT x LINE_BYTES: vbank 0's VRAM row shown on each screen line
//   LINE_BYTES per set bit of the line mask, in line order: vbank 1's VRAM row shown on that line
//   a change record per set bit of the row mask, in row order, to the end:
//     u8 which registers changed (CHANGED bits); then, for each bit set in that order:
//       a palette: u16 little-endian mask of the colours that changed, then 3 bytes (RGB) each
//       the border colour, vbank 1's transparent colour, an X offset (signed): one byte
//     Row 0's record has every bit and every colour set.
import { BORDER_COLOR_ADDR, MARGIN_TOP, PALETTE_ADDR, PALETTE_BYTES, SCREEN_HEIGHT, SCREEN_OFFSET_X_ADDR, SCREEN_WIDTH } from './memory-map.js';
import { FRAME_HEIGHT } from './protocol.js';

/** Bytes of one VRAM screen row: two 4-bit pixels a byte, the low nibble on the left. */
export const LINE_BYTES = SCREEN_WIDTH / 2;
const ROW_MASK_BYTES = FRAME_HEIGHT / 8;
const LINE_MASK_BYTES = SCREEN_HEIGHT / 8;
const LINE_MASK_AT = ROW_MASK_BYTES;
/** Where the screen lines' VRAM bytes (vbank 0's, then vbank 1's) start in a compact frame. */
export const LINES_AT = ROW_MASK_BYTES + LINE_MASK_BYTES;
const BANK0_BYTES = SCREEN_HEIGHT * LINE_BYTES;
const LINE_WORDS = LINE_BYTES / 4;
const COLOURS = 16;
const ALL_COLOURS = 0xffff;

/** Where each register sits in a register block: all of them, as they are on one row. */
export const REGISTER_OFFSETS = {
  palette0: 0,
  palette1: PALETTE_BYTES,
  border: 2 * PALETTE_BYTES,
  transparent: 2 * PALETTE_BYTES + 1,
  offsetX0: 2 * PALETTE_BYTES + 2,
  offsetX1: 2 * PALETTE_BYTES + 3,
} as const;
export const REGISTER_BYTES = 2 * PALETTE_BYTES + 4;

/** A change record's first byte: which registers it holds, in this order. */
const CHANGED = { palette0: 1, palette1: 2, border: 4, transparent: 8, offsetX0: 16, offsetX1: 32 } as const;
const CHANGED_ALL = 63;
const PALETTES = [
  [CHANGED.palette0, REGISTER_OFFSETS.palette0],
  [CHANGED.palette1, REGISTER_OFFSETS.palette1],
] as const;
/** The single-byte registers, in record order. */
const BYTE_REGISTERS = [
  [CHANGED.border, REGISTER_OFFSETS.border],
  [CHANGED.transparent, REGISTER_OFFSETS.transparent],
  [CHANGED.offsetX0, REGISTER_OFFSETS.offsetX0],
  [CHANGED.offsetX1, REGISTER_OFFSETS.offsetX1],
] as const;
const BYTE_REGISTER_BITS = BYTE_REGISTERS.map(([bit]) => bit);
const BYTE_REGISTER_OFFSETS = BYTE_REGISTERS.map(([, offset]) => offset);
/** The largest change record: row 0's. */
const RECORD_MAX_BYTES = 1 + 2 * (2 + PALETTE_BYTES) + BYTE_REGISTERS.length;

/** The largest compact frame: every line with vbank 1 bytes, every register changed on every row. */
export const COMPACT_FRAME_MAX_BYTES = LINES_AT + 2 * BANK0_BYTES + FRAME_HEIGHT * RECORD_MAX_BYTES;

function bitCount(bytes: Uint8Array, from: number, length: number): number {
  let count = 0;
  for (let i = from; i < from + length; i++) for (let b = bytes[i]; b !== 0; b &= b - 1) count++;
  return count;
}

/**
 * Applies the change record at `at` to the register block at `to` in `registers`; the offset after
 * the record, or -1 when it runs past the bytes or holds unknown bits.
 */
function applyRecord(bytes: Uint8Array, at: number, registers: Uint8Array, to: number): number {
  const end = bytes.length;
  if (at >= end) return -1;
  const changed = bytes[at++];
  if (changed > CHANGED_ALL) return -1;
  for (const [bit, palette] of PALETTES) {
    if ((changed & bit) === 0) continue;
    if (at + 2 > end) return -1;
    const colours = bytes[at] | (bytes[at + 1] << 8);
    at += 2;
    for (let c = 0; c < COLOURS; c++) {
      if (((colours >> c) & 1) === 0) continue;
      if (at + 3 > end) return -1;
      registers.set(bytes.subarray(at, at + 3), to + palette + c * 3);
      at += 3;
    }
  }
  for (const [bit, offset] of BYTE_REGISTERS) {
    if ((changed & bit) === 0) continue;
    if (at >= end) return -1;
    registers[to + offset] = bytes[at++];
  }
  return at;
}

/** True when row 0's record at `at` sets every register. */
function setsEverything(bytes: Uint8Array, at: number): boolean {
  if (at + RECORD_MAX_BYTES > bytes.length) return false;
  const second = at + 3 + PALETTE_BYTES;
  return bytes[at] === CHANGED_ALL && (bytes[at + 1] | (bytes[at + 2] << 8)) === ALL_COLOURS && (bytes[second] | (bytes[second + 1] << 8)) === ALL_COLOURS;
}

/** A compact frame's bytes, checked and indexed for reading. */
export class CompactFrame {
  readonly bytes: Uint8Array;
  /** The registers of each row where they changed, REGISTER_BYTES each (see REGISTER_OFFSETS). */
  readonly registerBlocks: Uint8Array;
  /** Where each screen line's vbank 1 bytes start in bytes, or -1 where the line has none. */
  readonly #bank1: Int32Array;
  /** Where the register block in force on each output row starts in registerBlocks. */
  readonly #registers: Int32Array;

  /** The frame in `bytes`, or null when they are not a well-formed compact frame. */
  static parse(bytes: Uint8Array): CompactFrame | null {
    if (bytes.length < LINES_AT + BANK0_BYTES || (bytes[0] & 1) === 0) return null;
    const bank1 = new Int32Array(SCREEN_HEIGHT);
    let at = LINES_AT + BANK0_BYTES;
    for (let line = 0; line < SCREEN_HEIGHT; line++) {
      const has = (bytes[LINE_MASK_AT + (line >> 3)] >> (line & 7)) & 1;
      bank1[line] = has ? at : -1;
      if (has) at += LINE_BYTES;
    }
    if (!setsEverything(bytes, at)) return null;
    const blocks = new Uint8Array(bitCount(bytes, 0, ROW_MASK_BYTES) * REGISTER_BYTES);
    const registers = new Int32Array(FRAME_HEIGHT);
    let block = -REGISTER_BYTES;
    for (let row = 0; row < FRAME_HEIGHT; row++) {
      if ((bytes[row >> 3] >> (row & 7)) & 1) {
        // A row's block starts as the row before's, then takes the record's changes.
        if (block >= 0) blocks.copyWithin(block + REGISTER_BYTES, block, block + REGISTER_BYTES);
        block += REGISTER_BYTES;
        at = applyRecord(bytes, at, blocks, block);
        if (at < 0) return null;
      }
      registers[row] = block;
    }
    return at === bytes.length ? new CompactFrame(bytes, blocks, bank1, registers) : null;
  }

  /** The frame in `bytes`, which the runner's own code recorded: malformed ones are a bug, thrown. */
  static of(bytes: Uint8Array): CompactFrame {
    const frame = CompactFrame.parse(bytes);
    if (!frame) throw new RangeError(`malformed compact frame of ${bytes.length} bytes`);
    return frame;
  }

  private constructor(bytes: Uint8Array, registerBlocks: Uint8Array, bank1: Int32Array, registers: Int32Array) {
    this.bytes = bytes;
    this.registerBlocks = registerBlocks;
    this.#bank1 = bank1;
    this.#registers = registers;
  }

  /** Where vbank 0's bytes for screen line `line` start in bytes. */
  bank0Line(line: number): number {
    return LINES_AT + line * LINE_BYTES;
  }

  /** Where vbank 1's bytes for screen line `line` start in bytes, or -1 when the line shows none of vbank 1. */
  bank1Line(line: number): number {
    return this.#bank1[line];
  }

  /** Where the register block in force on output row `row` starts in registerBlocks (see REGISTER_OFFSETS). */
  registers(row: number): number {
    return this.#registers[row];
  }
}

/**
 * Records one compact frame: the VM gives it each row's registers and each line's VRAM rows as the
 * frame is composed, then takes the bytes. Reused from frame to frame.
 */
export class CompactFrameWriter {
  readonly #masks = new Uint8Array(LINES_AT);
  readonly #bank0 = new Uint32Array(BANK0_BYTES / 4);
  readonly #bank1 = new Uint32Array(BANK0_BYTES / 4);
  /** The two banks' words as bytes, for finishing. */
  readonly #bank0Bytes = new Uint8Array(this.#bank0.buffer);
  readonly #bank1Bytes = new Uint8Array(this.#bank1.buffer);
  readonly #records = new Uint8Array(FRAME_HEIGHT * RECORD_MAX_BYTES);
  /** The registers as the records so far leave them. */
  readonly #current = new Uint8Array(REGISTER_BYTES);
  /** The single-byte registers of the row being recorded, in BYTE_REGISTERS order. */
  readonly #byteRegisters = new Uint8Array(BYTE_REGISTERS.length);
  #bank1Words = 0;
  #recordBytes = 0;

  /** Starts a frame: no line, no register yet. */
  begin(): void {
    this.#masks.fill(0);
    this.#bank1Words = 0;
    this.#recordBytes = 0;
  }

  /**
   * The registers in force from output row `row` on (rows in increasing order, row 0 first), read
   * from both VRAM banks; recorded where they differ from the row before. Called for every row of a
   * cart with SCN or BDR, so it compares the banks' bytes in place and copies only what changed.
   */
  registers(row: number, bank0: Uint8Array, bank1: Uint8Array): void {
    const current = this.#current;
    const records = this.#records;
    const everything = row === 0;
    const start = this.#recordBytes;
    let changed = 0;
    let at = start + 1;
    // Indexed code rather than loops over PALETTES and BYTE_REGISTERS, whose destructuring is costly
    // to run and to optimize in code this hot.
    const palette = everything ? recordWholePalette : recordPalette;
    let next = palette(bank0, current, REGISTER_OFFSETS.palette0, records, at);
    if (next !== at) changed |= CHANGED.palette0;
    at = next;
    next = palette(bank1, current, REGISTER_OFFSETS.palette1, records, at);
    if (next !== at) changed |= CHANGED.palette1;
    at = next;
    const byteRegisters = this.#byteRegisters;
    byteRegisters[0] = bank0[BORDER_COLOR_ADDR] & 15;
    byteRegisters[1] = bank1[BORDER_COLOR_ADDR] & 15;
    byteRegisters[2] = bank0[SCREEN_OFFSET_X_ADDR];
    byteRegisters[3] = bank1[SCREEN_OFFSET_X_ADDR];
    for (let k = 0; k < BYTE_REGISTER_OFFSETS.length; k++) {
      const offset = BYTE_REGISTER_OFFSETS[k];
      const value = byteRegisters[k];
      if (!everything && value === current[offset]) continue;
      changed |= BYTE_REGISTER_BITS[k];
      records[at++] = current[offset] = value;
    }
    if (changed === 0) return;
    records[start] = changed;
    this.#recordBytes = at;
    this.#masks[row >> 3] |= 1 << (row & 7);
  }

  /** vbank 0's VRAM row shown on screen line `line`: the LINE_BYTES from word `from` of the bank's words. */
  bank0Line(line: number, bankWords: Uint32Array, from: number): void {
    copyLine(bankWords, from, this.#bank0, line * LINE_WORDS);
  }

  /** vbank 0's whole screen, its VRAM rows from `firstRow` on shown from line 0 down, wrapping round. */
  bank0Screen(bankWords: Uint32Array, firstRow: number): void {
    const split = firstRow * LINE_WORDS;
    this.#bank0.set(bankWords.subarray(split, SCREEN_HEIGHT * LINE_WORDS));
    this.#bank0.set(bankWords.subarray(0, split), (SCREEN_HEIGHT - firstRow) * LINE_WORDS);
  }

  /** vbank 1's VRAM row shown on screen line `line` (lines in increasing order), when it is not all transparent. */
  bank1Line(line: number, bankWords: Uint32Array, from: number): void {
    copyLine(bankWords, from, this.#bank1, this.#bank1Words);
    this.#bank1Words += LINE_WORDS;
    this.#masks[LINE_MASK_AT + (line >> 3)] |= 1 << (line & 7);
  }

  /** The frame recorded since begin(), in a buffer of its own. */
  finish(): Uint8Array<ArrayBuffer> {
    const out = new Uint8Array(this.#byteLength());
    this.finishInto(out);
    return out;
  }

  /** Writes the frame recorded since begin() at the start of `out` (at least COMPACT_FRAME_MAX_BYTES long); its length. */
  finishInto(out: Uint8Array): number {
    const bank1Bytes = this.#bank1Words * 4;
    out.set(this.#masks);
    out.set(this.#bank0Bytes, LINES_AT);
    if (bank1Bytes > 0) out.set(this.#bank1Bytes.subarray(0, bank1Bytes), LINES_AT + BANK0_BYTES);
    out.set(this.#records.subarray(0, this.#recordBytes), LINES_AT + BANK0_BYTES + bank1Bytes);
    return this.#byteLength();
  }

  #byteLength(): number {
    return LINES_AT + BANK0_BYTES + this.#bank1Words * 4 + this.#recordBytes;
  }
}

/**
 * Records every colour of `bank`'s palette as a palette change at `at` in `records`, and takes it
 * as `current`'s from `offset` on; the offset after the change. Two block copies (row 0 of every frame).
 */
function recordWholePalette(bank: Uint8Array, current: Uint8Array, offset: number, records: Uint8Array, at: number): number {
  const colours = bank.subarray(PALETTE_ADDR, PALETTE_ADDR + PALETTE_BYTES);
  records[at] = ALL_COLOURS & 0xff;
  records[at + 1] = ALL_COLOURS >> 8;
  records.set(colours, at + 2);
  current.set(colours, offset);
  return at + 2 + PALETTE_BYTES;
}

/**
 * Records the colours of `bank`'s palette that differ from `current`'s from `offset` on (and takes
 * them there) as a palette change at `at` in `records`; the offset after it, or `at` when none did.
 */
function recordPalette(bank: Uint8Array, current: Uint8Array, offset: number, records: Uint8Array, at: number): number {
  let colours = 0;
  let to = at + 2;
  for (let c = 0, i = offset, from = PALETTE_ADDR; c < COLOURS; c++, i += 3, from += 3) {
    const r = bank[from];
    const g = bank[from + 1];
    const b = bank[from + 2];
    if (r === current[i] && g === current[i + 1] && b === current[i + 2]) continue;
    colours |= 1 << c;
    records[to] = current[i] = r;
    records[to + 1] = current[i + 1] = g;
    records[to + 2] = current[i + 2] = b;
    to += 3;
  }
  if (colours === 0) return at;
  records[at] = colours & 0xff;
  records[at + 1] = colours >> 8;
  return to;
}

function copyLine(from: Uint32Array, at: number, to: Uint32Array, into: number): void {
  for (let i = 0; i < LINE_WORDS; i++) to[into + i] = from[at + i];
}

/** The screen line output row `row` shows, or -1 for the border rows above and below the screen. */
export function screenLineOf(row: number): number {
  const line = row - MARGIN_TOP;
  return line >= 0 && line < SCREEN_HEIGHT ? line : -1;
}
