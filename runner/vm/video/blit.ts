// Composing the 256 x 144 output frame from both VRAM banks (reference §2, §3.3-3.5).
import {
  BORDER_COLOR_ADDR,
  MARGIN_LEFT,
  MARGIN_TOP,
  PALETTE_ADDR,
  SCREEN_HEIGHT,
  SCREEN_OFFSET_X_ADDR,
  SCREEN_OFFSET_Y_ADDR,
  SCREEN_WIDTH,
} from '../../common/memory-map.js';
import { FRAME_BYTES, FRAME_HEIGHT, FRAME_WIDTH } from '../../common/protocol.js';

/** The cart's BDR and SCN callbacks, called while the frame is composed. */
export interface RowCallbacks {
  /** Before output row 0..143. */
  bdr?(row: number): void;
  /** Before screen line `row` is composed: SCN(0) at output row 0, SCN(n) at output row n + 4. */
  scn?(row: number): void;
}

/** Where each VRAM bank is right now: callbacks may switch banks in the middle of a frame. */
export interface VramBanks {
  /** The 16 KB holding bank `id` (the RAM's first 16 KB for the selected bank). */
  bankMemory(id: number): Uint8Array;
}

const FRAME_PIXELS = FRAME_WIDTH * FRAME_HEIGHT;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/** Bytes of one VRAM screen row: two 4-bit pixels a byte. */
const ROW_BYTES = SCREEN_WIDTH / 2;
const ROW_WORDS = ROW_BYTES / 4;
const MARGIN_RIGHT = FRAME_WIDTH - MARGIN_LEFT - SCREEN_WIDTH;

function offset(bank: Uint8Array, addr: number): number {
  return (bank[addr] << 24) >> 24;
}

/**
 * What the composition reads from the banks' registers: palettes as RGBA words, border, vbank 1's
 * transparent colour and both banks' screen offsets. Read once a frame, or after every row's
 * callbacks when the cart has any, since they may poke these in the middle of the frame.
 */
class ComposeState {
  readonly pal0 = new Uint32Array(16);
  readonly pal1 = new Uint32Array(16);
  border = 0;
  clear = 0;
  /** vbank 1's VRAM byte with the transparent colour in both pixels, as a word of 4 such bytes. */
  clearWord = 0;
  offsetX0 = 0;
  offsetY0 = 0;
  offsetX1 = 0;
  offsetY1 = 0;

  read(bank0: Uint8Array, bank1: Uint8Array): void {
    readPalette(bank0, this.pal0);
    readPalette(bank1, this.pal1);
    this.border = this.pal0[bank0[BORDER_COLOR_ADDR] & 15];
    this.clear = bank1[BORDER_COLOR_ADDR] & 15;
    this.clearWord = Math.imul(this.clear * 0x11, 0x01010101) >>> 0;
    this.offsetX0 = offset(bank0, SCREEN_OFFSET_X_ADDR);
    this.offsetY0 = offset(bank0, SCREEN_OFFSET_Y_ADDR);
    this.offsetX1 = offset(bank1, SCREEN_OFFSET_X_ADDR);
    this.offsetY1 = offset(bank1, SCREEN_OFFSET_Y_ADDR);
  }
}

/** Writes one frame as RGBA bytes (alpha 255); pixels are stored as 32-bit words. */
export class FrameComposer {
  private readonly state = new ComposeState();
  private readonly scratch = new Uint32Array(FRAME_PIXELS);
  /** A word view of the last vbank 1 memory seen, to test a row for transparency 4 bytes at a time. */
  private bank1Bytes: Uint8Array | undefined;
  private bank1Words: Uint32Array | undefined;

  constructor(private readonly banks: VramBanks) {}

  /** out holds at least 256 x 144 x 4 bytes. */
  compose(out: Uint8Array, rows?: RowCallbacks): void {
    if (out.length < FRAME_BYTES) throw new RangeError(`frame buffer needs ${FRAME_BYTES} bytes, got ${out.length}`);
    const aligned = out.byteOffset % 4 === 0;
    const words = aligned ? new Uint32Array(out.buffer, out.byteOffset, FRAME_PIXELS) : this.scratch;
    if (rows === undefined) this.state.read(this.banks.bankMemory(0), this.banks.bankMemory(1));
    for (let row = 0; row < FRAME_HEIGHT; row++) {
      if (rows !== undefined) {
        rows.bdr?.(row);
        if (row === 0) rows.scn?.(0);
        else if (row > MARGIN_TOP && row < SCREEN_HEIGHT + MARGIN_TOP) rows.scn?.(row - MARGIN_TOP);
        // Palettes, border and offsets are read after the callbacks, so their pokes apply from this row.
        this.state.read(this.banks.bankMemory(0), this.banks.bankMemory(1));
      }
      this.composeRow(words, row);
    }
    if (!aligned) out.set(new Uint8Array(this.scratch.buffer));
  }

