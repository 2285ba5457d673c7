// The player's system menu on Esc: Resume, Reset, the cart's own `-- menu:` items (which call its
// MENU(index)), the entries its host page adds (such as Controls), the sound's volume and mute,
// and Close where the host has somewhere to close to (the studio's library).
import { button, el } from '../dom.js';
import { MenuPanel } from '../menu-panel.js';

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
  readonly #panel: MenuPanel;
  readonly #actions: SystemMenuActions;
  readonly #volume = el('input', 'player-volume');
  readonly #mute: HTMLButtonElement;
  readonly #hostEntries: HostMenuEntry[] = [];
  #muted = false;

  constructor(parent: HTMLElement, actions: SystemMenuActions) {
    this.#actions = actions;
    this.#volume.type = 'range';
    this.#volume.min = '0';
    this.#volume.max = '100';
    this.#volume.value = '100';
    this.#volume.setAttribute('aria-label', 'volume');
    this.#volume.addEventListener('input', () => actions.setVolume(Number(this.#volume.value) / 100));
    this.#mute = button('Mute', 'player-menu-item player-mute', () => this.#toggleMute());
    this.#panel = new MenuPanel(parent, 'player-menu');
  }

  get isOpen(): boolean {
    return this.#panel.isOpen;
  }

  /** Adds an entry after the cart's own items, in every menu opened from now on. */
  addEntry(entry: HostMenuEntry): void {
    this.#hostEntries.push(entry);
  }

  open(items: readonly string[]): void {
    const panel = this.#panel;
    panel.open('PAUSE', [
      panel.item('Resume', () => this.#actions.resume()),
      panel.item('Reset', () => this.#actions.reset()),
      ...items.map((item, index) => panel.item(item, () => this.#actions.pick(index))),
      ...this.#hostEntries.map((hostEntry) => panel.item(hostEntry.label, () => hostEntry.action())),
      el('label', 'player-sound', 'Volume', this.#volume, this.#mute),
      ...(this.#actions.close ? [panel.item('Close', () => this.#actions.close?.())] : []),
    ]);
  }

  close(): void {
    this.#panel.close();
  }

  #toggleMute(): void {
    this.#muted = !this.#muted;
    this.#mute.textContent = this.#muted ? 'Unmute' : 'Mute';
    this.#mute.setAttribute('aria-pressed', String(this.#muted));
    this.#actions.setMuted(this.#muted);
  }
}
