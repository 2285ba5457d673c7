// The zoomed edit canvas: the selected sprite, or block of sprites, with the pointer tools
// (brush, colour picker, select and move, fill). The left button uses the colour, the right one
// the second colour; the wheel zooms by changing how many sprites the canvas shows.
import { el } from '../../dom.js';
import { linePoints, stamp } from './brush.js';
import { BLANK_COLOR, clip } from './canvas-actions.js';
import { floodFill } from './flood-fill.js';
import { putColor } from './palette-colors.js';
import { fillRect, PixelBlock, readBlock, writeBlock, type Rect } from './pixel-block.js';
import { PixelSurface, type ImagePoint } from './pixel-surface.js';
import type { SectionDrafts } from './section-drafts.js';
import { readPixel, SPRITE_PIXELS } from './sheet-layout.js';
import type { SpriteEditorState } from './sprite-editor-state.js';

export interface EditCanvasContext {
  readonly state: SpriteEditorState;
  readonly drafts: SectionDrafts;
  /** The picker took a colour from the canvas. */
  picked(color: number, secondary: boolean): void;
  /** The wheel asks for a bigger (+1) or smaller (-1) canvas size. */
  zoom(step: 1 | -1): void;
  requestRender(): void;
}

type Gesture =
  | { kind: 'brush'; bytes: Uint8Array; color: number; last: ImagePoint }
  | { kind: 'pick'; secondary: boolean }
  | { kind: 'select'; anchor: ImagePoint; moved: boolean }
  | { kind: 'move'; base: Uint8Array; block: PixelBlock; from: ImagePoint; start: Rect };

const GRID_COLOR = 0xffffff;
const SELECTION_COLOR = 0xffcd75;

export class EditCanvas {
  readonly element: HTMLElement;
  #surface: PixelSurface | null = null;
  #gesture: Gesture | null = null;

  readonly #ctx: EditCanvasContext;
  constructor(ctx: EditCanvasContext) {
    this.#ctx = ctx;
    this.element = el('div', 'sprite-canvas-box');
    void PixelSurface.create(64, 64, 'sprite edit canvas').then((surface) => {
      this.#surface = surface;
      this.element.append(surface.canvas);
      this.#listen(surface.canvas);
      new ResizeObserver(() => ctx.requestRender()).observe(this.element);
      ctx.requestRender();
    });
  }

  render(palette: Uint8Array): void {
    const surface = this.#surface;
    if (!surface) return;
    const { state } = this.#ctx;
    const area = state.canvasArea();
    const bytes = this.#ctx.drafts.bytes(state.view.section);
    const image = new Uint8ClampedArray(area.w * area.h * 4);
    for (let y = 0; y < area.h; y++) {
      for (let x = 0; x < area.w; x++) putColor(image, (y * area.w + x) * 4, palette, readPixel(bytes, state.view, area.x + x, area.y + y));
    }
    surface.show(area.w, area.h, image);
    surface.fit(this.element.clientWidth, this.element.clientHeight);
    this.#drawOverlay(surface);
    surface.render();
  }

