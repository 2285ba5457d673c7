// The open cart as the studio holds it: the codecs' Cart (the editor shows and edits its code; the
// data sections live here), its file name, where it came from, and whether it has unsaved changes.
import { writeCart, type Cart } from '../runner/common/cart/index.js';
import type { CartSection } from '../runner/common/protocol.js';
import { cartDigest } from './files/cart-digest.js';

export interface CartDocument {
  cart: Cart;
  /** The file name; its extension picks the format a save writes. */
  name: string;
  /** Where the desktop app opened or last saved it (a path); null in the browser or before a first save. */
  location: string | null;
  /** Changed since it was opened, created or last saved. */
  dirty: boolean;
  /**
   * Opened from a file, a drop or the recent list that this studio did not write, and not saved
   * here since: a stranger's cart, as far as the studio knows.
   */
  fromElsewhere: boolean;
  /**
   * For a cart from elsewhere, the SHA-256 of the file's bytes as opened: the content the player's
   * capability answers are pinned to. The autosave keeps it (one made before it did has none: see cartIdentity).
   */
  sourceHash?: string;
}

type Listener = (doc: CartDocument) => void;

/** Holds the open cart and tells its listeners (title, toolbar, autosave) about every change. */
export class OpenCart {
  #doc: CartDocument;
  /** Bumped by every change, so a save that finishes late knows whether it saved the latest cart. */
  #revision = 0;
  readonly #listeners: Listener[] = [];
  readonly #replacedListeners: (() => void)[] = [];

  constructor(doc: CartDocument) {
    this.#doc = doc;
  }

  get doc(): CartDocument {
    return this.#doc;
  }

  get revision(): number {
    return this.#revision;
  }

  onChange(listener: Listener): void {
    this.#listeners.push(listener);
  }

  /** The editor's text; unchanged text (such as the editor echoing a load) changes nothing. */
  editCode(code: string): void {
    if (code === this.#doc.cart.code) return;
    this.#set({ ...this.#doc, cart: { ...this.#doc.cart, code }, dirty: true });
  }

  /** One data section of one bank, replaced as a whole by an editor (sprites, map, sound...). */
  editSection(bank: number, section: CartSection, bytes: Uint8Array): void {
    const banks = this.#doc.cart.banks.slice();
    banks[bank] = { ...banks[bank], [section]: bytes };
    this.#set({ ...this.#doc, cart: { ...this.#doc.cart, banks }, dirty: true });
  }

  rename(name: string): void {
    if (name !== this.#doc.name) this.#set({ ...this.#doc, name });
  }

  /** Another cart takes its place (opened or new). */
  replace(doc: CartDocument): void {
    this.#set(doc);
    for (const listener of this.#replacedListeners) listener();
  }

  /** Called when another cart took the open one's place: editors drop what referred to the old one. */
  onReplaced(listener: () => void): void {
    this.#replacedListeners.push(listener);
  }

  /** A save of the cart as it was at `revision` finished; later edits stay unsaved. */
  saved(revision: number, name: string, location: string | null): void {
    this.#set({ ...this.#doc, name, location, dirty: this.#doc.dirty && revision !== this.#revision, fromElsewhere: false, sourceHash: undefined });
  }

  #set(doc: CartDocument): void {
    this.#doc = doc;
    this.#revision++;
    for (const listener of this.#listeners) listener(doc);
  }
}

/** The window title: a dot marks unsaved changes. */
export function documentTitle(doc: CartDocument): string {
  return `${doc.dirty ? '● ' : ''}${doc.name} — Nibble`;
}

/**
 * What a run's capabilities are pinned to: null for the studio's own cart (it has them all), else
 * the SHA-256 of the file it came from; a cart from an autosave made before sourceHash was kept is
 * known by the bytes it would save as.
 */
export function cartIdentity(doc: CartDocument): string | null {
  if (!doc.fromElsewhere) return null;
  if (doc.sourceHash !== undefined) return doc.sourceHash;
  try {
    return cartDigest(writeCart(doc.cart, doc.name));
  } catch {
    return cartDigest(new TextEncoder().encode(doc.cart.code));
  }
}
