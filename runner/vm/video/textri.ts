// textri(): the deprecated textured triangle (reference §1.1). Unlike ttri it is a scanline
// rasteriser: the three edges are walked top to bottom in C float precision, recording each row's
// left-most x (with u and v there, in 16.16 fixed point) and right-most x; each row is then filled
// from left up to, but not including, right, stepping u and v by constant 16.16 slopes.
import { MAP_PIXEL_HEIGHT, MAP_PIXEL_WIDTH, SCREEN_HEIGHT, SCREEN_WIDTH } from '../../common/memory-map.js';
import { toS32 } from './numeric.js';
import type { Raster } from './raster.js';
import { TRANSPARENT } from './tiles.js';
import type { Texture, TexturedVertices } from './ttri.js';

const f = Math.fround;
const FIXED_ONE = 65536;
const SHEET_U_MASK = 127;
const SHEET_V_MASK = 255;

function positiveModulo(x: number, m: number): number {
  const r = x % m;
  return r < 0 ? r + m : r;
}

export class DeprecatedTexturedTriangle {
  // 16-bit like TIC-80's side buffer.
  readonly #left = new Int16Array(SCREEN_HEIGHT);
  readonly #right = new Int16Array(SCREEN_HEIGHT);
  readonly #uLeft = new Int32Array(SCREEN_HEIGHT);
  readonly #vLeft = new Int32Array(SCREEN_HEIGHT);

  readonly #raster: Raster;
  constructor(raster: Raster) {
    this.#raster = raster;
  }

  /** Draws the triangle; useMap reads the map (wrapping) instead of the 128 x 256 sheet. z is ignored. */
  draw(verts: TexturedVertices, texture: Texture, useMap: boolean): void {
    const { x, y, u, v } = verts;
    const denom = f(f(f(x[0] - x[2]) * f(y[1] - y[2])) - f(f(x[1] - x[2]) * f(y[0] - y[2])));
    if (denom === 0) return;
    const inverse = f(1 / denom);
    const dudx = f(f(f(f(u[0] - u[2]) * f(y[1] - y[2])) - f(f(u[1] - u[2]) * f(y[0] - y[2]))) * inverse);
    const dvdx = f(f(f(f(v[0] - v[2]) * f(y[1] - y[2])) - f(f(v[1] - v[2]) * f(y[0] - y[2]))) * inverse);
    const dudxFixed = toS32(f(dudx * FIXED_ONE));
    const dvdxFixed = toS32(f(dvdx * FIXED_ONE));

    this.#left.fill(SCREEN_WIDTH);
    this.#right.fill(-1);
    this.#walkEdge(verts, 0, 1);
    this.#walkEdge(verts, 1, 2);
    this.#walkEdge(verts, 2, 0);

    const r = this.#raster;
    for (let row = 0; row < SCREEN_HEIGHT; row++) {
      // TIC-80 compares the bottom clip with '>', so a row equal to it gets here; plot() clips it.
      if (row < r.clipT || row > r.clipB || this.#right[row] - this.#left[row] <= 0) continue;
      let fu = this.#uLeft[row];
      let fv = this.#vLeft[row];
      let from = this.#left[row];
      const to = Math.min(this.#right[row], r.clipR);
      if (from < r.clipL) {
        const skipped = r.clipL - from;
        fu = (fu + Math.imul(dudxFixed, skipped)) | 0;
        fv = (fv + Math.imul(dvdxFixed, skipped)) | 0;
        from = r.clipL;
      }
      for (let px = from; px < to; px++) {
        const tu = fu >> 16;
        const tv = fv >> 16;
        const color = useMap
          ? texture.texel(positiveModulo(tu, MAP_PIXEL_WIDTH), positiveModulo(tv, MAP_PIXEL_HEIGHT))
          : texture.texel(tu & SHEET_U_MASK, tv & SHEET_V_MASK);
        if (color !== TRANSPARENT) r.plot(px, row, color);
        fu = (fu + dudxFixed) | 0;
        fv = (fv + dvdxFixed) | 0;
      }
    }
  }

  /** Walks the edge from vertex a to b top to bottom, one row per step, bottom row excluded. */
  #walkEdge(verts: TexturedVertices, a: number, b: number): void {
    const { x, y, u, v } = verts;
    const top = y[b] < y[a] ? b : a;
    const bottom = top === a ? b : a;
    const dy = f(y[bottom] - y[top]);
    let stepX = f(x[bottom] - x[top]);
    let stepU = f(u[bottom] - u[top]);
    let stepV = f(v[bottom] - v[top]);
    // Quirk of the original: edges less than a row tall keep their whole delta as the step.
    if (toS32(dy) !== 0) {
      stepX = f(stepX / dy);
      stepU = f(stepU / dy);
      stepV = f(stepV / dy);
    }
    let ex = x[top];
    let ey = y[top];
    let eu = u[top];
    let ev = v[top];
    if (ey < 0) {
      const skipped = f(0 - ey);
      ex = f(ex + f(stepX * skipped));
      eu = f(eu + f(stepU * skipped));
      ev = f(ev + f(stepV * skipped));
      ey = 0;
    }
    const end = Math.min(toS32(y[bottom]), SCREEN_HEIGHT);
    for (; ey < end; ey = f(ey + 1)) {
      this.#side(toS32(ex), toS32(ey), eu, ev);
      ex = f(ex + stepX);
      eu = f(eu + stepU);
      ev = f(ev + stepV);
    }
  }

  #side(px: number, row: number, pu: number, pv: number): void {
    if (row < 0 || row >= SCREEN_HEIGHT) return;
    if (px < this.#left[row]) {
      this.#left[row] = px;
      this.#uLeft[row] = toS32(f(pu * FIXED_ONE));
      this.#vLeft[row] = toS32(f(pv * FIXED_ONE));
    }
    if (px > this.#right[row]) this.#right[row] = px;
  }
}
