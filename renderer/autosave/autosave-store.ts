// Where the open cart is kept between sessions, whatever the host: IndexedDB in a browser, a file
// written by the main process in the desktop app. Both make a save durable before it resolves, so
// a crash of the page, the browser or the app right after loses nothing that was saved.
import type { CartDocument } from '../cart-document.js';

export interface AutosaveStore {
  /** The cart last saved, or null when there is none. Rejects when the store cannot be read at all. */
  load(): Promise<CartDocument | null>;
  /**
   * Resolves once the cart is on disk; rejects (with a message for the console) when it could not
   * be kept. Saves reach the disk in the order they were made, even while an earlier one is under
   * way. 'changes' may write only what changed since the last save; 'whole' writes everything at
   * once, asking the store nothing first, for a page about to go away.
   */
  save(doc: CartDocument, mode: SaveMode): Promise<void>;
}

export type SaveMode = 'changes' | 'whole';
