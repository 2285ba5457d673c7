// Reading and writing a cart file in any of the three formats, chosen by the file's content and
// name (reference 5).
import type { Cart } from './cart.js';
import { cartFormatOf, formatOfFile } from './cart-format.js';
import { readPngCart, writePngCart } from './png-cart.js';
import { readTextCartBytes, writeTextCart } from './text-cart.js';
import { readTicCart, writeTicCart } from './tic-cart.js';

export { cartFormatOf, type CartFormat } from './cart-format.js';

export interface LoadedCart {
  cart: Cart;
  /** Damage TIC-80 reads past (as packed carts have), read as TIC-80 reads it: one note each. */
  repairs: string[];
}

/** Reads a cart file in the format formatOfFile tells. */
export function loadCart(bytes: Uint8Array, fileName: string): LoadedCart {
  const repairs: string[] = [];
  return { cart: readAnyCart(bytes, fileName, repairs), repairs };
}

/** loadCart without the repair notes. */
export function readCart(bytes: Uint8Array, fileName: string): Cart {
  return loadCart(bytes, fileName).cart;
}

function readAnyCart(bytes: Uint8Array, fileName: string, repairs: string[]): Cart {
  const format = formatOfFile(bytes, fileName);
  if (format === 'png') return readPngCart(bytes, fileName, repairs);
  if (format === 'tic') return readTicCart(bytes, fileName, repairs);
  return readTextCartBytes(bytes, fileName);
}

/** Writes a cart in the format its file name's extension names. */
export function writeCart(cart: Cart, fileName: string): Uint8Array {
  const format = cartFormatOf(fileName);
  if (format === 'png') return writePngCart(cart, fileName);
  if (format === 'tic') return writeTicCart(cart, fileName);
  return new TextEncoder().encode(writeTextCart(cart, fileName));
}
