// The tab bar of the editor area: Code first, then the data editors. F1-F5 switch tabs, as they
// open TIC-80's editors.
import { button, el } from '../dom.js';
import type { EditorTab } from './editor-host.js';

export class EditorTabs {
  readonly #pane: HTMLElement;
  readonly #bar: HTMLElement;
  readonly #tabs: EditorTab[] = [];
  readonly #buttons = new Map<string, HTMLButtonElement>();
  #active: EditorTab | undefined;

  constructor(pane: HTMLElement) {
    this.#pane = pane;
    this.#bar = el('nav', 'editor-tabs');
    this.#bar.setAttribute('role', 'tablist');
    pane.prepend(this.#bar);
    window.addEventListener('keydown', (e) => {
      const index = ['F1', 'F2', 'F3', 'F4', 'F5'].indexOf(e.key);
      if (index < 0 || e.ctrlKey || e.altKey || e.metaKey || !this.#tabs[index]) return;
      e.preventDefault();
      this.show(this.#tabs[index].id);
    });
  }

  add(tab: EditorTab): void {
    this.#tabs.push(tab);
    tab.element.classList.add('editor-panel');
    tab.element.hidden = true;
    // The Code tab's element is already in the pane; the data editors bring their own.
    if (!tab.element.isConnected) this.#pane.append(tab.element);
    const b = button(tab.title, 'editor-tab', () => this.show(tab.id), `${tab.title} (${tab.shortcut})`);
    b.setAttribute('role', 'tab');
    b.dataset.tab = tab.id;
    this.#buttons.set(tab.id, b);
    this.#bar.append(b);
    if (!this.#active) this.show(tab.id);
  }

  show(id: string): void {
    const tab = this.#tabs.find((t) => t.id === id);
    if (!tab || tab === this.#active) return;
    if (this.#active) {
      this.#active.element.hidden = true;
      this.#buttons.get(this.#active.id)?.setAttribute('aria-selected', 'false');
      this.#active.hidden();
    }
    this.#active = tab;
    tab.element.hidden = false;
    this.#buttons.get(id)?.setAttribute('aria-selected', 'true');
    tab.shown();
  }
}
