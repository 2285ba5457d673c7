import { FONT_ADDR, TILES_ADDR } from '../../common/memory-map.js';
// Blit segments (reference §3.6): which sheet, bit depth and page spr/map/font/print read, and
// where sprite `index` lives in RAM. 2 bpp tiles hold two sprites side by side (16 x 8 pixels per
// 32-byte tile), 1 bpp tiles four (32 x 8); "pages" are groups of 16 sprite columns.

export interface Segment {
  readonly bpp: number;
  /** Bank (0 = tiles/bg, 1 = sprites/fg) and page that sprite 0 of this segment lies in. */
  readonly bank: number;
  readonly page: number;
  readonly pages: number;
  /** Sprites per bank and per sheet row. */
  readonly bankSprites: number;
  readonly sheetWidth: number;
  /** Pixels per row of one stored tile. */
  readonly tileWidth: number;
  readonly tileBytes: number;
  readonly base: number;
}

function font(): Segment {
  return { bpp: 1, bank: 0, page: 0, pages: 1, bankSprites: 256, sheetWidth: 16, tileWidth: 8, tileBytes: 8, base: FONT_ADDR };
}

function sheet(bpp: number, bank: number, page: number): Segment {
  const pages = 4 / bpp;
  return { bpp, bank, page, pages, bankSprites: 256 * pages, sheetWidth: 16 * pages, tileWidth: 8 * pages, tileBytes: 32, base: TILES_ADDR };
}

/** Indexed by the low nibble of 0x3FFC. */
export const SEGMENTS: readonly Segment[] = [
  font(),
  font(),
  sheet(4, 0, 0),
  sheet(4, 1, 0),
  sheet(2, 0, 0),
  sheet(2, 0, 1),
  sheet(2, 1, 0),
  sheet(2, 1, 1),
  sheet(1, 0, 0),
  sheet(1, 0, 1),
  sheet(1, 0, 2),
  sheet(1, 0, 3),
  sheet(1, 1, 0),
  sheet(1, 1, 1),
  sheet(1, 1, 2),
  sheet(1, 1, 3),
];

/** font() reads the sheet opposite to the segment's own bank: the segment with its bank bit flipped. */
export function oppositeSegment(segment: number): number {
  let rest = segment >> 1;
  let bankBit = 1;
  while ((rest >>= 1)) bankBit <<= 1;
  return segment ^ bankBit;
}

/** Where one 8 x 8 sprite lives: the RAM address of its stored tile and its pixel column in it. */
export class TileRef {
  addr = 0;
  column = 0;

  /**
   * Locates sprite `index` (an integer >= 0). Global indices (spr) run across pages and banks,
   * wrapping modulo both; local ones (map, font, print) take index & 255 in the segment's own
   * bank and page.
   */
  locate(seg: Segment, index: number, local: boolean): void {
    let bank: number, page: number, row: number, col: number;
    if (local) {
      const i = index & 255;
      bank = seg.bank;
      page = seg.page;
      row = i >> 4;
      col = i & 15;
    } else {
      const inBank = index % seg.bankSprites;
      const x = inBank % seg.sheetWidth;
      bank = (Math.floor(index / seg.bankSprites) + seg.bank) % 2;
      page = (Math.floor(x / 16) + seg.page) % seg.pages;
      row = Math.floor(inBank / seg.sheetWidth);
      col = x % 16;
    }
    const tileInRow = (page * 16) / seg.pages + Math.floor(col / seg.pages);
    this.addr = seg.base + seg.tileBytes * ((bank * 16 + row) * 16 + tileInRow);
    this.column = (col % seg.pages) * 8;
  }
}

/** Decodes the located 8 x 8 sprite into raw (row-major, one value per pixel). */
export function decodeTile(ram: Uint8Array, seg: Segment, tile: TileRef, raw: Uint8Array): void {
  const addr = tile.addr;
  if (seg.bpp === 4 && seg.tileWidth === 8) {
    for (let i = 0; i < 32; i++) {
      const pair = ram[addr + i];
      raw[2 * i] = pair & 15;
      raw[2 * i + 1] = pair >> 4;
    }
    return;
  }
  const bpp = seg.bpp;
  const mask = (1 << bpp) - 1;
  for (let y = 0; y < 8; y++) {
    let bit = (tile.column + y * seg.tileWidth) * bpp;
    for (let x = 0; x < 8; x++, bit += bpp) raw[y * 8 + x] = (ram[addr + (bit >> 3)] >> (bit & 7)) & mask;
  }
}

/** Raw value of pixel (x, y) (each 0..7) of the located 8 x 8 sprite. */
export function tilePixel(ram: Uint8Array, seg: Segment, tile: TileRef, x: number, y: number): number {
  const bit = (tile.column + x + y * seg.tileWidth) * seg.bpp;
  return (ram[tile.addr + (bit >> 3)] >> (bit & 7)) & ((1 << seg.bpp) - 1);
}

/** Width in pixels of the sheet image ttri and textri sample: 128 per page. */
export function sheetImageWidth(seg: Segment): number {
  return 128 * seg.pages;
}

/**
 * Raw value of pixel (x, y) of the segment's sheet image, as ttri and textri sample it (reference
 * §1.1): x in 0..128·pages-1, y in 0..255. The image starts at the segment's own page and bank:
 * rows 0-127 come from the segment's bank and rows 128-255 from the other one, so in the default
 * segment 2 the tiles are on top and the sprites below.
 */
export function sheetPixel(ram: Uint8Array, seg: Segment, x: number, y: number): number {
  const sx = (x + seg.page * 128) & (128 * seg.pages - 1);
  const sy = (y + seg.bank * 128) & 255;
  const tile = ((sy >> 3) << 4) + Math.floor(sx / seg.tileWidth);
  const bit = ((sx & (seg.tileWidth - 1)) + (sy & 7) * seg.tileWidth) * seg.bpp;
  return (ram[seg.base + tile * seg.tileBytes + (bit >> 3)] >> (bit & 7)) & ((1 << seg.bpp) - 1);
}
