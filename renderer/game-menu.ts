// The in-game menu of carts that declare `-- menu: ITEM ITEM ...`: Esc opens it over the screen
// (instead of stopping the cart, as in TIC-80), with the cart's items, then Resume, Reset and Close.
// Picking an item calls the cart's MENU(index).
import { MenuPanel } from './menu-panel.js';

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
  readonly #panel: MenuPanel;
  readonly #actions: GameMenuActions;

  constructor(parent: HTMLElement, actions: GameMenuActions) {
    this.#actions = actions;
    this.#panel = new MenuPanel(parent, 'game-menu');
  }

  get isOpen(): boolean {
    return this.#panel.isOpen;
  }

  open(items: readonly string[]): void {
    const panel = this.#panel;
    panel.open('GAME MENU', [
      ...items.map((item, index) => panel.item(item, () => this.#actions.pick(index))),
      panel.item('Resume game', () => {}),
      panel.item('Reset game', () => this.#actions.reset()),
      panel.item('Close game', () => this.#actions.close()),
    ]);
  }

  close(): void {
    this.#panel.close();
  }
}
