// The compact frame: what the VM records of one output frame while the cart's BDR and SCN callbacks
// run, in place of the frame's 256x144 RGBA pixels (147,456 bytes). It keeps the VRAM bytes each
// screen line shows (4-bit pixels, the line's Y offset already applied) and the registers that
// colour and shift them, only for the rows where they changed. compose-frame.ts turns it into
// colour indices or RGBA; the studio does the palette lookup in a shader.
//
// Layout, all bytes:
//   ROW_MASK_BYTES   bit r (byte r >> 3, bit r & 7) set: output row r (0..143) has a register
//                    record; always set for row 0
//   LINE_MASK_BYTES  bit l set: screen line l (0..135) has vbank 1 bytes (it is not all transparent)
//   SCREEN_HEIGHT x LINE_BYTES: vbank 0's VRAM row shown on each screen line
//   LINE_BYTES per set bit of the line mask, in line order: vbank 1's VRAM row shown on that line
//   REGISTER_BYTES per set bit of the row mask, in row order: the registers from that row on
//     (REGISTER_OFFSETS: both palettes, the border colour, vbank 1's transparent colour, and both
//     banks' X offsets as signed bytes)
import { BORDER_COLOR_ADDR, MARGIN_TOP, PALETTE_ADDR, PALETTE_BYTES, SCREEN_HEIGHT, SCREEN_OFFSET_X_ADDR, SCREEN_WIDTH } from './memory-map.js';
import { FRAME_HEIGHT } from './protocol.js';

/** Bytes of one VRAM screen row: two 4-bit pixels a byte, the low nibble on the left. */
export const LINE_BYTES = SCREEN_WIDTH / 2;
const ROW_MASK_BYTES = FRAME_HEIGHT / 8;
const LINE_MASK_BYTES = SCREEN_HEIGHT / 8;
const LINE_MASK_AT = ROW_MASK_BYTES;
const LINES_AT = ROW_MASK_BYTES + LINE_MASK_BYTES;
const BANK0_BYTES = SCREEN_HEIGHT * LINE_BYTES;

/** Where each register sits in a register record. */
export const REGISTER_OFFSETS = {
  palette0: 0,
  palette1: PALETTE_BYTES,
  border: 2 * PALETTE_BYTES,
  transparent: 2 * PALETTE_BYTES + 1,
  offsetX0: 2 * PALETTE_BYTES + 2,
  offsetX1: 2 * PALETTE_BYTES + 3,
} as const;
export const REGISTER_BYTES = 2 * PALETTE_BYTES + 4;

/** The largest compact frame: every line with vbank 1 bytes, registers changed on every row. */
export const COMPACT_FRAME_MAX_BYTES = LINES_AT + 2 * BANK0_BYTES + FRAME_HEIGHT * REGISTER_BYTES;

function bitCount(bytes: Uint8Array, from: number, length: number): number {
  let count = 0;
  for (let i = from; i < from + length; i++) for (let b = bytes[i]; b !== 0; b &= b - 1) count++;
  return count;
}

/** A compact frame's bytes, checked and indexed for reading. */
export class CompactFrame {
  readonly bytes: Uint8Array;
  /** Where each screen line's vbank 1 bytes start, or -1 where the line has none. */
  readonly #bank1 = new Int32Array(SCREEN_HEIGHT);
  /** Where the register record in force on each output row starts. */
  readonly #registers = new Int32Array(FRAME_HEIGHT);

  /** The frame in `bytes`, or null when they are not a well-formed compact frame. */
  static parse(bytes: Uint8Array): CompactFrame | null {
    if (bytes.length < LINES_AT + BANK0_BYTES || (bytes[0] & 1) === 0) return null;
    const lines1 = bitCount(bytes, LINE_MASK_AT, LINE_MASK_BYTES);
    const records = bitCount(bytes, 0, ROW_MASK_BYTES);
    const length = LINES_AT + BANK0_BYTES + lines1 * LINE_BYTES + records * REGISTER_BYTES;
    return length === bytes.length ? new CompactFrame(bytes) : null;
  }

  /** The frame in `bytes`, which the runner's own code recorded: malformed ones are a bug, thrown. */
  static of(bytes: Uint8Array): CompactFrame {
    const frame = CompactFrame.parse(bytes);
    if (!frame) throw new RangeError(`malformed compact frame of ${bytes.length} bytes`);
    return frame;
  }

