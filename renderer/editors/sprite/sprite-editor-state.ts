// What the sprite editor is pointing at and holding: the sheet view, the sprites on the edit canvas,
// the tool, the colours and the selection.
import type { Rect } from './pixel-block.js';
import { PAGE_SPRITES, SPRITE_PIXELS, type SheetView } from './sheet-layout.js';

export type Tool = 'brush' | 'picker' | 'select' | 'fill';

/** Edge of the edit canvas in pixels: 1, 2, 4 or 8 sprites across. */
export const CANVAS_SIZES = [8, 16, 32, 64] as const;
export type CanvasSize = (typeof CANVAS_SIZES)[number];

export const BRUSH_SIZES = [1, 2, 3, 4] as const;

export class SpriteEditorState {
  view: SheetView = { section: 'tiles', bpp: 4, page: 0 };
  /** The sprite at the edit canvas's top-left corner, in the page's 16 x 16 grid. */
  col = 0;
  row = 0;
  size: CanvasSize = 8;
  tool: Tool = 'brush';
  brushSize = 1;
  /** Drawn with the left button, and the right one. */
  color = 12;
  color2 = 0;
  /** In edit-canvas pixels. */
  selection: Rect | null = null;
  /** Which vbank's palette the RGB sliders edit. */
  paletteVbank = 0;

  /** The edit canvas as a rectangle of the page, in page pixels. */
  canvasArea(): Rect {
    return { x: this.col * SPRITE_PIXELS, y: this.row * SPRITE_PIXELS, w: this.size, h: this.size };
  }

  /** Selects the block of sprites starting at (col, row), moved back so that it fits in the page. */
  selectSprite(col: number, row: number): void {
    const last = PAGE_SPRITES - this.size / SPRITE_PIXELS;
    this.col = Math.min(Math.max(col, 0), last);
    this.row = Math.min(Math.max(row, 0), last);
    this.selection = null;
  }

  setSize(size: CanvasSize): void {
    this.size = size;
    this.selectSprite(this.col, this.row);
  }

  /** The selection in page pixels, or the whole canvas when nothing is selected. */
  target(): Rect {
    const area = this.canvasArea();
    const s = this.selection;
    return s ? { x: area.x + s.x, y: area.y + s.y, w: s.w, h: s.h } : area;
  }
}
