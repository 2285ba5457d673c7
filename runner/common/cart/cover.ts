// The picture of a PNG cart (reference 5.c): bank 0's screen at (8, 8) in the palette it runs with, then
// the title (white, scale 2) and "by <author>" (grey) in a 224 x 40 label at (16, 162), drawn
// with the console's system font in SWEETIE-16 colours. TIC-80 starts from a template picture
// of a cartridge; this one draws a plain frame of its own instead.
import { SYSTEM_FONT } from '../font-data.js';
import { SWEETIE_16 } from '../default-palette.js';
import { SCREEN_HEIGHT, SCREEN_WIDTH } from '../memory-map.js';
import type { Cart } from './cart.js';
import { runningPalettes } from './defaults.js';
import { metaTag } from './meta-tags.js';

export const COVER_SIZE = 256;
const SCREEN_X = 8;
const SCREEN_Y = 8;
const LABEL = { x: 16, y: 162, width: 224, height: 40 };
/** SWEETIE-16 colour ids (reference 3.2). */
const BLACK = 0;
const WHITE = 12;
const GREY = 14;
const DARK_GREY = 15;
const GLYPH_SIZE = 8;
const GLYPH_COUNT = SYSTEM_FONT.length / GLYPH_SIZE;
/** Advance of a glyph with no pixels (the space), as print() uses: the font's cell width. */
const EMPTY_GLYPH_ADVANCE = 6;
const TITLE_SCALE = 2;
const AUTHOR_GAP = 4;

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

class Picture {
  readonly rgba = new Uint8Array(COVER_SIZE * COVER_SIZE * 4);

  set(x: number, y: number, palette: Uint8Array, color: number): void {
    const i = (y * COVER_SIZE + x) * 4;
    this.rgba.set(palette.subarray(color * 3, color * 3 + 3), i);
    this.rgba[i + 3] = 0xff;
  }

  fill(rect: Rect, color: number): void {
    for (let y = rect.y; y < rect.y + rect.height; y++) for (let x = rect.x; x < rect.x + rect.width; x++) this.set(x, y, SWEETIE_16, color);
  }

  /** Text as print() lays it out (proportional, one pixel between glyphs), cut at the clip rectangle. */
  text(text: string, x: number, y: number, color: number, scale: number, clip: Rect): void {
    for (const char of text) {
      const code = char.codePointAt(0)!;
      const glyph = code < GLYPH_COUNT ? SYSTEM_FONT.subarray(code * GLYPH_SIZE, (code + 1) * GLYPH_SIZE) : new Uint8Array(GLYPH_SIZE);
      const columns = glyph.reduce((bits, row) => bits | row, 0);
      if (columns === 0) {
        x += EMPTY_GLYPH_ADVANCE * scale;
        continue;
      }
      const first = 31 - Math.clz32(columns & -columns);
      const last = 31 - Math.clz32(columns);
      for (let row = 0; row < GLYPH_SIZE; row++) {
        for (let col = first; col <= last; col++) {
          if ((glyph[row] >> col) & 1) this.#block(x + (col - first) * scale, y + row * scale, scale, color, clip);
        }
      }
      x += (last - first + 2) * scale;
    }
  }

  #block(x: number, y: number, scale: number, color: number, clip: Rect): void {
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < scale; dx++) {
        const px = x + dx;
        const py = y + dy;
        if (px >= clip.x && px < clip.x + clip.width && py >= clip.y && py < clip.y + clip.height) this.set(px, py, SWEETIE_16, color);
      }
    }
  }
}

/** The 256 x 256 RGBA cover of a cart. */
export function drawCover(cart: Cart): Uint8Array {
  const picture = new Picture();
  picture.fill({ x: 0, y: 0, width: COVER_SIZE, height: COVER_SIZE }, DARK_GREY);
  picture.fill({ x: SCREEN_X - 1, y: LABEL.y - 8, width: SCREEN_WIDTH + 2, height: LABEL.height + 16 }, BLACK);
  const bank0 = cart.banks[0];
  const palette = runningPalettes(bank0);
  for (let y = 0; y < SCREEN_HEIGHT; y++) {
    for (let x = 0; x < SCREEN_WIDTH; x++) {
      const i = y * SCREEN_WIDTH + x;
      // Even x is the low nibble (reference 3.1).
      const color = (bank0.screen[i >> 1] >> ((i & 1) * 4)) & 0x0f;
      picture.set(SCREEN_X + x, SCREEN_Y + y, palette, color);
    }
  }
  const title = metaTag(cart.code, 'title');
  const author = metaTag(cart.code, 'author');
  if (title) picture.text(title, LABEL.x, LABEL.y, WHITE, TITLE_SCALE, LABEL);
  if (author) picture.text(`by ${author}`, LABEL.x, LABEL.y + GLYPH_SIZE * TITLE_SCALE + AUTHOR_GAP, GREY, 1, LABEL);
  return picture.rgba;
}
