// The desktop app's autosave of the open cart: one file in the app's data folder, replaced by a
// durable write (runner/node/durable-file.ts) on every save, so a crash of the app or of the studio's page
// right after a save loses nothing. The file is a line of JSON (the cart's name, place, unsaved
// flag, language id and the byte lengths of the rest), then the code in UTF-8, every bank's data
// sections at their fixed sizes, and the WASM binary: no encoding beyond a copy, even for a big cart.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { BANK_COUNT, BANK_SECTIONS, type Cart, type CartBank } from '../../runner/common/cart/index.js';
import { isCart } from '../../runner/common/cart/cart.js';
import { CART_SECTION_BYTES } from '../../runner/common/protocol.js';
import { isFilePath } from './cart-file-ipc.js';
import { writeFileDurably } from '../../runner/node/durable-file.js';
import { concatBytes } from '../../runner/common/cart/bytes.js';

export const AUTOSAVE_FILE_NAME = 'autosave.nibble';
const FORMAT = 'nibble-autosave-1';
const MAX_NAME_LENGTH = 1024;
const NEWLINE = 0x0a;

/** The open cart as the studio holds it (renderer/cart-document.ts). */
export interface AutosavedCart {
  cart: Cart;
  name: string;
  location: string | null;
  dirty: boolean;
  /** The cart came from a file this studio did not save (see renderer/cart-document.ts). */
  fromElsewhere: boolean;
  /** For such a cart, the SHA-256 of that file's bytes (lowercase hex), which its capabilities are pinned to. */
  sourceHash?: string;
}

const isSourceHash = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
/** The optional sourceHash, carried only when it is one. */
const withSourceHash = (value: unknown) => (isSourceHash(value) ? { sourceHash: value } : {});

interface Header {
  format: string;
  name: string;
  location: string | null;
  dirty: boolean;
  fromElsewhere: boolean;
  /** Absent in files written before capabilities, and for the studio's own carts. */
  sourceHash?: string;
  lang: number;
  codeBytes: number;
  binaryBytes: number;
}

const BANK_BYTES = BANK_SECTIONS.reduce((sum, section) => sum + CART_SECTION_BYTES[section], 0);

/** What main accepts from a renderer: a whole cart of the right shape, and a name and place that are strings. */
export function parseAutosavedCart(value: unknown): AutosavedCart | null {
  const doc = value as Partial<AutosavedCart> | null;
  if (typeof doc !== 'object' || doc === null || !isCart(doc.cart) || typeof doc.dirty !== 'boolean' || typeof doc.fromElsewhere !== 'boolean') return null;
  if (typeof doc.name !== 'string' || doc.name.length > MAX_NAME_LENGTH) return null;
  if (doc.location !== null && !isFilePath(doc.location)) return null;
  if (doc.sourceHash !== undefined && !isSourceHash(doc.sourceHash)) return null;
  return { cart: doc.cart, name: doc.name, location: doc.location, dirty: doc.dirty, fromElsewhere: doc.fromElsewhere, ...withSourceHash(doc.sourceHash) };
}

export function encodeAutosave(doc: AutosavedCart): Uint8Array {
  const { cart } = doc;
  const code = new TextEncoder().encode(cart.code);
  const header: Header = {
    format: FORMAT,
    name: doc.name,
    location: doc.location,
    dirty: doc.dirty,
    fromElsewhere: doc.fromElsewhere,
    ...withSourceHash(doc.sourceHash),
    lang: cart.lang,
    codeBytes: code.length,
    binaryBytes: cart.binary.length,
  };
  const head = new TextEncoder().encode(`${JSON.stringify(header)}\n`);
  return concatBytes([head, code, ...cart.banks.flatMap((bank) => BANK_SECTIONS.map((section) => bank[section])), cart.binary]);
}

function isHeader(value: unknown): value is Header {
  const h = value as Partial<Header> | null;
  return (
    typeof h === 'object' &&
    h !== null &&
    h.format === FORMAT &&
    typeof h.name === 'string' &&
    (h.location === null || typeof h.location === 'string') &&
    typeof h.dirty === 'boolean' &&
    typeof h.fromElsewhere === 'boolean' &&
    typeof h.lang === 'number' &&
    Number.isSafeInteger(h.codeBytes) &&
    h.codeBytes! >= 0 &&
    Number.isSafeInteger(h.binaryBytes) &&
    h.binaryBytes! >= 0
  );
}

/** Null when the bytes are not a whole autosave of this format. */
export function decodeAutosave(bytes: Uint8Array): AutosavedCart | null {
  const end = bytes.indexOf(NEWLINE);
  if (end < 0) return null;
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(0, end)));
  } catch {
    return null;
  }
  if (!isHeader(header) || bytes.length !== end + 1 + header.codeBytes + BANK_COUNT * BANK_BYTES + header.binaryBytes) return null;
  let at = end + 1;
  const take = (length: number): Uint8Array => bytes.slice(at, (at += length));
  const code = new TextDecoder().decode(take(header.codeBytes));
  const banks = Array.from({ length: BANK_COUNT }, () => {
    const bank = {} as CartBank;
    for (const section of BANK_SECTIONS) bank[section] = take(CART_SECTION_BYTES[section]);
    return bank;
  });
  const cart: Cart = { code, banks, binary: take(header.binaryBytes), lang: header.lang };
  return isCart(cart)
    ? { cart, name: header.name, location: header.location, dirty: header.dirty, fromElsewhere: header.fromElsewhere, ...withSourceHash(header.sourceHash) }
    : null;
}

export class AutosaveFile {
  readonly #path: string;
  /** Saves run one after another, so the file always ends up holding the last one. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(folder: string) {
    this.#path = path.join(folder, AUTOSAVE_FILE_NAME);
  }

  /** Null when there is no autosave yet. */
  async load(): Promise<AutosavedCart | null> {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(this.#path));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new Error(`cannot read ${this.#path}: ${(err as Error).message}`);
    }
    const doc = decodeAutosave(bytes);
    if (!doc) throw new Error(`${this.#path} is damaged or from another version; the next edit replaces it`);
    return doc;
  }

  /** Resolves once the file on disk holds this cart. */
  save(doc: AutosavedCart): Promise<void> {
    const bytes = encodeAutosave(doc);
    const write = this.#queue.then(async () => {
      await mkdir(path.dirname(this.#path), { recursive: true });
      await writeFileDurably(this.#path, bytes);
    });
    this.#queue = write.catch(() => undefined);
    return write.catch((err: unknown) => {
      throw new Error(`cannot write ${this.#path}: ${(err as Error).message}`);
    });
  }
}
