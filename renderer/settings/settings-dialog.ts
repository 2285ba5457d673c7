// The studio's settings: one dialog with a page per subject (capabilities, controls, captures),
// each drawn afresh from what it shows every time it is opened or changes.
import { button, el } from '../dom.js';

export interface SettingsPage {
  id: string;
  title: string;
  /** The page's content as things stand now. */
  render(): HTMLElement;
}

export class SettingsDialog {
  readonly #dialog: HTMLDialogElement;
  readonly #tabs: HTMLElement;
  readonly #body: HTMLElement;
  readonly #pages: SettingsPage[] = [];
  #current: SettingsPage | null = null;

  constructor(parent: HTMLElement) {
    this.#dialog = el('dialog', 'settings');
    this.#dialog.setAttribute('aria-label', 'settings');
    this.#tabs = el('nav', 'settings-tabs');
    this.#body = el('div', 'settings-body');
    const close = button('Close', 'btn settings-close', () => this.#dialog.close());
    this.#dialog.append(el('header', 'settings-header', el('span', 'settings-title', 'Settings'), this.#tabs, close), this.#body);
    parent.append(this.#dialog);
  }

  add(page: SettingsPage): void {
    this.#pages.push(page);
    const tab = button(page.title, 'btn btn-quiet settings-tab', () => this.show(page.id));
    tab.dataset.page = page.id;
    this.#tabs.append(tab);
  }

  get isOpen(): boolean {
    return this.#dialog.open;
  }

  /** Opens the dialog on this page (the first one when not named). */
  show(id?: string): void {
    const page = this.#pages.find((p) => p.id === id) ?? this.#pages[0];
    if (!page) return;
    this.#current = page;
    for (const tab of this.#tabs.querySelectorAll<HTMLElement>('.settings-tab')) tab.setAttribute('aria-selected', String(tab.dataset.page === page.id));
    this.refresh();
    if (!this.#dialog.open) this.#dialog.showModal();
  }

  /** Redraws the open page, after what it shows changed. */
  refresh(): void {
    if (this.#current) this.#body.replaceChildren(this.#current.render());
  }
}
