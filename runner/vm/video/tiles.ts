// spr() and map() (reference §1.1, §3.6): 8 x 8 sprites from the current blit segment's sheet,
// palette-mapped, with colour keys, integer scale, flip and rotation.
import { BLIT_SEGMENT_ADDR, MAP_ADDR, MAP_COLUMNS, MAP_ROWS, PALETTE_MAP_ADDR, SCREEN_WIDTH, TILE_SIZE } from '../../common/memory-map.js';
import { toS32 } from './numeric.js';
import { Orientation } from './orientation.js';
import type { Raster } from './raster.js';
import { decodeTile, SEGMENTS, TileRef, type Segment } from './tilesheet.js';

/** Marks a texel that is not drawn. */
export const TRANSPARENT = 255;
const MAX_COLOR_KEYS = 16;
/**
 * map() calls remap for every cell of a block up to the size of the whole map, visible or not,
 * as TIC-80 does; bigger blocks (which only repeat the wrapped map) visit just the visible cells.
 */
const REMAP_EVERY_CELL_LIMIT = MAP_COLUMNS * MAP_ROWS;

/** map()'s remap callback: (tile, cell x, cell y) -> [tile, flip, rotate]. */
export type RemapFn = (tile: number, x: number, y: number) => readonly [tile: number, flip: number, rotate: number];

/** Index of the first cell of size `step` placed from `origin` that reaches past lo. */
function firstVisible(origin: number, step: number, lo: number): number {
  return Math.max(0, Math.floor((lo - origin) / step));
}

/** End (exclusive) of the first `count` cells that start before hi. */
function endVisible(origin: number, step: number, hi: number, count: number): number {
  return Math.min(count, Math.ceil((hi - origin) / step));
}

function wrap(v: number, n: number): number {
  return ((v % n) + n) % n;
}

export class TilePainter {
  /** The last loaded sprite in drawing order, as final colours or TRANSPARENT. */
  readonly texels = new Uint8Array(TILE_SIZE * TILE_SIZE);
  /** Raw texel value -> colour written (the palette map) or TRANSPARENT (a colour key). */
  readonly mapping = new Uint8Array(16);
  readonly orientation = new Orientation();
  readonly #block = new Orientation();
  readonly #tile = new TileRef();
  readonly #raw = new Uint8Array(TILE_SIZE * TILE_SIZE);

  readonly #raster: Raster;
  constructor(raster: Raster) {
    this.#raster = raster;
  }

  segmentIndex(): number {
    return this.#raster.ram[BLIT_SEGMENT_ADDR] & 15;
  }

  /**
   * Loads the palette map into `mapping` and makes the colour keys transparent. Keys compare raw
   * texel values; like TIC-80's u8 cast, a key is reduced modulo 256, so only 0..15 can match.
   */
  loadMapping(keys: readonly number[]): void {
    const ram = this.#raster.ram;
    const mapping = this.mapping;
    for (let c = 0; c < 16; c++) mapping[c] = (ram[PALETTE_MAP_ADDR + (c >> 1)] >> ((c & 1) << 2)) & 15;
    const count = Math.min(keys.length, MAX_COLOR_KEYS);
    for (let i = 0; i < count; i++) {
      const key = toS32(keys[i]) & 255;
      if (key < 16) mapping[key] = TRANSPARENT;
    }
  }

