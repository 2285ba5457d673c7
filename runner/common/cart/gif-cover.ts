// The deprecated COVER_DEP chunk: a GIF screenshot. A 240 x 136 one becomes bank 0's screen, each
// pixel taking the nearest colour of the cart's palette (reference 5.a).
import { GifReader } from 'omggif';
import { SCREEN_BYTES, SCREEN_HEIGHT, SCREEN_PIXELS, SCREEN_WIDTH } from '../memory-map.js';

const COLORS = 16;

/**
 * Returns the screen bytes, or undefined when the GIF is not 240 x 136 or cannot be decoded:
 * TIC-80 then keeps the screen as it is.
 */
export function screenFromGif(gif: Uint8Array, palette: Uint8Array): Uint8Array | undefined {
  let rgba: Uint8Array;
  try {
    const reader = new GifReader(gif);
    if (reader.width !== SCREEN_WIDTH || reader.height !== SCREEN_HEIGHT || reader.numFrames() < 1) return undefined;
    const frame = reader.frameInfo(0);
    if (frame.x + frame.width > SCREEN_WIDTH || frame.y + frame.height > SCREEN_HEIGHT) return undefined;
    rgba = new Uint8Array(SCREEN_PIXELS * 4);
    reader.decodeAndBlitFrameRGBA(0, rgba);
  } catch {
    return undefined;
  }
  const screen = new Uint8Array(SCREEN_BYTES);
  for (let i = 0; i < SCREEN_PIXELS; i++) {
    const color = nearestColor(palette, rgba[i * 4], rgba[i * 4 + 1], rgba[i * 4 + 2]);
    screen[i >> 1] |= i & 1 ? color << 4 : color;
  }
  return screen;
}

/** Smallest squared RGB distance; the first of equally near colours wins. */
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
