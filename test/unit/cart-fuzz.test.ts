// Random and mutated files through the three readers: each either returns a whole cart or throws a
// CartFormatError naming the file; nothing else escapes, and no input takes over HANG_LIMIT_MS.
// Valid inputs to mutate come from random carts and from the carts in carts/. A fixed seed makes
// failures reproduce, and fixed case counts keep the whole file to a few seconds.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { decode as decodePng, encode as encodePng } from 'fast-png';
import { zlibSync } from 'fflate';
import { GifWriter } from 'omggif';
import { CART_SECTION_BYTES } from '../../runner/common/protocol.js';
import {
  BANK_COUNT,
  BANK_SECTIONS,
  CartFormatError,
  readCart,
  readPngCart,
  readTextCart,
  readTicCart,
  writePngCart,
  writeTextCart,
  writeTicCart,
  type Cart,
} from '../../runner/common/cart/index.js';
import { concatBytes } from '../../runner/common/cart/bytes.js';
import { pngChunks, randomCart, randomCode, withoutPngChunk, withPngChunkData } from './cart-fixtures.js';
import { fuzzCase, mutateBytes, pick, randomBytes, randomInt, seededRandom } from './fuzz-fixture.js';

const SEED = 0x5eed;

/** The team's carts, by extension. */
function teamCarts(extension: string): Uint8Array[] {
  const dir = join(process.cwd(), 'carts');
  return readdirSync(dir)
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => new Uint8Array(readFileSync(join(dir, name))));
}

/** A random cart with data in bank 0 only, small enough to mutate many times. */
function smallRandomCart(seed: number, lang: boolean): Cart {
  const cart = randomCart(seed, { binary: !lang, lang });
  cart.banks.forEach((bank, b) => b > 0 && BANK_SECTIONS.forEach((section) => bank[section].fill(0)));
  return cart;
}

/** A whole cart comes back, or a CartFormatError whose message starts with the file's name. */
function checkOutcome(read: () => Cart, fileName: string, input: () => string): void {
  fuzzCase(input, () => {
    let cart: Cart;
    try {
      cart = read();
    } catch (err) {
      if (err instanceof CartFormatError && err.message.startsWith(fileName)) return;
      throw err;
    }
    assert.equal(cart.banks.length, BANK_COUNT);
    for (const bank of cart.banks) for (const section of BANK_SECTIONS) assert.equal(bank[section].length, CART_SECTION_BYTES[section]);
    assert.equal(typeof cart.code, 'string');
    assert.ok(cart.binary instanceof Uint8Array);
    assert.ok(Number.isInteger(cart.lang) && cart.lang >= 0 && cart.lang <= 255);
  });
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 4000)).toString('hex');

it('text reader: random and mutated text carts', () => {
  const random = seededRandom(SEED);
  const pieces = [
    '-- <',
    'TILES',
    'MAP',
    'PALETTE',
    'LANG',
    'FLAGS1',
    'COVER',
    '>',
    '-- </',
    '-- ',
    '000',
    '001',
    '255',
    ':',
    '0',
    'f',
    'A',
    'g',
    '\n',
    '\r\n',
    '\r',
    ' ',
    '\t',
    'é',
    '\0',
    'x = 1',
  ];
  for (let i = 0; i < 400; i++) {
    const text = Array.from({ length: randomInt(random, 60) }, () => pick(random, pieces)).join('');
    checkOutcome(
      () => readTextCart(text, 'fuzz.lua'),
      'fuzz.lua',
      () => JSON.stringify(text),
    );
  }
  const valid = [new TextEncoder().encode(writeTextCart(smallRandomCart(SEED, true), 'v.lua')), ...teamCarts('.lua')];
  for (let i = 0; i < 400; i++) {
    const text = new TextDecoder().decode(mutateBytes(random, pick(random, valid)));
    checkOutcome(
      () => readTextCart(text, 'fuzz.lua'),
      'fuzz.lua',
      () => JSON.stringify(text),
    );
  }
});

