// The map canvas: one screen's worth of the map (240x136 pixels) from a scroll position, with
// the grid, the brush or cursor cell and the selection over it; or, as the world view, the whole
// map shrunk to the same size with its 8x8 screens marked.
import { Graphics, Sprite } from 'pixi.js';
import { MAP_COLUMNS, MAP_ROWS, TILE_SIZE } from '../../../runner/common/memory-map.js';
import { clamp, SCREEN_COLS, SCREEN_ROWS, VIEW_HEIGHT, VIEW_WIDTH, WORLD_COLS, WORLD_ROWS, type Cell, type CellRect } from './map-geometry.js';
import type { MapImage } from './map-image.js';
import { PixelCanvas, type LogicalPoint } from './pixel-canvas.js';
import { contrastFrame, horizontalLine, verticalLine } from './pixel-lines.js';

const GRID = { color: 0xf4f4f4, alpha: 0.25 };
const WORLD_LINES = { color: 0xf4f4f4, alpha: 0.5 };
const CURSOR_COLOR = 0xf4f4f4;
const SELECTION_COLOR = 0xffcd75;
const VIEW_COLOR = 0xffcd75;

/** What the canvas shows; the editor owns it and passes it to draw(). */
export interface MapViewState {
  world: boolean;
  grid: boolean;
  /** The view's top-left corner in map pixels. */
  scrollX: number;
  scrollY: number;
  /** Cells outlined under the pointer (the brush's size while drawing), in map cells. */
  cursor: CellRect | null;
  selection: CellRect | null;
  /** World view: the screen under the pointer. */
  worldHover: Cell | null;
}

export class MapView {
  readonly #canvas: PixelCanvas;
  readonly #map: Sprite;
  readonly #marks = new Graphics();

  static async create(image: MapImage): Promise<MapView> {
    return new MapView(await PixelCanvas.create(VIEW_WIDTH, VIEW_HEIGHT), image);
  }

  private constructor(canvas: PixelCanvas, image: MapImage) {
    this.#canvas = canvas;
    this.#map = new Sprite(image.image.texture);
    canvas.stage.addChild(this.#map);
    canvas.overlay.addChild(this.#marks);
    canvas.element.classList.add('map-view-canvas');
  }

  get element(): HTMLCanvasElement {
    return this.#canvas.element;
  }

  setScale(cssScale: number): void {
    this.#canvas.setScale(cssScale);
  }

  /** The pointer's position in view pixels. */
  pointAt(e: MouseEvent): LogicalPoint {
    return this.#canvas.toLogical(e.clientX, e.clientY);
  }

  /** The map cell under the pointer, clamped to the map. */
  cellAt(e: MouseEvent, state: MapViewState): Cell {
    const p = this.pointAt(e);
    return {
      x: clamp(Math.floor((state.scrollX + p.x) / TILE_SIZE), 0, MAP_COLUMNS - 1),
      y: clamp(Math.floor((state.scrollY + p.y) / TILE_SIZE), 0, MAP_ROWS - 1),
    };
  }

  /** World view: the screen under the pointer. */
  screenAt(e: MouseEvent): Cell {
    const p = this.pointAt(e);
    return { x: clamp(Math.floor(p.x / SCREEN_COLS), 0, WORLD_COLS - 1), y: clamp(Math.floor(p.y / SCREEN_ROWS), 0, WORLD_ROWS - 1) };
  }

  /** Redraws (the map picture itself is kept up to date by its MapImage). */
  draw(state: MapViewState): void {
    this.#marks.clear();
    if (state.world) this.#drawWorld(state);
    else this.#drawMap(state);
    this.#canvas.requestDraw();
  }

  /** The world view: one map cell per view pixel. */
  #drawWorld(state: MapViewState): void {
    this.#map.position.set(0, 0);
    this.#map.scale.set(1 / TILE_SIZE);
    const s = this.#canvas.scale;
    const width = VIEW_WIDTH * s;
    const height = VIEW_HEIGHT * s;
    for (let x = 1; x < WORLD_COLS; x++) verticalLine(this.#marks, x * SCREEN_COLS * s, height, WORLD_LINES);
    for (let y = 1; y < WORLD_ROWS; y++) horizontalLine(this.#marks, y * SCREEN_ROWS * s, width, WORLD_LINES);
    if (state.worldHover) {
      const { x, y } = state.worldHover;
      this.#marks.rect(x * SCREEN_COLS * s, y * SCREEN_ROWS * s, SCREEN_COLS * s, SCREEN_ROWS * s).fill({ color: 0xf4f4f4, alpha: 0.25 });
    }
    const viewX = Math.round((state.scrollX / TILE_SIZE) * s);
    const viewY = Math.round((state.scrollY / TILE_SIZE) * s);
    contrastFrame(this.#marks, viewX, viewY, SCREEN_COLS * s, SCREEN_ROWS * s, VIEW_COLOR);
  }

  #drawMap(state: MapViewState): void {
    this.#map.scale.set(1);
    this.#map.position.set(-state.scrollX, -state.scrollY);
    const s = this.#canvas.scale;
    const width = VIEW_WIDTH * s;
    const height = VIEW_HEIGHT * s;
    if (state.grid) {
      for (let x = TILE_SIZE - (state.scrollX % TILE_SIZE); x < VIEW_WIDTH; x += TILE_SIZE) verticalLine(this.#marks, x * s, height, GRID);
      for (let y = TILE_SIZE - (state.scrollY % TILE_SIZE); y < VIEW_HEIGHT; y += TILE_SIZE) horizontalLine(this.#marks, y * s, width, GRID);
    }
    if (state.selection) this.#outline(state, state.selection, SELECTION_COLOR);
    if (state.cursor) this.#outline(state, state.cursor, CURSOR_COLOR);
  }

  /** Frames a rectangle of cells, in view device pixels. */
  #outline(state: MapViewState, rect: CellRect, color: number): void {
    const s = this.#canvas.scale;
    const x = (rect.x * TILE_SIZE - state.scrollX) * s;
    const y = (rect.y * TILE_SIZE - state.scrollY) * s;
    contrastFrame(this.#marks, x, y, rect.width * TILE_SIZE * s, rect.height * TILE_SIZE * s, color);
  }
}
