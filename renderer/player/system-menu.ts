// The player's system menu on Esc: Resume, Reset, the cart's own `-- menu:` items (which call its
// MENU(index)), and the sound's volume and mute.
import { button, el } from '../dom.js';

export interface SystemMenuActions {
  resume(): void;
  reset(): void;
  /** Item `index` (0-based) of the cart's menu. */
  pick(index: number): void;
  setVolume(gain: number): void;
  setMuted(muted: boolean): void;
}

export class SystemMenu {
  readonly #root = el('div', 'player-menu');
  readonly #actions: SystemMenuActions;
  readonly #volume = el('input', 'player-volume');
  readonly #mute: HTMLButtonElement;
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
      el('label', 'player-sound', 'Volume', this.#volume, this.#mute),
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
