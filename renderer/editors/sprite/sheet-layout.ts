// Where a pixel of the sprite sheet lives in the TILES or SPRITES section, in each bit depth
// (reference 3.6). One 32-byte tile holds 8 rows of 8·pages pixels, the left one in the low bits,
// and the 16 x 16 tiles of a section form an image 128·pages pixels wide: a page is a 128-pixel
// column of it, 16 x 16 sprites of 8 x 8, as TIC-80's editor shows it.

export type SheetSection = 'tiles' | 'sprites';
export type Bpp = 4 | 2 | 1;

export interface SheetView {
  section: SheetSection;
  bpp: Bpp;
  page: number;
}

/** Pixels across and down one page. */
export const PAGE_PIXELS = 128;
/** Sprites across and down one page. */
export const PAGE_SPRITES = 16;
export const SPRITE_PIXELS = 8;

export function pageCount(bpp: Bpp): number {
  return 4 / bpp;
}

export function colorCount(bpp: Bpp): number {
  return 1 << bpp;
}

/** The bit where pixel (x, y) of the view's page starts, counted from the start of the section. */
function bitOf(view: SheetView, x: number, y: number): number {
  const tileWidth = SPRITE_PIXELS * pageCount(view.bpp);
  const sheetX = x + view.page * PAGE_PIXELS;
  const tile = (y >> 3) * PAGE_SPRITES + Math.floor(sheetX / tileWidth);
  return tile * 256 + ((sheetX % tileWidth) + (y & 7) * tileWidth) * view.bpp;
}

export function readPixel(bytes: Uint8Array, view: SheetView, x: number, y: number): number {
  const bit = bitOf(view, x, y);
  return (bytes[bit >> 3] >> (bit & 7)) & (colorCount(view.bpp) - 1);
}

export function writePixel(bytes: Uint8Array, view: SheetView, x: number, y: number, color: number): void {
  const bit = bitOf(view, x, y);
  const mask = (colorCount(view.bpp) - 1) << (bit & 7);
  bytes[bit >> 3] = (bytes[bit >> 3] & ~mask) | ((color << (bit & 7)) & mask);
}

/**
 * The id spr() draws this sprite with under the view's bg-first, page-0 blit segment (2, 4 or 8):
 * ids run across every page of a row, tiles first, then sprites.
 */
export function spriteId(view: SheetView, col: number, row: number): number {
  const pages = pageCount(view.bpp);
  const sectionStart = view.section === 'sprites' ? 256 * pages : 0;
  return sectionStart + row * PAGE_SPRITES * pages + view.page * PAGE_SPRITES + col;
}

/** The flags byte of a 4 bpp sprite: tiles are 0-255, sprites 256-511. */
export function flagIndex(section: SheetSection, col: number, row: number): number {
  return (section === 'sprites' ? 256 : 0) + row * PAGE_SPRITES + col;
}