  private constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    let at = LINES_AT + BANK0_BYTES;
    for (let line = 0; line < SCREEN_HEIGHT; line++) {
      const has = (bytes[LINE_MASK_AT + (line >> 3)] >> (line & 7)) & 1;
      this.#bank1[line] = has ? at : -1;
      if (has) at += LINE_BYTES;
    }
    let record = at;
    for (let row = 0; row < FRAME_HEIGHT; row++) {
      if ((bytes[row >> 3] >> (row & 7)) & 1) {
        this.#registers[row] = at;
        at += REGISTER_BYTES;
      } else this.#registers[row] = record;
      record = this.#registers[row];
    }
  }

  /** Where vbank 0's bytes for screen line `line` start in bytes. */
  bank0Line(line: number): number {
    return LINES_AT + line * LINE_BYTES;
  }

  /** Where vbank 1's bytes for screen line `line` start in bytes, or -1 when the line shows none of vbank 1. */
  bank1Line(line: number): number {
    return this.#bank1[line];
  }

  /** Where the register record in force on output row `row` starts in bytes (see REGISTER_OFFSETS). */
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
  readonly #records = new Uint8Array(FRAME_HEIGHT * REGISTER_BYTES);
  /** Where the last record starts in #records. */
  #current = 0;
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
   * from both VRAM banks; kept only when they differ from the row before.
   */
  registers(row: number, bank0: Uint8Array, bank1: Uint8Array): void {
    const records = this.#records;
    const at = this.#recordBytes;
    for (let i = 0; i < PALETTE_BYTES; i++) {
      records[at + REGISTER_OFFSETS.palette0 + i] = bank0[PALETTE_ADDR + i];
      records[at + REGISTER_OFFSETS.palette1 + i] = bank1[PALETTE_ADDR + i];
    }
    records[at + REGISTER_OFFSETS.border] = bank0[BORDER_COLOR_ADDR] & 15;
    records[at + REGISTER_OFFSETS.transparent] = bank1[BORDER_COLOR_ADDR] & 15;
    records[at + REGISTER_OFFSETS.offsetX0] = bank0[SCREEN_OFFSET_X_ADDR];
    records[at + REGISTER_OFFSETS.offsetX1] = bank1[SCREEN_OFFSET_X_ADDR];
    if (row !== 0) {
      const last = this.#current;
      let same = true;
      for (let i = 0; i < REGISTER_BYTES; i++) {
        if (records[at + i] !== records[last + i]) {
          same = false;
          break;
        }
      }
      if (same) return;
    }
    this.#current = at;
    this.#recordBytes += REGISTER_BYTES;
    this.#masks[row >> 3] |= 1 << (row & 7);
  }

  /** vbank 0's VRAM row shown on screen line `line`: the LINE_BYTES from word `from` of the bank's words. */
  bank0Line(line: number, bankWords: Uint32Array, from: number): void {
    copyLine(bankWords, from, this.#bank0, line * LINE_WORDS);
  }

  /** vbank 1's VRAM row shown on screen line `line` (lines in increasing order), when it is not all transparent. */
  bank1Line(line: number, bankWords: Uint32Array, from: number): void {
    copyLine(bankWords, from, this.#bank1, this.#bank1Words);
    this.#bank1Words += LINE_WORDS;
    this.#masks[LINE_MASK_AT + (line >> 3)] |= 1 << (line & 7);
  }

  /** The frame recorded since begin(), in a buffer of its own. */
  finish(): Uint8Array<ArrayBuffer> {
    const bank1Bytes = this.#bank1Words * 4;
    const out = new Uint8Array(LINES_AT + BANK0_BYTES + bank1Bytes + this.#recordBytes);
    out.set(this.#masks);
    out.set(new Uint8Array(this.#bank0.buffer), LINES_AT);
    out.set(new Uint8Array(this.#bank1.buffer, 0, bank1Bytes), LINES_AT + BANK0_BYTES);
    out.set(this.#records.subarray(0, this.#recordBytes), LINES_AT + BANK0_BYTES + bank1Bytes);
    return out;
  }
}

const LINE_WORDS = LINE_BYTES / 4;

function copyLine(from: Uint32Array, at: number, to: Uint32Array, into: number): void {
  for (let i = 0; i < LINE_WORDS; i++) to[into + i] = from[at + i];
}

/** The screen line output row `row` shows, or -1 for the border rows above and below the screen. */
export function screenLineOf(row: number): number {
  const line = row - MARGIN_TOP;
  return line >= 0 && line < SCREEN_HEIGHT ? line : -1;
}
