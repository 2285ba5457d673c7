// The 256 x 144 output frame (border included) blown up by an integer scale, and as a PNG.
import { encode } from 'fast-png';
import { FRAME_HEIGHT, FRAME_WIDTH } from '../../runner/common/protocol.js';

/** RGBA of the frame with each pixel a scale x scale block. */
export function scaledFrame(rgba: Uint8Array, scale: number): Uint8Array {
  if (scale === 1) return rgba.slice();
  const width = FRAME_WIDTH * scale;
  const out = new Uint8Array(width * FRAME_HEIGHT * scale * 4);
  // Whole pixels at a time; a view needs a 4-byte aligned start.
  const source = rgba.byteOffset % 4 === 0 ? rgba : rgba.slice();
  const pixels = new Uint32Array(source.buffer, source.byteOffset, FRAME_WIDTH * FRAME_HEIGHT);
  const scaled = new Uint32Array(out.buffer);
  for (let y = 0; y < FRAME_HEIGHT; y++) {
    const row = y * scale * width;
    for (let x = 0; x < FRAME_WIDTH; x++) scaled.fill(pixels[y * FRAME_WIDTH + x], row + x * scale, row + (x + 1) * scale);
    for (let copy = 1; copy < scale; copy++) out.copyWithin((row + copy * width) * 4, row * 4, (row + width) * 4);
  }
  return out;
}

export function screenshotPng(rgba: Uint8Array, scale: number): Uint8Array {
  return encode({ width: FRAME_WIDTH * scale, height: FRAME_HEIGHT * scale, data: scaledFrame(rgba, scale), depth: 8, channels: 4 });
}
