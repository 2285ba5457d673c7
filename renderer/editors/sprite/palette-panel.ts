// The palette: 16 swatches (left click chooses the colour, right click the second colour; a 2 or
// 1 bpp sheet uses only the first 4 or 2), RGB sliders editing the chosen colour of vbank 0's or
// vbank 1's palette (palette bytes 0-47 and 48-95), and copy and paste of a whole palette as the
// 96 hex digits of a text cart's <PALETTE> row, as TIC-80 copies it.
import { button, el } from '../../dom.js';
import { colorOffset, cssColor, PALETTE_COLORS } from './palette-colors.js';
import type { SectionDrafts } from './section-drafts.js';
import { colorCount } from './sheet-layout.js';
import type { SpriteEditorState } from './sprite-editor-state.js';

export interface PalettePanelContext {
  readonly state: SpriteEditorState;
  readonly drafts: SectionDrafts;
  /** A colour or the edited vbank was chosen. */
  changed(): void;
}

const CHANNELS = ['R', 'G', 'B'] as const;
const VBANKS = [0, 1] as const;
const VBANK_BYTES = PALETTE_COLORS * 3;

export class PalettePanel {
  readonly element: HTMLElement;
  readonly #swatches: HTMLButtonElement[];
  readonly #vbanks: HTMLButtonElement[];
  readonly #sliders: HTMLInputElement[];
  readonly #values: HTMLElement[];
  readonly #note = el('span', 'sprite-note');

  readonly #ctx: PalettePanelContext;
  constructor(ctx: PalettePanelContext) {
    this.#ctx = ctx;
    const { state } = ctx;
    this.#swatches = Array.from({ length: PALETTE_COLORS }, (_, color) => {
      const b = button(
        '',
        'sprite-swatch',
        () => {
          state.color = color;
          ctx.changed();
        },
        `colour ${color} (left click: brush colour, right click: second colour)`,
      );
      b.dataset.color = String(color);
      b.addEventListener('contextmenu', (e) => {
        e.preventDefault();
        if (b.disabled) return;
        state.color2 = color;
        ctx.changed();
      });
      return b;
    });
    this.#vbanks = VBANKS.map((vbank) =>
      button(
        `vbank ${vbank}`,
        'sprite-choice',
        () => {
          state.paletteVbank = vbank;
          ctx.changed();
        },
        `edit the palette of vbank ${vbank}`,
      ),
    );
    this.#sliders = CHANNELS.map((channel, i) => {
      const slider = el('input', 'sprite-slider');
      slider.type = 'range';
      slider.min = '0';
      slider.max = '255';
      slider.dataset.channel = channel;
      slider.setAttribute('aria-label', channel);
      // Dragging shows the colour as it goes; letting go makes it one undo step.
      slider.addEventListener('input', () => this.#setChannel(i, Number(slider.value)));
      slider.addEventListener('change', () => ctx.drafts.commit());
      return slider;
    });
    this.#values = CHANNELS.map(() => el('span', 'sprite-slider-value'));
    const rows = CHANNELS.map((channel, i) => el('label', 'sprite-slider-row', el('span', 'sprite-label', channel), this.#sliders[i], this.#values[i]));
    const clipboard = el(
      'span',
      'sprite-group',
      button('copy', 'sprite-choice', () => void this.#copyPalette(), 'copy this palette to the clipboard as hex'),
      button('paste', 'sprite-choice', () => void this.#pastePalette(), 'replace this palette with the hex palette on the clipboard'),
    );
    this.element = el(
      'section',
      'sprite-palette',
      el('div', 'sprite-swatches', ...this.#swatches),
      el('div', 'sprite-rgb', el('span', 'sprite-group', ...this.#vbanks, clipboard), ...rows, this.#note),
    );
    this.element.setAttribute('aria-label', 'palette');
  }

  render(): void {
    const { state, drafts } = this.#ctx;
    const palette = drafts.bytes('palette');
    const usable = colorCount(state.view.bpp);
    this.#swatches.forEach((b, color) => {
      b.style.background = cssColor(palette, state.paletteVbank, color);
      b.disabled = color >= usable;
      b.classList.toggle('is-color', color === state.color);
      b.classList.toggle('is-color2', color === state.color2);
    });
    this.#vbanks.forEach((b, vbank) => b.setAttribute('aria-pressed', String(vbank === state.paletteVbank)));
    const at = colorOffset(state.paletteVbank, state.color);
    this.#sliders.forEach((slider, i) => {
      slider.value = String(palette[at + i]);
      this.#values[i].textContent = String(palette[at + i]);
    });
  }

  #setChannel(channel: number, value: number): void {
    const { state, drafts } = this.#ctx;
    const palette = drafts.copy('palette');
    palette[colorOffset(state.paletteVbank, state.color) + channel] = value;
    drafts.show('palette', palette);
  }

  async #copyPalette(): Promise<void> {
    const start = colorOffset(this.#ctx.state.paletteVbank, 0);
    const palette = this.#ctx.drafts.bytes('palette').subarray(start, start + VBANK_BYTES);
    try {
      await navigator.clipboard.writeText([...palette].map((b) => b.toString(16).padStart(2, '0')).join(''));
      this.#note.textContent = '';
    } catch {
      this.#note.textContent = 'The clipboard refused the palette.';
    }
  }

  async #pastePalette(): Promise<void> {
    let text: string;
    try {
      text = (await navigator.clipboard.readText()).trim();
    } catch {
      this.#note.textContent = 'The clipboard could not be read.';
      return;
    }
    if (!new RegExp(`^[0-9a-fA-F]{${VBANK_BYTES * 2}}$`).test(text)) {
      this.#note.textContent = `The clipboard holds no palette (${VBANK_BYTES * 2} hex digits).`;
      return;
    }
    this.#note.textContent = '';
    const { state, drafts } = this.#ctx;
    const palette = drafts.copy('palette');
    const start = colorOffset(state.paletteVbank, 0);
    for (let i = 0; i < VBANK_BYTES; i++) palette[start + i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
    drafts.apply('palette', palette);
  }
}
