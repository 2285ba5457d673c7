// A cart given to the desktop app to play: as a file argument (`nibble play`, a file manager's
// "open with", a second launch while the app runs) or through macOS's open-file event.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isCartFileName, MAX_LIBRARY_CART_BYTES } from '../../runner/common/cart-library.js';
import type { OpenedCartFile } from './cart-file-ipc.js';

/** The last argument naming a cart file (flags, Electron's own and the main script's arguments are not carts). */
export function cartArgument(argv: readonly string[]): string | null {
  const carts = argv.slice(1).filter((arg) => !arg.startsWith('-') && isCartFileName(path.basename(arg)));
  const last = carts.at(-1);
  return last === undefined ? null : path.resolve(last);
}

/** Reads the cart to play; throws with a message naming the file when it cannot be. */
export async function readCartToPlay(filePath: string): Promise<OpenedCartFile> {
  const name = path.basename(filePath);
  try {
    const info = await stat(filePath);
    if (info.size > MAX_LIBRARY_CART_BYTES) throw new Error(`it is ${info.size} bytes; a cart file is at most ${MAX_LIBRARY_CART_BYTES}`);
    return { name, path: filePath, bytes: new Uint8Array(await readFile(filePath)) };
  } catch (err) {
    throw new Error(`${filePath} could not be opened to play: ${(err as Error).message}`);
  }
}

/** The cart to play that the studio has not taken yet (a window asks for it when its page is ready). */
export class CartsToPlay {
  #pending: string | null = null;

  offer(filePath: string): void {
    this.#pending = filePath;
  }

  /** The pending cart, read, once; null when there is none. */
  async take(): Promise<OpenedCartFile | null> {
    const filePath = this.#pending;
    this.#pending = null;
    return filePath === null ? null : readCartToPlay(filePath);
  }
}
