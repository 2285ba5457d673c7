// The whole map as one picture (1920x1088 pixels), kept in step with the map bytes and the
// tiles: a map change redraws only the cells that changed.
import { MAP_COLUMNS, MAP_PIXEL_HEIGHT, MAP_PIXEL_WIDTH, MAP_ROWS, TILE_SIZE } from '../../../runner/common/memory-map.js';
import { CanvasImage } from './canvas-image.js';
import { blitTile } from './tile-pixels.js';

export class MapImage {
  readonly image = new CanvasImage(MAP_PIXEL_WIDTH, MAP_PIXEL_HEIGHT);
  /** The map as drawn, to find what changed. */
  readonly #drawn = new Uint8Array(MAP_COLUMNS * MAP_ROWS);
  #tiles: Uint32Array | null = null;

  /** Draws `map` with these tile pixels (see tilePixels); new tile pixels redraw every cell. */
  update(map: Uint8Array, tiles: Uint32Array): void {
    const all = tiles !== this.#tiles;
    this.#tiles = tiles;
    let left = MAP_COLUMNS;
    let top = MAP_ROWS;
    let right = -1;
    let bottom = -1;
    for (let y = 0; y < MAP_ROWS; y++) {
      for (let x = 0; x < MAP_COLUMNS; x++) {
        const index = y * MAP_COLUMNS + x;
        if (!all && map[index] === this.#drawn[index]) continue;
        blitTile(tiles, map[index], this.image.words, MAP_PIXEL_WIDTH, x * TILE_SIZE, y * TILE_SIZE);
        left = Math.min(left, x);
        right = Math.max(right, x);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
    }
    this.#drawn.set(map);
    if (right < 0) return;
    this.image.flush(left * TILE_SIZE, top * TILE_SIZE, (right - left + 1) * TILE_SIZE, (bottom - top + 1) * TILE_SIZE);
  }
}
