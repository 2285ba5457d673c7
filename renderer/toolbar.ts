// Run, Stop, Break and Resume, offered as the run state allows, and the cart's name.
import { button, el } from './dom.js';
import type { StudioState } from './studio-state.js';

export interface ToolbarActions {
  run(): void;
  stop(): void;
  breakCart(): void;
  resume(): void;
  rename(name: string): void;
  /** Linear gain 0..1. */
  setVolume(volume: number): void;
  setMuted(muted: boolean): void;
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
    root.append(brand, this.#run, this.#stop, this.#break, this.#resume, el('span', 'toolbar-spacer'), this.#soundControls(actions), el('label', 'cart-label', 'cart', this.#name));
  }

  /** Volume (TIC-80's 0..15 steps) and mute. */
  #soundControls(actions: ToolbarActions): HTMLElement {
    const volume = el('input', 'volume');
    volume.type = 'range';
    volume.min = '0';
    volume.max = '15';
    volume.value = '15';
    volume.setAttribute('aria-label', 'volume');
    volume.addEventListener('input', () => actions.setVolume(Number(volume.value) / 15));
    let muted = false;
    const mute = button('🔊', 'btn btn-quiet', () => {
      muted = !muted;
      mute.textContent = muted ? '🔇' : '🔊';
      mute.setAttribute('aria-pressed', String(muted));
      actions.setMuted(muted);
    }, 'Mute or unmute the sound');
    mute.dataset.action = 'mute';
    return el('span', 'sound-controls', mute, volume);
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
