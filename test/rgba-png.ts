// PNGs read as 8-bit RGBA, the form the tests compare pixels in (Chromium's screenshots and the
// frames nibble writes are 8-bit RGB or RGBA; anything else is refused rather than guessed at).
import { decode } from 'fast-png';

export interface RgbaImage {
  width: number;
  height: number;
  /** Four bytes a pixel, row by row. */
  data: Uint8Array;
}

export function readRgbaPng(bytes: Uint8Array): RgbaImage {
  const { width, height, data, depth, channels, palette } = decode(bytes);
  if (depth !== 8 || palette || (channels !== 3 && channels !== 4)) {
    throw new Error(`expected an 8-bit RGB or RGBA PNG, got ${channels} channel(s) of ${depth} bits${palette ? ' with a palette' : ''}`);
  }
  if (channels === 4) return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) rgba.set([data[i * 3], data[i * 3 + 1], data[i * 3 + 2], 255], i * 4);
  return { width, height, data: rgba };
}
