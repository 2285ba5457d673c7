// Cart files on disk for a Node host (the CLI, tests): .lua, .tic and .png (reference 5).
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { CartSource } from '../common/protocol.js';
import { cartSourceOf, loadCart, writeCart, type Cart, type LoadedCart } from '../common/cart/index.js';

/** A cart file's bytes; throws, naming it, when it cannot be read. */
export function readCartBytes(path: string): Uint8Array {
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
export function loadCartFile(path: string): LoadedCart {
  return loadCart(readCartBytes(path), basename(path));
}

/** What a runner is started with: the code and bank 0's data. */
export function readCartFile(path: string): CartSource {
  return cartSourceOf(loadCartFile(path).cart, basename(path));
}

/** Saves a cart in the format the path's extension names. */
export function saveCartFile(path: string, cart: Cart): void {
  const bytes = writeCart(cart, basename(path));
  try {
    writeFileSync(path, bytes);
  } catch (err) {
    throw new Error(`cannot write ${path}: ${(err as Error).message}`);
  }
}
