// tri() and the rasteriser it shares with ttri(): edge functions over the clipped bounding box
// (reference §1.1). Weights are stepped incrementally in doubles, in the same order as TIC-80, so
// edge pixels match.
import { toF32, toS32 } from './numeric.js';
import type { Raster } from './raster.js';

/** Pixels are sampled just before their centre: 0.5 - FLT_EPSILON. */
const SAMPLE_OFFSET = 0.5 - 1.1920928955078125e-7;
/** A pixel is inside when every weight is > -DBL_EPSILON, so edges are inclusive. */
export const MIN_WEIGHT = -2.220446049250313e-16;

function edge(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/**
 * The walk over one triangle: the clipped bounding box [minX, maxX) x [minY, maxY), and for each
 * of the three barycentric weights its value at the box's first sample and its steps along x and y.
 * Weight i belongs to vertex order[i] (the edge opposite it); the order is 0, 2, 1 when the
 * vertices were given clockwise.
 */
export class TriangleWalk {
  minX = 0;
  minY = 0;
  maxX = 0;
  maxY = 0;
  readonly order = [0, 1, 2];
  readonly start = new Float64Array(3);
  readonly stepX = new Float64Array(3);
  readonly stepY = new Float64Array(3);

  /** Sets up the walk for vertices already rounded to C floats; false when nothing is drawn. */
  setup(raster: Raster, xs: ArrayLike<number>, ys: ArrayLike<number>): boolean {
    this.minX = Math.max(toS32(Math.floor(Math.min(xs[0], xs[1], xs[2]))), raster.clipL);
    this.minY = Math.max(toS32(Math.floor(Math.min(ys[0], ys[1], ys[2]))), raster.clipT);
    this.maxX = Math.min(toS32(Math.ceil(Math.max(xs[0], xs[1], xs[2]))), raster.clipR);
    this.maxY = Math.min(toS32(Math.ceil(Math.max(ys[0], ys[1], ys[2]))), raster.clipB);
    if (this.minX >= this.maxX || this.minY >= this.maxY) return false;

    const order = this.order;
    order[0] = 0;
    order[1] = 1;
    order[2] = 2;
    let area = edge(xs[0], ys[0], xs[1], ys[1], xs[2], ys[2]);
    // Skipped only when floor(area) is 0: a clockwise sliver of area in [-1, 0) is still drawn.
    if (toS32(Math.floor(area)) === 0) return false;
    if (area < 0) {
      order[1] = 2;
      order[2] = 1;
      area = -area;
    }
    const px = this.minX + SAMPLE_OFFSET;
    const py = this.minY + SAMPLE_OFFSET;
    for (let i = 0; i < 3; i++) {
      const c = order[(i + 1) % 3];
      const n = order[(i + 2) % 3];
      this.stepX[i] = (ys[c] - ys[n]) / area;
      this.stepY[i] = (xs[n] - xs[c]) / area;
      this.start[i] = edge(xs[c], ys[c], xs[n], ys[n], px, py) / area;
    }
    return true;
  }
}

const walk = new TriangleWalk();
const xs = new Float64Array(3);
const ys = new Float64Array(3);

/** Fills a triangle from float vertices with an already mapped colour. */
export function fillTriangle(raster: Raster, x1: number, y1: number, x2: number, y2: number, x3: number, y3: number, color: number): void {
  xs[0] = toF32(x1);
  ys[0] = toF32(y1);
  xs[1] = toF32(x2);
  ys[1] = toF32(y2);
  xs[2] = toF32(x3);
  ys[2] = toF32(y3);
  if (!walk.setup(raster, xs, ys)) return;
  const { minX, maxX, start, stepX, stepY } = walk;
  const d0x = stepX[0],
    d1x = stepX[1],
    d2x = stepX[2];
  let s0 = start[0],
    s1 = start[1],
    s2 = start[2];
  for (let y = walk.minY; y < walk.maxY; y++) {
    let w0 = s0,
      w1 = s1,
      w2 = s2;
    let first = -1;
    let last = maxX;
    for (let x = minX; x < maxX; x++) {
      const inside = w0 > MIN_WEIGHT && w1 > MIN_WEIGHT && w2 > MIN_WEIGHT;
      if (inside && first < 0) first = x;
      else if (!inside && first >= 0) {
        // Each weight only grows or only shrinks along the row (adding one step again and again
        // rounds monotonically), so a row is inside in one run at most: past it, nothing is.
        last = x;
        break;
      }
      w0 += d0x;
      w1 += d1x;
      w2 += d2x;
    }
    if (first >= 0) raster.span(y, first, last, color);
    s0 += stepY[0];
    s1 += stepY[1];
    s2 += stepY[2];
  }
}
