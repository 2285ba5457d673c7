// The library: the carts of a folder the user picked, as a grid of covers with their titles,
// authors and descriptions; search, sort by name or last played, favourites, and a row of the
// carts played last. Enter or a click on a cart plays it in the player.
import { loadCart } from '../../runner/common/cart/index.js';
import { MAX_LIBRARY_CARTS } from '../../runner/common/cart-library.js';
import { button, el } from '../dom.js';
import { cartCover, type Cover } from './cart-covers.js';
import { FirstFrames } from './first-frame.js';
import { arrangeCarts, libraryCart, LibraryMarks, recentlyPlayed, type LibraryCart, type LibrarySort } from './library-list.js';
import type { FolderToReconnect, LibraryFile, LibraryFolder, LibrarySource } from './library-source.js';

export interface LibraryHost {
  /** Plays a cart of the library (the view is hidden meanwhile). */
  play(file: LibraryFile): void;
  /** Back to the studio. */
  closed(): void;
}

interface Entry {
  cart: LibraryCart;
  file: LibraryFile;
  /** Why the file cannot be played, if it cannot. */
  problem?: string;
  cover?: Promise<Cover>;
}

export class LibraryView {
  readonly #root = el('div', 'library');
  readonly #source: LibrarySource;
  readonly #host: LibraryHost;
  readonly #marks = new LibraryMarks(localStorage);
  readonly #firstFrames = new FirstFrames();
  readonly #folderLabel = el('span', 'library-folder');
  readonly #notice = el('div', 'library-notice');
  readonly #search = el('input', 'library-search');
  readonly #sort = el('select', 'library-sort');
  readonly #favouritesOnly = el('input', 'library-favourites-only');
  readonly #recent = el('section', 'library-recent');
  readonly #grid = el('div', 'library-grid');
  #entries: Entry[] = [];
  #loaded = false;

  constructor(parent: HTMLElement, source: LibrarySource, host: LibraryHost) {
    this.#source = source;
    this.#host = host;
    this.#root.hidden = true;
    this.#root.setAttribute('role', 'dialog');
    this.#root.setAttribute('aria-label', 'cart library');
    this.#search.type = 'search';
    this.#search.placeholder = 'search title, author, description';
    this.#search.setAttribute('aria-label', 'search the library');
    this.#search.addEventListener('input', () => this.#render());
    this.#sort.setAttribute('aria-label', 'sort by');
    this.#sort.append(new Option('by name', 'name'), new Option('last played first', 'played'));
    this.#sort.addEventListener('change', () => this.#render());
    this.#favouritesOnly.type = 'checkbox';
    this.#favouritesOnly.addEventListener('change', () => this.#render());
    this.#notice.hidden = true;
    const header = el(
      'header',
      'library-header',
      el('span', 'library-title', 'Library'),
      this.#folderLabel,
      button('Pick folder…', 'btn', () => void this.#pick(), 'Show the carts of a folder'),
      ...(source.takesDrops ? [this.#zipButton()] : []),
      this.#search,
      this.#sort,
      el('label', 'library-check', this.#favouritesOnly, '★ only'),
      el('span', 'toolbar-spacer'),
      button('Back to the studio', 'btn library-close', () => this.close(), 'Esc'),
    );
    this.#root.append(header, this.#notice, this.#recent, this.#grid);
    window.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || this.#root.hidden) return;
      e.preventDefault();
      e.stopPropagation();
      this.close();
    });
    parent.append(this.#root);
  }

  get isOpen(): boolean {
    return !this.#root.hidden;
  }

  /** Shows the library, reading the kept folder the first time. */
  open(): void {
    this.#root.hidden = false;
    if (!this.#loaded) {
      this.#loaded = true;
      void this.#restore();
    } else this.#render();
    this.#search.focus();
  }

  close(): void {
    if (this.#root.hidden) return;
    this.#root.hidden = true;
    this.#host.closed();
  }

  /** Back from the player: the view again, with the play times updated. */
  show(): void {
    this.#root.hidden = false;
    this.#render();
  }

  /** A folder or .zip dropped while the library is open; false when it took none. */
  async takeDrop(data: DataTransfer): Promise<boolean> {
    if (!this.#source.takesDrops) return false;
    await this.#load(() => this.#source.fromDrop(data));
    return true;
  }

  #zipButton(): HTMLElement {
    const input = el('input', 'library-zip');
    input.type = 'file';
    input.accept = '.zip,application/zip';
    input.hidden = true;
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.value = '';
      if (file) void this.#load(() => this.#source.fromZip(file));
    });
    return el(
      'span',
      '',
      button('Open .zip…', 'btn', () => input.click(), 'Show the carts of a .zip file (or drop a folder or a .zip here)'),
      input,
    );
  }

  async #restore(): Promise<void> {
    let kept: LibraryFolder | FolderToReconnect | null;
    try {
      kept = await this.#source.restore();
    } catch (err) {
      return this.#tell(`The library's folder could not be read again: ${(err as Error).message}. Pick it again.`);
    }
    if (!kept) return this.#tell(this.#source.takesDrops ? 'Pick a folder of carts, open a .zip of carts, or drop either here.' : 'Pick a folder of carts.');
    if ('reconnect' in kept) {
      const again = kept;
      this.#folderLabel.textContent = again.label;
      this.#notice.replaceChildren(button(`Show the carts of ${again.label} again`, 'btn', () => void this.#load(() => again.reconnect())));
      this.#notice.hidden = false;
      return;
    }
    this.#show(kept);
  }

  async #pick(): Promise<void> {
    await this.#load(() => this.#source.pickFolder());
  }

