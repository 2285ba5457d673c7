// The 8 flag toggles (fget/fset) of the sprites on the edit canvas: flags byte 0-255 for tiles,
// 256-511 for sprites. A toggle shows the top-left sprite's flag and sets or clears it on every
// sprite of the canvas. Flags belong to 4 bpp sprite ids, so other bit depths leave them alone.
import { button, el } from '../../dom.js';
import type { SectionDrafts } from './section-drafts.js';
import { flagIndex, SPRITE_PIXELS } from './sheet-layout.js';
import type { SpriteEditorState } from './sprite-editor-state.js';

const FLAG_COUNT = 8;

export class FlagsPanel {
  readonly element: HTMLElement;
  readonly #toggles: HTMLButtonElement[];

  readonly #state: SpriteEditorState;
  readonly #drafts: SectionDrafts;
  constructor(state: SpriteEditorState, drafts: SectionDrafts) {
    this.#drafts = drafts;
    this.#state = state;
    this.#toggles = Array.from({ length: FLAG_COUNT }, (_, flag) => {
      const b = button(String(flag), 'sprite-flag', () => this.#toggle(flag), `flag ${flag}`);
      b.dataset.flag = String(flag);
      return b;
    });
    this.element = el('section', 'sprite-flags', el('span', 'sprite-label', 'flags'), ...this.#toggles);
    this.element.setAttribute('aria-label', 'sprite flags');
  }

  render(): void {
    const enabled = this.#state.view.bpp === 4;
    const flags = this.#drafts.bytes('flags');
    const first = flags[flagIndex(this.#state.view.section, this.#state.col, this.#state.row)];
    this.#toggles.forEach((b, flag) => {
      b.disabled = !enabled;
      b.setAttribute('aria-pressed', String(enabled && (first & (1 << flag)) !== 0));
    });
  }

  #toggle(flag: number): void {
    const { view, col, row, size } = this.#state;
    const flags = this.#drafts.copy('flags');
    const set = (flags[flagIndex(view.section, col, row)] & (1 << flag)) === 0;
    const sprites = size / SPRITE_PIXELS;
    for (let r = row; r < row + sprites; r++) {
      for (let c = col; c < col + sprites; c++) {
        const i = flagIndex(view.section, c, r);
        flags[i] = set ? flags[i] | (1 << flag) : flags[i] & ~(1 << flag);
      }
    }
    this.#drafts.apply('flags', flags);
  }
}
