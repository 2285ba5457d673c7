// The desktop app's autosave: the main process keeps the cart in a file of the app's data folder,
// written durably (runner/node/durable-file.ts) before the save resolves.
import type { CartDocument } from '../cart-document.js';
import type { NibbleElectronBridge } from '../runner-link/electron-bridge.js';
import type { AutosaveStore } from './autosave-store.js';

export class ElectronAutosaveStore implements AutosaveStore {
  readonly #bridge: NibbleElectronBridge;

  constructor(bridge: NibbleElectronBridge) {
    this.#bridge = bridge;
  }

  load(): Promise<CartDocument | null> {
    return this.#bridge.loadAutosave();
  }

  /** Main writes the whole file every time, in the order the saves arrive. */
  save(doc: CartDocument): Promise<void> {
    const { cart, name, location, dirty, fromElsewhere, sourceHash } = doc;
    return this.#bridge.saveAutosave({ cart, name, location, dirty, fromElsewhere, ...(sourceHash !== undefined ? { sourceHash } : {}) });
  }
}
