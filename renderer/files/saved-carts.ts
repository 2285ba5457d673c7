// The cart files this studio wrote, by a digest of their bytes: a cart opened later (from a file,
// a drop or the recent list) with the same bytes is one this studio made. Any other cart came from
// elsewhere, and the studio warns when such a cart runs without the kernel sandbox. Kept in
// localStorage (which the desktop app keeps in its data folder).
import { cartDigest } from './cart-digest.js';

const STORAGE_KEY = 'nibble.saved-carts.v1';
/** The newest saves are kept; an older file, reopened, counts as from elsewhere. */
const MAX_REMEMBERED = 100;

export class SavedCarts {
  readonly #storage: Storage;

  constructor(storage: Storage) {
    this.#storage = storage;
  }

  /** Bytes this studio is writing to a file. */
  remember(bytes: Uint8Array): void {
    const digest = cartDigest(bytes);
    const kept = [digest, ...this.#read().filter((d) => d !== digest)].slice(0, MAX_REMEMBERED);
    try {
      this.#storage.setItem(STORAGE_KEY, JSON.stringify(kept));
    } catch {
      // A full storage only means this cart will count as from elsewhere when reopened.
    }
  }

  /** True when these are the bytes of a file this studio wrote. */
  wroteHere(bytes: Uint8Array): boolean {
    return this.#read().includes(cartDigest(bytes));
  }

  #read(): string[] {
    try {
      const value: unknown = JSON.parse(this.#storage.getItem(STORAGE_KEY) ?? '[]');
      return Array.isArray(value) ? value.filter((d): d is string => typeof d === 'string') : [];
    } catch {
      return [];
    }
  }
}
