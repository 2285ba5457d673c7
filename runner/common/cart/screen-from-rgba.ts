// A 240 x 136 RGBA picture as a cart's screen section (reference 5.a): each pixel takes the
// nearest of the palette's 16 colours, two pixels a byte, the even x in the low nibble (3.1).
import { SCREEN_BYTES, SCREEN_PIXELS } from '../memory-map.js';

const COLORS = 16;

/** rgba: SCREEN_PIXELS pixels, row after row; palette: 16 RGB triples. */
export function screenFromRgba(rgba: Uint8Array, palette: Uint8Array): Uint8Array {
  const screen = new Uint8Array(SCREEN_BYTES);
  for (let i = 0; i < SCREEN_PIXELS; i++) {
    const color = nearestColor(palette, rgba[i * 4], rgba[i * 4 + 1], rgba[i * 4 + 2]);
    screen[i >> 1] |= i & 1 ? color << 4 : color;
  }
  return screen;
}

function nearestColor(palette: Uint8Array, r: number, g: number, b: number): number {
  let best = 0;
  let bestDistance = Infinity;
  for (let c = 0; c < COLORS; c++) {
    const dr = r - palette[c * 3];
    const dg = g - palette[c * 3 + 1];
    const db = b - palette[c * 3 + 2];
    const distance = dr * dr + dg * dg + db * db;
    if (distance < bestDistance) {
      best = c;
      bestDistance = distance;
    }
  }
  return best;
}
