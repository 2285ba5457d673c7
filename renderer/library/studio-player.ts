// The player inside the studio: the exported game's view (renderer/player/) over the whole window,
// one game after another. Its system menu's Close ends the game and goes back to where it was
// opened from (the library); F1 or the bar's Code button opens the cart in the studio's editor.
import { loadCart, writeCart } from '../../runner/common/cart/index.js';
import { gameInfo } from '../../runner/common/export/game-html.js';
import workletUrl from '../audio/frame-player.worklet.ts?worker&url';
import { CapabilityPrompt } from '../capabilities/capability-prompt.js';
import type { GrantStore } from '../capabilities/grant-store.js';
import type { KeyBindings } from '../controls/key-bindings.js';
import { el } from '../dom.js';
import type { PickedCartFile } from '../files/cart-file-access.js';
import type { RunnerLink } from '../runner-link/runner-link.js';
import type { HostMenuEntry } from '../player/system-menu.js';
import { PlayerView, type PlayerGame } from '../player/player-view.js';
import '../player/player.css';

export interface StudioPlayerHost {
  /** The player was closed (the game has ended). */
  closed(): void;
  /** The user asked for the playing cart's code: the game has ended and the player is closed. */
  openInEditor(file: PickedCartFile): void;
  /** The cart could not be read. */
  failed(message: string): void;
}

/**
 * A cart file as the player shows it: its title, author and description on the line under the
 * screen. hash: what its capabilities are pinned to (null: the studio's own cart, which has them all).
 */
export function playerGame(file: PickedCartFile, hash: string | null): PlayerGame {
  const { cart } = loadCart(file.bytes, file.name);
  const info = gameInfo(cart.code, file.name);
  return {
    cart,
    name: file.name,
    info: [info.title, info.author ? `by ${info.author}` : '', info.description ?? ''].filter(Boolean).join(' · '),
    hash,
  };
}

export class StudioPlayer {
  readonly #root = el('div', 'studio-player');
  readonly #link: RunnerLink;
  readonly #host: StudioPlayerHost;
  readonly #entries: HostMenuEntry[] = [];
  readonly #frameListeners: ((index: number, rgba: () => Uint8Array) => void)[] = [];
  readonly #stopListeners: (() => void)[] = [];
  readonly #grants: GrantStore;
  readonly #keyBindings: () => KeyBindings;

  #view: PlayerView | null = null;
  #file: PickedCartFile | null = null;

  /** grants and keyBindings: the studio's, so the player asks and answers as the studio does. */
  constructor(parent: HTMLElement, link: RunnerLink, grants: GrantStore, keyBindings: () => KeyBindings, host: StudioPlayerHost) {
    this.#link = link;
    this.#host = host;
    this.#grants = grants;
    this.#keyBindings = keyBindings;
    this.#root.hidden = true;
    this.#root.setAttribute('role', 'dialog');
    this.#root.setAttribute('aria-label', 'player');
    parent.append(this.#root);
    window.addEventListener('keydown', (e) => {
      if (this.#root.hidden || e.key !== 'F1' || e.ctrlKey || e.altKey || e.metaKey) return;
      e.preventDefault();
      this.#openInEditor();
    });
  }

  get isOpen(): boolean {
    return !this.#root.hidden;
  }

  /** An entry for every game's system menu (such as Controls), after the cart's own items. */
  addMenuEntry(entry: HostMenuEntry): void {
    this.#entries.push(entry);
    this.#view?.addMenuEntry(entry);
  }

  /** Calls listener with each frame of every game played (see PlayerView.onFrame). */
  onFrame(listener: (index: number, rgba: () => Uint8Array) => void): void {
    this.#frameListeners.push(listener);
    this.#view?.onFrame(listener);
  }

  /** Calls listener each time the game played stops: the player closes, or F1 takes its cart to the editor. */
  onStop(listener: () => void): void {
    this.#stopListeners.push(listener);
  }

  /** Plays a cart file; hash: what its capabilities are pinned to (null: the studio's own cart). */
  async play(file: PickedCartFile, hash: string | null): Promise<void> {
    let game: PlayerGame;
    try {
      game = playerGame(file, hash);
    } catch (err) {
      this.#host.failed(err instanceof Error ? err.message : String(err));
      return;
    }
    this.#file = file;
    this.#root.hidden = false;
    if (this.#view) return this.#view.load(game);
    // Made with the view: until a game is played, the studio's own prompt is the page's only one.
    const prompt = new CapabilityPrompt(this.#root);
    this.#view = await PlayerView.create(this.#root, game, this.#link, localStorage, workletUrl, {
      close: () => this.close(),
      grants: this.#grants,
      ask: (question) => prompt.ask(question),
      keyBindings: this.#keyBindings,
    });
    this.#view.addBarButton('Code (F1)', 'Open this cart in the studio to look at its code', () => this.#openInEditor());
    for (const entry of this.#entries) this.#view.addMenuEntry(entry);
    for (const listener of this.#frameListeners) this.#view.onFrame(listener);
    this.#view.start();
  }

  /**
   * Puts a cover (a screen section) into the played cart's file as F1 opens it in the editor,
   * whose save writes it into the cart file. Throws when the cart cannot be written back.
   */
  setCover(screen: Uint8Array): void {
    const file = this.#file;
    if (!file) return;
    const { cart } = loadCart(file.bytes, file.name);
    cart.banks[0].screen.set(screen);
    this.#file = { ...file, bytes: writeCart(cart, file.name) };
  }

  /** Ends the game and hides the player. */
  close(): void {
    if (this.#root.hidden) return;
    this.#stop();
    this.#host.closed();
  }

  /** What tests read: the last frame and the run's state. */
  get view(): PlayerView | null {
    return this.#view;
  }

  #openInEditor(): void {
    const file = this.#file;
    if (!file) return;
    this.#stop();
    this.#host.openInEditor(file);
  }

  #stop(): void {
    this.#view?.stop();
    this.#root.hidden = true;
    for (const listener of this.#stopListeners) listener();
  }
}
