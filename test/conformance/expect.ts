// Assertions of the conformance suite: screen pictures, output frames and errors. Every failing
// pixel is reported with the call that drew it and its coordinates.
import assert from 'node:assert/strict';
import { SCREEN_HEIGHT as H, SCREEN_WIDTH as W } from '../../runner/common/memory-map.js';
import { FRAME_HEIGHT as FRAME_H, FRAME_WIDTH as FRAME_W } from '../../runner/common/protocol.js';
import type { CartRun } from './rig.js';

/** SWEETIE-16 (reference §3.2) as 'rrggbb' strings. */
export const SWEETIE = [
  '1a1c2c',
  '5d275d',
  'b13e53',
  'ef7d57',
  'ffcd75',
  'a7f070',
  '38b764',
  '257179',
  '29366f',
  '3b5dc9',
  '41a6f6',
  '73eff7',
  'f4f4f4',
  '94b0c2',
  '566c86',
  '333c57',
];

/** The expected raw colour of every screen pixel. */
export type Picture = (x: number, y: number) => number;

/** Raw nibble of screen pixel (x, y) in the RAM's current bank. */
export function pixel(ram: Uint8Array, x: number, y: number): number {
  const i = y * W + x;
  return (ram[i >> 1] >> ((i & 1) * 4)) & 15;
}

/** 'rrggbb' of output-frame pixel (fx, fy) of the 256 x 144 frame. */
export function framePixel(frame: Uint8Array, fx: number, fy: number): string {
  const i = (fy * FRAME_W + fx) * 4;
  return [frame[i], frame[i + 1], frame[i + 2]].map((v) => v.toString(16).padStart(2, '0')).join('');
}

export function expectOk(run: CartRun, call: string): void {
  if (run.error) assert.fail(`${call}: the cart failed: ${run.error.message}`);
  assert.notEqual(run.status, 'error', `${call}: the cart failed`);
}

/** A picture: background everywhere, then the given rows of hex digits at (x0, y0); '.' keeps the background. */
export function art(x0: number, y0: number, rows: string[], background = 0): Picture {
  return (x, y) => {
    const row = rows[y - y0];
    if (row === undefined || x < x0 || x >= x0 + row.length || row[x - x0] === '.') return background;
    return parseInt(row[x - x0], 16);
  };
}

/** The picture of a filled rectangle [x0, x1) x [y0, y1) of colour c on background bg. */
export function box(x0: number, y0: number, x1: number, y1: number, c: number, bg = 0): Picture {
  return (x, y) => (x >= x0 && x < x1 && y >= y0 && y < y1 ? c : bg);
}

/** Asserts every screen pixel of the RAM's current bank against the picture. */
export function expectScreen(run: CartRun, call: string, expected: Picture): void {
  expectOk(run, call);
  const wrong: string[] = [];
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const want = expected(x, y);
      const got = pixel(run.ram, x, y);
      if (got !== want) wrong.push(`(${x},${y}) is ${got}, expected ${want}`);
    }
  }
  if (wrong.length > 0) assert.fail(`${call}: ${wrong.length} wrong pixel(s): ${wrong.slice(0, 6).join('; ')}${wrong.length > 6 ? '; ...' : ''}`);
}

/** Asserts every pixel of the 256 x 144 output frame ('rrggbb' per frame pixel). */
export function expectFrame(run: CartRun, call: string, expected: (fx: number, fy: number) => string): void {
  expectOk(run, call);
  const wrong: string[] = [];
  for (let fy = 0; fy < FRAME_H; fy++) {
    for (let fx = 0; fx < FRAME_W; fx++) {
      const want = expected(fx, fy);
      const got = framePixel(run.frame, fx, fy);
      if (got !== want) wrong.push(`frame (${fx},${fy}) is ${got}, expected ${want}`);
    }
  }
  if (wrong.length > 0) assert.fail(`${call}: ${wrong.length} wrong pixel(s): ${wrong.slice(0, 6).join('; ')}${wrong.length > 6 ? '; ...' : ''}`);
}

/** The cart stopped with exactly this error message (position prefix included). */
export function expectError(run: CartRun, call: string, message: string): void {
  assert.equal(run.status, 'error', `${call}: expected the error "${message}", but the cart ran on`);
  assert.equal(run.error?.message, message, `${call}: error message`);
}

/** The texts the cart traced, in order. */
export function traced(run: CartRun, call: string): string[] {
  expectOk(run, call);
  return run.traces.map((t) => t.text);
}
