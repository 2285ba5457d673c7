// print() and font() (reference §1.1): one 8 x 8 sprite per character code, trimmed to its used
// columns unless fixed, advancing by trimmed width + 1 (or the fixed advance for fixed text and
// empty glyphs). Text holds one byte per character; a NUL byte ends it, as in C.
import { FONT_ADDR, SCREEN_WIDTH } from '../../common/memory-map.js';
import type { Raster } from './raster.js';
import { TilePainter, TRANSPARENT } from './tiles.js';
import type { Segment } from './tilesheet.js';

const GLYPH_SIZE = 8;
const NEWLINE = 10;
/** alt selects the second half of the 256 glyph slots. */
const ALT_GLYPHS = 128;

export interface TextStyle {
  seg: Segment;
  /** Advance of fixed text and of empty glyphs, before scale. */
  advance: number;
  lineHeight: number;
  fixed: boolean;
  scale: number;
  alt: boolean;
}

const GLYPH_SLOTS = 2 * 256;
const GLYPH_TEXELS = GLYPH_SIZE * GLYPH_SIZE;
/**
 * Each glyph slot's texels and trimmed column range (start in the low byte, end above), decoded at
 * most once per call: a slot is valid when its stamp is the call's. Font bytes cannot change
 * during a call, so a glyph repeated in a text is decoded once.
 */
const glyphTexels = new Uint8Array(GLYPH_SLOTS * GLYPH_TEXELS);
const spans = new Int16Array(GLYPH_SLOTS);
const stamps = new Uint32Array(GLYPH_SLOTS);
let call = 0;

/**
 * The pen's walk over a text, for print() and font() alike: `glyph` draws character `code` (not NUL
 * or a newline) with its left edge at (pos, y) and returns its trimmed width; the pen then moves on
 * by that width + 1, or by the fixed advance for fixed text and empty glyphs. A newline starts the
 * next line; a NUL ends the text. Returns the widest line's width in pixels.
 */
function layText(
  text: string,
  x: number,
  y: number,
  style: Pick<TextStyle, 'advance' | 'lineHeight' | 'fixed' | 'scale'>,
  glyph: (code: number, pos: number, y: number) => number,
): number {
  const { advance, lineHeight, fixed, scale } = style;
  let pos = x;
  let widest = x;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i) & 255;
    if (code === 0) break;
    if (code === NEWLINE) {
      if (pos > widest) widest = pos;
      pos = x;
      y += lineHeight * scale;
      continue;
    }
    const width = glyph(code, pos, y);
    pos += (!fixed && width > 0 ? width + 1 : advance) * scale;
  }
  return pos > widest ? pos - x : widest - x;
}

/**
 * print(): the system font's glyphs (FONT_ADDR, 1 bit a pixel, a byte a row, the lowest bit on the
 * left) drawn in one colour, `ink` (TRANSPARENT draws nothing). Each glyph's bytes are its pixel
 * mask already, so they are read as they are instead of decoded into texels as drawText does.
 */
export function printText(raster: Raster, text: string, x: number, y: number, ink: number, style: Omit<TextStyle, 'seg'>): number {
  const { fixed, scale, alt } = style;
  const ram = raster.ram;
  return layText(text, x, y, style, (code, pos, top) => {
    const at = FONT_ADDR + ((((alt ? ALT_GLYPHS : 0) + code) & 255) << 3);
    let start = 0;
    let width = GLYPH_SIZE;
    if (!fixed) {
      // Trimmed as drawn: in a transparent ink every pixel is transparent, and the glyph is empty.
      let used = 0;
      if (ink !== TRANSPARENT) for (let row = 0; row < GLYPH_SIZE; row++) used |= ram[at + row];
      start = used === 0 ? GLYPH_SIZE : 31 - Math.clz32(used & -used);
      width = used === 0 ? 0 : 32 - Math.clz32(used) - start;
    }
    if (ink === TRANSPARENT || !glyphVisible(raster, pos, width * scale, top, GLYPH_SIZE * scale)) return width;
    const inside = scale === 1 && glyphInside(raster, pos, width, top);
    for (let row = 0; row < GLYPH_SIZE; row++) {
      const rowTop = top + row * scale;
      for (let bits = ram[at + row] >> start, left = pos; bits !== 0; bits >>= 1, left += scale) {
        if ((bits & 1) === 0) continue;
        if (inside) raster.put(rowTop * SCREEN_WIDTH + left, ink);
        else raster.fillRect(left, rowTop, scale, scale, ink);
      }
    }
    return width;
  });
}

/** Glyphs wholly outside the clip rectangle only advance the pen: long texts stay cheap. */
function glyphVisible(raster: Raster, x: number, width: number, y: number, height: number): boolean {
  return x < raster.clipR && x + width > raster.clipL && y < raster.clipB && y + height > raster.clipT;
}

/** A glyph wholly inside the clip at scale 1 needs no clipping per pixel. */
function glyphInside(raster: Raster, x: number, width: number, y: number): boolean {
  return x >= raster.clipL && x + width <= raster.clipR && y >= raster.clipT && y + GLYPH_SIZE <= raster.clipB;
}

/** font(): glyphs from a sprite sheet, drawn through `tiles.mapping`; returns the widest line's width in pixels. */
export function drawText(raster: Raster, tiles: TilePainter, text: string, x: number, y: number, style: TextStyle): number {
  const { seg, fixed, scale, alt } = style;
  const texels = tiles.texels;
  tiles.orientation.set(GLYPH_SIZE, GLYPH_SIZE, 0, 0);
  call = (call + 1) >>> 0;
  if (call === 0) {
    stamps.fill(0);
    call = 1;
  }
  return layText(text, x, y, style, (code, pos, top) => {
    const glyph = (alt ? ALT_GLYPHS : 0) + code;
    const at = glyph * GLYPH_TEXELS;
    if (stamps[glyph] !== call) {
      tiles.load(seg, glyph, true);
      glyphTexels.set(texels, at);
      let start = 0;
      let end = GLYPH_SIZE;
      if (!fixed) {
        while (start < GLYPH_SIZE && columnEmpty(texels, start)) start++;
        while (end > start && columnEmpty(texels, end - 1)) end--;
      }
      spans[glyph] = start | (end << 8);
      stamps[glyph] = call;
    }
    const span = spans[glyph];
    const start = span & 255;
    const end = span >> 8;
    const width = end - start;
    if (!glyphVisible(raster, pos, width * scale, top, GLYPH_SIZE * scale)) return width;
    const inside = scale === 1 && glyphInside(raster, pos, width, top);
    for (let col = start; col < end; col++) {
      const left = pos + (col - start) * scale;
      for (let row = 0; row < GLYPH_SIZE; row++) {
        const c = glyphTexels[at + row * GLYPH_SIZE + col];
        if (c === TRANSPARENT) continue;
        if (inside) raster.put((top + row) * SCREEN_WIDTH + left, c);
        else raster.fillRect(left, top + row * scale, scale, scale, c);
      }
    }
    return width;
  });
}

function columnEmpty(texels: Uint8Array, col: number): boolean {
  for (let row = 0; row < GLYPH_SIZE; row++) if (texels[row * GLYPH_SIZE + col] !== TRANSPARENT) return false;
  return true;
}
