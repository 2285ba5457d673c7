// The player's system menu on Esc: Resume, Reset, the cart's own `-- menu:` items (which call its
// MENU(index)), the entries its host page adds (such as Controls), the sound's volume and mute,
// and Close where the host has somewhere to close to (the studio's library).
import { button, el } from '../dom.js';

export interface SystemMenuActions {
  resume(): void;
  reset(): void;
  /** Item `index` (0-based) of the cart's menu. */
  pick(index: number): void;
  setVolume(gain: number): void;
  setMuted(muted: boolean): void;
  /** Ends the game and leaves the player; absent where there is nothing to leave to (an exported game). */
  close?(): void;
}

/** An entry the host page adds to the menu. */
export interface HostMenuEntry {
  label: string;
  action(): void;
}

export class SystemMenu {
  readonly #root = el('div', 'player-menu');
  readonly #actions: SystemMenuActions;
  readonly #volume = el('input', 'player-volume');
  readonly #mute: HTMLButtonElement;
  readonly #hostEntries: HostMenuEntry[] = [];
  #muted = false;

  constructor(parent: HTMLElement, actions: SystemMenuActions) {
    this.#actions = actions;
    this.#root.hidden = true;
    this.#root.setAttribute('role', 'menu');
    this.#volume.type = 'range';
    this.#volume.min = '0';
    this.#volume.max = '100';
    this.#volume.value = '100';
    this.#volume.setAttribute('aria-label', 'volume');
    this.#volume.addEventListener('input', () => actions.setVolume(Number(this.#volume.value) / 100));
    this.#mute = button('Mute', 'player-menu-item player-mute', () => this.#toggleMute());
    parent.append(this.#root);
  }

  get isOpen(): boolean {
    return !this.#root.hidden;
  }

  /** Adds an entry after the cart's own items, in every menu opened from now on. */
  addEntry(entry: HostMenuEntry): void {
    this.#hostEntries.push(entry);
  }

  open(items: readonly string[]): void {
    const entry = (label: string, action: () => void) => {
      const b = button(label, 'player-menu-item', () => {
        this.close();
        action();
      });
      b.setAttribute('role', 'menuitem');
      return b;
    };
    this.#root.replaceChildren(
      el('div', 'player-menu-title', 'PAUSE'),
      entry('Resume', () => this.#actions.resume()),
      entry('Reset', () => this.#actions.reset()),
      ...items.map((item, index) => entry(item, () => this.#actions.pick(index))),
      ...this.#hostEntries.map((hostEntry) => entry(hostEntry.label, () => hostEntry.action())),
      el('label', 'player-sound', 'Volume', this.#volume, this.#mute),
      ...(this.#actions.close ? [entry('Close', () => this.#actions.close?.())] : []),
    );
    this.#root.hidden = false;
    this.#root.querySelector('button')?.focus();
  }

  close(): void {
    this.#root.hidden = true;
  }

  #toggleMute(): void {
    this.#muted = !this.#muted;
    this.#mute.textContent = this.#muted ? 'Unmute' : 'Mute';
    this.#mute.setAttribute('aria-pressed', String(this.#muted));
    this.#actions.setMuted(this.#muted);
  }
}
