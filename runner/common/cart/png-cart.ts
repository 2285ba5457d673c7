// PNG carts (reference 5.c): the .tic bytes, zlib-compressed, in a caRt chunk after IDAT, and also
// hidden in the cover's pixels when they fit there. Loading prefers the caRt chunk and falls back
// to the hidden pixels, which is all older TIC-80 versions wrote.
import { decode as decodePng, encode as encodePng } from 'fast-png';
import { concatBytes } from './bytes.js';
import type { Cart } from './cart.js';
import { COVER_SIZE, drawCover } from './cover.js';
import { CartFormatError } from './errors.js';
import { insertBeforeIend, readPngChunks, type PngChunk } from './png-chunks.js';
import { findHiddenPayload, hidePayload } from './steganography.js';
import { readTicCart, writeTicCart } from './tic-cart.js';
import { inflateZlib, deflateZlib } from './zlib.js';

const CART_CHUNK = 'caRt';
/**
 * Largest .tic stream accepted from a PNG: the size of TIC-80's cartridge struct (8 banks of
 * 82 360 bytes, 512 KB of code, 256 KB of binary and its size, the language byte), which is the
 * buffer TIC-80 inflates into.
 */
const MAX_TIC_BYTES = 8 * 82360 + 0x80000 + 0x40000 + 4 + 1;
/** Only 8-bit RGBA pixels can hold TIC-80's hidden data: TIC-80 writes no other kind. */
const RGBA_COLOR_TYPE = 6;
const RGBA_DEPTH = 8;
const RGBA_CHANNELS = 4;
/** Hidden-data images larger than this are refused rather than decoded (64 MB of pixels). */
const MAX_PIXELS = 1 << 24;

/**
 * Reads a PNG cart. Throws CartFormatError when the file holds no cart or a damaged one; `repairs`
 * gets the notes of the .tic inside it (readTicCart).
 */
export function readPngCart(bytes: Uint8Array, fileName: string, repairs: string[] = []): Cart {
  const chunks = readPngChunks(bytes, fileName);
  const cartChunk = chunks.find((chunk) => chunk.type === CART_CHUNK && chunk.data.length > 0);
  let payload: Uint8Array;
  if (cartChunk) {
    if (!cartChunk.crcOk) throw new CartFormatError(fileName, `the ${CART_CHUNK} chunk at byte ${cartChunk.at} is damaged (its CRC does not match)`);
    payload = cartChunk.data;
  } else {
    payload = hiddenPayload(bytes, chunks, fileName);
  }
  const what = cartChunk ? `the ${CART_CHUNK} chunk` : 'the cart data hidden in the pixels';
  const tic = inflateZlib(payload, MAX_TIC_BYTES, what, fileName);
  // TIC-80 loads a PNG cart only when uncompress() succeeds, checksum included.
  if (!tic.checksumOk) throw new CartFormatError(fileName, `${what} is damaged: its zlib checksum is missing or does not match`);
  return readTicCart(tic.data, `${fileName} (${what})`, repairs);
}

function hiddenPayload(bytes: Uint8Array, chunks: PngChunk[], fileName: string): Uint8Array {
  const noCart = (why: string) => new CartFormatError(fileName, `not a TIC-80 cart: the PNG has no ${CART_CHUNK} chunk, and ${why}`);
  const header = chunks[0].type === 'IHDR' && chunks[0].data.length >= 13 ? chunks[0].data : undefined;
  if (!header) throw new CartFormatError(fileName, 'damaged PNG: it does not start with an IHDR chunk');
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const width = view.getUint32(0);
  const height = view.getUint32(4);
  if (header[8] !== RGBA_DEPTH || header[9] !== RGBA_COLOR_TYPE) throw noCart('its pixels are not 8-bit RGBA, so they hide no cart either');
  if (width * height > MAX_PIXELS) throw noCart(`its ${width} x ${height} pixels are too many to search for a hidden cart`);
  // fast-png inflates the pixels without a limit; check first that they expand to no more than an
  // image of this size can need (interlacing adds at most a filter byte per row of each pass).
  const idat = concatBytes(chunks.filter((chunk) => chunk.type === 'IDAT').map((chunk) => chunk.data));
  inflateZlib(idat, 2 * height * (1 + width * RGBA_CHANNELS) + 64, 'the image data', fileName);
  let rgba: Uint8Array;
  try {
    const { data } = decodePng(bytes);
    rgba = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  } catch (err) {
    throw new CartFormatError(fileName, `damaged PNG: ${(err as Error).message}`);
  }
  const payload = findHiddenPayload(rgba.subarray(0, width * height * RGBA_CHANNELS));
  if (!payload) throw noCart('its pixels hide no cart data');
  return payload;
}

/**
 * Writes a PNG cart: the cover picture (bank 0's screen, title and author) with the cart hidden in
 * its pixels when it fits, and the cart again in a caRt chunk after IDAT.
 */
export function writePngCart(cart: Cart, fileName: string): Uint8Array {
  const payload = deflateZlib(writeTicCart(cart, fileName));
  const cover = drawCover(cart);
  hidePayload(cover, payload);
  const png = encodePng({ width: COVER_SIZE, height: COVER_SIZE, data: cover, depth: 8, channels: RGBA_CHANNELS });
  return insertBeforeIend(png, CART_CHUNK, payload, fileName);
}