  /** Fills `texels` from sprite `index` through `orientation` and `mapping`. */
  load(seg: Segment, index: number, local: boolean): void {
    const raw = this.#raw;
    const texels = this.texels;
    const mapping = this.mapping;
    const o = this.orientation;
    const tile = this.#tile;
    tile.locate(seg, index, local);
    if (o.identity && seg.bpp === 4 && seg.tileWidth === TILE_SIZE) {
      const ram = this.#raster.ram;
      for (let i = 0, a = tile.addr; i < TILE_SIZE * TILE_SIZE; i += 2, a++) {
        const pair = ram[a];
        texels[i] = mapping[pair & 15];
        texels[i + 1] = mapping[pair >> 4];
      }
      return;
    }
    decodeTile(this.#raster.ram, seg, tile, raw);
    if (o.identity) {
      for (let i = 0; i < TILE_SIZE * TILE_SIZE; i++) texels[i] = mapping[raw[i]];
      return;
    }
    for (let v = 0; v < TILE_SIZE; v++) {
      for (let u = 0; u < TILE_SIZE; u++) {
        const sx = o.xu * u + o.xv * v + o.x0;
        const sy = o.yu * u + o.yv * v + o.y0;
        texels[v * TILE_SIZE + u] = mapping[raw[sy * TILE_SIZE + sx]];
      }
    }
  }

  /** Draws `texels` with its top-left corner at (x, y), each texel as a scale x scale square. */
  paint(x: number, y: number, scale: number): void {
    const r = this.#raster;
    const texels = this.texels;
    if (scale === 1) {
      if (x >= r.clipL && y >= r.clipT && x + TILE_SIZE <= r.clipR && y + TILE_SIZE <= r.clipB) {
        if ((x & 1) === 0) this.#paintAligned(x, y);
        else this.#paintOdd(x, y);
        return;
      }
      for (let v = 0; v < TILE_SIZE; v++) {
        const py = y + v;
        if (py < r.clipT || py >= r.clipB) continue;
        const row = py * SCREEN_WIDTH + x;
        for (let u = 0; u < TILE_SIZE; u++) {
          const c = texels[v * TILE_SIZE + u];
          if (c !== TRANSPARENT && x + u >= r.clipL && x + u < r.clipR) r.put(row + u, c);
        }
      }
      return;
    }
    for (let v = 0; v < TILE_SIZE; v++) {
      const top = y + v * scale;
      const y0 = Math.max(top, r.clipT);
      const y1 = Math.min(top + scale, r.clipB);
      if (y0 >= y1) continue;
      for (let u = 0; u < TILE_SIZE; u++) {
        const c = texels[v * TILE_SIZE + u];
        if (c === TRANSPARENT) continue;
        const left = x + u * scale;
        r.fillClipped(Math.max(left, r.clipL), y0, Math.min(left + scale, r.clipR), y1, c);
      }
    }
  }

  /** load() then paint(), or both at once for the common case #drawDirect takes. */
  #draw(seg: Segment, index: number, local: boolean, x: number, y: number, scale: number): void {
    const r = this.#raster;
    const direct =
      scale === 1 &&
      this.orientation.identity &&
      seg.bpp === 4 &&
      seg.tileWidth === TILE_SIZE &&
      x >= r.clipL &&
      y >= r.clipT &&
      x + TILE_SIZE <= r.clipR &&
      y + TILE_SIZE <= r.clipB;
    if (direct) {
      this.#tile.locate(seg, index, local);
      if ((x & 1) === 0) this.#drawDirect(this.#tile.addr, x, y);
      else this.#drawDirectOdd(this.#tile.addr, x, y);
      return;
    }
    this.load(seg, index, local);
    this.paint(x, y, scale);
  }