/** A 240 x 136 GIF, the size of a COVER_DEP chunk that the reader decodes. */
function coverGif(random: () => number): Uint8Array {
  const buffer = new Uint8Array(240 * 136 * 2 + 1024);
  const writer = new GifWriter(buffer, 240, 136, { palette: [0x000000, 0xb03f50, 0x40a0f0, 0xffffff] });
  writer.addFrame(
    0,
    0,
    240,
    136,
    Array.from({ length: 240 * 136 }, (_, i) => (i % 7 === 0 ? randomInt(random, 4) : (i >> 6) & 3)),
  );
  return buffer.subarray(0, writer.end());
}

const TIC_CHUNK = { Code: 5, CoverDep: 3, PatternsDep: 13, CodeZip: 16, Binary: 19, Lang: 20, Last: 20 };
const MAX_SECTION_BYTES = Math.max(...Object.values(CART_SECTION_BYTES));

/** One chunk with a well-formed header, so the reader gets past splitting and into loading. */
function randomTicChunk(random: () => number, gif: Uint8Array): Uint8Array {
  const type = randomInt(random, TIC_CHUNK.Last + 1);
  const bank = randomInt(random, BANK_COUNT);
  let data: Uint8Array;
  if (type === TIC_CHUNK.CodeZip) {
    const code = new TextEncoder().encode(randomCode(random, randomInt(random, 20)));
    data = random() < 0.5 ? zlibSync(code) : mutateBytes(random, zlibSync(code));
  } else if (type === TIC_CHUNK.CoverDep) data = random() < 0.2 ? gif : mutateBytes(random, gif);
  else data = randomBytes(random, random() < 0.2 ? MAX_SECTION_BYTES + randomInt(random, 64) : randomInt(random, 300));
  // The binary lives in banks 0-3; the reader refuses others, which is tried by the random files.
  const chunkBank = type === TIC_CHUNK.Binary ? bank & 3 : bank;
  return concatBytes([Uint8Array.of(type | (chunkBank << 5), data.length & 0xff, data.length >> 8, randomInt(random, 256)), data]);
}

it('.tic reader: random bytes, random well-formed chunks, and mutated .tic files', () => {
  const random = seededRandom(SEED + 1);
  for (let i = 0; i < 500; i++) {
    const bytes = randomBytes(random, randomInt(random, 600));
    checkOutcome(
      () => readTicCart(bytes, 'fuzz.tic'),
      'fuzz.tic',
      () => hex(bytes),
    );
  }
  const gif = coverGif(random);
  for (let i = 0; i < 300; i++) {
    const bytes = concatBytes(Array.from({ length: 1 + randomInt(random, 8) }, () => randomTicChunk(random, gif)));
    checkOutcome(
      () => readTicCart(bytes, 'fuzz.tic'),
      'fuzz.tic',
      () => hex(bytes),
    );
  }
  const valid = [writeTicCart(smallRandomCart(SEED, false), 'v.tic'), ...teamCarts('.tic')];
  for (let i = 0; i < 600; i++) {
    const bytes = mutateBytes(random, pick(random, valid));
    checkOutcome(
      () => readTicCart(bytes, 'fuzz.tic'),
      'fuzz.tic',
      () => hex(bytes),
    );
  }
});

/** The same PNG with other IHDR fields (size, depth, colour type, interlace) under a correct CRC. */
function withHeader(random: () => number, png: Uint8Array): Uint8Array {
  const header = pngChunks(png)
    .find((c) => c.type === 'IHDR')!
    .data.slice();
  const view = new DataView(header.buffer);
  const field = randomInt(random, 4);
  if (field === 0) view.setUint32(0, pick(random, [0, 1, 255, 257, 4096, 1 << 16, 2 ** 31 - 1, 2 ** 32 - 1]));
  else if (field === 1) view.setUint32(4, pick(random, [0, 1, 255, 257, 4096, 1 << 16, 2 ** 31 - 1, 2 ** 32 - 1]));
  else if (field === 2) header[8 + randomInt(random, 2)] = pick(random, [0, 1, 2, 3, 4, 6, 8, 16, 255]);
  else header[12] = randomInt(random, 3);
  return withPngChunkData(png, 'IHDR', header);
}

