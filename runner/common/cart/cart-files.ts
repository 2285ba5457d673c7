// Reading and writing a cart file in any of the three formats, chosen by the file's content and
// name (reference 5).
import type { Cart } from './cart.js';
import { CartFormatError } from './errors.js';
import { hasPngSignature } from './png-chunks.js';
import { readPngCart, writePngCart } from './png-cart.js';
import { readTextCart, writeTextCart } from './text-cart.js';
import { readTicCart, writeTicCart } from './tic-cart.js';

export type CartFormat = 'text' | 'tic' | 'png';

const EXTENSIONS: Readonly<Record<string, CartFormat>> = { '.lua': 'text', '.tic': 'tic', '.png': 'png' };

function extensionOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** The format a file name's extension stands for. Throws CartFormatError for any other name. */
export function cartFormatOf(fileName: string): CartFormat {
  const extension = extensionOf(fileName);
  const format = EXTENSIONS[extension];
  if (!format) {
    const what = extension ? `unknown cart extension ${JSON.stringify(extension)}` : 'no file extension';
    throw new CartFormatError(fileName, `${what}: carts are .lua (text), .tic or .png files`);
  }
  return format;
}

export interface LoadedCart {
  cart: Cart;
  /** Damage TIC-80 reads past (as packed carts have), read as TIC-80 reads it: one note each. */
  repairs: string[];
}

/**
 * Reads a cart file. PNG data is read as a PNG cart whatever the name (TIC-80 accepts it anywhere);
 * otherwise the extension decides.
 */
export function loadCart(bytes: Uint8Array, fileName: string): LoadedCart {
  const repairs: string[] = [];
  return { cart: readAnyCart(bytes, fileName, repairs), repairs };
}

/** loadCart without the repair notes. */
export function readCart(bytes: Uint8Array, fileName: string): Cart {
  return loadCart(bytes, fileName).cart;
}

function readAnyCart(bytes: Uint8Array, fileName: string, repairs: string[]): Cart {
  if (hasPngSignature(bytes)) return readPngCart(bytes, fileName, repairs);
  const format = cartFormatOf(fileName);
  if (format === 'png') throw new CartFormatError(fileName, 'not a PNG file (no PNG signature)');
  if (format === 'tic') return readTicCart(bytes, fileName, repairs);
  return readTextCart(new TextDecoder().decode(bytes), fileName);
}

/** Writes a cart in the format its file name's extension names. */
export function writeCart(cart: Cart, fileName: string): Uint8Array {
  const format = cartFormatOf(fileName);
  if (format === 'png') return writePngCart(cart, fileName);
  if (format === 'tic') return writeTicCart(cart, fileName);
  return new TextEncoder().encode(writeTextCart(cart, fileName));
}
