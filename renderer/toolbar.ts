// Run, Stop, Break and Resume, offered as the run state allows, and the cart's name.
import { button, el } from './dom.js';
import type { StudioState } from './studio-state.js';

export interface ToolbarActions {
  run(): void;
  stop(): void;
  breakCart(): void;
  resume(): void;
  rename(name: string): void;
}

export class Toolbar {
  readonly #run: HTMLButtonElement;
  readonly #stop: HTMLButtonElement;
  readonly #break: HTMLButtonElement;
  readonly #resume: HTMLButtonElement;
  readonly #name: HTMLInputElement;

  constructor(root: HTMLElement, actions: ToolbarActions) {
    this.#run = button('▶ Run', 'btn btn-primary', () => actions.run(), 'Run the cart (Ctrl+R)');
    this.#stop = button('■ Stop', 'btn btn-danger', () => actions.stop(), 'End the cart (Esc)');
    this.#break = button('❚❚ Break', 'btn', () => actions.breakCart(), 'Pause the cart where it is');
    this.#resume = button('▶ Resume', 'btn btn-primary', () => actions.resume(), 'Continue the paused cart');
    for (const [b, id] of [[this.#run, 'run'], [this.#stop, 'stop'], [this.#break, 'break'], [this.#resume, 'resume']] as const) {
      b.dataset.action = id;
    }
    this.#name = el('input', 'cart-name');
    this.#name.type = 'text';
    this.#name.spellcheck = false;
    this.#name.setAttribute('aria-label', 'cart name');
    this.#name.addEventListener('change', () => actions.rename(this.#name.value));
    const brand = el('span', 'brand', 'nibble');
    root.append(brand, this.#run, this.#stop, this.#break, this.#resume, el('span', 'toolbar-spacer'), el('label', 'cart-label', 'cart', this.#name));
  }

  setCartName(name: string): void {
    this.#name.value = name;
  }

  setState(state: StudioState): void {
    const live = state === 'running' || state === 'busy' || state === 'paused';
    this.#run.textContent = live ? '↻ Restart' : '▶ Run';
    this.#stop.disabled = !live;
    this.#break.hidden = !(state === 'running' || state === 'busy');
    this.#resume.hidden = state !== 'paused';
  }
}
