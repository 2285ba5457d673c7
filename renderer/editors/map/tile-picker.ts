// The tile picker: the 16x16 BG tiles as the cart's palette draws them. A click picks a tile, a
// drag picks a rectangle of them to stamp as one block.
import { Graphics, Sprite } from 'pixi.js';
import { TILE_SIZE } from '../../../runner/common/memory-map.js';
import { CanvasImage } from './canvas-image.js';
import { clamp, rectBetween, SHEET_SIZE, SHEET_TILES, type Cell, type CellRect } from './map-geometry.js';
import type { TileBlock } from './map-edits.js';
import { PixelCanvas } from './pixel-canvas.js';
import { contrastFrame } from './pixel-lines.js';
import { blitTile, TILE_COUNT } from './tile-pixels.js';

const SELECTION_COLOR = 0xf4f4f4;

export class TilePicker {
  readonly #canvas: PixelCanvas;
  readonly #sheet = new CanvasImage(SHEET_SIZE, SHEET_SIZE);
  readonly #marks = new Graphics();
  #selection: CellRect = { x: 0, y: 0, width: 1, height: 1 };
  #anchor: Cell | null = null;

  static async create(onPick: (block: TileBlock) => void): Promise<TilePicker> {
    return new TilePicker(await PixelCanvas.create(SHEET_SIZE, SHEET_SIZE), onPick);
  }

  readonly #onPick: (block: TileBlock) => void;
  private constructor(canvas: PixelCanvas, onPick: (block: TileBlock) => void) {
    this.#onPick = onPick;
    this.#canvas = canvas;
    canvas.stage.addChild(new Sprite(this.#sheet.texture));
    canvas.overlay.addChild(this.#marks);
    const element = canvas.element;
    element.classList.add('map-picker-canvas');
    element.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      element.setPointerCapture(e.pointerId);
      this.#anchor = this.#tileAt(e);
      this.#select(this.#anchor);
    });
    element.addEventListener('pointermove', (e) => {
      if (this.#anchor) this.#select(this.#tileAt(e));
    });
    element.addEventListener('pointerup', () => {
      this.#anchor = null;
    });
  }

  get element(): HTMLCanvasElement {
    return this.#canvas.element;
  }

  /** The picked tiles as a block (the top-left one's id is the tile shown as picked). */
  get block(): TileBlock {
    const { x, y, width, height } = this.#selection;
    const tiles = new Uint8Array(width * height);
    for (let by = 0; by < height; by++) {
      for (let bx = 0; bx < width; bx++) tiles[by * width + bx] = (y + by) * SHEET_TILES + x + bx;
    }
    return { width, height, tiles };
  }

  setScale(cssScale: number): void {
    this.#canvas.setScale(cssScale);
    this.#drawMarks();
  }

  /** Redraws the sheet with new tile pixels (see tilePixels). */
  update(tiles: Uint32Array): void {
    for (let t = 0; t < TILE_COUNT; t++) {
      blitTile(tiles, t, this.#sheet.words, SHEET_SIZE, (t % SHEET_TILES) * TILE_SIZE, Math.floor(t / SHEET_TILES) * TILE_SIZE);
    }
    this.#sheet.flush();
    this.#canvas.requestDraw();
  }

  #tileAt(e: PointerEvent): Cell {
    const p = this.#canvas.toLogical(e.clientX, e.clientY);
    return { x: clamp(Math.floor(p.x / TILE_SIZE), 0, SHEET_TILES - 1), y: clamp(Math.floor(p.y / TILE_SIZE), 0, SHEET_TILES - 1) };
  }

  #select(corner: Cell): void {
    if (!this.#anchor) return;
    this.#selection = rectBetween(this.#anchor, corner);
    this.#drawMarks();
    this.#onPick(this.block);
  }

  #drawMarks(): void {
    const unit = TILE_SIZE * this.#canvas.scale;
    const { x, y, width, height } = this.#selection;
    this.#marks.clear();
    contrastFrame(this.#marks, x * unit, y * unit, width * unit, height * unit, SELECTION_COLOR);
    this.#canvas.requestDraw();
  }
}
