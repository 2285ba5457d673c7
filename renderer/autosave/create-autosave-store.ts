// A file kept by the main process in the desktop app, IndexedDB in a browser.
import type { AutosaveStore } from './autosave-store.js';
import { ElectronAutosaveStore } from './electron-autosave-store.js';
import { IndexedDbAutosaveStore } from './indexeddb-autosave-store.js';

export function createAutosaveStore(): AutosaveStore {
  const bridge = window.nibbleElectron;
  return bridge ? new ElectronAutosaveStore(bridge) : new IndexedDbAutosaveStore();
}
