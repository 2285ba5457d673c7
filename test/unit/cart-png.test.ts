// PNG carts (reference 5.c): the caRt chunk after IDAT, the hidden-pixel fallback, the cover
// picture, and errors for PNGs that hold no cart or a damaged one.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { unzlibSync, zlibSync } from 'fflate';
import { encode } from 'fast-png';
import { CartFormatError, emptyCart, readCart, readPngCart, writePngCart, writeTicCart, type Cart } from '../../runner/common/cart/index.js';
import { SYSTEM_FONT } from '../../runner/common/font-data.js';
import { SWEETIE_16 } from '../../runner/common/default-palette.js';
import { screenPicture } from '../../runner/common/cart/screen-picture.js';
import { readRgbaPng, type RgbaImage } from '../rgba-png.js';
import { pngChunks, randomCart, withoutPngChunk, withPngChunkData } from './cart-fixtures.js';
import { randomBytes, seededRandom } from './fuzz-fixture.js';

function rgbAt(image: RgbaImage, x: number, y: number): number[] {
  const i = (y * image.width + x) * 4;
  return [image.data[i], image.data[i + 1], image.data[i + 2]];
}

/** The hidden-data layout of reference 5.c, written independently of the code under test. */
function hide(rgba: Uint8Array, payload: Uint8Array, bits: number): void {
  const header = [bits, payload.length & 255, (payload.length >> 8) & 255, payload.length >> 16];
  for (let i = 0; i < 8; i++) rgba[i] = (rgba[i] & 0xf0) | ((header[i >> 1] >> ((i & 1) * 4)) & 15);
  for (let bit = 0; bit < payload.length * 8; bit++) {
    const carrier = 8 + Math.floor(bit / bits);
    const value = (payload[bit >> 3] >> (bit & 7)) & 1;
    rgba[carrier] = (rgba[carrier] & ~(1 << (bit % bits))) | (value << (bit % bits));
  }
}

function encodeRgba(width: number, height: number, rgba: Uint8Array): Uint8Array {
  return encode({ width, height, data: rgba, depth: 8, channels: 4 });
}

function smallCart(): Cart {
  const cart = emptyCart();
  cart.code = '-- title: Rocket Run\n-- author: Ada\nfunction TIC() end\n';
  cart.banks[0].palette.set(SWEETIE_16);
  cart.banks[0].map.set([1, 2, 3]);
  return cart;
}

it('a PNG cart is a 256 x 256 RGBA picture with the zlib-compressed .tic in a caRt chunk after IDAT', () => {
  const cart = smallCart();
  const png = writePngCart(cart, 'c.png');
  const image = readRgbaPng(png);
  assert.equal(image.width, 256);
  assert.equal(image.height, 256);
  const list = pngChunks(png);
  const types = list.map((c) => c.type);
  assert.equal(types.at(-1), 'IEND');
  assert.equal(types.indexOf('caRt'), types.lastIndexOf('IDAT') + 1);
  assert.deepEqual(unzlibSync(list.find((c) => c.type === 'caRt')!.data), writeTicCart(cart, 'c.tic'));
  assert.deepEqual(readPngCart(png, 'c.png'), readCart(writeTicCart(cart, 'c.tic'), 'c.tic'));
});

it("the cover shows bank 0's screen at (8, 8) in its palette, the title in white and the author in grey", () => {
  const cart = smallCart();
  cart.code = '-- title: T\n-- author: A\n';
  cart.banks[0].palette.set([0x12, 0x34, 0x56], 3 * 3);
  cart.banks[0].screen[0] = 0x03; // pixel (0, 0) = colour 3, pixel (1, 0) = colour 0
  cart.banks[0].screen[120 * 135 + 119] = 0x30; // pixel (239, 135) = colour 3
  const image = readRgbaPng(writePngCart(cart, 'c.png'));
  // The hidden copy of the cart changes the lowest bit of every byte.
  const top = (rgb: number[]) => rgb.map((v) => v & 0xfe);
  assert.deepEqual(top(rgbAt(image, 8, 8)), [0x12, 0x34, 0x56]);
  assert.deepEqual(top(rgbAt(image, 9, 8)), top([...SWEETIE_16.subarray(0, 3)]));
  assert.deepEqual(top(rgbAt(image, 8 + 239, 8 + 135)), [0x12, 0x34, 0x56]);
  const count = (color: number[]) => {
    let n = 0;
    for (let y = 162; y < 202; y++) for (let x = 16; x < 240; x++) if (top(rgbAt(image, x, y)).join() === top(color).join()) n++;
    return n;
  };
  const bitsOf = (text: string) =>
    [...text].reduce(
      (n, c) => n + SYSTEM_FONT.subarray(c.charCodeAt(0) * 8, c.charCodeAt(0) * 8 + 8).reduce((m, row) => m + row.toString(2).split('1').length - 1, 0),
      0,
    );
  assert.equal(count([0xf4, 0xf4, 0xf4]), 4 * bitsOf('T'), 'title at scale 2');
  assert.equal(count([0x56, 0x6c, 0x86]), bitsOf('byA'), '"by A" at scale 1');
});

