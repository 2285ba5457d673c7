// Cart files on disk for a Node host (the CLI, tests): .lua, .tic and .png (reference 5). The
// binary formats' readers and writers (PNG, zlib, GIF) are loaded only for a binary cart: a text
// cart leaves them out of a CLI run's start-up.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { CartSource } from '../common/protocol.js';
import type { Cart } from '../common/cart/cart.js';
import type { LoadedCart } from '../common/cart/cart-files.js';
import { formatOfFile } from '../common/cart/cart-format.js';
import { cartSourceOf } from '../common/cart/cart-source.js';
import { readTextCartBytes } from '../common/cart/text-cart.js';

function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new Error(`cannot read the cart ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
}

/**
 * Loads a cart file, with notes of the damage read past as TIC-80 reads it. Throws CartFormatError
 * (naming the file) when it is not a readable cart.
 */
export async function loadCartFile(path: string): Promise<LoadedCart> {
  const bytes = readBytes(path);
  const name = basename(path);
  if (formatOfFile(bytes, name) === 'text') return { cart: readTextCartBytes(bytes, name), repairs: [] };
  const { loadCart } = await import('../common/cart/cart-files.js');
  return loadCart(bytes, name);
}

/** What a runner is started with: the code and bank 0's data. */
export async function readCartFile(path: string): Promise<CartSource> {
  return cartSourceOf((await loadCartFile(path)).cart, basename(path));
}

/** Saves a cart in the format the path's extension names. */
export async function saveCartFile(path: string, cart: Cart): Promise<void> {
  const { writeCart } = await import('../common/cart/cart-files.js');
  const bytes = writeCart(cart, basename(path));
  try {
    writeFileSync(path, bytes);
  } catch (err) {
    throw new Error(`cannot write ${path}: ${(err as Error).message}`);
  }
}
