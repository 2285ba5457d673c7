// Shared helpers for the video tests: a fresh machine, screen reads and exact pixel assertions.
import assert from 'node:assert/strict';
import { PALETTE_MAP_ADDR, RAM_BYTES, SCREEN_HEIGHT, SCREEN_WIDTH, TILES_ADDR } from '../../runner/common/memory-map.js';
import { CompactFrame, CompactFrameWriter } from '../../runner/common/compact-frame.js';
import { composeFrame } from '../../runner/common/compose-frame.js';
import { Video, type RowCallbacks } from '../../runner/vm/video/video.js';

export { SCREEN_HEIGHT as H, SCREEN_WIDTH as W };

export function machine(): { video: Video; ram: Uint8Array } {
  const ram = new Uint8Array(RAM_BYTES);
  const video = new Video(ram);
  video.resetRam();
  return { video, ram };
}

/** The output frame as RGBA into `out`, as a host gets it: recorded by the video, then composed. */
export function blit(video: Video, out: Uint8Array, rows?: RowCallbacks): void {
  const writer = new CompactFrameWriter();
  video.blit(writer, rows);
  composeFrame(CompactFrame.of(writer.finish()), out);
}

/** Raw nibble of screen pixel (x, y) in the RAM's current bank. */
export function px(ram: Uint8Array, x: number, y: number): number {
  const i = y * SCREEN_WIDTH + x;
  return (ram[i >> 1] >> ((i & 1) * 4)) & 15;
}

export type Pixels = Map<string, number>;

/**
 * Pixels from a picture: each string is a row starting at (x0, y0 + row); '.' is not part of the
 * set, a hex digit is that colour.
 */
export function art(x0: number, y0: number, rows: string[]): Pixels {
  const out: Pixels = new Map();
  rows.forEach((row, dy) => {
    [...row].forEach((ch, dx) => {
      if (ch !== '.') out.set(`${x0 + dx},${y0 + dy}`, parseInt(ch, 16));
    });
  });
  return out;
}

export function pixelSet(entries: [number, number, number][]): Pixels {
  return new Map(entries.map(([x, y, c]) => [`${x},${y}`, c]));
}

/**
 * Asserts the whole screen: every pixel in `expected` has its colour, every other pixel is
 * `background`. The message names the drawing call and the first wrong coordinates.
 */
export function assertScreen(ram: Uint8Array, call: string, expected: Pixels, background = 0): void {
  const wrong: string[] = [];
  for (let y = 0; y < SCREEN_HEIGHT; y++) {
    for (let x = 0; x < SCREEN_WIDTH; x++) {
      const want = expected.get(`${x},${y}`) ?? background;
      const got = px(ram, x, y);
      if (got !== want) wrong.push(`(${x},${y}) is ${got}, expected ${want}`);
    }
  }
  if (wrong.length > 0) {
    assert.fail(`${call}: ${wrong.length} wrong pixel(s): ${wrong.slice(0, 6).join('; ')}${wrong.length > 6 ? '; ...' : ''}`);
  }
}

/** Sets palette-map entry `from` to `to` in the current bank. */
export function mapColor(ram: Uint8Array, from: number, to: number): void {
  const a = PALETTE_MAP_ADDR + (from >> 1);
  ram[a] = from & 1 ? (ram[a] & 0x0f) | (to << 4) : (ram[a] & 0xf0) | to;
}

/** Writes an 8 x 8 4-bpp sprite into the sheet at base (0x4000 tiles, 0x6000 sprites) from 8 strings of hex digits. */
export function putSprite(ram: Uint8Array, index: number, rows: string[], base = TILES_ADDR): void {
  const at = base + index * 32;
  rows.forEach((row, y) => {
    for (let x = 0; x < 8; x++) {
      const c = parseInt(row[x], 16);
      const a = at + y * 4 + (x >> 1);
      ram[a] = x & 1 ? (ram[a] & 0x0f) | (c << 4) : (ram[a] & 0xf0) | c;
    }
  });
}
