// A rectangle of palette indices lifted from the sheet: what select, copy, paste, flip and rotate
// work on.
import { readPixel, writePixel, type SheetView } from './sheet-layout.js';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export class PixelBlock {
  readonly data: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    data?: Uint8Array,
  ) {
    this.data = data ?? new Uint8Array(width * height);
  }

  get(x: number, y: number): number {
    return this.data[y * this.width + x];
  }

  set(x: number, y: number, color: number): void {
    this.data[y * this.width + x] = color;
  }

  flippedHorizontally(): PixelBlock {
    return this.#mapped(this.width, this.height, (x, y) => this.get(this.width - 1 - x, y));
  }

  flippedVertically(): PixelBlock {
    return this.#mapped(this.width, this.height, (x, y) => this.get(x, this.height - 1 - y));
  }

  /** A quarter turn clockwise: the block's left column becomes its top row. */
  rotatedClockwise(): PixelBlock {
    return this.#mapped(this.height, this.width, (x, y) => this.get(y, this.height - 1 - x));
  }

  #mapped(width: number, height: number, source: (x: number, y: number) => number): PixelBlock {
    const out = new PixelBlock(width, height);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) out.set(x, y, source(x, y));
    return out;
  }
}

/** The pixels of `rect` (page coordinates) of the view's page. */
export function readBlock(bytes: Uint8Array, view: SheetView, rect: Rect): PixelBlock {
  const block = new PixelBlock(rect.w, rect.h);
  for (let y = 0; y < rect.h; y++) for (let x = 0; x < rect.w; x++) block.set(x, y, readPixel(bytes, view, rect.x + x, rect.y + y));
  return block;
}

/** Writes the block with its top-left at (x, y), leaving out whatever falls outside `clip`. */
export function writeBlock(bytes: Uint8Array, view: SheetView, block: PixelBlock, x: number, y: number, clip: Rect): void {
  for (let by = 0; by < block.height; by++) {
    for (let bx = 0; bx < block.width; bx++) {
      const px = x + bx;
      const py = y + by;
      if (px < clip.x || py < clip.y || px >= clip.x + clip.w || py >= clip.y + clip.h) continue;
      writePixel(bytes, view, px, py, block.get(bx, by));
    }
  }
}

export function fillRect(bytes: Uint8Array, view: SheetView, rect: Rect, color: number): void {
  for (let y = rect.y; y < rect.y + rect.h; y++) for (let x = rect.x; x < rect.x + rect.w; x++) writePixel(bytes, view, x, y, color);
}
