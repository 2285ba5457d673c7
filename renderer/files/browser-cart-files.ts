// Cart files in a browser: a file input to open, a download to save (the same in every browser;
// Save downloads under the cart's name, Save As asks for a name first), and recent carts kept in
// localStorage.
import { normaliseCartName } from '../cart-name.js';
import { BrowserRecentCarts } from './browser-recent-carts.js';
import type { CartFileAccess, CartFileEvents, PickedCartFile, RecentEntry, SaveRequest, SavedCartFile } from './cart-file-access.js';

/** Long enough for any browser to have started the download. */
const REVOKE_URL_AFTER_MS = 60_000;

const MIME_TYPES: Readonly<Record<string, string>> = {
  lua: 'text/x-lua',
  tic: 'application/octet-stream',
  png: 'image/png',
  gif: 'image/gif',
  html: 'text/html',
};

export class BrowserCartFiles implements CartFileAccess {
  readonly #input: HTMLInputElement;
  readonly #recent: BrowserRecentCarts;
  readonly #events: CartFileEvents;

  constructor(storage: Storage, events: CartFileEvents) {
    this.#recent = new BrowserRecentCarts(storage);
    this.#events = events;
    this.#input = document.createElement('input');
    this.#input.type = 'file';
    this.#input.accept = '.lua,.tic,.png';
    this.#input.className = 'open-cart-file';
    this.#input.hidden = true;
    this.#input.setAttribute('aria-label', 'open a cart file');
    this.#input.addEventListener('change', () => void this.#readPicked());
    document.body.append(this.#input);
  }

  open(): void {
    this.#input.click();
  }

  openRecent(id: string): void {
    const bytes = this.#recent.bytesOf(id);
    if (bytes) this.#events.picked({ name: id, bytes, location: null });
    else this.#events.failed(`${id} is no longer kept in this browser; open it from its file.`);
  }

  recent(): Promise<RecentEntry[]> {
    return Promise.resolve(this.#recent.list());
  }

  save(request: SaveRequest): Promise<SavedCartFile | null> {
    let name = request.name;
    if (request.saveAs) {
      const answer = window.prompt('Save the cart as (.lua text cart, .tic or .png):', name);
      if (answer === null) return Promise.resolve(null);
      name = normaliseCartName(answer);
    }
    const bytes = request.encode(name);
    download(name, bytes);
    this.#recent.remember(name, bytes);
    return Promise.resolve({ name, location: null });
  }

  remember(file: PickedCartFile): void {
    this.#recent.remember(file.name, file.bytes);
  }

  async #readPicked(): Promise<void> {
    const file = this.#input.files?.[0];
    this.#input.value = '';
    if (!file) return;
    try {
      this.#events.picked({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), location: null });
    } catch (err) {
      this.#events.failed(`${file.name}: the browser could not read it (${(err as Error).message})`);
    }
  }
}

/** Hands the bytes to the browser as a download named `name`. */
export function download(name: string, bytes: Uint8Array): void {
  const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: MIME_TYPES[extension] ?? 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_URL_AFTER_MS);
}
