// ttri(): a textured triangle over tri()'s rasteriser (reference §1.1). Texture coordinates are
// interpolated with the barycentric weights; with depth they are interpolated as u/z, v/z and 1/z
// (perspective-correct) and tested against the depth buffer that a full-screen cls clears.
import { MAP_ADDR, MAP_COLUMNS, MAP_PIXEL_HEIGHT, MAP_PIXEL_WIDTH, SCREEN_HEIGHT, SCREEN_WIDTH } from '../../common/memory-map.js';
import { toF32, toS32 } from './numeric.js';
import type { Raster } from './raster.js';
import { TRANSPARENT } from './tiles.js';
import { SEGMENTS, sheetImageWidth, sheetPixel, TileRef, tilePixel, type Segment } from './tilesheet.js';
import { MIN_WEIGHT, TriangleWalk } from './triangle.js';

/** ttri's texsrc: the sprite sheet, the map, or the other VRAM bank's screen. */
export const TextureSource = { TILES: 0, MAP: 1, VBANK: 2 } as const;

/** C's FLT_EPSILON: depth is used only when every z is at least this. */
const FLT_EPSILON = 1.1920928955078125e-7;

/** x modulo m, in [0, m): the map and the vbank screen wrap both ways. */
function wrap(x: number, m: number): number {
  const r = x % m;
  return r < 0 ? r + m : r;
}

/** The texel a texture coordinate falls in: floored, then as a C s32 (TIC-80 floors, it does not truncate). */
function texelIndex(coordinate: number): number {
  return toS32(Math.floor(coordinate));
}

/** Where ttri and textri read texels: returns the texel's colour after the palette map, or TRANSPARENT. */
export interface Texture {
  texel(u: number, v: number): number;
}

/** The segment's sheet as one image 128·pages wide and 256 tall; u and v wrap. */
export class SheetTexture implements Texture {
  #seg: Segment = SEGMENTS[2];
  #uMask = sheetImageWidth(this.#seg) - 1;

  readonly #ram: Uint8Array;
  readonly #mapping: Uint8Array;
  constructor(ram: Uint8Array, mapping: Uint8Array) {
    this.#mapping = mapping;
    this.#ram = ram;
  }

  /** Reads the sheet of this blit segment from now on. */
  use(seg: Segment): this {
    this.#seg = seg;
    this.#uMask = sheetImageWidth(seg) - 1;
    return this;
  }

  texel(u: number, v: number): number {
    return this.#mapping[sheetPixel(this.#ram, this.#seg, texelIndex(u) & this.#uMask, texelIndex(v) & 255)];
  }
}

/** The map as one 1920 x 1088 image; cell tiles are local to the segment's bank. */
export class MapTexture implements Texture {
  readonly #tile = new TileRef();
  #seg: Segment = SEGMENTS[2];

  readonly #ram: Uint8Array;
  readonly #mapping: Uint8Array;
  constructor(ram: Uint8Array, mapping: Uint8Array) {
    this.#mapping = mapping;
    this.#ram = ram;
  }

  /** Takes cell tiles from this blit segment's bank from now on. */
  use(seg: Segment): this {
    this.#seg = seg;
    return this;
  }

  texel(u: number, v: number): number {
    const iu = wrap(texelIndex(u), MAP_PIXEL_WIDTH);
    const iv = wrap(texelIndex(v), MAP_PIXEL_HEIGHT);
    const ram = this.#ram;
    this.#tile.locate(this.#seg, ram[MAP_ADDR + (iv >> 3) * MAP_COLUMNS + (iu >> 3)], true);
    return this.#mapping[tilePixel(ram, this.#seg, this.#tile, iu & 7, iv & 7)];
  }
}

/** The screen of the VRAM bank that is not selected, 240 x 136, wrapping. */
export class VbankTexture implements Texture {
  #bank: Uint8Array = new Uint8Array(0);

