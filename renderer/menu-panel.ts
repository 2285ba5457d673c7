// A menu over the game's screen, the mechanics the studio's game menu and the player's system menu
// share: hidden until opened, its items buttons that close it before they act, the first one
// focused when it opens. Each menu says what it holds; `kind` names its CSS classes
// (KIND, KIND-title, KIND-item).
import { button, el } from './dom.js';

export class MenuPanel {
  readonly #root: HTMLElement;
  readonly #kind: string;

  constructor(parent: HTMLElement, kind: string) {
    this.#kind = kind;
    this.#root = el('div', kind);
    this.#root.hidden = true;
    this.#root.setAttribute('role', 'menu');
    parent.append(this.#root);
  }

  get isOpen(): boolean {
    return !this.#root.hidden;
  }

  /** An item: picking it closes the menu, then calls action. */
  item(label: string, action: () => void): HTMLButtonElement {
    const b = button(label, `${this.#kind}-item`, () => {
      this.close();
      action();
    });
    b.setAttribute('role', 'menuitem');
    return b;
  }

  /** Shows the menu with its title above `children`, the first button focused. */
  open(title: string, children: readonly HTMLElement[]): void {
    this.#root.replaceChildren(el('div', `${this.#kind}-title`, title), ...children);
    this.#root.hidden = false;
    this.#root.querySelector('button')?.focus();
  }

  close(): void {
    this.#root.hidden = true;
  }
}
