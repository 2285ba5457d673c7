// The Map editor (F3, reference 8.3): the 240x136 map of BG tiles, one screen at a time, with
// TIC-80's tools (draw [1], drag [2], select [3], fill [4]), the tile picker, the grid [`] and the
// world view [Tab]. Every change goes through the editor's UndoStack.
import type { CartBank } from '../../../runner/common/cart/index.js';
import { MAP_COLUMNS, MAP_PIXEL_HEIGHT, MAP_PIXEL_WIDTH, TILE_SIZE } from '../../../runner/common/memory-map.js';
import { el } from '../../dom.js';
import type { EditorHost, EditorTab } from '../editor-host.js';
import { bindUndoKeys } from '../undo-keys.js';
import { UndoStack } from '../undo-stack.js';
import { clearRect, floodFill, readBlock, replaceAll, singleTile, stamp, type TileBlock } from './map-edits.js';
import { cellsOnLine, clamp, clipToMap, rectBetween, SHEET_SIZE, VIEW_HEIGHT, VIEW_WIDTH, type Cell } from './map-geometry.js';
import { MapImage } from './map-image.js';
import { MAP_TOOLS, MapToolbar, type MapTool } from './map-toolbar.js';
import { MapView, type MapViewState } from './map-view.js';
import type { LogicalPoint } from './pixel-canvas.js';
import { TilePicker } from './tile-picker.js';
import { tilePixels } from './tile-pixels.js';
import { TabVisibility } from '../tab-visibility.js';

/** TIC-80's free build edits bank 0 only (bank switching is a PRO feature). */
const BANK = 0;
/** CSS pixels per sheet pixel in the picker. */
const PICKER_SCALE = 2;
/** Space between the map and the picker, and the picker's caption below it (CSS pixels). */
const GAP = 12;
const CAPTION = 24;

/** What a pressed pointer is doing on the map. */
type Gesture = { kind: 'pan'; from: LogicalPoint; scrollX: number; scrollY: number } | { kind: 'draw'; last: Cell } | { kind: 'select'; anchor: Cell };

export function createMapEditor(host: EditorHost): EditorTab {
  return new MapEditor(host);
}

class MapEditor implements EditorTab {
  readonly id = 'map';
  readonly title = 'Map';
  readonly shortcut = 'F3';
  readonly element: HTMLElement;
  readonly #host: EditorHost;
  readonly #undo: UndoStack;
  readonly #toolbar: MapToolbar;
  readonly #body: HTMLElement;
  readonly #stage: HTMLElement;
  readonly #caption: HTMLElement;
  readonly #image = new MapImage();
  #view: MapView | null = null;
  #picker: TilePicker | null = null;
  #tool: MapTool = 'draw';
  #state: MapViewState = { world: false, grid: false, scrollX: 0, scrollY: 0, cursor: null, selection: null, worldHover: null };
  #brush: TileBlock = singleTile(0);
  #clipboard: TileBlock | null = null;
  #hover: Cell | null = null;
  #gesture: Gesture | null = null;
  /** The map being drawn by a stroke, and the section it started from; applied when the stroke ends. */
  #draft: { map: Uint8Array; base: Uint8Array } | null = null;
  #tiles: Uint8Array | null = null;
  #palette: Uint8Array | null = null;
  #tilePixels: Uint32Array | null = null;
  /** Hidden, the editor skips redrawing on cart changes (other editors' edits) until shown. */
  readonly #visibility = new TabVisibility();