it('a cart without palettes is pictured and saved in the SWEETIE-16 it runs with, not read back as an ancient cart', () => {
  const cart = emptyCart();
  cart.code = 'function TIC() end\n';
  cart.banks[0].screen[0] = 0x0c; // pixel (0, 0) = colour 12
  const white = [...SWEETIE_16.subarray(12 * 3, 13 * 3)];
  assert.deepEqual(readCart(writeTicCart(cart, 'c.tic'), 'c.tic').banks[0].palette.subarray(0, 48), SWEETIE_16);
  const top = (rgb: number[]) => rgb.map((v) => v & 0xfe);
  assert.deepEqual(top(rgbAt(readRgbaPng(writePngCart(cart, 'c.png')), 8, 8)), top(white));
  assert.deepEqual([...(screenPicture(cart)?.subarray(0, 3) ?? [])], white);
});

it('without its caRt chunk, a PNG cart still loads from the data hidden in its pixels', () => {
  const cart = smallCart();
  const png = writePngCart(cart, 'c.png');
  const stripped = withoutPngChunk(png, 'caRt');
  assert.ok(!pngChunks(stripped).some((c) => c.type === 'caRt'));
  assert.deepEqual(readPngCart(stripped, 'c.png'), readPngCart(png, 'c.png'));
});

it('hidden data with more than one bit per byte is read too', () => {
  const tic = writeTicCart(randomCart(5, { binary: true, lang: false }), 'r.tic');
  const payload = zlibSync(tic, { level: 9 });
  for (const bits of [2, 3, 8]) {
    const width = Math.ceil(Math.sqrt((payload.length * 8) / bits / 4)) + 2;
    const rgba = randomBytes(seededRandom(bits), width * width * 4);
    hide(rgba, payload, bits);
    assert.deepEqual(readPngCart(encodeRgba(width, width, rgba), 'h.png'), readCart(tic, 'r.tic'), `${bits} bits`);
  }
});

it('a cart too big to hide in the cover is in the caRt chunk only', () => {
  const cart = randomCart(11, { binary: true, lang: false });
  cart.binary = randomBytes(seededRandom(1), 40000);
  const png = writePngCart(cart, 'big.png');
  assert.deepEqual(readPngCart(png, 'big.png').binary, cart.binary);
  assert.throws(
    () => readPngCart(withoutPngChunk(png, 'caRt'), 'big.png'),
    /^CartFormatError: big\.png: not a TIC-80 cart: the PNG has no caRt chunk, and its pixels hide no cart data|big\.png: not a TIC-80 cart: the PNG has no caRt chunk, and its pixels hide no cart data/,
  );
});

it('PNG data is read as a PNG cart whatever the file is called', () => {
  const png = writePngCart(smallCart(), 'c.png');
  assert.equal(readCart(png, 'c.tic').code, smallCart().code);
});

it('PNGs that hold no cart or a damaged one get an error naming the file and the problem', () => {
  const png = writePngCart(smallCart(), 'c.png');
  const caRt = pngChunks(png).find((c) => c.type === 'caRt')!;
  const badCrc = png.slice();
  badCrc[caRt.end - 1] ^= 0xff;
  const picture = encodeRgba(4, 4, new Uint8Array(64).fill(0x77));
  const rgbPng = encode({ width: 4, height: 4, data: new Uint8Array(48).fill(0x20), depth: 8, channels: 3 });
  const notZlib = withPngChunkData(png, 'caRt', Uint8Array.of(1, 2, 3, 4));
  const badTic = withPngChunkData(png, 'caRt', zlibSync(Uint8Array.of(0x1f, 0, 0, 0)));
  const cases: [Uint8Array, string, RegExp][] = [
    [new TextEncoder().encode('x = 1'), 'x.png', /^x\.png: not a PNG file \(no PNG signature\)$/],
    [png.subarray(0, 100), 'cut.png', /^cut\.png: PNG chunk "IDAT" at byte 33 says it holds \d+ bytes, past the end of the file$/],
    [png.subarray(0, caRt.start), 'cut.png', /^cut\.png: PNG file ends without its IEND chunk$/],
    [badCrc, 'crc.png', /^crc\.png: the caRt chunk at byte \d+ is damaged \(its CRC does not match\)$/],
    [notZlib, 'z.png', /^z\.png: the caRt chunk is not valid zlib data/],
    // TIC-80 loads a PNG's cart only when uncompress() succeeds, unlike a packed .tic's CODE_ZIP.
    [withPngChunkData(png, 'caRt', caRt.data.subarray(0, -4)), 'n.png', /^n\.png: the caRt chunk is damaged: its zlib checksum is missing or does not match$/],
    [badTic, 't.png', /^t\.png \(the caRt chunk\): not a TIC-80 cart: unknown chunk type 31 at byte 0$/],
    [picture, 'photo.png', /^photo\.png: not a TIC-80 cart: the PNG has no caRt chunk, and its pixels hide no cart data$/],
    [rgbPng, 'rgb.png', /^rgb\.png: not a TIC-80 cart: the PNG has no caRt chunk, and its pixels are not 8-bit RGBA/],
  ];
  for (const [bytes, name, message] of cases) {
    assert.throws(
      () => readCart(bytes, name),
      (err: Error) => err instanceof CartFormatError && message.test(err.message),
      message.source,
    );
  }
});
