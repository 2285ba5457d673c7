// Writes a 256x144 output frame as a PNG file.
import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { FRAME_HEIGHT, FRAME_WIDTH } from '../common/protocol.js';

export function encodePng(rgba: Uint8Array): Buffer {
  const png = new PNG({ width: FRAME_WIDTH, height: FRAME_HEIGHT });
  png.data = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  return PNG.sync.write(png);
}

export function writePng(path: string, rgba: Uint8Array): void {
  writeFileSync(path, encodePng(rgba));
}
