// tri(): edge-function rasteriser over the clipped bounding box (reference §1.1). Weights are
// stepped incrementally in doubles, in the same order as TIC-80, so edge pixels match.
import { toF32, toS32 } from './numeric.js';
import type { Raster } from './raster.js';

/** Pixels are sampled just before their centre: 0.5 - FLT_EPSILON. */
const SAMPLE_OFFSET = 0.5 - 1.1920928955078125e-7;
/** A pixel is inside when every weight is > -DBL_EPSILON, so edges are inclusive. */
const MIN_WEIGHT = -2.220446049250313e-16;

function edge(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** Fills a triangle from float vertices with an already mapped colour. */
export function fillTriangle(
  raster: Raster,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  x3: number,
  y3: number,
  color: number,
): void {
  let ax = toF32(x1), ay = toF32(y1);
  let bx = toF32(x2), by = toF32(y2);
  let cx = toF32(x3), cy = toF32(y3);

  const minX = Math.max(toS32(Math.floor(Math.min(ax, bx, cx))), raster.clipL);
  const minY = Math.max(toS32(Math.floor(Math.min(ay, by, cy))), raster.clipT);
  const maxX = Math.min(toS32(Math.ceil(Math.max(ax, bx, cx))), raster.clipR);
  const maxY = Math.min(toS32(Math.ceil(Math.max(ay, by, cy))), raster.clipB);
  if (minX >= maxX || minY >= maxY) return;

  let area = edge(ax, ay, bx, by, cx, cy);
  // Skipped only when floor(area) is 0: a clockwise sliver of area in [-1, 0) is still drawn.
  if (toS32(Math.floor(area)) === 0) return;
  if (area < 0) {
    const tx = bx, ty = by;
    bx = cx;
    by = cy;
    cx = tx;
    cy = ty;
    area = -area;
  }

  const px = minX + SAMPLE_OFFSET;
  const py = minY + SAMPLE_OFFSET;
  // Weight i belongs to the edge opposite vertex i.
  const d0x = (by - cy) / area, d0y = (cx - bx) / area;
  const d1x = (cy - ay) / area, d1y = (ax - cx) / area;
  const d2x = (ay - by) / area, d2y = (bx - ax) / area;
  let s0 = edge(bx, by, cx, cy, px, py) / area;
  let s1 = edge(cx, cy, ax, ay, px, py) / area;
  let s2 = edge(ax, ay, bx, by, px, py) / area;

  for (let y = minY; y < maxY; y++) {
    let w0 = s0, w1 = s1, w2 = s2;
    let first = -1;
    for (let x = minX; x < maxX; x++) {
      const inside = w0 > MIN_WEIGHT && w1 > MIN_WEIGHT && w2 > MIN_WEIGHT;
      if (inside && first < 0) first = x;
      else if (!inside && first >= 0) {
        raster.span(y, first, x, color);
        first = -1;
      }
      w0 += d0x;
      w1 += d1x;
      w2 += d2x;
    }
    if (first >= 0) raster.span(y, first, maxX, color);
    s0 += d0y;
    s1 += d1y;
    s2 += d2y;
  }
}
