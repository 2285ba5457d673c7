// The desktop app's cart file I/O, behind the studio's open and save commands. Files are read and
// written only where the user pointed: through a dialog, or a recent cart they opened or saved
// before. The dialogs themselves are Electron's (electron-main/cart-file-host.ts) and are passed in.
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MAX_CART_FILE_BYTES, type OpenedCartFile, type RecentCart, type SaveTarget, type SaveTargetRequest, type WriteRequest } from './cart-file-ipc.js';
import type { RecentCarts } from './recent-carts.js';

export interface CartDialogs {
  /** The file the user picked to open, or undefined when they cancelled. */
  pickOpen(folder: string): Promise<string | undefined>;
  /** Where the user chose to save, or undefined when they cancelled. */
  pickSave(defaultPath: string): Promise<string | undefined>;
}

const CART_EXTENSIONS = ['.lua', '.tic', '.png'];

/**
 * A save dialog may hand back a name without an extension (GTK adds none); the suggested name's
 * extension then picks the format.
 */
export function withCartExtension(chosen: string, suggestedName: string): string {
  if (CART_EXTENSIONS.includes(path.extname(chosen).toLowerCase())) return chosen;
  const suggested = path.extname(suggestedName).toLowerCase();
  return chosen + (CART_EXTENSIONS.includes(suggested) ? suggested : '.lua');
}

function describe(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (err as Error).message;
}

export class CartFileService {
  readonly #recent: RecentCarts;
  /** Paths the user picked in a dialog while the app runs. */
  readonly #chosen = new Set<string>();
  #folder: string;

  constructor(recent: RecentCarts, startFolder: string) {
    this.#recent = recent;
    this.#folder = startFolder;
  }

  recent(): RecentCart[] {
    return this.#recent.list();
  }

  async open(dialogs: CartDialogs): Promise<OpenedCartFile | null> {
    const chosen = await dialogs.pickOpen(this.#folder);
    if (chosen === undefined) return null;
    this.#chosen.add(chosen);
    return this.#read(chosen);
  }

  /** Only paths on the recent list; one that is gone leaves the list. */
  async openRecent(filePath: string): Promise<OpenedCartFile> {
    if (!this.#recent.has(filePath)) throw new Error(`${filePath} is not one of the recent carts`);
    return this.#read(filePath);
  }

  /**
   * Where a save goes: the cart's own file when it has one under the same name and the user did
   * not ask to choose, else wherever the user picks in the save dialog (null if they cancel).
   */
  async saveTarget(dialogs: CartDialogs, request: SaveTargetRequest): Promise<SaveTarget | null> {
    const { name, currentPath, saveAs } = request;
    if (!saveAs && currentPath !== null && this.#mayWrite(currentPath) && path.basename(currentPath) === name) {
      return { name, path: currentPath };
    }
    const folder = currentPath !== null && path.isAbsolute(currentPath) ? path.dirname(currentPath) : this.#folder;
    const chosen = await dialogs.pickSave(path.join(folder, name));
    if (chosen === undefined) return null;
    const target = withCartExtension(chosen, name);
    this.#chosen.add(target);
    this.#folder = path.dirname(target);
    return { name: path.basename(target), path: target };
  }

  async write(request: WriteRequest): Promise<void> {
    const { path: filePath, bytes } = request;
    if (!this.#mayWrite(filePath)) throw new Error(`${filePath}: the studio writes only where you chose to save`);
    try {
      await writeFile(filePath, bytes);
    } catch (err) {
      throw new Error(`cannot write ${filePath}: ${describe(err)}`);
    }
    this.#recent.add(filePath);
  }

  #mayWrite(filePath: string): boolean {
    return this.#chosen.has(filePath) || this.#recent.has(filePath);
  }

  async #read(filePath: string): Promise<OpenedCartFile> {
    let bytes: Uint8Array;
    try {
      const info = await stat(filePath);
      if (!info.isFile()) throw new Error(info.isDirectory() ? 'it is a folder' : 'it is not a regular file');
      if (info.size > MAX_CART_FILE_BYTES) throw new Error(`it is ${info.size} bytes; a cart file is at most ${MAX_CART_FILE_BYTES}`);
      bytes = new Uint8Array(await readFile(filePath));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') this.#recent.remove(filePath);
      throw new Error(`cannot open ${filePath}: ${describe(err)}`);
    }
    this.#recent.add(filePath);
    this.#folder = path.dirname(filePath);
    return { name: path.basename(filePath), path: filePath, bytes };
  }
}
