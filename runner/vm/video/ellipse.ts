// circ, circb, elli, ellib: the integer "rectangle ellipse" walk (Zingl's Bresenham variant) over
// the bounding box, plotting four quadrants at once (reference §1.1). Outlines plot the points;
// filled shapes record each row's left-most and right-most point, then fill the spans.
import { SCREEN_HEIGHT, SCREEN_WIDTH } from '../../common/memory-map.js';
import type { Raster } from './raster.js';

/**
 * Largest box width or height walked exactly. Up to here every error term stays below 2^53, so
 * double arithmetic equals TIC-80's 64-bit integers; beyond it see drawLarge.
 */
const EXACT_DIAMETER = 65535;

export class EllipsePainter {
  // 16-bit like TIC-80's side buffer, so x beyond +-32767 wraps the same way.
  readonly #left = new Int16Array(SCREEN_HEIGHT);
  readonly #right = new Int16Array(SCREEN_HEIGHT);
  #filled = false;
  #color = 0;

  readonly #raster: Raster;
  constructor(raster: Raster) {
    this.#raster = raster;
  }

  /** Draws the ellipse inscribed in [x0, x1] x [y0, y1] with an already mapped colour. */
  draw(x0: number, y0: number, x1: number, y1: number, color: number, filled: boolean): void {
    if (x0 > x1 || y0 > y1) return;
    const r = this.#raster;
    // Every point the walk produces lies inside the box.
    if (x1 < r.clipL || y1 < r.clipT || x0 >= r.clipR || y0 >= r.clipB) return;
    if (x1 - x0 > EXACT_DIAMETER || y1 - y0 > EXACT_DIAMETER) {
      this.#drawLarge(x0, y0, x1, y1, color, filled);
      return;
    }
    this.#filled = filled;
    this.#color = color;
    if (filled) {
      this.#left.fill(SCREEN_WIDTH);
      this.#right.fill(-1);
    }
    this.#walk(x0, y0, x1, y1);
    if (filled) this.#fillSides(y0, y1, color);
  }

  #walk(x0: number, y0: number, x1: number, y1: number): void {
    const a = x1 - x0;
    const b = y1 - y0;
    const b1 = b & 1;
    let dx = 4 * (1 - a) * b * b;
    let dy = 4 * (b1 + 1) * a * a;
    let err = dx + dy + b1 * a * a;
    y0 += (b + 1) >> 1;
    y1 = y0 - b1;
    const a8 = 8 * a * a;
    const b8 = 8 * b * b;
    do {
      this.#point(x1, y0);
      this.#point(x0, y0);
      this.#point(x0, y1);
      this.#point(x1, y1);
      const e2 = 2 * err;
      if (e2 <= dy) {
        y0++;
        y1--;
        dy += a8;
        err += dy;
      }
      if (e2 >= dx || 2 * err > dy) {
        x0++;
        x1--;
        dx += b8;
        err += dx;
      }
    } while (x0 <= x1);
    // Flat ellipses stop early: finish the tips.
    while (y0 - y1 < b) {
      this.#point(x0 - 1, y0);
      this.#point(x1 + 1, y0++);
      this.#point(x0 - 1, y1);
      this.#point(x1 + 1, y1--);
    }
  }

  #point(x: number, y: number): void {
    if (!this.#filled) {
      this.#raster.plot(x, y, this.#color);
      return;
    }
    if (y < 0 || y >= SCREEN_HEIGHT) return;
    if (x < this.#left[y]) this.#left[y] = x;
    if (x > this.#right[y]) this.#right[y] = x;
  }

  #fillSides(y0: number, y1: number, color: number): void {
    const r = this.#raster;
    const bottom = Math.min(r.clipB, y1 + 1);
    for (let y = Math.max(r.clipT, y0); y < bottom; y++) {
      r.span(y, Math.max(this.#left[y], r.clipL), Math.min(this.#right[y] + 1, r.clipR), color);
    }
  }

  /**
   * Boxes too big to walk (TIC-80 itself overflows or takes seconds there): the boundary is
   * computed from the ellipse equation for the visible rows only, so the cost stays bounded.
   */
  #drawLarge(x0: number, y0: number, x1: number, y1: number, color: number, filled: boolean): void {
    const r = this.#raster;
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    const ra = (x1 - x0) / 2;
    const rb = (y1 - y0) / 2;
    const halfWidth = (y: number): number => {
      const d = Math.abs(y - cy);
      if (d > rb) return -1;
      return rb === 0 ? ra : ra * Math.sqrt(1 - (d / rb) * (d / rb));
    };
    const bottom = Math.min(r.clipB, y1 + 1);
    for (let y = Math.max(r.clipT, y0); y < bottom; y++) {
      const half = halfWidth(y);
      if (half < 0) continue;
      const xl = Math.round(cx - half);
      const xr = Math.round(cx + half);
      if (filled) {
        this.#clippedSpan(y, xl, xr, color);
        continue;
      }
      // Outline: the part of the row not covered by both neighbouring rows' spans.
      const above = halfWidth(y - 1);
      const below = halfWidth(y + 1);
      const inner = Math.min(above, below);
      const innerL = inner < 0 ? Infinity : Math.max(Math.round(cx - inner), xl + 1);
      const innerR = inner < 0 ? -Infinity : Math.min(Math.round(cx + inner), xr - 1);
      if (innerL > innerR) {
        this.#clippedSpan(y, xl, xr, color);
      } else {
        this.#clippedSpan(y, xl, innerL - 1, color);
        this.#clippedSpan(y, innerR + 1, xr, color);
      }
    }
  }

  /** Fills the inclusive run [xl, xr] of row y, clipped. */
  #clippedSpan(y: number, xl: number, xr: number, color: number): void {
    const r = this.#raster;
    r.span(y, Math.max(xl, r.clipL), Math.min(xr + 1, r.clipR), color);
  }
}