  private composeRow(words: Uint32Array, row: number): void {
    const state = this.state;
    const rowStart = row * FRAME_WIDTH;
    const line = row - MARGIN_TOP;
    if (line < 0 || line >= SCREEN_HEIGHT) {
      words.fill(state.border, rowStart, rowStart + FRAME_WIDTH);
      return;
    }
    const dest = rowStart + MARGIN_LEFT;
    words.fill(state.border, rowStart, dest);
    words.fill(state.border, dest + SCREEN_WIDTH, dest + SCREEN_WIDTH + MARGIN_RIGHT);
    // Displayed pixel (x, y) shows the bank's VRAM pixel ((x + offX) mod 240, (y + offY) mod 136):
    // positive offsets scroll the picture left and up (reference 3.4).
    const bank0 = this.banks.bankMemory(0);
    const vramRow0 = (line + state.offsetY0 + SCREEN_HEIGHT) % SCREEN_HEIGHT;
    decodeRow(words, dest, bank0, vramRow0 * ROW_BYTES, (SCREEN_WIDTH + state.offsetX0) % SCREEN_WIDTH, state.pal0);
    // vbank 1 is drawn over it, but for its pixels of the transparent colour; most rows have none other.
    const bank1 = this.banks.bankMemory(1);
    const vramRow1 = (line + state.offsetY1 + SCREEN_HEIGHT) % SCREEN_HEIGHT;
    if (this.rowIsClear(bank1, vramRow1 * ROW_BYTES)) return;
    overlayRow(words, dest, bank1, vramRow1 * ROW_BYTES, (SCREEN_WIDTH + state.offsetX1) % SCREEN_WIDTH, state.pal1, state.clear);
  }

  /** True when the VRAM row at rowByte (a multiple of 4) holds only the transparent colour. */
  private rowIsClear(bank: Uint8Array, rowByte: number): boolean {
    const clearWord = this.state.clearWord;
    if (bank.byteOffset % 4 !== 0) {
      const clearByte = clearWord & 255;
      for (let i = rowByte; i < rowByte + ROW_BYTES; i++) if (bank[i] !== clearByte) return false;
      return true;
    }
    if (bank !== this.bank1Bytes) {
      this.bank1Bytes = bank;
      this.bank1Words = new Uint32Array(bank.buffer, bank.byteOffset, bank.length >> 2);
    }
    const bankWords = this.bank1Words as Uint32Array;
    const first = rowByte >> 2;
    for (let i = first; i < first + ROW_WORDS; i++) if (bankWords[i] !== clearWord) return false;
    return true;
  }
}

/**
 * Writes the 240 pixels of the VRAM row at rowByte, starting from VRAM column `from` and wrapping
 * around, as palette words at dest. A pixel's low nibble is the left one of its byte.
 */
function decodeRow(words: Uint32Array, dest: number, bank: Uint8Array, rowByte: number, from: number, pal: Uint32Array): void {
  let d = dest;
  const firstByte = from >> 1;
  if ((from & 1) === 0) {
    for (let i = rowByte + firstByte, end = rowByte + ROW_BYTES; i < end; i++, d += 2) {
      const b = bank[i];
      words[d] = pal[b & 15];
      words[d + 1] = pal[b >> 4];
    }
    for (let i = rowByte, end = rowByte + firstByte; i < end; i++, d += 2) {
      const b = bank[i];
      words[d] = pal[b & 15];
      words[d + 1] = pal[b >> 4];
    }
    return;
  }
  // An odd start: the first pixel is the right half of its byte, and that byte's left half comes last.
  const split = bank[rowByte + firstByte];
  words[d++] = pal[split >> 4];
  for (let i = rowByte + firstByte + 1, end = rowByte + ROW_BYTES; i < end; i++, d += 2) {
    const b = bank[i];
    words[d] = pal[b & 15];
    words[d + 1] = pal[b >> 4];
  }
  for (let i = rowByte, end = rowByte + firstByte; i < end; i++, d += 2) {
    const b = bank[i];
    words[d] = pal[b & 15];
    words[d + 1] = pal[b >> 4];
  }
  words[d] = pal[split & 15];
}

/** Draws the VRAM row at rowByte over the 240 words at dest, but for pixels of colour `clear`. */
function overlayRow(words: Uint32Array, dest: number, bank: Uint8Array, rowByte: number, from: number, pal: Uint32Array, clear: number): void {
  const base = 2 * rowByte;
  let x1 = from;
  for (let x = 0; x < SCREEN_WIDTH; x++) {
    const i = base + x1;
    const p = (bank[i >> 1] >> ((i & 1) << 2)) & 15;
    if (p !== clear) words[dest + x] = pal[p];
    if (++x1 === SCREEN_WIDTH) x1 = 0;
  }
}

function readPalette(bank: Uint8Array, into: Uint32Array): void {
  for (let c = 0, a = PALETTE_ADDR; c < 16; c++, a += 3) {
    const r = bank[a], g = bank[a + 1], b = bank[a + 2];
    into[c] = LITTLE_ENDIAN ? (0xff000000 | (b << 16) | (g << 8) | r) >>> 0 : ((r << 24) | (g << 16) | (b << 8) | 0xff) >>> 0;
  }
}