  #drawOverlay(surface: PixelSurface): void {
    const { size, selection } = this.#ctx.state;
    const scale = surface.scale;
    const g = surface.overlay.clear();
    for (let at = SPRITE_PIXELS; at < size; at += SPRITE_PIXELS) {
      g.moveTo(at * scale, 0).lineTo(at * scale, size * scale);
      g.moveTo(0, at * scale).lineTo(size * scale, at * scale);
    }
    g.stroke({ width: 1, color: GRID_COLOR, alpha: 0.25 });
    if (selection) {
      g.rect(selection.x * scale + 0.5, selection.y * scale + 0.5, selection.w * scale - 1, selection.h * scale - 1);
      g.stroke({ width: 1, color: SELECTION_COLOR });
    }
  }

  #listen(canvas: HTMLCanvasElement): void {
    canvas.addEventListener('contextmenu', (e) => e.preventDefault());
    canvas.addEventListener('pointerdown', (e) => {
      if (e.button !== 0 && e.button !== 2) return;
      const point = this.#point(e);
      if (!point) return;
      e.preventDefault();
      canvas.setPointerCapture(e.pointerId);
      this.#start(point, e.button === 2);
    });
    canvas.addEventListener('pointermove', (e) => {
      if (this.#gesture) this.#continue(this.#clamped(this.#point(e, true)!));
    });
    const end = () => this.#end();
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);
    canvas.addEventListener(
      'wheel',
      (e) => {
        e.preventDefault();
        if (e.deltaY !== 0) this.#ctx.zoom(e.deltaY < 0 ? 1 : -1);
      },
      { passive: false },
    );
  }

  /** The canvas pixel under the pointer; null outside the canvas unless `anywhere`. */
  #point(e: PointerEvent, anywhere = false): ImagePoint | null {
    const point = this.#surface!.toImagePoint(e.clientX, e.clientY);
    const size = this.#ctx.state.size;
    return anywhere || (point.x >= 0 && point.y >= 0 && point.x < size && point.y < size) ? point : null;
  }

  #clamped(point: ImagePoint): ImagePoint {
    const last = this.#ctx.state.size - 1;
    return { x: Math.min(Math.max(point.x, 0), last), y: Math.min(Math.max(point.y, 0), last) };
  }

  #start(point: ImagePoint, secondary: boolean): void {
    const { state, drafts } = this.#ctx;
    const area = state.canvasArea();
    const section = state.view.section;
    const color = secondary ? state.color2 : state.color;
    switch (state.tool) {
      case 'brush': {
        const bytes = drafts.copy(section);
        stamp(bytes, state.view, area, area.x + point.x, area.y + point.y, state.brushSize, color);
        this.#gesture = { kind: 'brush', bytes, color, last: point };
        drafts.show(section, bytes);
        break;
      }
      case 'picker':
        this.#gesture = { kind: 'pick', secondary };
        this.#continue(point);
        break;
      case 'fill': {
        const bytes = drafts.copy(section);
        floodFill(bytes, state.view, area, area.x + point.x, area.y + point.y, color);
        drafts.apply(section, bytes);
        break;
      }
      case 'select': {
        const s = state.selection;
        if (s && point.x >= s.x && point.y >= s.y && point.x < s.x + s.w && point.y < s.y + s.h) {
          const start = { x: area.x + s.x, y: area.y + s.y, w: s.w, h: s.h };
          const base = drafts.copy(section);
          const block = readBlock(base, state.view, start);
          fillRect(base, state.view, start, BLANK_COLOR);
          this.#gesture = { kind: 'move', base, block, from: point, start };
        } else {
          state.selection = { x: point.x, y: point.y, w: 1, h: 1 };
          this.#gesture = { kind: 'select', anchor: point, moved: false };
          this.#ctx.requestRender();
        }
        break;
      }
    }
  }

  #continue(point: ImagePoint): void {
    const { state, drafts } = this.#ctx;
    const area = state.canvasArea();
    const g = this.#gesture;
    if (!g) return;
    switch (g.kind) {
      case 'brush':
        for (const [x, y] of linePoints(g.last.x, g.last.y, point.x, point.y))
          stamp(g.bytes, state.view, area, area.x + x, area.y + y, state.brushSize, g.color);
        g.last = point;
        drafts.show(state.view.section, g.bytes);
        break;
      case 'pick':
        this.#ctx.picked(readPixel(drafts.bytes(state.view.section), state.view, area.x + point.x, area.y + point.y), g.secondary);
        break;
      case 'select':
        g.moved ||= point.x !== g.anchor.x || point.y !== g.anchor.y;
        state.selection = {
          x: Math.min(g.anchor.x, point.x),
          y: Math.min(g.anchor.y, point.y),
          w: Math.abs(point.x - g.anchor.x) + 1,
          h: Math.abs(point.y - g.anchor.y) + 1,
        };
        this.#ctx.requestRender();
        break;
      case 'move': {
        const x = g.start.x + point.x - g.from.x;
        const y = g.start.y + point.y - g.from.y;
        const bytes = g.base.slice();
        writeBlock(bytes, state.view, g.block, x, y, area);
        const moved = clip({ x, y, w: g.start.w, h: g.start.h }, area);
        state.selection = moved && { x: moved.x - area.x, y: moved.y - area.y, w: moved.w, h: moved.h };
        drafts.show(state.view.section, bytes);
        break;
      }
    }
  }

  #end(): void {
    const g = this.#gesture;
    this.#gesture = null;
    if (!g) return;
    if (g.kind === 'brush' || g.kind === 'move') this.#ctx.drafts.commit();
    if (g.kind === 'select' && !g.moved) {
      // A click without a drag drops the selection, as a click outside it does in TIC-80.
      this.#ctx.state.selection = null;
      this.#ctx.requestRender();
    }
  }
}
