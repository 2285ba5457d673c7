// The file commands, recent carts and the library; Run, Stop, Break and Resume, offered as the run state
// allows; sound; and the cart's name with its unsaved-changes dot.
import { button, el } from './dom.js';
import type { RecentEntry } from './files/cart-file-access.js';
import type { StudioState } from './studio-state.js';

export interface ToolbarActions {
  newCart(): void;
  open(): void;
  save(): void;
  saveAs(): void;
  /** Exports the cart as a game: one HTML file that plays it anywhere. */
  exportGame(): void;
  openRecent(id: string): void;
  /** Shows the library: the carts of a folder, to play. */
  openLibrary(): void;
  run(): void;
  stop(): void;
  breakCart(): void;
  resume(): void;
  rename(name: string): void;
  /** Linear gain 0..1. */
  setVolume(volume: number): void;
  setMuted(muted: boolean): void;
  openSettings(): void;
}

export class Toolbar {
  readonly #run: HTMLButtonElement;
  readonly #stop: HTMLButtonElement;
  readonly #break: HTMLButtonElement;
  readonly #resume: HTMLButtonElement;
  readonly #name: HTMLInputElement;
  readonly #dirty: HTMLElement;
  readonly #recent: HTMLSelectElement;

  /** newShortcut: the key that starts a new cart here (see shortcuts.ts). */
  constructor(root: HTMLElement, actions: ToolbarActions, newShortcut: string) {
    this.#run = button('▶ Run', 'btn btn-primary', () => actions.run(), 'Run the cart (Ctrl+R)');
    this.#stop = button('■ Stop', 'btn btn-danger', () => actions.stop(), 'End the cart (Esc)');
    this.#break = button('❚❚ Break', 'btn', () => actions.breakCart(), 'Pause the cart where it is');
    this.#resume = button('▶ Resume', 'btn btn-primary', () => actions.resume(), 'Continue the paused cart');
    for (const [b, id] of [
      [this.#run, 'run'],
      [this.#stop, 'stop'],
      [this.#break, 'break'],
      [this.#resume, 'resume'],
    ] as const) {
      b.dataset.action = id;
    }
    this.#name = el('input', 'cart-name');
    this.#name.type = 'text';
    this.#name.spellcheck = false;
    this.#name.setAttribute('aria-label', 'cart name');
    this.#name.addEventListener('change', () => actions.rename(this.#name.value));
    this.#dirty = el('span', 'dirty-marker', '●');
    this.#dirty.title = 'unsaved changes';
    this.#dirty.setAttribute('aria-label', 'unsaved changes');
    this.#dirty.hidden = true;
    this.#recent = this.#recentList(actions);
    this.setRecent([]);
    const brand = el('span', 'brand', 'nibble');
    root.append(
      brand,
      this.#fileButtons(actions, newShortcut),
      this.#recent,
      el('span', 'toolbar-gap'),
      this.#run,
      this.#stop,
      this.#break,
      this.#resume,
      el('span', 'toolbar-spacer'),
      this.#soundControls(actions),
      this.#settingsButton(actions),
      el('label', 'cart-label', 'cart', this.#name, this.#dirty),
    );
  }

  #fileButtons(actions: ToolbarActions, newShortcut: string): HTMLElement {
    const fileButton = (label: string, id: string, onClick: () => void, title: string) => {
      const b = button(label, 'btn btn-quiet', onClick, title);
      b.dataset.action = id;
      return b;
    };
    return el(
      'span',
      'file-buttons',
      fileButton('New', 'new', () => actions.newCart(), `Start a new cart (${newShortcut})`),
      fileButton('Open', 'open', () => actions.open(), 'Open a .lua, .tic or .png cart (Ctrl+O), or drop one on the window'),
      fileButton('Save', 'save', () => actions.save(), 'Save the cart in the format its name ends with (Ctrl+S)'),
      fileButton('Save as', 'save-as', () => actions.saveAs(), 'Save under another name or format: .lua, .tic or .png (Ctrl+Shift+S)'),
      fileButton('Export game', 'export-game', () => actions.exportGame(), 'Export the game as one HTML file that plays it in any browser, offline'),
      fileButton('Library', 'library', () => actions.openLibrary(), 'Play the carts of a folder'),
    );
  }

  /** Recent carts as a drop-down: picking one opens it, then the list shows its title again. */
  #recentList(actions: ToolbarActions): HTMLSelectElement {
    const list = el('select', 'recent-carts');
    list.setAttribute('aria-label', 'recent carts');
    list.title = 'Reopen a recent cart';
    list.addEventListener('change', () => {
      const id = list.value;
      list.selectedIndex = 0;
      if (id) actions.openRecent(id);
    });
    return list;
  }

  setRecent(entries: readonly RecentEntry[]): void {
    const list = this.#recent;
    const title = el('option', undefined, entries.length ? 'Recent…' : 'No recent carts');
    title.value = '';
    const options = entries.map((entry) => {
      const option = el('option', undefined, entry.name);
      option.value = entry.id;
      option.title = entry.detail;
      return option;
    });
    list.replaceChildren(title, ...options);
    list.disabled = entries.length === 0;
  }

  /** The name, and the dot that marks unsaved changes. */
  setCart(name: string, dirty: boolean): void {
    this.#name.value = name;
    this.#dirty.hidden = !dirty;
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
    const mute = button(
      'Mute',
      'btn btn-quiet',
      () => {
        muted = !muted;
        mute.textContent = muted ? 'Unmute' : 'Mute';
        mute.setAttribute('aria-pressed', String(muted));
        actions.setMuted(muted);
      },
      'Mute or unmute the sound',
    );
    mute.dataset.action = 'mute';
    return el('span', 'sound-controls', mute, volume);
  }

  #settingsButton(actions: ToolbarActions): HTMLButtonElement {
    const b = button('Settings', 'btn btn-quiet', () => actions.openSettings(), 'Capabilities granted to carts, controls and captures');
    b.dataset.action = 'settings';
    return b;
  }

  setState(state: StudioState): void {
    const live = state === 'running' || state === 'busy' || state === 'paused';
    this.#run.textContent = live ? '↻ Restart' : '▶ Run';
    this.#stop.disabled = !live;
    this.#break.hidden = !(state === 'running' || state === 'busy');
    this.#resume.hidden = state !== 'paused';
  }
}
