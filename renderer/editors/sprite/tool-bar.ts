// The buttons above the edit canvas: the tools and actions with their TIC-80 keys (1-8), the brush
// size and the canvas size.
import { button, el } from '../../dom.js';
import { BRUSH_SIZES, CANVAS_SIZES, type CanvasSize, type SpriteEditorState, type Tool } from './sprite-editor-state.js';
import { choiceButton } from './choice-button.js';

export type CanvasAction = 'flip-horizontal' | 'flip-vertical' | 'rotate' | 'erase';

export interface ToolBarContext {
  readonly state: SpriteEditorState;
  act(action: CanvasAction): void;
  /** A tool, brush size or canvas size was chosen. */
  changed(): void;
}

/** In TIC-80's order, which is also their keys: 1-4 the tools, 5-8 the actions. */
export const TOOLS: readonly [Tool, string, string][] = [
  ['brush', '✎', 'Brush'],
  ['picker', '⊙', 'Colour picker'],
  ['select', '⬚', 'Select (drag to move; Ctrl+C, Ctrl+X, Ctrl+V, Delete)'],
  ['fill', '◧', 'Fill'],
];
export const ACTIONS: readonly [CanvasAction, string, string][] = [
  ['flip-horizontal', '⇆', 'Flip horizontally'],
  ['flip-vertical', '⇅', 'Flip vertically'],
  ['rotate', '↻', 'Rotate clockwise'],
  ['erase', '⌫', 'Erase'],
];

export class ToolBar {
  readonly element: HTMLElement;
  readonly #tools: HTMLButtonElement[];
  readonly #brushSizes: HTMLButtonElement[];
  readonly #canvasSizes: HTMLButtonElement[];

  readonly #ctx: ToolBarContext;
  constructor(ctx: ToolBarContext) {
    this.#ctx = ctx;
    const { state } = ctx;
    this.#tools = TOOLS.map(([tool, icon, name], i) => this.#button(icon, `${name} [${i + 1}]`, `tool-${tool}`, () => (state.tool = tool)));
    const actions = ACTIONS.map(([action, icon, name], i) => {
      const b = button(icon, 'sprite-choice', () => ctx.act(action), `${name} [${i + 5}]`);
      b.dataset.action = action;
      return b;
    });
    this.#brushSizes = BRUSH_SIZES.map((size) => this.#button(`${size}`, `Brush size ${size}`, `brush-${size}`, () => (state.brushSize = size)));
    this.#canvasSizes = CANVAS_SIZES.map((size) =>
      this.#button(`${size}`, `Canvas of ${size} x ${size} pixels (${size / 8} x ${size / 8} sprites; the wheel zooms)`, `size-${size}`, () =>
        state.setSize(size),
      ),
    );
    this.element = el(
      'div',
      'sprite-toolbar',
      el('span', 'sprite-group', ...this.#tools),
      el('span', 'sprite-group', ...actions),
      el('span', 'sprite-label', 'brush'),
      el('span', 'sprite-group', ...this.#brushSizes),
      el('span', 'sprite-label', 'size'),
      el('span', 'sprite-group', ...this.#canvasSizes),
    );
  }

  render(): void {
    const { state } = this.#ctx;
    this.#tools.forEach((b, i) => b.setAttribute('aria-pressed', String(TOOLS[i][0] === state.tool)));
    this.#brushSizes.forEach((b, i) => b.setAttribute('aria-pressed', String(BRUSH_SIZES[i] === state.brushSize)));
    this.#canvasSizes.forEach((b, i) => b.setAttribute('aria-pressed', String(CANVAS_SIZES[i] === state.size)));
  }

  #button(label: string, title: string, id: string, pick: () => void): HTMLButtonElement {
    return choiceButton(label, title, id, pick, () => this.#ctx.changed());
  }
}

/** The next canvas size up (+1) or down (-1), staying within 8-64. */
export function nextCanvasSize(size: CanvasSize, step: 1 | -1): CanvasSize {
  const i = CANVAS_SIZES.indexOf(size) + step;
  return CANVAS_SIZES[Math.min(Math.max(i, 0), CANVAS_SIZES.length - 1)];
}
