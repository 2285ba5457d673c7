// Writes a 256x144 output frame as a PNG file.
import { writeFileSync } from 'node:fs';
import { encode } from 'fast-png';
import { FRAME_HEIGHT, FRAME_WIDTH } from '../common/protocol.js';

export function writePng(path: string, rgba: Uint8Array): void {
  writeFileSync(path, encode({ width: FRAME_WIDTH, height: FRAME_HEIGHT, data: rgba, depth: 8, channels: 4 }));
}
