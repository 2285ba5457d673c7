// Playing carts inside the studio: the library and the player over the studio's window. A cart
// played from the library goes back to it on Close; a cart given to the studio to play (`nibble
// play`, the desktop app's "open with") goes back to the studio.
import type { GrantStore } from '../capabilities/grant-store.js';
import type { KeyBindings } from '../controls/key-bindings.js';
import { el } from '../dom.js';
import type { PickedCartFile } from '../files/cart-file-access.js';
import type { RunnerLink } from '../runner-link/runner-link.js';
import type { HostMenuEntry } from '../player/system-menu.js';
import { BrowserLibrarySource } from './browser-library.js';
import { ElectronLibrarySource } from './electron-library.js';
import { LibraryView } from './library-view.js';
import { StudioPlayer } from './studio-player.js';

export interface PlayAreaHost {
  /** Opens the cart in the studio's editor (F1 or Code in the player). */
  openInEditor(file: PickedCartFile): void;
  /** What a cart's capabilities are pinned to: null for one this studio saved, else the SHA-256 of its bytes. */
  identity(bytes: Uint8Array): string | null;
  error(message: string): void;
  /** The studio's answers to carts from elsewhere (its Capabilities page lists them). */
  grants: GrantStore;
  /** The studio's Controls. */
  keyBindings(): KeyBindings;
}

export class PlayArea {
  readonly #root = el('div', 'play-area');
  readonly #library: LibraryView;
  readonly #player: StudioPlayer;
  readonly #identity: (bytes: Uint8Array) => string | null;
  #fromLibrary = false;

  constructor(link: RunnerLink, host: PlayAreaHost) {
    this.#root.hidden = true;
    this.#identity = (bytes) => host.identity(bytes);
    document.body.append(this.#root);
    const bridge = window.nibbleElectron;
    this.#library = new LibraryView(this.#root, bridge ? new ElectronLibrarySource(bridge) : new BrowserLibrarySource(), {
      play: (file) => {
        this.#fromLibrary = true;
        void this.#player.play(file, host.identity(file.bytes));
      },
      closed: () => this.#leave(),
    });
    this.#player = new StudioPlayer(this.#root, link, host.grants, () => host.keyBindings(), {
      closed: () => {
        if (this.#fromLibrary) this.#library.show();
        else this.#leave();
      },
      openInEditor: (file) => {
        this.#leave();
        host.openInEditor(file);
      },
      failed: (message) => {
        host.error(message);
        if (this.#fromLibrary) this.#library.show();
        else this.#leave();
      },
    });
  }

  /** The library or the player covers the studio. */
  get isOpen(): boolean {
    return !this.#root.hidden;
  }

  get player(): StudioPlayer {
    return this.#player;
  }

  openLibrary(): void {
    this.#root.hidden = false;
    this.#library.open();
  }

  /** Plays a cart given to the studio to play; Close goes back to the studio. */
  play(file: PickedCartFile): void {
    this.#root.hidden = false;
    this.#fromLibrary = false;
    void this.#player.play(file, this.#identity(file.bytes));
  }

  /** An entry for the player's system menu (such as Controls). */
  addMenuEntry(entry: HostMenuEntry): void {
    this.#player.addMenuEntry(entry);
  }

  /** A drop while the library is open goes to it; false when the library did not take it. */
  takeDrop(data: DataTransfer): Promise<boolean> {
    return this.#library.isOpen ? this.#library.takeDrop(data) : Promise.resolve(false);
  }

  #leave(): void {
    this.#root.hidden = true;
  }
}