  constructor(host: EditorHost) {
    this.#host = host;
    this.#undo = new UndoStack(host);
    this.element = el('div', 'map-editor');
    this.element.tabIndex = 0;
    this.element.setAttribute('aria-label', 'map editor');
    this.#toolbar = new MapToolbar({
      setTool: (tool) => this.#setTool(tool),
      toggleGrid: () => this.#toggleGrid(),
      toggleWorld: () => this.#toggleWorld(),
    });
    this.#stage = el('div', 'map-stage');
    this.#caption = el('div', 'map-picker-caption');
    const side = el('aside', 'map-side', this.#caption);
    side.setAttribute('aria-label', 'tiles');
    this.#body = el('div', 'map-body', this.#stage, side);
    this.element.append(this.#toolbar.element, this.#body);
    this.element.addEventListener('keydown', (e) => this.#onKey(e));
    bindUndoKeys(this.element, this.#undo);
    host.onCartChange(() => this.#sync());
    new ResizeObserver(() => this.#layout()).observe(this.#body);
    void this.#mount(side);
    this.#updateToolbar();
    this.#updateCaption();
  }

  shown(): void {
    if (this.#visibility.show()) this.#sync();
    this.#layout();
    this.element.focus({ preventScroll: true });
  }

  hidden(): void {
    this.#endGesture();
    this.#visibility.hide();
  }

  async #mount(side: HTMLElement): Promise<void> {
    try {
      const [view, picker] = await Promise.all([MapView.create(this.#image), TilePicker.create((block) => this.#setBrush(block))]);
      this.#view = view;
      this.#picker = picker;
    } catch (err) {
      this.#stage.append(el('p', 'map-error', `The map editor could not start its canvases: ${(err as Error).message}`));
      return;
    }
    this.#stage.append(this.#view.element);
    side.prepend(this.#picker.element);
    this.#listen(this.#view);
    this.#sync();
    this.#layout();
  }

  #listen(view: MapView): void {
    const canvas = view.element;
    canvas.addEventListener('contextmenu', (e) => e.preventDefault());
    canvas.addEventListener('pointerdown', (e) => {
      this.element.focus({ preventScroll: true });
      canvas.setPointerCapture(e.pointerId);
      this.#pointerDown(view, e);
    });
    canvas.addEventListener('pointermove', (e) => this.#pointerMove(view, e));
    canvas.addEventListener('pointerup', () => this.#endGesture());
    canvas.addEventListener('pointercancel', () => this.#endGesture());
    canvas.addEventListener('pointerleave', () => {
      this.#hover = null;
      this.#state.worldHover = null;
      this.#redraw();
    });
    canvas.addEventListener(
      'wheel',
      (e) => {
        if (this.#state.world) return;
        e.preventDefault();
        const perPixel = VIEW_WIDTH / canvas.getBoundingClientRect().width;
        const [dx, dy] = e.shiftKey ? [e.deltaY, 0] : [e.deltaX, e.deltaY];
        this.#scrollTo(this.#state.scrollX + dx * perPixel, this.#state.scrollY + dy * perPixel);
      },
      { passive: false },
    );
  }

  #pointerDown(view: MapView, e: PointerEvent): void {
    if (this.#state.world) {
      if (e.button !== 0) return;
      const screen = view.screenAt(e);
      this.#state.world = false;
      this.#state.worldHover = null;
      this.#scrollTo(screen.x * VIEW_WIDTH, screen.y * VIEW_HEIGHT);
      this.#updateToolbar();
      return;
    }
    const cell = view.cellAt(e, this.#state);
    if (e.button === 2 || e.button === 1 || (e.button === 0 && this.#tool === 'drag')) {
      this.#gesture = { kind: 'pan', from: view.pointAt(e), scrollX: this.#state.scrollX, scrollY: this.#state.scrollY };
      return;
    }
    if (e.button !== 0) return;
    switch (this.#tool) {
      case 'draw':
        this.#gesture = { kind: 'draw', last: cell };
        this.#stroke(cell);
        break;
      case 'fill':
        this.#edit((map) => (e.ctrlKey || e.metaKey ? replaceAll : floodFill)(map, cell.x, cell.y, this.#brush));
        break;
      case 'drag':
        break;
      case 'select':
        this.#gesture = { kind: 'select', anchor: cell };
        this.#state.selection = rectBetween(cell, cell);
        this.#redraw();
        break;
    }
  }

  #pointerMove(view: MapView, e: PointerEvent): void {
    if (this.#state.world) {
      this.#state.worldHover = view.screenAt(e);
      this.#redraw();
      return;
    }
    const gesture = this.#gesture;
    if (gesture?.kind === 'pan') {
      const p = view.pointAt(e);
      this.#scrollTo(gesture.scrollX - (p.x - gesture.from.x), gesture.scrollY - (p.y - gesture.from.y));
      return;
    }
    const cell = view.cellAt(e, this.#state);
    if (this.#hover && cell.x === this.#hover.x && cell.y === this.#hover.y) return;
    this.#hover = cell;
    if (gesture?.kind === 'draw') {
      for (const c of cellsOnLine(gesture.last, cell).slice(1)) this.#stroke(c);
      gesture.last = cell;
    } else if (gesture?.kind === 'select') {
      this.#state.selection = rectBetween(gesture.anchor, cell);
    }
    this.#redraw();
  }

  /** A stroke changes a draft of the map; its end applies the draft as one undoable edit. */
  #stroke(cell: Cell): void {
    if (!this.#draft) {
      const base = this.#bank().map;
      this.#draft = { map: base.slice(), base };
    }
    stamp(this.#draft.map, cell.x, cell.y, this.#brush);
    this.#showMap();
  }

  #endGesture(): void {
    this.#gesture = null;
    const draft = this.#draft;
    if (!draft) return;
    this.#draft = null;
    this.#undo.apply(BANK, 'map', draft.map);
    this.#showMap();
  }

  /** One undoable change to a copy of the map. */
  #edit(change: (map: Uint8Array) => void): void {
    const map = this.#bank().map.slice();
    change(map);
    this.#undo.apply(BANK, 'map', map);
  }

  #onKey(e: KeyboardEvent): void {
    if ((e.ctrlKey || e.metaKey) && !e.altKey) {
      const key = e.key.toLowerCase();
      if (key === 'c') this.#copy();
      else if (key === 'x') this.#cut();
      else if (key === 'v') this.#paste();
      else return;
      e.preventDefault();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const tool = MAP_TOOLS.find((t) => t.key === e.key);
    if (tool) this.#setTool(tool.tool);
    else if (e.code === 'Backquote') this.#toggleGrid();
    else if (e.key === 'Tab') this.#toggleWorld();
    else if (e.key === 'Delete' || e.key === 'Backspace') this.#deleteSelection();
    else return;
    e.preventDefault();
  }

  #copy(): void {
    if (this.#state.selection) this.#clipboard = readBlock(this.#bank().map, this.#state.selection);
  }

  #cut(): void {
    this.#copy();
    this.#deleteSelection();
  }

  /** Pastes at the selection's top-left cell, or the view's when nothing is selected. */
  #paste(): void {
    const block = this.#clipboard;
    if (!block) return;
    const at = this.#state.selection ?? { x: Math.ceil(this.#state.scrollX / TILE_SIZE), y: Math.ceil(this.#state.scrollY / TILE_SIZE) };
    this.#edit((map) => stamp(map, at.x, at.y, block));
    this.#state.selection = clipToMap({ x: at.x, y: at.y, width: block.width, height: block.height });
    this.#redraw();
  }

  #deleteSelection(): void {
    const selection = this.#state.selection;
    if (selection) this.#edit((map) => clearRect(map, selection));
  }

  #setTool(tool: MapTool): void {
    this.#endGesture();
    this.#tool = tool;
    if (tool !== 'select') this.#state.selection = null;
    this.#updateToolbar();
    this.#redraw();
  }

  #toggleGrid(): void {
    this.#state.grid = !this.#state.grid;
    this.#updateToolbar();
    this.#redraw();
  }

  #toggleWorld(): void {
    this.#endGesture();
    this.#state.world = !this.#state.world;
    this.#state.worldHover = null;
    this.#hover = null;
    this.#updateToolbar();
    this.#redraw();
  }

  #setBrush(block: TileBlock): void {
    this.#brush = block;
    if (this.#tool === 'select' || this.#tool === 'drag') this.#tool = 'draw';
    this.#state.selection = null;
    this.#updateCaption();
    this.#updateToolbar();
    this.#redraw();
  }

  #scrollTo(x: number, y: number): void {
    this.#state.scrollX = clamp(Math.round(x), 0, MAP_PIXEL_WIDTH - VIEW_WIDTH);
    this.#state.scrollY = clamp(Math.round(y), 0, MAP_PIXEL_HEIGHT - VIEW_HEIGHT);
    this.#redraw();
  }

  #bank(): CartBank {
    return this.#host.cart().banks[BANK];
  }

  /** The cart changed (an edit, an undo, another cart): redraw what depends on what changed. */
  #sync(): void {
    if (!this.#visibility.due(this.#view !== null)) return;
    const bank = this.#bank();
    // A stroke started on a map that is no longer the cart's (another cart was opened) is dropped.
    if (this.#draft && this.#draft.base !== bank.map) this.#draft = null;
    if (bank.tiles !== this.#tiles || bank.palette !== this.#palette) {
      this.#tiles = bank.tiles;
      this.#palette = bank.palette;
      this.#tilePixels = tilePixels(bank.tiles, bank.palette);
      this.#picker?.update(this.#tilePixels);
    }
    this.#showMap();
  }

  #showMap(): void {
    if (!this.#tilePixels) return;
    this.#image.update(this.#draft?.map ?? this.#bank().map, this.#tilePixels);
    this.#redraw();
  }

  #redraw(): void {
    const state = this.#state;
    const cursorSize = this.#tool === 'draw' ? this.#brush : this.#tool === 'drag' ? null : { width: 1, height: 1 };
    state.cursor = this.#hover && cursorSize && !state.world ? { ...this.#hover, width: cursorSize.width, height: cursorSize.height } : null;
    this.#view?.draw(state);
    this.#updateToolbar();
  }

  #updateToolbar(): void {
    this.#toolbar.update({ tool: this.#tool, grid: this.#state.grid, world: this.#state.world, position: this.#position() });
  }

  #position(): string {
    const { world, worldHover } = this.#state;
    if (world) return worldHover ? `screen ${worldHover.x},${worldHover.y}` : '';
    const cell = this.#hover;
    if (!cell) return '';
    const map = this.#draft?.map ?? this.#bank().map;
    return `x ${cell.x} y ${cell.y} · tile ${map[cell.y * MAP_COLUMNS + cell.x]}`;
  }

  #updateCaption(): void {
    const { width, height, tiles } = this.#brush;
    this.#caption.textContent = width === 1 && height === 1 ? `tile ${tiles[0]}` : `tiles from ${tiles[0]}, ${width}×${height}`;
  }

  /** The map as large as fits (whole device pixels per pixel), the picker beside it or below it. */
  #layout(): void {
    const width = this.#body.clientWidth;
    const height = this.#body.clientHeight;
    if (width === 0 || height === 0) return;
    const picker = SHEET_SIZE * PICKER_SCALE;
    const beside = Math.min((width - picker - GAP) / VIEW_WIDTH, height / VIEW_HEIGHT);
    const below = Math.min(width / VIEW_WIDTH, (height - picker - GAP - CAPTION) / VIEW_HEIGHT);
    const stacked = Math.floor(below) > Math.floor(beside);
    this.#body.classList.toggle('map-stacked', stacked);
    this.#view?.setScale(Math.max(1, stacked ? below : beside));
    this.#picker?.setScale(PICKER_SCALE);
    this.#redraw();
  }
}
