import { MAP_COLUMNS, MAP_ROWS, SCREEN_HEIGHT, SCREEN_WIDTH, TILE_SIZE } from '../../../runner/common/memory-map.js';
// The map's shape (reference 4, 8.3): 240x136 cells of 8x8-pixel tiles, seen one 30x17 screen at
// a time, 8x8 screens in all.

export const SCREEN_COLS = SCREEN_WIDTH / TILE_SIZE;
export const SCREEN_ROWS = SCREEN_HEIGHT / TILE_SIZE;
export const WORLD_COLS = MAP_COLUMNS / SCREEN_COLS;
export const WORLD_ROWS = MAP_ROWS / SCREEN_ROWS;
/** One screen in pixels. */
export const VIEW_WIDTH = SCREEN_COLS * TILE_SIZE;
export const VIEW_HEIGHT = SCREEN_ROWS * TILE_SIZE;
/** The BG tile sheet: 256 tiles, 16 to a row. */
export const SHEET_TILES = 16;
export const SHEET_SIZE = SHEET_TILES * TILE_SIZE;

export interface Cell {
  x: number;
  y: number;
}

/** A rectangle of cells, always with a positive size. */
export interface CellRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The rectangle spanned by two corner cells, in either order. */
export function rectBetween(a: Cell, b: Cell): CellRect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.abs(a.x - b.x) + 1, height: Math.abs(a.y - b.y) + 1 };
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/** The cells on the straight line from a to b, both ends included (so a fast stroke leaves no gaps). */
export function cellsOnLine(a: Cell, b: Cell): Cell[] {
  const steps = Math.max(Math.abs(b.x - a.x), Math.abs(b.y - a.y));
  const cells: Cell[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = steps === 0 ? 0 : i / steps;
    cells.push({ x: Math.round(a.x + (b.x - a.x) * t), y: Math.round(a.y + (b.y - a.y) * t) });
  }
  return cells;
}

/** The part of a rectangle inside the map, or null when none is. */
export function clipToMap(rect: CellRect): CellRect | null {
  const x = Math.max(rect.x, 0);
  const y = Math.max(rect.y, 0);
  const width = Math.min(rect.x + rect.width, MAP_COLUMNS) - x;
  const height = Math.min(rect.y + rect.height, MAP_ROWS) - y;
  return width > 0 && height > 0 ? { x, y, width, height } : null;
}
