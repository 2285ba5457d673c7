// What the player shows over the screen when the game has ended: "game over" after the cart's
// exit(), or what went wrong (an error, a game that stopped answering), with a button to play again.
import { button, el } from '../dom.js';

export class EndScreen {
  readonly #root = el('div', 'player-end');
  readonly #title = el('div', 'player-end-title');
  readonly #detail = el('div', 'player-end-detail');
  readonly #again: HTMLButtonElement;

  constructor(parent: HTMLElement, playAgain: () => void) {
    this.#root.hidden = true;
    this.#root.setAttribute('role', 'alertdialog');
    this.#again = button('Play again', 'player-end-again', playAgain);
    this.#root.append(this.#title, this.#detail, this.#again);
    parent.append(this.#root);
  }

  get isOpen(): boolean {
    return !this.#root.hidden;
  }

  /** title: what happened; detail: more of it (may be empty); again: the button's label. */
  show(title: string, detail: string, again: string): void {
    this.#title.textContent = title;
    this.#detail.textContent = detail;
    this.#detail.hidden = detail === '';
    this.#again.textContent = again;
    this.#root.hidden = false;
    this.#again.focus();
  }

  hide(): void {
    this.#root.hidden = true;
  }
}