/** A PNG with the cart hidden in its pixels only, re-encoded after editing the pixels' bytes. */
function withEditedPixels(random: () => number, png: Uint8Array): Uint8Array {
  const image = decodePng(png);
  const rgba = new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength).slice();
  for (let n = 1 + randomInt(random, 4); n > 0; n--) {
    // The first 8 bytes hold the hidden header (bits per byte, payload size); the rest the payload.
    const at = random() < 0.5 ? randomInt(random, 8) : randomInt(random, rgba.length);
    rgba[at] = random() < 0.5 ? rgba[at] ^ (1 << randomInt(random, 4)) : randomInt(random, 256);
  }
  return encodePng({ width: image.width, height: image.height, data: rgba, depth: 8, channels: 4 });
}

it('.png reader: mutated PNG carts, mutated cart data inside them, and mutated hidden data', () => {
  const random = seededRandom(SEED + 2);
  const cart = smallRandomCart(SEED + 3, false);
  const valid = writePngCart(cart, 'v.png');
  const carts = [valid, ...teamCarts('.png')];
  for (let i = 0; i < 200; i++) {
    const bytes = mutateBytes(random, pick(random, carts));
    checkOutcome(
      () => readPngCart(bytes, 'fuzz.png'),
      'fuzz.png',
      () => `file mutation ${i}`,
    );
  }
  const tic = writeTicCart(cart, 'v.tic');
  for (let i = 0; i < 150; i++) {
    // A caRt chunk with a correct CRC, so the damaged .tic inside is inflated and parsed.
    const bytes = withPngChunkData(valid, 'caRt', zlibSync(mutateBytes(random, tic)));
    checkOutcome(
      () => readPngCart(bytes, 'fuzz.png'),
      'fuzz.png',
      () => `payload mutation ${i}`,
    );
  }
  const hiddenOnly = withoutPngChunk(valid, 'caRt');
  readPngCart(hiddenOnly, 'hidden.png');
  const idat = pngChunks(hiddenOnly).find((c) => c.type === 'IDAT')!;
  for (let i = 0; i < 25; i++) {
    // Mutations inside IDAT's data reach the pixel decoder and the hidden-data reader.
    const bytes = hiddenOnly.slice();
    const at = idat.start + 8 + randomInt(random, idat.end - idat.start - 12);
    bytes[at] ^= 1 << randomInt(random, 8);
    checkOutcome(
      () => readPngCart(bytes, 'fuzz.png'),
      'fuzz.png',
      () => `hidden-data mutation ${i} at ${at}`,
    );
  }
  for (let i = 0; i < 40; i++) {
    const bytes = withEditedPixels(random, hiddenOnly);
    checkOutcome(
      () => readPngCart(bytes, 'fuzz.png'),
      'fuzz.png',
      () => `pixel mutation ${i}`,
    );
  }
  for (let i = 0; i < 60; i++) {
    const bytes = withHeader(random, hiddenOnly);
    checkOutcome(
      () => readPngCart(bytes, 'fuzz.png'),
      'fuzz.png',
      () => `header ${hex(pngChunks(bytes)[0].data)}`,
    );
  }
  for (let i = 0; i < 100; i++) {
    const bytes = concatBytes([valid.subarray(0, 8), randomBytes(random, randomInt(random, 200))]);
    checkOutcome(
      () => readPngCart(bytes, 'fuzz.png'),
      'fuzz.png',
      () => hex(bytes),
    );
  }
});

it('any file under any name: readCart picks the reader and only CartFormatError escapes', () => {
  const random = seededRandom(SEED + 4);
  const files = [...teamCarts('.lua'), ...teamCarts('.tic'), ...teamCarts('.png')];
  const names = ['fuzz.lua', 'fuzz.tic', 'fuzz.png', 'fuzz', 'fuzz.gif', '.lua', 'dir.png/fuzz.LUA'];
  for (let i = 0; i < 300; i++) {
    const bytes = random() < 0.3 ? randomBytes(random, randomInt(random, 300)) : mutateBytes(random, pick(random, files));
    const name = pick(random, names);
    checkOutcome(
      () => readCart(bytes, name),
      name,
      () => `${name}: ${hex(bytes)}`,
    );
  }
});
