// The edits the map editor makes, on a map section's bytes (240x136, row-major, one tile id per
// cell). They change `map` in place; the editor hands them a copy of the cart's section.
import { MAP_COLUMNS, MAP_ROWS } from '../../../runner/common/memory-map.js';
import type { CellRect } from './map-geometry.js';

/** A block of tile ids, row-major: the brush picked from the sheet, or a copied selection. */
export interface TileBlock {
  width: number;
  height: number;
  tiles: Uint8Array;
}

export function singleTile(id: number): TileBlock {
  return { width: 1, height: 1, tiles: Uint8Array.of(id) };
}

function inMap(x: number, y: number): boolean {
  return x >= 0 && y >= 0 && x < MAP_COLUMNS && y < MAP_ROWS;
}

/** The block's tile for cell (x, y) when the block is repeated from (originX, originY). */
function patternAt(block: TileBlock, originX: number, originY: number, x: number, y: number): number {
  const bx = (((x - originX) % block.width) + block.width) % block.width;
  const by = (((y - originY) % block.height) + block.height) % block.height;
  return block.tiles[by * block.width + bx];
}

/** Puts the block with its top-left at (x, y); the parts outside the map are dropped. */
export function stamp(map: Uint8Array, x: number, y: number, block: TileBlock): void {
  for (let by = 0; by < block.height; by++) {
    for (let bx = 0; bx < block.width; bx++) {
      if (inMap(x + bx, y + by)) map[(y + by) * MAP_COLUMNS + x + bx] = block.tiles[by * block.width + bx]!;
    }
  }
}

/**
 * Flood fill: the cells holding the same tile as (x, y) and connected to it through their edges
 * get the block, repeated from (x, y).
 */
export function floodFill(map: Uint8Array, x: number, y: number, block: TileBlock): void {
  if (!inMap(x, y)) return;
  const target = map[y * MAP_COLUMNS + x];
  // Marks cells already reached: the block may itself hold the target tile.
  const seen = new Uint8Array(map.length);
  const stack = [y * MAP_COLUMNS + x];
  seen[stack[0]] = 1;
  while (stack.length > 0) {
    const index = stack.pop()!;
    const cx = index % MAP_COLUMNS;
    const cy = (index - cx) / MAP_COLUMNS;
    map[index] = patternAt(block, x, y, cx, cy);
    const neighbours: [number, number][] = [
      [cx - 1, cy],
      [cx + 1, cy],
      [cx, cy - 1],
      [cx, cy + 1],
    ];
    for (const [nx, ny] of neighbours) {
      const next = ny * MAP_COLUMNS + nx;
      if (inMap(nx, ny) && !seen[next] && map[next] === target) {
        seen[next] = 1;
        stack.push(next);
      }
    }
  }
}

/** Every cell in the whole map holding the same tile as (x, y) gets the block, repeated from (x, y). */
export function replaceAll(map: Uint8Array, x: number, y: number, block: TileBlock): void {
  if (!inMap(x, y)) return;
  const target = map[y * MAP_COLUMNS + x];
  for (let cy = 0; cy < MAP_ROWS; cy++) {
    for (let cx = 0; cx < MAP_COLUMNS; cx++) {
      const index = cy * MAP_COLUMNS + cx;
      if (map[index] === target) map[index] = patternAt(block, x, y, cx, cy);
    }
  }
}

/** The tiles inside a rectangle of the map (which must lie inside it). */
export function readBlock(map: Uint8Array, rect: CellRect): TileBlock {
  const tiles = new Uint8Array(rect.width * rect.height);
  for (let by = 0; by < rect.height; by++) {
    tiles.set(map.subarray((rect.y + by) * MAP_COLUMNS + rect.x, (rect.y + by) * MAP_COLUMNS + rect.x + rect.width), by * rect.width);
  }
  return { width: rect.width, height: rect.height, tiles };
}

/** Tile 0 in every cell of the rectangle. */
export function clearRect(map: Uint8Array, rect: CellRect): void {
  stamp(map, rect.x, rect.y, { width: rect.width, height: rect.height, tiles: new Uint8Array(rect.width * rect.height) });
}
