// The sprite sheet: TILES (BG) or SPRITES (FG), a page of 16 x 16 sprites in the chosen bit depth.
// Clicking or dragging on it chooses the sprite at the edit canvas's top-left corner.
import { el } from '../../dom.js';
import { putColor } from './palette-colors.js';
import { PixelSurface } from './pixel-surface.js';
import type { SectionDrafts } from './section-drafts.js';
import { pageCount, PAGE_PIXELS, readPixel, SPRITE_PIXELS, spriteId, type Bpp, type SheetSection } from './sheet-layout.js';
import type { SpriteEditorState } from './sprite-editor-state.js';
import { choiceButton } from './choice-button.js';

export interface SheetPickerContext {
  readonly state: SpriteEditorState;
  readonly drafts: SectionDrafts;
  /** The view (section, bit depth, page) or the chosen sprite changed. */
  changed(): void;
  requestRender(): void;
}

const SECTIONS: readonly [SheetSection, string, string][] = [
  ['tiles', 'Tiles', 'BG: sprites 0-255, drawn by map()'],
  ['sprites', 'Sprites', 'FG: sprites 256-511'],
];
const DEPTHS: readonly Bpp[] = [4, 2, 1];
const MAX_PAGES = 4;

export class SheetPicker {
  readonly element: HTMLElement;
  readonly #box = el('div', 'sprite-sheet-box');
  readonly #index = el('span', 'sprite-index');
  readonly #sectionButtons: HTMLButtonElement[];
  readonly #depthButtons: HTMLButtonElement[];
  readonly #pageButtons: HTMLButtonElement[];
  #surface: PixelSurface | null = null;

  readonly #ctx: SheetPickerContext;
  constructor(ctx: SheetPickerContext) {
    this.#ctx = ctx;
    const { state } = ctx;
    this.#sectionButtons = SECTIONS.map(([section, label, title]) =>
      this.#choice(label, title, `section-${section}`, () => {
        state.view = { ...state.view, section };
      }),
    );
    this.#depthButtons = DEPTHS.map((bpp) =>
      this.#choice(`${bpp}bpp`, `${bpp} bits per pixel (${1 << bpp} colours)`, `bpp-${bpp}`, () => {
        state.view = { ...state.view, bpp, page: 0 };
      }),
    );
    this.#pageButtons = Array.from({ length: MAX_PAGES }, (_, page) =>
      this.#choice(`${page}`, `page ${page}`, `page-${page}`, () => {
        state.view = { ...state.view, page };
      }),
    );
    this.#index.title = 'the id spr() draws this sprite with';
    const bar = el(
      'div',
      'sprite-sheet-bar',
      el('span', 'sprite-group', ...this.#sectionButtons),
      el('span', 'sprite-group', ...this.#depthButtons),
      el('span', 'sprite-group sprite-pages', ...this.#pageButtons),
      this.#index,
    );
    this.element = el('section', 'sprite-sheet', bar, this.#box);
    this.element.setAttribute('aria-label', 'sprite sheet');
    void PixelSurface.create(PAGE_PIXELS, PAGE_PIXELS, 'sprite sheet').then((surface) => {
      this.#surface = surface;
      this.#box.append(surface.canvas);
      this.#listen(surface);
      new ResizeObserver(() => ctx.requestRender()).observe(this.#box);
      ctx.requestRender();
    });
  }

  render(palette: Uint8Array): void {
    const { state } = this.#ctx;
    const { view } = state;
    this.#sectionButtons.forEach((b, i) => b.setAttribute('aria-pressed', String(SECTIONS[i][0] === view.section)));
    this.#depthButtons.forEach((b, i) => b.setAttribute('aria-pressed', String(DEPTHS[i] === view.bpp)));
    this.#pageButtons.forEach((b, page) => {
      b.hidden = pageCount(view.bpp) === 1 || page >= pageCount(view.bpp);
      b.setAttribute('aria-pressed', String(page === view.page));
    });
    this.#index.textContent = `#${String(spriteId(view, state.col, state.row)).padStart(3, '0')}`;

    const surface = this.#surface;
    if (!surface) return;
    const bytes = this.#ctx.drafts.bytes(view.section);
    const image = new Uint8ClampedArray(PAGE_PIXELS * PAGE_PIXELS * 4);
    for (let y = 0; y < PAGE_PIXELS; y++) {
      for (let x = 0; x < PAGE_PIXELS; x++) putColor(image, (y * PAGE_PIXELS + x) * 4, palette, readPixel(bytes, view, x, y));
    }
    surface.show(PAGE_PIXELS, PAGE_PIXELS, image);
    surface.fit(this.#box.clientWidth, this.#box.clientHeight);
    const scale = surface.scale;
    const area = state.canvasArea();
    const g = surface.overlay.clear();
    g.rect(area.x * scale - 0.5, area.y * scale - 0.5, area.w * scale + 1, area.h * scale + 1).stroke({ width: 1, color: 0x000000 });
    g.rect(area.x * scale + 0.5, area.y * scale + 0.5, area.w * scale - 1, area.h * scale - 1).stroke({ width: 1, color: 0xffffff });
    surface.render();
  }

  #choice(label: string, title: string, id: string, pick: () => void): HTMLButtonElement {
    return choiceButton(label, title, id, pick, () => this.#ctx.changed());
  }

  #listen(surface: PixelSurface): void {
    const canvas = surface.canvas;
    const choose = (e: PointerEvent) => {
      const point = surface.toImagePoint(e.clientX, e.clientY);
      this.#ctx.state.selectSprite(Math.floor(point.x / SPRITE_PIXELS), Math.floor(point.y / SPRITE_PIXELS));
      this.#ctx.changed();
    };
    canvas.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      canvas.setPointerCapture(e.pointerId);
      choose(e);
    });
    canvas.addEventListener('pointermove', (e) => {
      if (canvas.hasPointerCapture(e.pointerId)) choose(e);
    });
  }
}
