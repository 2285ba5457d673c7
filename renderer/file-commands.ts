// New, Open, Save and Save As, recent carts and dropped files. Opening or starting another cart
// when the open one has unsaved changes asks first; a file that is not a cart changes nothing.
import { codeSizeWarning, loadCart, writeCart, type LoadedCart } from '../runner/common/cart/index.js';
import type { CartDocument, OpenCart } from './cart-document.js';
import { cartDigest } from './files/cart-digest.js';
import { newCartDocument } from './cart-template.js';
import type { CartFileAccess, CartFileEvents, PickedCartFile, RecentEntry } from './files/cart-file-access.js';
import type { SavedCarts } from './files/saved-carts.js';

export interface FileCommandsHost {
  readonly openCart: OpenCart;
  /** What this studio wrote, to tell its own carts from those that came from elsewhere. */
  readonly savedCarts: SavedCarts;
  /** Shows a cart's code in the editor as a fresh document. */
  loadEditor(code: string): void;
  /** Called before another cart takes the open one's place (ends its run). */
  leavingCart(): void;
  /** True to go ahead; the user is asked only when there are unsaved changes. */
  confirm(question: string): boolean;
  info(message: string): void;
  error(message: string): void;
  showRecent(entries: readonly RecentEntry[]): void;
}

export class FileCommands {
  readonly #host: FileCommandsHost;
  readonly #files: CartFileAccess;
  #recent: readonly RecentEntry[] = [];
  #saving = false;

  /** The file access reports what the user picks back to these commands. */
  constructor(host: FileCommandsHost, createFileAccess: (events: CartFileEvents) => CartFileAccess) {
    this.#host = host;
    this.#files = createFileAccess({ picked: (file) => this.opened(file), failed: (message) => host.error(message) });
    void this.refreshRecent();
  }

  newCart(): void {
    if (!this.#mayDiscard('start a new cart')) return;
    this.#replace(newCartDocument());
    this.#host.info('New cart.');
  }

  open(): void {
    this.#files.open();
  }

  openRecent(id: string): void {
    this.#files.openRecent(id);
  }

  /** A file the user picked, dropped or reopened. */
  opened(file: PickedCartFile): void {
    let loaded: LoadedCart;
    try {
      loaded = loadCart(file.bytes, file.name);
    } catch (err) {
      this.#host.error((err as Error).message);
      return;
    }
    if (!this.#mayDiscard(`open ${file.name}`)) return;
    const fromElsewhere = !this.#host.savedCarts.wroteHere(file.bytes);
    this.#replace({
      cart: loaded.cart,
      name: file.name,
      location: file.location,
      dirty: false,
      fromElsewhere,
      ...(fromElsewhere ? { sourceHash: cartDigest(file.bytes) } : {}),
    });
    this.#files.remember?.(file);
    void this.refreshRecent();
    this.#host.info(`Opened ${file.name}.`);
    for (const note of loaded.repairs) this.#host.info(`${file.name} was repaired on load: ${note}.`);
  }

  async save(saveAs: boolean): Promise<void> {
    if (this.#saving) return;
    const { openCart, savedCarts } = this.#host;
    const { cart, name, location } = openCart.doc;
    const revision = openCart.revision;
    this.#saving = true;
    const encode = (fileName: string) => {
      const bytes = writeCart(cart, fileName);
      savedCarts.remember(bytes);
      return bytes;
    };
    try {
      const saved = await this.#files.save({ name, location, saveAs, encode });
      if (!saved) return;
      openCart.saved(revision, saved.name, saved.location);
      this.#host.info(`Saved ${saved.name}.`);
      const warning = codeSizeWarning(cart.code, saved.name);
      if (warning) this.#host.error(warning);
      void this.refreshRecent();
    } catch (err) {
      this.#host.error(`Not saved: ${(err as Error).message}`);
    } finally {
      this.#saving = false;
    }
  }

  /** The recent carts as last listed, newest first. */
  get recent(): readonly RecentEntry[] {
    return this.#recent;
  }

  async refreshRecent(): Promise<void> {
    try {
      this.#recent = await this.#files.recent();
      this.#host.showRecent(this.#recent);
    } catch (err) {
      this.#host.error(`The recent carts could not be listed: ${(err as Error).message}`);
    }
  }

  #mayDiscard(action: string): boolean {
    const { dirty, name } = this.#host.openCart.doc;
    return !dirty || this.#host.confirm(`${name} has unsaved changes. Discard them and ${action}?`);
  }

  #replace(doc: CartDocument): void {
    this.#host.leavingCart();
    this.#host.openCart.replace(doc);
    this.#host.loadEditor(doc.cart.code);
  }
}
