// Carts for the cart-file tests, built from a seeded generator so every failure reproduces.
import { CART_SECTION_BYTES } from '../../runner/common/protocol.js';
import { BANK_SECTIONS, DEFAULT_PALETTES, DEFAULT_WAVEFORMS, emptyCart, type Cart } from '../../runner/common/cart/index.js';
import { zlibSync } from 'fflate';
import { concatBytes } from '../../runner/common/cart/bytes.js';
import { randomBytes, randomInt, seededRandom } from './fuzz-fixture.js';

/** Fills a section the ways real carts do: empty, full, a few rows, or a start with zeros after it. */
function fillSection(random: () => number, bytes: Uint8Array): void {
  const mode = randomInt(random, 4);
  if (mode === 0) return;
  if (mode === 1) bytes.set(randomBytes(random, bytes.length));
  else if (mode === 2) {
    for (let n = randomInt(random, 6); n > 0; n--) {
      const at = randomInt(random, bytes.length);
      bytes.set(randomBytes(random, Math.min(16, bytes.length - at)), at);
    }
  } else bytes.set(randomBytes(random, 1 + randomInt(random, bytes.length)));
}

const CODE_WORDS = ['local', 'x', '=', 'function', 'TIC()', 'end', 'cls(0)', '-- note', 'print("héllo ✓")', '{}', '0x1f', '\t', '-- -', '<', '>'];

/** Lua-looking text; no line starts with "-- <" (quirk 9), no \r and no NUL, which text carts cannot keep. */
export function randomCode(random: () => number, lines: number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const words = Array.from({ length: randomInt(random, 8) }, () => CODE_WORDS[randomInt(random, CODE_WORDS.length)]);
    out.push(words.join(' ').replace(/^-- </, '--  <'));
  }
  return out.join('\n') + (random() < 0.5 ? '\n' : '');
}

export interface RandomCartOptions {
  /** .tic and .png carts can hold a binary; text carts cannot. */
  binary: boolean;
  /** .tic files leave the language out (quirk 8). */
  lang: boolean;
}

/** A cart with random data in every bank; bank 0 always has a palette (an empty one is saved as SWEETIE-16 in a .tic). */
export function randomCart(seed: number, options: RandomCartOptions): Cart {
  const random = seededRandom(seed);
  const cart = emptyCart();
  cart.code = randomCode(random, randomInt(random, 60));
  cart.banks.forEach((bank, b) => {
    for (const section of BANK_SECTIONS) fillSection(random, bank[section]);
    // Some banks hold exactly the defaults, which .tic saves as a DEFAULT chunk.
    if (random() < 0.3) {
      bank.palette.set(DEFAULT_PALETTES);
      bank.waveforms.set(DEFAULT_WAVEFORMS);
    }
    if (b === 0 && bank.palette.subarray(0, 48).every((v) => v === 0)) bank.palette.set(randomBytes(random, CART_SECTION_BYTES.palette));
  });
  if (options.binary && random() < 0.7) cart.binary = randomBytes(random, randomInt(random, 3000));
  if (options.lang && random() < 0.5) cart.lang = 1 + randomInt(random, 255);
  return cart;
}

/** A cart whose code spans several 64 KB code chunks. */
export function bigCodeCart(seed: number, codeBytes: number): Cart {
  const random = seededRandom(seed);
  const cart = emptyCart();
  let code = '';
  while (code.length < codeBytes) code += `v${randomInt(random, 1e6)} = ${randomInt(random, 1e6)}\n`;
  cart.code = code.slice(0, codeBytes);
  cart.banks[0].palette.set(DEFAULT_PALETTES);
  return cart;
}

/** CRC-32 as PNG uses it, written out here so the tests do not trust the code under test. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

export interface PngChunkSpan {
  type: string;
  /** Offset of the length field. */
  start: number;
  /** Offset just past the CRC. */
  end: number;
  data: Uint8Array;
}

/** An independent walk over a well-formed PNG's chunks. */
export function pngChunks(png: Uint8Array): PngChunkSpan[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const list: PngChunkSpan[] = [];
  for (let at = 8; at < png.length;) {
    const length = view.getUint32(at);
    list.push({ type: String.fromCharCode(...png.subarray(at + 4, at + 8)), start: at, end: at + 12 + length, data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return list;
}

export function withoutPngChunk(png: Uint8Array, type: string): Uint8Array {
  const chunk = pngChunks(png).find((c) => c.type === type)!;
  return concatBytes([png.subarray(0, chunk.start), png.subarray(chunk.end)]);
}

/** The same PNG with other data in one chunk, under a correct CRC. */
export function withPngChunkData(png: Uint8Array, type: string, data: Uint8Array): Uint8Array {
  const old = pngChunks(png).find((c) => c.type === type)!;
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(new TextEncoder().encode(type), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return concatBytes([png.subarray(0, old.start), chunk, png.subarray(old.end)]);
}

export const PACKED_DEFAULT_BYTE = 0x11;

/**
 * A .tic cart packed as sizecoders pack theirs: one CODE_ZIP chunk whose zlib stream has lost
 * `checksumBytesCut` of its 4 checksum bytes, then `trailing` (a DEFAULT chunk header cut short).
 */
export function packedCart(code: string, trailing: readonly number[], checksumBytesCut = 4): Uint8Array {
  const zipped = zlibSync(new TextEncoder().encode(code), { level: 9 });
  const stream = zipped.subarray(0, zipped.length - checksumBytesCut);
  const codeZip = 16;
  return concatBytes([Uint8Array.of(codeZip, stream.length & 0xff, stream.length >> 8, 0), stream, Uint8Array.from(trailing)]);
}
