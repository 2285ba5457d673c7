// The desktop app's recent carts: the paths of cart files the user opened or saved, newest first,
// kept in a small JSON file in the app's data folder.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RecentCart } from './cart-file-ipc.js';

export const MAX_RECENT_CARTS = 10;

export class RecentCarts {
  readonly #file: string;
  #paths: string[];

  /** A missing or unreadable file is an empty list: recents are a convenience, never a reason to fail. */
  constructor(file: string) {
    this.#file = file;
    this.#paths = readPaths(file);
  }

  list(): RecentCart[] {
    return this.#paths.map((p) => ({ name: path.basename(p), path: p }));
  }

  has(filePath: string): boolean {
    return this.#paths.includes(filePath);
  }

  /** Puts the path first (once), dropping the oldest past the limit. */
  add(filePath: string): void {
    this.#paths = [filePath, ...this.#paths.filter((p) => p !== filePath)].slice(0, MAX_RECENT_CARTS);
    this.#store();
  }

  remove(filePath: string): void {
    this.#paths = this.#paths.filter((p) => p !== filePath);
    this.#store();
  }

  #store(): void {
    try {
      writeFileSync(this.#file, `${JSON.stringify(this.#paths, null, 2)}\n`);
    } catch (err) {
      console.error(`nibble: could not keep the recent carts in ${this.#file}: ${(err as Error).message}`);
    }
  }
}

function readPaths(file: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const paths = parsed.filter((p): p is string => typeof p === 'string' && path.isAbsolute(p));
  return [...new Set(paths)].slice(0, MAX_RECENT_CARTS);
}
