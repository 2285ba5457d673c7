// paint(): Heckbert's scanline seed fill (Graphics Gems I, "A Seed Fill Algorithm") inside the
// clip rectangle, with TIC-80's bound of 400 pending segments (reference §1.1). A segment that does
// not fit is dropped, so very ragged areas can stay partly unfilled, as in TIC-80.
import { SCREEN_WIDTH } from '../../common/memory-map.js';
import type { Raster } from './raster.js';

const MAX_SEGMENTS = 400;
/** Fields of one pending segment: row, left x, right x, direction of the row to explore next. */
const FIELDS = 4;

export class SeedFill {
  readonly #pending = new Int32Array(MAX_SEGMENTS * FIELDS);
  #count = 0;
  #top = 0;
  #bottom = 0;
  #color = 0;
  #match = 0;
  #border = -1;

  readonly #raster: Raster;
  constructor(raster: Raster) {
    this.#raster = raster;
  }

  /**
   * Fills from (x, y) with color (0..15, already mapped). With border < 0 it fills the 4-connected
   * area of the seed's colour; otherwise every pixel reachable without crossing the border colour
   * or the new colour. Nothing happens when the seed is outside the clip or already has color or border.
   */
  fill(x: number, y: number, color: number, border: number): void {
    const r = this.#raster;
    if (x < r.clipL || x >= r.clipR || y < r.clipT || y >= r.clipB) return;
    const seed = r.nibble(x, y);
    if (seed === color || seed === border) return;
    this.#color = color;
    this.#match = seed;
    this.#border = border;
    this.#top = r.clipT;
    this.#bottom = r.clipB - 1;
    this.#count = 0;
    this.#push(y, x, x, 1);
    this.#push(y + 1, x, x, -1);
    const left = r.clipL;
    const right = r.clipR - 1;
    const pending = this.#pending;
    while (this.#count > 0) {
      const at = --this.#count * FIELDS;
      const dy = pending[at + 3];
      const row = pending[at] + dy;
      const x1 = pending[at + 1];
      const x2 = pending[at + 2];
      // The segment x1..x2 of row - dy is filled; explore row, starting leftwards from x1.
      let px = x1;
      while (px >= left && this.#inside(px, row)) this.#set(px--, row);
      let start = px + 1;
      let scanning = px < x1;
      if (scanning) {
        if (start < x1) this.#push(row, start, x1 - 1, -dy);
        px = x1 + 1;
      }
      do {
        if (scanning) {
          while (px <= right && this.#inside(px, row)) this.#set(px++, row);
          this.#push(row, start, px - 1, dy);
          if (px > x2 + 1) this.#push(row, x2 + 1, px - 1, -dy);
        }
        scanning = true;
        for (px++; px <= x2 && !this.#inside(px, row); px++);
        start = px;
      } while (px <= x2);
    }
  }

  #inside(x: number, y: number): boolean {
    const p = this.#raster.nibble(x, y);
    return this.#border < 0 ? p === this.#match : p !== this.#color && p !== this.#border;
  }

  #set(x: number, y: number): void {
    this.#raster.put(y * SCREEN_WIDTH + x, this.#color);
  }

  /** Queues the segment whose next row (y + dy) lies inside the clip, if there is room. */
  #push(y: number, xl: number, xr: number, dy: number): void {
    if (this.#count >= MAX_SEGMENTS || y + dy < this.#top || y + dy > this.#bottom) return;
    const at = this.#count++ * FIELDS;
    this.#pending[at] = y;
    this.#pending[at + 1] = xl;
    this.#pending[at + 2] = xr;
    this.#pending[at + 3] = dy;
  }
}
