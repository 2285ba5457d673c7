import { PALETTE_MAP_ADDR, SCREEN_BYTES, SCREEN_HEIGHT, SCREEN_WIDTH } from '../../common/memory-map.js';
// The 4-bpp screen of the current VRAM bank with its clip rectangle: the pixel writes every
// primitive shares (reference §1.1, §3.1). Coordinates here are integers already.

export class Raster {
  /** Clip rectangle [clipL, clipR) x [clipT, clipB). Left/top may exceed right/bottom (empty). */
  clipL = 0;
  clipT = 0;
  clipR = SCREEN_WIDTH;
  clipB = SCREEN_HEIGHT;

  constructor(readonly ram: Uint8Array) {}

  /** clip(x, y, w, h): only the screen-side ends are clamped, as TIC-80 does. */
  setClip(x: number, y: number, w: number, h: number): void {
    this.clipL = Math.max(x, 0);
    this.clipT = Math.max(y, 0);
    // x + w wraps in s32 as in TIC-80: clip(-2^31, 0, -1, h) reaches the right edge.
    this.clipR = Math.min((x + w) | 0, SCREEN_WIDTH);
    this.clipB = Math.min((y + h) | 0, SCREEN_HEIGHT);
  }

  resetClip(): void {
    this.setClip(0, 0, SCREEN_WIDTH, SCREEN_HEIGHT);
  }

  isFullScreenClip(): boolean {
    return this.clipL === 0 && this.clipT === 0 && this.clipR === SCREEN_WIDTH && this.clipB === SCREEN_HEIGHT;
  }

  /** The palette map entry (0..15) for the low 4 bits of color. */
  mapColor(color: number): number {
    const c = color & 15;
    const pair = this.ram[PALETTE_MAP_ADDR + (c >> 1)];
    return c & 1 ? pair >> 4 : pair & 15;
  }

  /** The raw 4-bit value at (x, y); the caller checks the screen bounds. */
  nibble(x: number, y: number): number {
    const i = y * SCREEN_WIDTH + x;
    return (this.ram[i >> 1] >> ((i & 1) << 2)) & 15;
  }

  /** Sets one pixel to color (0..15) if it lies inside the clip rectangle. */
  plot(x: number, y: number, color: number): void {
    if (x < this.clipL || x >= this.clipR || y < this.clipT || y >= this.clipB) return;
    this.put(y * SCREEN_WIDTH + x, color);
  }

  /** Fills [x, x + w) x [y, y + h), clipped. */
  fillRect(x: number, y: number, w: number, h: number, color: number): void {
    this.fillClipped(Math.max(x, this.clipL), Math.max(y, this.clipT), Math.min(x + w, this.clipR), Math.min(y + h, this.clipB), color);
  }

  /** Fills [x0, x1) x [y0, y1), which the caller has already clipped. */
  fillClipped(x0: number, y0: number, x1: number, y1: number, color: number): void {
    if (x0 >= x1) return;
    for (let y = y0; y < y1; y++) this.span(y, x0, x1, color);
  }

  /** Fills pixels [x0, x1) of row y, already clipped; whole bytes in the middle are filled at once. */
  span(y: number, x0: number, x1: number, color: number): void {
    let i = y * SCREEN_WIDTH + x0;
    const end = y * SCREEN_WIDTH + x1;
    if (i >= end) return;
    if (i & 1) this.put(i++, color);
    const pairsEnd = end & ~1;
    if (pairsEnd > i) {
      this.ram.fill(color | (color << 4), i >> 1, pairsEnd >> 1);
      i = pairsEnd;
    }
    if (i < end) this.put(i, color);
  }

  /** Fills the whole screen area of VRAM. */
  fillScreen(color: number): void {
    this.ram.fill(color | (color << 4), 0, SCREEN_BYTES);
  }

  /** Sets pixel index i (y * 240 + x), which the caller has already clipped. */
  put(i: number, color: number): void {
    const ram = this.ram;
    const a = i >> 1;
    ram[a] = i & 1 ? (ram[a] & 0x0f) | (color << 4) : (ram[a] & 0xf0) | color;
  }
}
