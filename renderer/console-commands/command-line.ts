// The console's input line: Enter runs the line, Up and Down walk the history, Tab completes.
import { el } from '../dom.js';

const MAX_HISTORY = 100;

export interface CommandLineActions {
  execute(line: string): void;
  completions(line: string): string[];
  /** Shows the choices when Tab finds more than one. */
  showChoices(choices: string[]): void;
}

export class CommandLine {
  readonly element: HTMLElement;
  readonly #input: HTMLInputElement;
  readonly #actions: CommandLineActions;
  readonly #history: string[] = [];
  /** Index into the history while walking it; history.length means the line being typed. */
  #at = 0;
  #draft = '';

  constructor(actions: CommandLineActions) {
    this.#actions = actions;
    this.#input = el('input', 'console-input');
    this.#input.type = 'text';
    this.#input.spellcheck = false;
    this.#input.autocomplete = 'off';
    this.#input.placeholder = 'type a command (help)';
    this.#input.setAttribute('aria-label', 'Console command');
    this.#input.addEventListener('keydown', (event) => this.#onKey(event));
    this.element = el('div', 'console-command', el('span', 'console-prompt', '>'), this.#input);
  }

  #onKey(event: KeyboardEvent): void {
    // The studio's own shortcuts (Esc, Ctrl+R...) still work; plain keys stay in the line.
    if (event.key === 'Enter') this.#enter();
    else if (event.key === 'ArrowUp') this.#walk(-1);
    else if (event.key === 'ArrowDown') this.#walk(1);
    else if (event.key === 'Tab') this.#complete();
    else return;
    event.preventDefault();
    event.stopPropagation();
  }

  #enter(): void {
    const line = this.#input.value;
    this.#input.value = '';
    if (line.trim() !== '' && this.#history.at(-1) !== line) this.#history.push(line);
    if (this.#history.length > MAX_HISTORY) this.#history.shift();
    this.#at = this.#history.length;
    this.#draft = '';
    this.#actions.execute(line);
  }

  #walk(step: number): void {
    const to = Math.max(0, Math.min(this.#history.length, this.#at + step));
    if (to === this.#at) return;
    if (this.#at === this.#history.length) this.#draft = this.#input.value;
    this.#at = to;
    this.#input.value = to === this.#history.length ? this.#draft : this.#history[to];
  }

  #complete(): void {
    const line = this.#input.value;
    const choices = this.#actions.completions(line);
    if (choices.length === 0) return;
    const last = /\S*$/.exec(line)![0];
    const common = choices.reduce((prefix, choice) => {
      let n = 0;
      while (n < prefix.length && prefix[n] === choice[n]) n++;
      return prefix.slice(0, n);
    });
    const head = line.slice(0, line.length - last.length);
    this.#input.value = choices.length === 1 ? `${head}${common} ` : `${head}${common.length > last.length ? common : last}`;
    if (choices.length > 1) this.#actions.showChoices(choices);
  }
}
