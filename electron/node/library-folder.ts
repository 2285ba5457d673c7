// The desktop library's folder: any folder the user picks, remembered in the app's data folder,
// and the cart files in it (and its subfolders), read for the studio's library view.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isCartFileName, MAX_LIBRARY_CART_BYTES, MAX_LIBRARY_CARTS } from '../../runner/common/cart-library.js';
import type { OpenedCartFile } from './cart-file-ipc.js';

/** Subfolders deeper than this are not looked into (a folder of carts is rarely deeper). */
const MAX_DEPTH = 3;

export interface LibraryListing {
  folder: string;
  /** By path; at most MAX_LIBRARY_CARTS. */
  files: OpenedCartFile[];
  /** The folder holds more carts than that. */
  truncated: boolean;
}

async function cartPaths(folder: string, depth: number, found: string[]): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (found.length > MAX_LIBRARY_CARTS || entry.name.startsWith('.')) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory() && depth < MAX_DEPTH) await cartPaths(full, depth + 1, found);
    else if (entry.isFile() && isCartFileName(entry.name)) found.push(full);
  }
}

/** The carts of a folder; a file that cannot be read, or is too big to be a cart, is left out. */
export async function listLibraryFolder(folder: string): Promise<LibraryListing> {
  const found: string[] = [];
  await cartPaths(folder, 0, found);
  const files: OpenedCartFile[] = [];
  for (const filePath of found.slice(0, MAX_LIBRARY_CARTS)) {
    try {
      if ((await stat(filePath)).size > MAX_LIBRARY_CART_BYTES) continue;
      files.push({ name: path.basename(filePath), path: filePath, bytes: new Uint8Array(await readFile(filePath)) });
    } catch {
      // Unreadable (permissions, removed meanwhile): not a cart the library can show.
    }
  }
  return { folder, files, truncated: found.length > MAX_LIBRARY_CARTS };
}

/** The picked folder, kept in a small JSON file; the listing of it, on request. */
export class LibraryFolderService {
  readonly #file: string;

  /** file: where the folder's path is kept (library-folder.json in the app's data folder). */
  constructor(file: string) {
    this.#file = file;
  }

  /** The kept folder's carts; null when none was picked, or it is gone. */
  async remembered(): Promise<LibraryListing | null> {
    const folder = await this.#kept();
    if (!folder) return null;
    try {
      return await listLibraryFolder(folder);
    } catch {
      return null;
    }
  }

  /** pickFolder: the native folder dialog (undefined when cancelled); the folder picked is kept. */
  async pick(pickFolder: (start: string | undefined) => Promise<string | undefined>): Promise<LibraryListing | null> {
    const folder = await pickFolder((await this.#kept()) ?? undefined);
    if (!folder) return null;
    const listing = await listLibraryFolder(folder);
    await writeFile(this.#file, JSON.stringify({ folder }));
    return listing;
  }

  async #kept(): Promise<string | null> {
    try {
      const { folder } = JSON.parse(await readFile(this.#file, 'utf8')) as { folder?: unknown };
      return typeof folder === 'string' && path.isAbsolute(folder) ? folder : null;
    } catch {
      return null;
    }
  }
}