  async #load(read: () => Promise<LibraryFolder | null>): Promise<void> {
    try {
      const folder = await read();
      if (folder) this.#show(folder);
    } catch (err) {
      this.#tell(`The carts could not be read: ${(err as Error).message}`);
    }
  }

  #tell(message: string): void {
    this.#notice.textContent = message;
    this.#notice.hidden = false;
  }

  #show(folder: LibraryFolder): void {
    this.#folderLabel.textContent = folder.label;
    this.#entries = folder.files.map((file) => {
      try {
        return { cart: libraryCart(file.key, file.name, loadCart(file.bytes, file.name).cart.code), file };
      } catch (err) {
        return { cart: libraryCart(file.key, file.name, ''), file, problem: (err as Error).message };
      }
    });
    const notes = [
      folder.files.length === 0 ? `${folder.label} holds no carts (.lua, .tic or .png files).` : '',
      folder.truncated ? `${folder.label} holds more than ${MAX_LIBRARY_CARTS} carts: the first ${MAX_LIBRARY_CARTS} are shown.` : '',
    ].filter(Boolean);
    this.#notice.textContent = notes.join(' ');
    this.#notice.hidden = notes.length === 0;
    this.#render();
  }

  #coverOf(entry: Entry): Promise<Cover> {
    entry.cover ??= (async () => {
      if (entry.problem) return { url: '', source: 'none' as const };
      try {
        return await cartCover(entry.file.name, entry.file.bytes, loadCart(entry.file.bytes, entry.file.name).cart, this.#firstFrames);
      } catch {
        return { url: '', source: 'none' as const };
      }
    })();
    return entry.cover;
  }

  #render(): void {
    const byKey = new Map(this.#entries.map((entry) => [entry.cart.key, entry]));
    const carts = this.#entries.map((entry) => entry.cart);
    const recent = recentlyPlayed(carts, this.#marks);
    this.#recent.hidden = recent.length === 0;
    this.#recent.replaceChildren(
      el('h2', 'library-heading', 'Recently played'),
      el('div', 'library-row', ...recent.map((cart) => this.#card(byKey.get(cart.key)!))),
    );
    const shown = arrangeCarts(carts, this.#marks, {
      sort: this.#sort.value as LibrarySort,
      search: this.#search.value,
      favouritesOnly: this.#favouritesOnly.checked,
    });
    this.#grid.replaceChildren(...shown.map((cart) => this.#card(byKey.get(cart.key)!)));
  }

  #card(entry: Entry): HTMLElement {
    const { cart } = entry;
    const picture = el('img', 'library-cover');
    picture.alt = '';
    const frame = el('div', 'library-cover-frame', picture);
    void this.#coverOf(entry).then((cover) => {
      frame.dataset.cover = cover.source;
      if (cover.url) picture.src = cover.url;
    });
    const play = el(
      'button',
      'library-card-play',
      frame,
      el('span', 'library-card-title', cart.title),
      el('span', 'library-card-author', cart.author ? `by ${cart.author}` : ''),
      el('span', 'library-card-desc', entry.problem ?? cart.description ?? ''),
    );
    play.type = 'button';
    play.title = cart.name;
    play.disabled = entry.problem !== undefined;
    play.addEventListener('click', () => this.#play(entry));
    const favourite = button(this.#marks.isFavourite(cart.key) ? '★' : '☆', 'library-favourite', () => {
      this.#marks.toggleFavourite(cart.key);
      this.#render();
    });
    favourite.setAttribute('aria-pressed', String(this.#marks.isFavourite(cart.key)));
    favourite.setAttribute('aria-label', `favourite: ${cart.title}`);
    const card = el('div', 'library-card', play, favourite);
    card.dataset.key = cart.key;
    return card;
  }

  #play(entry: Entry): void {
    this.#marks.played(entry.cart.key, Date.now());
    this.#root.hidden = true;
    this.#host.play(entry.file);
  }
}
