// The Sprites tab (F2), TIC-80's sprite editor (reference 8.3): the sheet picker, the zoomed edit
// canvas with its tools, the palette with RGB editing, and the sprite flags. Every change is one
// step of this editor's undo stack. Pixels show in the cart's vbank-0 palette.
import { el } from '../../dom.js';
import type { EditorHost, EditorTab } from '../editor-host.js';
import { bindUndoKeys } from '../undo-keys.js';
import { UndoStack } from '../undo-stack.js';
import { erase, flip, paste, rotate, type ActionResult } from './canvas-actions.js';
import { EditCanvas } from './edit-canvas.js';
import { FlagsPanel } from './flags-panel.js';
import { PalettePanel } from './palette-panel.js';
import { readBlock, type PixelBlock, type Rect } from './pixel-block.js';
import { SectionDrafts } from './section-drafts.js';
import { SheetPicker } from './sheet-picker.js';
import { colorCount } from './sheet-layout.js';
import { SpriteEditorState } from './sprite-editor-state.js';
import { ACTIONS, nextCanvasSize, TOOLS, ToolBar, type CanvasAction } from './tool-bar.js';

export function createSpriteEditor(host: EditorHost): EditorTab {
  return new SpriteEditor(host).tab;
}

class SpriteEditor {
  readonly tab: EditorTab;
  readonly #state = new SpriteEditorState();
  readonly #drafts: SectionDrafts;
  readonly #toolBar: ToolBar;
  readonly #canvas: EditCanvas;
  readonly #sheet: SheetPicker;
  readonly #palette: PalettePanel;
  readonly #flags: FlagsPanel;
  #clipboard: PixelBlock | null = null;
  #renderPending = false;
  #visible = false;

  constructor(host: EditorHost) {
    const element = el('div', 'sprite-editor');
    element.tabIndex = -1;
    const undo = new UndoStack(host);
    this.#drafts = new SectionDrafts(host, undo, () => this.#requestRender());
    const state = this.#state;
    const drafts = this.#drafts;
    const changed = () => this.#requestRender();
    this.#toolBar = new ToolBar({ state, act: (action) => this.#act(action), changed });
    this.#canvas = new EditCanvas({
      state,
      drafts,
      picked: (color, secondary) => {
        if (secondary) state.color2 = color;
        else state.color = color;
        changed();
      },
      zoom: (step) => {
        state.setSize(nextCanvasSize(state.size, step));
        changed();
      },
      requestRender: changed,
    });
    this.#sheet = new SheetPicker({ state, drafts, changed: () => this.#viewChanged(), requestRender: changed });
    this.#palette = new PalettePanel({ state, drafts, changed });
    this.#flags = new FlagsPanel(state, drafts);
    element.append(
      el('div', 'sprite-editor-left', this.#toolBar.element, this.#canvas.element, this.#flags.element, this.#palette.element),
      el('div', 'sprite-editor-right', this.#sheet.element),
    );
    bindUndoKeys(element, undo);
    element.addEventListener('keydown', (e) => this.#onKey(e));
    // Keys reach the editor after a click anywhere in it, sliders and buttons included.
    element.addEventListener('pointerdown', () => {
      if (!element.contains(document.activeElement)) element.focus({ preventScroll: true });
    });
    host.onCartChange(() => {
      drafts.discard();
      changed();
    });
    this.tab = {
      id: 'sprites',
      title: 'Sprites',
      shortcut: 'F2',
      element,
      shown: () => {
        this.#visible = true;
        element.focus({ preventScroll: true });
        this.#requestRender();
      },
      hidden: () => {
        this.#visible = false;
      },
    };
  }

  /** Changes coalesce into one redraw per display frame, and none while the tab is hidden. */
  #requestRender(): void {
    if (this.#renderPending || !this.#visible) return;
    this.#renderPending = true;
    requestAnimationFrame(() => {
      this.#renderPending = false;
      this.#render();
    });
  }

  #render(): void {
    const palette = this.#drafts.bytes('palette');
    this.#toolBar.render();
    this.#canvas.render(palette);
    this.#sheet.render(palette);
    this.#flags.render();
    this.#palette.render();
  }

  /** Another section, bit depth or page: colours beyond the new depth's fall back to its last. */
  #viewChanged(): void {
    const last = colorCount(this.#state.view.bpp) - 1;
    this.#state.color = Math.min(this.#state.color, last);
    this.#state.color2 = Math.min(this.#state.color2, last);
    this.#state.selectSprite(this.#state.col, this.#state.row);
    this.#requestRender();
  }

  #act(action: CanvasAction): void {
    const state = this.#state;
    const section = state.view.section;
    const bytes = this.#drafts.bytes(section);
    const target = state.target();
    switch (action) {
      case 'flip-horizontal':
      case 'flip-vertical':
        this.#drafts.apply(section, flip(bytes, state.view, target, action === 'flip-horizontal'));
        break;
      case 'rotate': {
        const result = rotate(bytes, state.view, target, state.canvasArea());
        // A turned selection stays selected; a turned canvas leaves nothing selected.
        if (state.selection) this.#applyResult(result);
        else this.#drafts.apply(section, result.bytes);
        break;
      }
      case 'erase':
        this.#drafts.apply(section, erase(bytes, state.view, target));
        break;
    }
  }

  #applyResult(result: ActionResult): void {
    const area = this.#state.canvasArea();
    const s = result.selection;
    this.#state.selection = s && { x: s.x - area.x, y: s.y - area.y, w: s.w, h: s.h };
    this.#drafts.apply(this.#state.view.section, result.bytes);
  }

  #copy(): void {
    this.#clipboard = readBlock(this.#drafts.bytes(this.#state.view.section), this.#state.view, this.#state.target());
  }

  /** Pastes at the selection's corner, or the canvas's; the pasted block is left selected. */
  #paste(): void {
    const block = this.#clipboard;
    if (!block) return;
    const state = this.#state;
    const at: Rect = state.target();
    this.#applyResult(paste(this.#drafts.bytes(state.view.section), state.view, block, at.x, at.y, state.canvasArea()));
  }

  #onKey(e: KeyboardEvent): void {
    if (e.altKey || e.metaKey || isTextField(e.target)) return;
    const state = this.#state;
    if (e.ctrlKey) {
      const key = e.key.toLowerCase();
      if (key === 'c') this.#copy();
      else if (key === 'x') {
        this.#copy();
        this.#act('erase');
      } else if (key === 'v') this.#paste();
      else return;
      e.preventDefault();
      return;
    }
    const digit = Number(e.key);
    if (Number.isInteger(digit) && digit >= 1 && digit <= TOOLS.length + ACTIONS.length) {
      if (digit <= TOOLS.length) state.tool = TOOLS[digit - 1][0];
      else this.#act(ACTIONS[digit - TOOLS.length - 1][0]);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      this.#act('erase');
    } else if (e.key === 'Escape' && state.selection) {
      state.selection = null;
    } else {
      return;
    }
    e.preventDefault();
    e.stopPropagation();
    this.#requestRender();
  }
}

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement ? target.type !== 'range' : target instanceof HTMLTextAreaElement;
}
