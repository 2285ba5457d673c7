// The browser's recent carts: a few small carts kept whole (their bytes in base64) in
// localStorage, so they reopen without the file. Bigger carts are not kept; localStorage holds
// about 5 MB per site, and the open cart's autosave needs room too.
import { base64ToBytes, bytesToBase64 } from '../../runner/common/base64.js';
import type { RecentEntry } from './cart-file-access.js';

const STORAGE_KEY = 'nibble.recent-carts.v1';
export const MAX_BROWSER_RECENTS = 8;
export const MAX_KEPT_CART_BYTES = 128 * 1024;

interface KeptCart {
  name: string;
  bytes: string;
}

function isKeptCart(value: unknown): value is KeptCart {
  const entry = value as Partial<KeptCart> | null;
  return typeof entry === 'object' && entry !== null && typeof entry.name === 'string' && typeof entry.bytes === 'string';
}

export class BrowserRecentCarts {
  readonly #storage: Storage;

  constructor(storage: Storage) {
    this.#storage = storage;
  }

  list(): RecentEntry[] {
    return this.#read().map(({ name }) => ({ id: name, name, detail: `${name}, kept in this browser` }));
  }

  bytesOf(name: string): Uint8Array | null {
    const entry = this.#read().find((e) => e.name === name);
    return entry ? base64ToBytes(entry.bytes) : null;
  }

  /** Keeps the cart first on the list (replacing one of the same name). False when it is too big to keep. */
  remember(name: string, bytes: Uint8Array): boolean {
    if (bytes.length > MAX_KEPT_CART_BYTES) return false;
    let entries = [{ name, bytes: bytesToBase64(bytes) }, ...this.#read().filter((e) => e.name !== name)].slice(0, MAX_BROWSER_RECENTS);
    // A full storage costs the oldest entries first.
    while (entries.length > 0) {
      try {
        this.#storage.setItem(STORAGE_KEY, JSON.stringify(entries));
        return true;
      } catch {
        entries = entries.slice(0, -1);
      }
    }
    return false;
  }

  #read(): KeptCart[] {
    try {
      const value: unknown = JSON.parse(this.#storage.getItem(STORAGE_KEY) ?? '[]');
      return Array.isArray(value) ? value.filter(isKeptCart) : [];
    } catch {
      return [];
    }
  }
}