  readonly #mapping: Uint8Array;
  constructor(mapping: Uint8Array) {
    this.#mapping = mapping;
  }

  /** Reads this 16 KB bank's screen from now on. */
  use(bank: Uint8Array): this {
    this.#bank = bank;
    return this;
  }

  texel(u: number, v: number): number {
    const i = wrap(texelIndex(v), SCREEN_HEIGHT) * SCREEN_WIDTH + wrap(texelIndex(u), SCREEN_WIDTH);
    return this.#mapping[(this.#bank[i >> 1] >> ((i & 1) << 2)) & 15];
  }
}

/** One triangle's vertices: screen x, y, texture u, v and depth z, as C floats. */
export class TexturedVertices {
  readonly x = new Float64Array(3);
  readonly y = new Float64Array(3);
  readonly u = new Float64Array(3);
  readonly v = new Float64Array(3);
  readonly z = new Float64Array(3);

  set(i: number, x: number, y: number, u: number, v: number, z: number): void {
    this.x[i] = toF32(x);
    this.y[i] = toF32(y);
    this.u[i] = toF32(u);
    this.v[i] = toF32(v);
    this.z[i] = toF32(z);
  }

  /** Depth applies only when every z is at least FLT_EPSILON (a z of 0 means "no depth"). */
  hasDepth(): boolean {
    return this.z[0] >= FLT_EPSILON && this.z[1] >= FLT_EPSILON && this.z[2] >= FLT_EPSILON;
  }
}

export class TexturedTriangle {
  readonly #walk = new TriangleWalk();
  readonly #u = new Float64Array(3);
  readonly #v = new Float64Array(3);
  readonly #q = new Float64Array(3);

  readonly #raster: Raster;
  readonly #depthBuffer: Float64Array;
  constructor(raster: Raster, depthBuffer: Float64Array) {
    this.#depthBuffer = depthBuffer;
    this.#raster = raster;
  }

  /**
   * Draws the triangle. With depth, a pixel is drawn only where the buffer holds less than the
   * pixel's 1/z, and an opaque texel stores its 1/z there.
   */
  draw(verts: TexturedVertices, texture: Texture, depth: boolean): void {
    const walk = this.#walk;
    if (!walk.setup(this.#raster, verts.x, verts.y)) return;
    const u = this.#u;
    const v = this.#v;
    const q = this.#q;
    for (let i = 0; i < 3; i++) {
      const at = walk.order[i];
      if (depth) {
        u[i] = verts.u[at] / verts.z[at];
        v[i] = verts.v[at] / verts.z[at];
        q[i] = 1 / verts.z[at];
      } else {
        u[i] = verts.u[at];
        v[i] = verts.v[at];
      }
    }
    const raster = this.#raster;
    const zbuf = this.#depthBuffer;
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
      for (let x = minX, pixel = y * SCREEN_WIDTH + minX; x < maxX; x++, pixel++) {
        if (w0 > MIN_WEIGHT && w1 > MIN_WEIGHT && w2 > MIN_WEIGHT) {
          if (depth) {
            const z = w0 * q[0] + w1 * q[1] + w2 * q[2];
            if (zbuf[pixel] < z) {
              const color = texture.texel((w0 * u[0] + w1 * u[1] + w2 * u[2]) / z, (w0 * v[0] + w1 * v[1] + w2 * v[2]) / z);
              if (color !== TRANSPARENT) {
                zbuf[pixel] = z;
                raster.put(pixel, color);
              }
            }
          } else {
            const color = texture.texel(w0 * u[0] + w1 * u[1] + w2 * u[2], w0 * v[0] + w1 * v[1] + w2 * v[2]);
            if (color !== TRANSPARENT) raster.put(pixel, color);
          }
        }
        w0 += d0x;
        w1 += d1x;
        w2 += d2x;
      }
      s0 += stepY[0];
      s1 += stepY[1];
      s2 += stepY[2];
    }
  }
}
