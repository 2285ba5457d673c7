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

function offset(bank: Uint8Array, addr: number): number {
  return (bank[addr] << 24) >> 24;
}

/** Writes one frame as RGBA bytes (alpha 255); pixels are stored as 32-bit words. */
export class FrameComposer {
  private readonly pal0 = new Uint32Array(16);
  private readonly pal1 = new Uint32Array(16);
  private readonly scratch = new Uint32Array(FRAME_PIXELS);

  constructor(private readonly banks: VramBanks) {}

  /** out holds at least 256 x 144 x 4 bytes. */
  compose(out: Uint8Array, rows?: RowCallbacks): void {
    if (out.length < FRAME_BYTES) throw new RangeError(`frame buffer needs ${FRAME_BYTES} bytes, got ${out.length}`);
    const aligned = out.byteOffset % 4 === 0;
    const words = aligned ? new Uint32Array(out.buffer, out.byteOffset, FRAME_PIXELS) : this.scratch;
    for (let row = 0; row < FRAME_HEIGHT; row++) {
      if (rows !== undefined) {
        rows.bdr?.(row);
        if (row === 0) rows.scn?.(0);
        else if (row > MARGIN_TOP && row < SCREEN_HEIGHT + MARGIN_TOP) rows.scn?.(row - MARGIN_TOP);
      }
      this.composeRow(words, row);
    }
    if (!aligned) out.set(new Uint8Array(this.scratch.buffer));
  }

  // Palettes, border and offsets are read after the callbacks, so their pokes apply from this row.
  private composeRow(words: Uint32Array, row: number): void {
    const bank0 = this.banks.bankMemory(0);
    const bank1 = this.banks.bankMemory(1);
    const pal0 = this.pal0;
    const pal1 = this.pal1;
    readPalette(bank0, pal0);
    readPalette(bank1, pal1);
    const rowStart = row * FRAME_WIDTH;
    words.fill(pal0[bank0[BORDER_COLOR_ADDR] & 15], rowStart, rowStart + FRAME_WIDTH);
    const line = row - MARGIN_TOP;
    if (line < 0 || line >= SCREEN_HEIGHT) return;
    const clear = bank1[BORDER_COLOR_ADDR] & 15;
    // Displayed pixel (x, y) shows the bank's VRAM pixel ((x + offX) mod 240, (y + offY) mod 136):
    // positive offsets scroll the picture left and up (reference 3.4).
    const start0 = ((line + offset(bank0, SCREEN_OFFSET_Y_ADDR) + SCREEN_HEIGHT) % SCREEN_HEIGHT) * SCREEN_WIDTH;
    const start1 = ((line + offset(bank1, SCREEN_OFFSET_Y_ADDR) + SCREEN_HEIGHT) % SCREEN_HEIGHT) * SCREEN_WIDTH;
    const shift0 = SCREEN_WIDTH + offset(bank0, SCREEN_OFFSET_X_ADDR);
    const shift1 = SCREEN_WIDTH + offset(bank1, SCREEN_OFFSET_X_ADDR);
    const dest = rowStart + MARGIN_LEFT;
    let x1 = shift1 % SCREEN_WIDTH;
    let x0 = shift0 % SCREEN_WIDTH;
    for (let x = 0; x < SCREEN_WIDTH; x++) {
      const i1 = start1 + x1;
      const p1 = (bank1[i1 >> 1] >> ((i1 & 1) << 2)) & 15;
      if (p1 !== clear) {
        words[dest + x] = pal1[p1];
      } else {
        const i0 = start0 + x0;
        words[dest + x] = pal0[(bank0[i0 >> 1] >> ((i0 & 1) << 2)) & 15];
      }
      if (++x1 === SCREEN_WIDTH) x1 = 0;
      if (++x0 === SCREEN_WIDTH) x0 = 0;
    }
  }
}

function readPalette(bank: Uint8Array, into: Uint32Array): void {
  for (let c = 0, a = PALETTE_ADDR; c < 16; c++, a += 3) {
    const r = bank[a], g = bank[a + 1], b = bank[a + 2];
    into[c] = LITTLE_ENDIAN ? (0xff000000 | (b << 16) | (g << 8) | r) >>> 0 : ((r << 24) | (g << 16) | (b << 8) | 0xff) >>> 0;
  }
}
