// The output frame from a compact frame (reference §2, §3.3-3.5): the one composition that every
// host's pixels come from. expandFrame gives each pixel's colour index and each row's palette (what
// the studio's shader looks up); composeFrame looks them up into RGBA.
import { type CompactFrame, REGISTER_OFFSETS, screenLineOf } from './compact-frame.js';
import { MARGIN_LEFT, SCREEN_WIDTH } from './memory-map.js';
import { FRAME_BYTES, FRAME_HEIGHT, FRAME_WIDTH } from './protocol.js';

/** Colours in one row of the palette expandFrame writes: vbank 0's 16, then vbank 1's. */
export const ROW_PALETTE_COLOURS = 32;
/** Index of a vbank 1 colour c: c + VBANK1_INDEX. */
const VBANK1_INDEX = 16;
/** Bytes of the indices expandFrame writes: one per pixel. */
export const FRAME_INDEX_BYTES = FRAME_WIDTH * FRAME_HEIGHT;
/** Bytes of the palettes expandFrame writes: ROW_PALETTE_COLOURS RGBA colours per output row. */
export const FRAME_PALETTE_BYTES = ROW_PALETTE_COLOURS * 4 * FRAME_HEIGHT;

function signed(byte: number): number {
  return (byte << 24) >> 24;
}

/**
 * Writes each pixel's colour index (0..15 for vbank 0 and the border, 16..31 for vbank 1's colours
 * 0..15) into `indices` (FRAME_INDEX_BYTES, row by row) and each output row's palettes as RGBA
 * (alpha 255) into `palettes` (FRAME_PALETTE_BYTES).
 */
export function expandFrame(frame: CompactFrame, indices: Uint8Array, palettes: Uint8Array): void {
  const bytes = frame.bytes;
  const blocks = frame.registerBlocks;
  for (let row = 0; row < FRAME_HEIGHT; row++) {
    const registers = frame.registers(row);
    writeRowPalette(blocks, registers, palettes, row * ROW_PALETTE_COLOURS * 4);
    const rowStart = row * FRAME_WIDTH;
    const border = blocks[registers + REGISTER_OFFSETS.border] & 15;
    const line = screenLineOf(row);
    if (line < 0) {
      indices.fill(border, rowStart, rowStart + FRAME_WIDTH);
      continue;
    }
    const dest = rowStart + MARGIN_LEFT;
    indices.fill(border, rowStart, dest);
    indices.fill(border, dest + SCREEN_WIDTH, rowStart + FRAME_WIDTH);
    // Displayed pixel x shows the line's VRAM pixel (x + offsetX) mod 240: positive offsets scroll
    // the picture left (reference 3.4).
    const from0 = (SCREEN_WIDTH + signed(blocks[registers + REGISTER_OFFSETS.offsetX0])) % SCREEN_WIDTH;
    const base0 = frame.bank0Line(line) * 2;
    for (let x = 0, i = from0; x < SCREEN_WIDTH; x++) {
      const at = base0 + i;
      indices[dest + x] = (bytes[at >> 1] >> ((at & 1) << 2)) & 15;
      if (++i === SCREEN_WIDTH) i = 0;
    }
    // vbank 1 over it, but for its pixels of the transparent colour.
    const line1 = frame.bank1Line(line);
    if (line1 < 0) continue;
    const transparent = blocks[registers + REGISTER_OFFSETS.transparent] & 15;
    const from1 = (SCREEN_WIDTH + signed(blocks[registers + REGISTER_OFFSETS.offsetX1])) % SCREEN_WIDTH;
    const base1 = line1 * 2;
    for (let x = 0, i = from1; x < SCREEN_WIDTH; x++) {
      const at = base1 + i;
      const p = (bytes[at >> 1] >> ((at & 1) << 2)) & 15;
      if (p !== transparent) indices[dest + x] = p + VBANK1_INDEX;
      if (++i === SCREEN_WIDTH) i = 0;
    }
  }
}

/** Both banks' palettes of one register block as RGBA, from `at` in `palettes`. */
function writeRowPalette(blocks: Uint8Array, registers: number, palettes: Uint8Array, at: number): void {
  for (const [palette, first] of [
    [REGISTER_OFFSETS.palette0, 0],
    [REGISTER_OFFSETS.palette1, VBANK1_INDEX],
  ] as const) {
    for (let c = 0; c < 16; c++) {
      const from = registers + palette + c * 3;
      const to = at + (first + c) * 4;
      palettes[to] = blocks[from];
      palettes[to + 1] = blocks[from + 1];
      palettes[to + 2] = blocks[from + 2];
      palettes[to + 3] = 255;
    }
  }
}

/** Reused by composeFrame: the frame's indices and palettes. */
const scratch = { indices: new Uint8Array(FRAME_INDEX_BYTES), palettes: new Uint8Array(FRAME_PALETTE_BYTES) };

/** Writes the frame as RGBA bytes (alpha 255) into `out`, which holds at least FRAME_BYTES. */
export function composeFrame(frame: CompactFrame, out: Uint8Array): void {
  if (out.length < FRAME_BYTES) throw new RangeError(`frame buffer needs ${FRAME_BYTES} bytes, got ${out.length}`);
  const { indices, palettes } = scratch;
  expandFrame(frame, indices, palettes);
  for (let row = 0, p = 0; row < FRAME_HEIGHT; row++) {
    const palette = row * ROW_PALETTE_COLOURS * 4;
    for (let x = 0; x < FRAME_WIDTH; x++, p++) {
      const from = palette + indices[p] * 4;
      const to = p * 4;
      out[to] = palettes[from];
      out[to + 1] = palettes[from + 1];
      out[to + 2] = palettes[from + 2];
      out[to + 3] = 255;
    }
  }
}

/** The frame as a new RGBA buffer of FRAME_BYTES. */
export function framePixels(frame: CompactFrame): Uint8Array {
  const out = new Uint8Array(FRAME_BYTES);
  composeFrame(frame, out);
  return out;
}
