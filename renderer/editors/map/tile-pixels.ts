import { TILE_SIZE } from '../../../runner/common/memory-map.js';
// The BG tiles as colours: each 4-bpp tile (32 bytes, row-major, left pixel in the low nibble,
// reference 3.1) through the cart's vbank-0 palette (the first 48 bytes of the palette section).

const TILE_BYTES = 32;
export const TILE_COUNT = 256;
export const TILE_PIXELS = TILE_SIZE * TILE_SIZE;

/**
 * The 16 colours as ImageData words. Browsers are little-endian, so a word's lowest byte is
 * the red one ImageData puts first.
 */
export function paletteWords(palette: Uint8Array): Uint32Array {
  const words = new Uint32Array(16);
  for (let i = 0; i < 16; i++) {
    words[i] = ((0xff << 24) | (palette[i * 3 + 2] << 16) | (palette[i * 3 + 1] << 8) | palette[i * 3]) >>> 0;
  }
  return words;
}

/** Every tile's 64 pixels as ImageData words: tile t's pixel (x, y) is at t * 64 + y * 8 + x. */
export function tilePixels(tiles: Uint8Array, palette: Uint8Array): Uint32Array {
  const colors = paletteWords(palette);
  const pixels = new Uint32Array(TILE_COUNT * TILE_PIXELS);
  for (let t = 0; t < TILE_COUNT; t++) {
    for (let i = 0; i < TILE_BYTES; i++) {
      const byte = tiles[t * TILE_BYTES + i];
      pixels[t * TILE_PIXELS + i * 2] = colors[byte & 15]!;
      pixels[t * TILE_PIXELS + i * 2 + 1] = colors[byte >> 4]!;
    }
  }
  return pixels;
}

/** Copies one tile into a word image `width` pixels wide, its top-left at (x, y). */
export function blitTile(pixels: Uint32Array, tile: number, target: Uint32Array, width: number, x: number, y: number): void {
  for (let row = 0; row < TILE_SIZE; row++) {
    const from = tile * TILE_PIXELS + row * TILE_SIZE;
    target.set(pixels.subarray(from, from + TILE_SIZE), (y + row) * width + x);
  }
}
