// Native dialogs in the desktop app, a file input and downloads in a browser.
import type { CartFileAccess, CartFileEvents } from './cart-file-access.js';
import { BrowserCartFiles } from './browser-cart-files.js';
import { ElectronCartFiles } from './electron-cart-files.js';

export function createCartFileAccess(events: CartFileEvents): CartFileAccess {
  const bridge = window.nibbleElectron;
  return bridge ? new ElectronCartFiles(bridge, events) : new BrowserCartFiles(localStorage, events);
}