  /**
   * An unturned 4 bpp tile at scale 1, wholly inside the clip, at an even x: each byte of the tile
   * (two texels) becomes one screen byte through `mapping`, with no texels in between.
   */
  #drawDirect(tileAddr: number, x: number, y: number): void {
    const ram = this.#raster.ram;
    const mapping = this.mapping;
    for (let v = 0, t = tileAddr; v < TILE_SIZE; v++) {
      let a = ((y + v) * SCREEN_WIDTH + x) >> 1;
      for (let u = 0; u < TILE_SIZE; u += 2, t++, a++) {
        const pair = ram[t];
        const lo = mapping[pair & 15];
        const hi = mapping[pair >> 4];
        if (lo !== TRANSPARENT && hi !== TRANSPARENT) ram[a] = lo | (hi << 4);
        else if (lo !== TRANSPARENT) ram[a] = (ram[a] & 0xf0) | lo;
        else if (hi !== TRANSPARENT) ram[a] = (ram[a] & 0x0f) | (hi << 4);
      }
    }
  }

  /** #drawDirect at an odd x: the screen bytes take the high texel of one tile byte and the low one of the next. */
  #drawDirectOdd(tileAddr: number, x: number, y: number): void {
    const ram = this.#raster.ram;
    const mapping = this.mapping;
    const rowBytes = TILE_SIZE / 2;
    for (let v = 0, t = tileAddr; v < TILE_SIZE; v++, t += rowBytes) {
      let a = ((y + v) * SCREEN_WIDTH + x) >> 1;
      const first = mapping[ram[t] & 15];
      if (first !== TRANSPARENT) ram[a] = (ram[a] & 0x0f) | (first << 4);
      a++;
      for (let k = 0; k < rowBytes - 1; k++, a++) {
        const lo = mapping[ram[t + k] >> 4];
        const hi = mapping[ram[t + k + 1] & 15];
        if (lo !== TRANSPARENT && hi !== TRANSPARENT) ram[a] = lo | (hi << 4);
        else if (lo !== TRANSPARENT) ram[a] = (ram[a] & 0xf0) | lo;
        else if (hi !== TRANSPARENT) ram[a] = (ram[a] & 0x0f) | (hi << 4);
      }
      const last = mapping[ram[t + rowBytes - 1] >> 4];
      if (last !== TRANSPARENT) ram[a] = (ram[a] & 0xf0) | last;
    }
  }

  /** paint() at scale 1 of a tile wholly inside the clip at an even x: texel pairs share a byte. */
  #paintAligned(x: number, y: number): void {
    const ram = this.#raster.ram;
    const texels = this.texels;
    for (let v = 0, t = 0; v < TILE_SIZE; v++) {
      let a = ((y + v) * SCREEN_WIDTH + x) >> 1;
      for (let u = 0; u < TILE_SIZE; u += 2, t += 2, a++) {
        const lo = texels[t];
        const hi = texels[t + 1];
        if (lo !== TRANSPARENT && hi !== TRANSPARENT) ram[a] = lo | (hi << 4);
        else if (lo !== TRANSPARENT) ram[a] = (ram[a] & 0xf0) | lo;
        else if (hi !== TRANSPARENT) ram[a] = (ram[a] & 0x0f) | (hi << 4);
      }
    }
  }

  /**
   * paint() at scale 1 of a tile wholly inside the clip at an odd x: each row's first texel is the
   * high half of a byte, the next texel pairs share bytes, and the last is the low half of a byte.
   */
  #paintOdd(x: number, y: number): void {
    const ram = this.#raster.ram;
    const texels = this.texels;
    for (let v = 0, t = 0; v < TILE_SIZE; v++, t += TILE_SIZE) {
      let a = ((y + v) * SCREEN_WIDTH + x) >> 1;
      const first = texels[t];
      if (first !== TRANSPARENT) ram[a] = (ram[a] & 0x0f) | (first << 4);
      a++;
      for (let u = 1; u < TILE_SIZE - 1; u += 2, a++) {
        const lo = texels[t + u];
        const hi = texels[t + u + 1];
        if (lo !== TRANSPARENT && hi !== TRANSPARENT) ram[a] = lo | (hi << 4);
        else if (lo !== TRANSPARENT) ram[a] = (ram[a] & 0xf0) | lo;
        else if (hi !== TRANSPARENT) ram[a] = (ram[a] & 0x0f) | (hi << 4);
      }
      const last = texels[t + TILE_SIZE - 1];
      if (last !== TRANSPARENT) ram[a] = (ram[a] & 0xf0) | last;
    }
  }

  /** spr(): integer arguments; the w x h block of sprites is flipped and rotated as one image. */
  sprite(id: number, x: number, y: number, keys: readonly number[], scale: number, flip: number, rotate: number, w: number, h: number): void {
    // A scale below 1 only paints empty rectangles in TIC-80.
    if (id < 0 || scale < 1 || w < 1 || h < 1) return;
    const r = this.#raster;
    const step = TILE_SIZE * scale;
    // TIC-80 tests the unrotated block size against the clip before drawing a composite sprite,
    // so a rotated non-square block that sticks out above or left of the clip is not drawn.
    const composite = w !== 1 || h !== 1;
    if (composite && (y + h * step - 1 < r.clipT || x + w * step - 1 < r.clipL || y >= r.clipB || x >= r.clipR)) return;
    flip &= 3;
    rotate &= 3;
    const seg = SEGMENTS[this.segmentIndex()];
    this.loadMapping(keys);
    this.orientation.set(TILE_SIZE, TILE_SIZE, flip, rotate);
    const block = this.#block;
    block.set(w, h, flip, rotate);
    const cols = rotate & 1 ? h : w;
    const rows = rotate & 1 ? w : h;
    const colEnd = endVisible(x, step, r.clipR, cols);
    const rowEnd = endVisible(y, step, r.clipB, rows);
    for (let cv = firstVisible(y, step, r.clipT); cv < rowEnd; cv++) {
      for (let cu = firstVisible(x, step, r.clipL); cu < colEnd; cu++) {
        const mx = block.xu * cu + block.xv * cv + block.x0;
        const my = block.yu * cu + block.yv * cv + block.y0;
        this.#draw(seg, id + mx + my * seg.sheetWidth, false, x + cu * step, y + cv * step, scale);
      }
    }
  }

  /** map(): integer arguments; cells wrap around the 240 x 136 map, tiles are local to the segment's bank. */
  map(x: number, y: number, w: number, h: number, sx: number, sy: number, keys: readonly number[], scale: number, remap?: RemapFn): void {
    const r = this.#raster;
    const size = TILE_SIZE * scale;
    let col0 = 0,
      colEnd = w,
      row0 = 0,
      rowEnd = h;
    if (remap === undefined || w * h > REMAP_EVERY_CELL_LIMIT) {
      if (scale < 1) return;
      col0 = firstVisible(sx, size, r.clipL);
      colEnd = endVisible(sx, size, r.clipR, w);
      row0 = firstVisible(sy, size, r.clipT);
      rowEnd = endVisible(sy, size, r.clipB, h);
    }
    const ram = r.ram;
    const seg = SEGMENTS[this.segmentIndex()];
    this.loadMapping(keys);
    for (let j = row0; j < rowEnd; j++) {
      const cellY = wrap(y + j, MAP_ROWS);
      const py = sy + j * size;
      for (let i = col0; i < colEnd; i++) {
        const cellX = wrap(x + i, MAP_COLUMNS);
        let tile = ram[MAP_ADDR + cellY * MAP_COLUMNS + cellX];
        let flip = 0,
          rotate = 0;
        if (remap !== undefined) {
          const result = remap(tile, cellX, cellY);
          tile = toS32(result[0]);
          flip = toS32(result[1]);
          rotate = toS32(result[2]);
        }
        const px = sx + i * size;
        if (scale < 1 || px >= r.clipR || py >= r.clipB || px + size <= r.clipL || py + size <= r.clipT) continue;
        this.orientation.set(TILE_SIZE, TILE_SIZE, flip & 3, rotate & 3);
        this.#draw(seg, tile, true, px, py, scale);
      }
    }
  }
}
