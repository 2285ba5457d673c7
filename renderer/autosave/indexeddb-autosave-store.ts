// The browser's autosave: IndexedDB, where a transaction's completion means the browser has
// handed it to the operating system's files (localStorage, by contrast, gets there seconds later,
// so a crash of the browser lost the last edits). The cart is kept as records the browser clones as they are, with
// no encoding: one for the code and the cart's name, place and unsaved flag, one per bank of data
// sections. A save writes the banks that changed since the last one (edits replace the bank they
// change, so a bank that is the same object is unchanged), so typing in a big cart writes its code
// only; unless another tab saved in between, which the token of each save tells.
import { BANK_COUNT, type CartBank } from '../../runner/common/cart/index.js';
import { isCart } from '../../runner/common/cart/cart.js';
import type { CartDocument } from '../cart-document.js';
import type { AutosaveStore, SaveMode } from './autosave-store.js';

const DB_NAME = 'nibble';
const DB_VERSION = 1;
const STORE_NAME = 'open-cart';
const DOC_KEY = 'doc';
const bankKey = (bank: number): string => `bank-${bank}`;
/**
 * A completed relaxed transaction survives a SIGKILL of the whole browser (autosave-crash.test.ts,
 * 20 of 20, as with 'strict'); 'strict' would add an fsync per save, which only an operating
 * system crash or a power cut needs, and which a slow disk would make take longer than the save's bound.
 */
const DURABILITY: IDBTransactionDurability = 'relaxed';

interface DocRecord {
  name: string;
  location: string | null;
  dirty: boolean;
  /** Absent in saves made before the studio told its own carts from others'. */
  fromElsewhere?: boolean;
  /** The SHA-256 of a cart from elsewhere's file (see CartDocument); absent for the studio's own and in older saves. */
  sourceHash?: string;
  code: string;
  binary: Uint8Array;
  lang: number;
  /** Different for every save, so a tab can tell whether the stored banks are still the ones it wrote. */
  token: string;
}

function isDocRecord(value: unknown): value is DocRecord {
  const doc = value as Partial<DocRecord> | null;
  return (
    typeof doc === 'object' &&
    doc !== null &&
    typeof doc.name === 'string' &&
    (doc.location === null || typeof doc.location === 'string') &&
    typeof doc.dirty === 'boolean'
  );
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function completion(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('the transaction was aborted'));
  });
}

/** Half a cart must not be committed; a transaction that failed has ended already, and abort then throws. */
function abandon(tx: IDBTransaction): void {
  try {
    tx.abort();
  } catch {
    // Already ended.
  }
}

function openDatabase(): Promise<IDBDatabase> {
  const req = indexedDB.open(DB_NAME, DB_VERSION);
  req.onupgradeneeded = () => req.result.createObjectStore(STORE_NAME);
  return request(req);
}

export class IndexedDbAutosaveStore implements AutosaveStore {
  #db: Promise<IDBDatabase> | null = null;
  /** The banks as the last completed save wrote them (or the load read them), and that save's token. */
  #written: (CartBank | undefined)[] = [];
  #token: string | null = null;

  async load(): Promise<CartDocument | null> {
    const tx = (await this.#open()).transaction(STORE_NAME, 'readonly');
    const store = tx.objectStore(STORE_NAME);
    const [doc, ...banks] = await Promise.all([
      request<unknown>(store.get(DOC_KEY)),
      ...Array.from({ length: BANK_COUNT }, (_, b) => request<unknown>(store.get(bankKey(b)))),
    ]);
    if (!isDocRecord(doc)) return null;
    const cart: unknown = { code: doc.code, banks, binary: doc.binary, lang: doc.lang };
    if (!isCart(cart)) return null;
    this.#written = cart.banks.slice();
    this.#token = typeof doc.token === 'string' ? doc.token : null;
    const sourceHash = typeof doc.sourceHash === 'string' ? { sourceHash: doc.sourceHash } : {};
    return { cart, name: doc.name, location: doc.location, dirty: doc.dirty, fromElsewhere: doc.fromElsewhere === true, ...sourceHash };
  }

  async save(doc: CartDocument, mode: SaveMode): Promise<void> {
    const { cart } = doc;
    const token = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    try {
      const tx = (await this.#open()).transaction(STORE_NAME, 'readwrite', { durability: DURABILITY });
      const done = completion(tx);
      const store = tx.objectStore(STORE_NAME);
      try {
        // A page going away cannot wait for a read: its puts and commit must all be asked for now.
        // Otherwise the read comes back inside its success event, where the transaction is still
        // active for the puts.
        const ours = mode === 'changes' && this.#token !== null && (await this.#stillOurs(store));
        const record: DocRecord = {
          name: doc.name,
          location: doc.location,
          dirty: doc.dirty,
          fromElsewhere: doc.fromElsewhere,
          ...(doc.sourceHash !== undefined ? { sourceHash: doc.sourceHash } : {}),
          code: cart.code,
          binary: cart.binary,
          lang: cart.lang,
          token,
        };
        store.put(record, DOC_KEY);
        cart.banks.forEach((bank, b) => {
          if (!ours || this.#written[b] !== bank) store.put(bank, bankKey(b));
        });
        tx.commit();
      } catch (err) {
        abandon(tx);
        void done.catch(() => undefined);
        throw err;
      }
      await done;
    } catch (err) {
      this.#token = null;
      throw new Error(`the browser could not store it in IndexedDB (${(err as Error).message})`);
    }
    this.#written = cart.banks.slice();
    this.#token = token;
  }

  /** Whether the stored cart is the one this store saved last (no other tab saved since). */
  async #stillOurs(store: IDBObjectStore): Promise<boolean> {
    const stored: unknown = await request(store.get(DOC_KEY));
    return isDocRecord(stored) && stored.token === this.#token;
  }

  #open(): Promise<IDBDatabase> {
    this.#db ??= openDatabase();
    return this.#db;
  }
}
