// The composed frame against the composition's definition (reference §3.3-3.5), pixel by pixel, on
// random screens: every x and y offset parity (negative ones too), vbank 1 over vbank 0 with rows
// both transparent and not, any transparent colour, and registers changed by SCN in mid-frame.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blit, machine } from './video-fixture.js';

const FRAME_BYTES = 256 * 144 * 4;
const BORDER = 0x3ff8;
const OFFSET_X = 0x3ff9;
const OFFSET_Y = 0x3ffa;

/** A small deterministic generator, so that a failure repeats. */
function randomSource(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

function nibble(bank: Uint8Array, x: number, y: number): number {
  const i = y * 240 + x;
  return (bank[i >> 1] >> ((i & 1) * 4)) & 15;
}

function signed(byte: number): number {
  return (byte << 24) >> 24;
}

/** One output row as the definition says, from the banks' state at that moment: RGBA bytes. */
function expectedRow(bank0: Uint8Array, bank1: Uint8Array, row: number): number[] {
  const rgb = (bank: Uint8Array, c: number) => [bank[0x3fc0 + 3 * c], bank[0x3fc0 + 3 * c + 1], bank[0x3fc0 + 3 * c + 2], 255];
  const pixels: number[] = [];
  const border = rgb(bank0, bank0[BORDER] & 15);
  const line = row - 4;
  for (let x = 0; x < 256; x++) {
    const sx = x - 8;
    if (line < 0 || line >= 136 || sx < 0 || sx >= 240) {
      pixels.push(...border);
      continue;
    }
    const at = (bank: Uint8Array) => nibble(bank, (((sx + signed(bank[OFFSET_X])) % 240) + 240) % 240, (((line + signed(bank[OFFSET_Y])) % 136) + 136) % 136);
    const top = at(bank1);
    pixels.push(...(top !== (bank1[BORDER] & 15) ? rgb(bank1, top) : rgb(bank0, at(bank0))));
  }
  return pixels;
}

function fillRandom(bytes: Uint8Array, next: (n: number) => number): void {
  for (let i = 0; i < bytes.length; i++) bytes[i] = next(256);
}

/** A vbank 1 screen of colour `clear` with a few rows drawn on, partly transparent. */
function sparseScreen(bank: Uint8Array, clear: number, next: (n: number) => number): void {
  bank.fill(clear * 0x11, 0, 0x3fc0);
  for (let y = 0; y < 136; y++) {
    if (next(4) !== 0) continue;
    for (let i = y * 120; i < (y + 1) * 120; i++) bank[i] = next(3) === 0 ? clear * 0x11 : next(256);
  }
}

describe('video: composition matches its definition', () => {
  for (let seed = 1; seed <= 12; seed++) {
    it(`random banks, offsets and transparent colour (seed ${seed})`, () => {
      const next = randomSource(seed);
      const { video } = machine();
      const bank0 = video.bankMemory(0);
      const bank1 = video.bankMemory(1);
      fillRandom(bank0.subarray(0, 0x3fc0), next);
      fillRandom(bank0.subarray(0x3fc0, 0x3ff0), next);
      fillRandom(bank1.subarray(0x3fc0, 0x3ff0), next);
      const clear = next(16);
      bank1[BORDER] = clear;
      sparseScreen(bank1, clear, next);
      bank0[BORDER] = next(16);
      for (const bank of [bank0, bank1]) {
        bank[OFFSET_X] = next(256);
        bank[OFFSET_Y] = next(256);
      }
      // An unaligned output buffer on odd seeds.
      const backing = new Uint8Array(FRAME_BYTES + 1);
      const out = seed % 2 ? backing.subarray(1) : backing.subarray(0, FRAME_BYTES);
      blit(video, out);
      for (let row = 0; row < 144; row++) {
        assert.deepEqual([...out.subarray(row * 1024, (row + 1) * 1024)], expectedRow(bank0, bank1, row), `row ${row}`);
      }
    });
  }

  it('frame after frame, follows a changed pixel, a changed palette colour and a palette changed for one row', () => {
    const next = randomSource(7);
    const { video } = machine();
    const bank0 = video.bankMemory(0);
    const bank1 = video.bankMemory(1);
    fillRandom(bank0.subarray(0, 0x3fc0), next);
    const out = new Uint8Array(FRAME_BYTES);
    const check = (what: string) => {
      for (let row = 0; row < 144; row++)
        assert.deepEqual([...out.subarray(row * 1024, (row + 1) * 1024)], expectedRow(bank0, bank1, row), `${what}, row ${row}`);
    };
    blit(video, out);
    check('first frame');
    bank0[60 * 120 + 7] ^= 0x10;
    blit(video, out);
    check('one pixel changed');
    bank0[0x3fc0 + 3 * (bank0[0] & 15)] ^= 0xff;
    blit(video, out);
    check('one palette colour changed');
    const saved = bank0[0x3fc0 + 1];
    const expected: number[][] = [];
    blit(video, out, {
      scn: (line) => {
        bank0[0x3fc0 + 1] = line === 30 ? saved ^ 0x55 : saved;
        expected[line + 4] = expectedRow(bank0, bank1, line + 4);
      },
    });
    for (let row = 5; row < 140; row++) assert.deepEqual([...out.subarray(row * 1024, (row + 1) * 1024)], expected[row], `SCN frame, row ${row}`);
    blit(video, out);
    check('the frame after');
  });

  it('SCN and BDR changing offsets, palettes, border and transparent colour on every row', () => {
    const next = randomSource(99);
    const { video } = machine();
    const bank0 = video.bankMemory(0);
    const bank1 = video.bankMemory(1);
    fillRandom(bank0.subarray(0, 0x3fc0), next);
    sparseScreen(bank1, 0, next);
    const out = new Uint8Array(FRAME_BYTES);
    const expected: number[][] = [];
    const change = () => {
      const bank = next(2) ? bank0 : bank1;
      bank[OFFSET_X] = next(256);
      bank[OFFSET_Y] = next(256);
      bank[0x3fc0 + next(48)] = next(256);
      bank[BORDER] = next(16);
    };
    let row = 0;
    blit(video, out, {
      bdr: (r) => {
        row = r;
        change();
        // The callbacks of a row all run before it is composed: SCN follows BDR on screen rows.
        if (r === 0 || r <= 4 || r >= 140) expected[r] = expectedRow(bank0, bank1, r);
      },
      scn: () => {
        change();
        expected[row] = expectedRow(bank0, bank1, row);
      },
    });
    for (let r = 0; r < 144; r++) assert.deepEqual([...out.subarray(r * 1024, (r + 1) * 1024)], expected[r], `row ${r}`);
  });
});
