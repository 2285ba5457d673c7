// Random and mutated files through the three readers: each either returns a whole cart or throws a
// CartFormatError naming the file; nothing else escapes. A fixed seed makes failures reproduce,
// and fixed case counts keep the whole file to a few seconds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { zlibSync } from 'fflate';
import { CART_SECTION_BYTES } from '../../runner/common/protocol.js';
import {
  BANK_COUNT,
  BANK_SECTIONS,
  CartFormatError,
  readPngCart,
  readTextCart,
  readTicCart,
  writePngCart,
  writeTextCart,
  writeTicCart,
  type Cart,
} from '../../runner/common/cart/index.js';
import { pngChunks, randomBytes, randomCart, randomInt, seededRandom, withoutPngChunk, withPngChunkData } from './cart-fixtures.js';
import { concatBytes } from '../../runner/common/cart/bytes.js';

const SEED = 0x5eed;

/** A random cart with data in bank 0 only, small enough to mutate many times. */
function smallRandomCart(seed: number, lang: boolean): Cart {
  const cart = randomCart(seed, { binary: !lang, lang });
  cart.banks.forEach((bank, b) => b > 0 && BANK_SECTIONS.forEach((section) => bank[section].fill(0)));
  return cart;
}

function checkOutcome(read: () => Cart, fileName: string, input: () => string): void {
  let cart: Cart;
  try {
    cart = read();
  } catch (err) {
    if (err instanceof CartFormatError && err.message.startsWith(fileName)) return;
    assert.fail(`unexpected ${(err as Error).stack}\ninput: ${input()}`);
  }
  assert.equal(cart.banks.length, BANK_COUNT);
  for (const bank of cart.banks) for (const section of BANK_SECTIONS) assert.equal(bank[section].length, CART_SECTION_BYTES[section]);
  assert.equal(typeof cart.code, 'string');
}

/** A few random edits: flipped bytes, cut ends, deleted or repeated runs. */
function mutate(random: () => number, bytes: Uint8Array): Uint8Array {
  let out: Uint8Array = bytes.slice();
  for (let edits = 1 + randomInt(random, 4); edits > 0 && out.length > 0; edits--) {
    const at = randomInt(random, out.length);
    const run = 1 + randomInt(random, 16);
    switch (randomInt(random, 5)) {
      case 0:
        out[at] ^= 1 << randomInt(random, 8);
        break;
      case 1:
        out[at] = [0, 0xff, 0x7f, 0x80][randomInt(random, 4)];
        break;
      case 2:
        out = out.slice(0, at);
        break;
      case 3:
        out = concatBytes([out.subarray(0, at), out.subarray(at + run)]);
        break;
      default:
        out = concatBytes([out.subarray(0, at + run), out.subarray(at)]);
    }
  }
  return out;
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

test('text reader: random and mutated text carts', () => {
  const random = seededRandom(SEED);
  const pieces = ['-- <', 'TILES', 'MAP', 'PALETTE', 'LANG', 'FLAGS1', '>', '-- </', '-- ', '000', '001', '255', ':', '0', 'f', 'A', 'g', '\n', '\r\n', ' ', 'é', 'x = 1'];
  for (let i = 0; i < 300; i++) {
    const text = Array.from({ length: randomInt(random, 60) }, () => pieces[randomInt(random, pieces.length)]).join('');
    checkOutcome(() => readTextCart(text, 'fuzz.lua'), 'fuzz.lua', () => JSON.stringify(text));
  }
  const valid = new TextEncoder().encode(writeTextCart(smallRandomCart(SEED, true), 'v.lua'));
  for (let i = 0; i < 200; i++) {
    const text = new TextDecoder().decode(mutate(random, valid));
    checkOutcome(() => readTextCart(text, 'fuzz.lua'), 'fuzz.lua', () => JSON.stringify(text));
  }
});

test('.tic reader: random and mutated chunk files', () => {
  const random = seededRandom(SEED + 1);
  for (let i = 0; i < 500; i++) {
    const bytes = randomBytes(random, randomInt(random, 600));
    checkOutcome(() => readTicCart(bytes, 'fuzz.tic'), 'fuzz.tic', () => hex(bytes));
  }
  const valid = writeTicCart(smallRandomCart(SEED, false), 'v.tic');
  for (let i = 0; i < 500; i++) {
    const bytes = mutate(random, valid);
    checkOutcome(() => readTicCart(bytes, 'fuzz.tic'), 'fuzz.tic', () => `mutation ${i}`);
  }
});

test('.png reader: mutated PNG carts, mutated cart data inside them, and mutated hidden data', () => {
  const random = seededRandom(SEED + 2);
  const cart = smallRandomCart(SEED + 3, false);
  const valid = writePngCart(cart, 'v.png');
  for (let i = 0; i < 200; i++) {
    const bytes = mutate(random, valid);
    checkOutcome(() => readPngCart(bytes, 'fuzz.png'), 'fuzz.png', () => `file mutation ${i}`);
  }
  const tic = writeTicCart(cart, 'v.tic');
  for (let i = 0; i < 100; i++) {
    // A caRt chunk with a correct CRC, so the damaged .tic inside is inflated and parsed.
    const bytes = withPngChunkData(valid, 'caRt', zlibSync(mutate(random, tic)));
    checkOutcome(() => readPngCart(bytes, 'fuzz.png'), 'fuzz.png', () => `payload mutation ${i}`);
  }
  const hiddenOnly = withoutPngChunk(valid, 'caRt');
  readPngCart(hiddenOnly, 'hidden.png');
  const idat = pngChunks(hiddenOnly).find((c) => c.type === 'IDAT')!;
  for (let i = 0; i < 25; i++) {
    // Mutations inside IDAT's data reach the pixel decoder and the hidden-data reader.
    const bytes = hiddenOnly.slice();
    const at = idat.start + 8 + randomInt(random, idat.end - idat.start - 12);
    bytes[at] ^= 1 << randomInt(random, 8);
    checkOutcome(() => readPngCart(bytes, 'fuzz.png'), 'fuzz.png', () => `hidden-data mutation ${i} at ${at}`);
  }
  for (let i = 0; i < 100; i++) {
    const bytes = concatBytes([valid.subarray(0, 8), randomBytes(random, randomInt(random, 200))]);
    checkOutcome(() => readPngCart(bytes, 'fuzz.png'), 'fuzz.png', () => hex(bytes));
  }
});

