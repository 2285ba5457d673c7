// The in-game menu of carts that declare `-- menu: ITEM ITEM ...`: Esc opens it over the screen
// (instead of stopping the cart, as in TIC-80), with the cart's items, then Resume, Reset and Close.
// Picking an item calls the cart's MENU(index).
import { button, el } from './dom.js';

export interface GameMenuActions {
  pick(index: number): void;
  reset(): void;
  close(): void;
}

/** The cart's menu items, when its code declares them as TIC-80 looks for them ("\n-- menu:"). */
export function menuItems(code: string): string[] | null {
  const at = `\n${code}`.indexOf('\n-- menu:');
  if (at < 0) return null;
  const start = at + '\n-- menu:'.length;
  const end = code.indexOf('\n', start);
  return code
    .slice(start, end < 0 ? code.length : end)
    .trim()
    .split(/\s+/)
    .filter(Boolean);
}

export class GameMenu {
  readonly #root: HTMLElement;

  readonly #actions: GameMenuActions;
  constructor(parent: HTMLElement, actions: GameMenuActions) {
    this.#actions = actions;
    this.#root = el('div', 'game-menu');
    this.#root.hidden = true;
    this.#root.setAttribute('role', 'menu');
    parent.append(this.#root);
  }

  get isOpen(): boolean {
    return !this.#root.hidden;
  }

  open(items: readonly string[]): void {
    const entry = (label: string, action: () => void) => {
      const b = button(label, 'game-menu-item', () => {
        this.close();
        action();
      });
      b.setAttribute('role', 'menuitem');
      return b;
    };
    this.#root.replaceChildren(
      el('div', 'game-menu-title', 'GAME MENU'),
      ...items.map((item, index) => entry(item, () => this.#actions.pick(index))),
      entry('Resume game', () => {}),
      entry('Reset game', () => this.#actions.reset()),
      entry('Close game', () => this.#actions.close()),
    );
    this.#root.hidden = false;
    this.#root.querySelector('button')?.focus();
  }

  close(): void {
    this.#root.hidden = true;
  }
}
