// The video chip of the cart machine: TIC-80's drawing API over the console RAM, the second VRAM
// bank, and composition of the output frame (reference §1.1, §3). Integer parameters are
// converted like TIC-80's C code does (see toS32), so any number is accepted; every call's cost
// is bounded by the clip area or its own input size, whatever the arguments.
import {
  ALT_FONT_ADDR,
  ALT_FONT_PARAMS_ADDR,
  FONT_ADDR,
  FONT_PARAMS_ADDR,
  FONT_PARAMS_BYTES,
  PALETTE_ADDR,
  PALETTE_BYTES,
  RAM_BYTES,
  SCREEN_HEIGHT,
  SCREEN_PIXELS,
  SCREEN_WIDTH,
  VRAM_BYTES,
} from '../../common/memory-map.js';
import type { CompactFrameWriter } from '../../common/compact-frame.js';
import { FrameRecorder, type RowCallbacks, type VramBanks } from './blit.js';
import { EllipsePainter } from './ellipse.js';
import { ALT_FONT, SYSTEM_FONT } from '../../common/font-data.js';
import { drawLine } from './line.js';
import { toS32 } from './numeric.js';
import { SeedFill } from './paint.js';
import { Raster } from './raster.js';
import { DeprecatedTexturedTriangle } from './textri.js';
import { TilePainter, TRANSPARENT, type RemapFn } from './tiles.js';
import { SEGMENTS, oppositeSegment } from './tilesheet.js';
import { drawText, printText } from './text.js';
import { fillTriangle } from './triangle.js';
import { MapTexture, SheetTexture, TexturedTriangle, TexturedVertices, TextureSource, VbankTexture, type Texture } from './ttri.js';
import { SWEETIE_16 } from '../../common/default-palette.js';
import { resetVramBank } from './vram.js';

export type { RowCallbacks } from './blit.js';
export type { RemapFn } from './tiles.js';

const FONT_CELL = [6, 6];
const ALT_FONT_CELL = [4, 6];

export class Video implements VramBanks {
  /** ttri's depth buffer (one 1/z per screen pixel), cleared by cls. */
  readonly depth = new Float64Array(SCREEN_PIXELS);
  readonly #raster: Raster;
  readonly #tiles: TilePainter;
  readonly #ellipses: EllipsePainter;
  readonly #frame: FrameRecorder;
  readonly #texturedTriangle: TexturedTriangle;
  readonly #deprecatedTriangle: DeprecatedTexturedTriangle;
  readonly #vertices = new TexturedVertices();
  readonly #sheetTexture: SheetTexture;
  readonly #mapTexture: MapTexture;
  readonly #vbankTexture: VbankTexture;
  readonly #seedFill: SeedFill;
  /** The first 16 KB of RAM: the selected bank. */
  readonly #ramVram: Uint8Array;
  /** The bank that is not selected. */
  readonly #otherVram = new Uint8Array(VRAM_BYTES);
  readonly #swapBuffer = new Uint8Array(VRAM_BYTES);
  #vbankId = 0;
  /**
   * Switches and resets so far: the only ways vbank 1's screen or transparent colour change while
   * it is not the selected bank (hosts write only palettes there, through bankPalette).
   */
  #bank1Changes = 0;

  readonly #ram: Uint8Array;
  constructor(ram: Uint8Array) {
    this.#ram = ram;
    if (ram.length !== RAM_BYTES) throw new RangeError(`console RAM must be ${RAM_BYTES} bytes, got ${ram.length}`);
    // The frame recorder reads VRAM four bytes at a time.
    if (ram.byteOffset % 4 !== 0) throw new RangeError(`console RAM must start at a multiple of 4 bytes, got offset ${ram.byteOffset}`);
    this.#raster = new Raster(ram);
    this.#tiles = new TilePainter(this.#raster);
    this.#ellipses = new EllipsePainter(this.#raster);
    this.#frame = new FrameRecorder(this);
    this.#ramVram = ram.subarray(0, VRAM_BYTES);
    this.#texturedTriangle = new TexturedTriangle(this.#raster, this.depth);
    this.#deprecatedTriangle = new DeprecatedTexturedTriangle(this.#raster);
    const mapping = this.#tiles.mapping;
    this.#sheetTexture = new SheetTexture(ram, mapping);
    this.#mapTexture = new MapTexture(ram, mapping);
    this.#vbankTexture = new VbankTexture(mapping);
    this.#seedFill = new SeedFill(this.#raster);
  }

  /**
   * Resets the video state as TIC-80's reset does: the clip rectangle, bank 0 selected without
   * swapping (the RAM's current bank keeps its pixels and becomes bank 0), the other bank cleared,
   * both banks' registers reset with `palette` (default SWEETIE-16; bank 1 takes `vbank1Palette`
   * when given and not all zero), the fonts and their cell sizes written, the depth buffer cleared.
   */
  resetRam(palette: Uint8Array = SWEETIE_16, vbank1Palette?: Uint8Array): void {
    this.#raster.resetClip();
    this.#vbankId = 0;
    this.#bank1Changes++;
    this.#otherVram.fill(0);
    resetVramBank(this.#ramVram, palette);
    const useOwn = vbank1Palette !== undefined && vbank1Palette.subarray(0, PALETTE_BYTES).some((b) => b !== 0);
    resetVramBank(this.#otherVram, useOwn ? vbank1Palette : palette);
    this.loadFonts();
    this.depth.fill(0);
  }

  /** Writes the system and small fonts and their cell sizes into RAM. */
  loadFonts(): void {
    const ram = this.#ram;
    ram.set(SYSTEM_FONT, FONT_ADDR);
    ram.fill(0, FONT_PARAMS_ADDR, FONT_PARAMS_ADDR + FONT_PARAMS_BYTES);
    ram.set(FONT_CELL, FONT_PARAMS_ADDR);
    ram.set(ALT_FONT, ALT_FONT_ADDR);
    ram.fill(0, ALT_FONT_PARAMS_ADDR, ALT_FONT_PARAMS_ADDR + FONT_PARAMS_BYTES);
    ram.set(ALT_FONT_CELL, ALT_FONT_PARAMS_ADDR);
  }

  cls(color: number): void {
    const r = this.#raster;
    const c = r.mapColor(toS32(color));
    if (r.isFullScreenClip()) {
      r.fillScreen(c);
      this.depth.fill(0);
      return;
    }
    r.fillRect(r.clipL, r.clipT, r.clipR - r.clipL, r.clipB - r.clipT, c);
    for (let y = r.clipT; y < r.clipB; y++) {
      if (r.clipL < r.clipR) this.depth.fill(0, y * SCREEN_WIDTH + r.clipL, y * SCREEN_WIDTH + r.clipR);
    }
  }

  pix(x: number, y: number, color: number): void {
    const r = this.#raster;
    r.plot(toS32(x), toS32(y), r.mapColor(toS32(color)));
  }

  /** The raw 4-bit value at (x, y), 0 off screen; the clip rectangle does not apply. */
  getPix(x: number, y: number): number {
    x = toS32(x);
    y = toS32(y);
    if (x < 0 || y < 0 || x >= SCREEN_WIDTH || y >= SCREEN_HEIGHT) return 0;
    return this.#raster.nibble(x, y);
  }

  /** Float coordinates. */
  line(x0: number, y0: number, x1: number, y1: number, color: number): void {
    drawLine(this.#raster, x0, y0, x1, y1, this.#raster.mapColor(toS32(color)));
  }

  rect(x: number, y: number, w: number, h: number, color: number): void {
    const r = this.#raster;
    r.fillRect(toS32(x), toS32(y), toS32(w), toS32(h), r.mapColor(toS32(color)));
  }

  /** Top and bottom rows, then left and right columns; with h <= 0 or w <= 0 some of them still show. */
  rectb(x: number, y: number, w: number, h: number, color: number): void {
    const r = this.#raster;
    x = toS32(x);
    y = toS32(y);
    w = toS32(w);
    h = toS32(h);
    const c = r.mapColor(toS32(color));
    r.fillRect(x, y, w, 1, c);
    r.fillRect(x, y + h - 1, w, 1, c);
    r.fillRect(x, y, 1, h, c);
    r.fillRect(x + w - 1, y, 1, h, c);
  }

  circ(x: number, y: number, radius: number, color: number): void {
    this.#ellipse(x, y, radius, radius, color, true);
  }

  circb(x: number, y: number, radius: number, color: number): void {
    this.#ellipse(x, y, radius, radius, color, false);
  }

  elli(x: number, y: number, a: number, b: number, color: number): void {
    this.#ellipse(x, y, a, b, color, true);
  }

  ellib(x: number, y: number, a: number, b: number, color: number): void {
    this.#ellipse(x, y, a, b, color, false);
  }

  /** Float vertices. */
  tri(x1: number, y1: number, x2: number, y2: number, x3: number, y3: number, color: number): void {
    fillTriangle(this.#raster, x1, y1, x2, y2, x3, y3, this.#raster.mapColor(toS32(color)));
  }

  /** Float vertices: three lines. */
  trib(x1: number, y1: number, x2: number, y2: number, x3: number, y3: number, color: number): void {
    const c = this.#raster.mapColor(toS32(color));
    drawLine(this.#raster, x1, y1, x2, y2, c);
    drawLine(this.#raster, x2, y2, x3, y3, c);
    drawLine(this.#raster, x3, y3, x1, y1, c);
  }

  /**
   * Textured triangle from float vertices and texture coordinates. texsrc: 0 sheet, 1 map, 2 the
   * other VRAM bank (other values draw nothing). Chroma keys are raw texel values. withDepth asks
   * for perspective-correct depth; it applies only when every z is at least FLT_EPSILON.
   */
  ttri(
    x1: number,
    y1: number,
    x2: number,
    y2: number,
    x3: number,
    y3: number,
    u1: number,
    v1: number,
    u2: number,
    v2: number,
    u3: number,
    v3: number,
    texsrc: number,
    chromakey: readonly number[],
    z1: number,
    z2: number,
    z3: number,
    withDepth: boolean,
  ): void {
    const texture = this.#texture(texsrc);
    if (texture === undefined) return;
    const verts = this.#vertices;
    verts.set(0, x1, y1, u1, v1, z1);
    verts.set(1, x2, y2, u2, v2, z2);
    verts.set(2, x3, y3, u3, v3, z3);
    this.#tiles.loadMapping(chromakey);
    this.#texturedTriangle.draw(verts, texture, withDepth && verts.hasDepth());
  }

  /** The deprecated textri: scanline texturing from the sheet, or from the map when useMap. */
  textri(
    x1: number,
    y1: number,
    x2: number,
    y2: number,
    x3: number,
    y3: number,
    u1: number,
    v1: number,
    u2: number,
    v2: number,
    u3: number,
    v3: number,
    useMap: boolean,
    chromakey: readonly number[],
  ): void {
    const verts = this.#vertices;
    verts.set(0, x1, y1, u1, v1, 0);
    verts.set(1, x2, y2, u2, v2, 0);
    verts.set(2, x3, y3, u3, v3, 0);
    this.#tiles.loadMapping(chromakey);
    const texture = this.#texture(useMap ? TextureSource.MAP : TextureSource.TILES);
    if (texture !== undefined) this.#deprecatedTriangle.draw(verts, texture, useMap);
  }

  /**
   * Flood fill from (x, y) with the mapped colour. bordercolor is taken as a byte: 255 (as -1 is)
   * means none; otherwise the fill spreads over everything but the border and the new colour.
   */
  paint(x: number, y: number, color: number, bordercolor: number): void {
    const r = this.#raster;
    const border = toS32(bordercolor) & 255;
    this.#seedFill.fill(toS32(x), toS32(y), r.mapColor(toS32(color)), border === 255 ? -1 : r.mapColor(border));
  }

  spr(id: number, x: number, y: number, colorkey: readonly number[], scale: number, flip: number, rotate: number, w: number, h: number): void {
    this.#tiles.sprite(toS32(id), toS32(x), toS32(y), colorkey, toS32(scale), toS32(flip), toS32(rotate), toS32(w), toS32(h));
  }

  map(x: number, y: number, w: number, h: number, sx: number, sy: number, colorkey: readonly number[], scale: number, remap?: RemapFn): void {
    this.#tiles.map(toS32(x), toS32(y), toS32(w), toS32(h), toS32(sx), toS32(sy), colorkey, toS32(scale), remap);
  }

  /**
   * Prints with the system font in RAM and returns the width in pixels. `text` holds one byte per
   * character (char codes are taken & 255). The colour is taken modulo 16 with C's sign, so a
   * negative colour such as -1 makes the glyphs transparent; the palette map does not apply (quirk 1).
   */
  print(text: string, x: number, y: number, color: number, fixed: boolean, scale: number, smallfont: boolean): number {
    const ram = this.#ram;
    const c = (toS32(color) % 16) & 255;
    const params = smallfont ? ALT_FONT_PARAMS_ADDR : FONT_PARAMS_ADDR;
    return printText(this.#raster, text, toS32(x), toS32(y), c === TRANSPARENT ? TRANSPARENT : c & 15, {
      // Compatibility in TIC-80: non-fixed text advances empty glyphs by the cell width - 2.
      advance: fixed ? ram[params] : ram[params] - 2,
      lineHeight: ram[params + 1],
      fixed,
      scale: toS32(scale),
      alt: smallfont,
    });
  }

  /** Prints with glyphs from the sheet opposite to the blit segment's bank; palette-mapped. Returns the width. */
  font(
    text: string,
    x: number,
    y: number,
    chromakey: readonly number[],
    charWidth: number,
    charHeight: number,
    fixed: boolean,
    scale: number,
    alt: boolean,
  ): number {
    this.#tiles.loadMapping(chromakey);
    return drawText(this.#raster, this.#tiles, text, toS32(x), toS32(y), {
      seg: SEGMENTS[oppositeSegment(this.#tiles.segmentIndex())],
      advance: toS32(charWidth),
      lineHeight: toS32(charHeight),
      fixed,
      scale: toS32(scale),
      alt,
    });
  }

  clip(x: number, y: number, w: number, h: number): void {
    this.#raster.setClip(toS32(x), toS32(y), toS32(w), toS32(h));
  }

  clipReset(): void {
    this.#raster.resetClip();
  }

  /** Selects VRAM bank 0 or 1 (other ids are ignored) and returns the previously selected id. */
  vbank(id?: number): number {
    const previous = this.#vbankId;
    if (id === undefined) return previous;
    const bank = toS32(id);
    if ((bank === 0 || bank === 1) && bank !== previous) {
      this.#swapBuffer.set(this.#ramVram);
      this.#ramVram.set(this.#otherVram);
      this.#otherVram.set(this.#swapBuffer);
      this.#vbankId = bank;
      this.#bank1Changes++;
    }
    return previous;
  }

  #texture(texsrc: number): Texture | undefined {
    const seg = SEGMENTS[this.#tiles.segmentIndex()];
    switch (texsrc) {
      case TextureSource.TILES:
        return this.#sheetTexture.use(seg);
      case TextureSource.MAP:
        return this.#mapTexture.use(seg);
      case TextureSource.VBANK:
        return this.#vbankTexture.use(this.#otherVram);
      default:
        return undefined;
    }
  }

  /** For reading: a bank's palette is written through bankPalette, its screen through the RAM while it is selected. */
  bankMemory(id: number): Uint8Array {
    return id === this.#vbankId ? this.#ramVram : this.#otherVram;
  }

  bank1Version(): number | undefined {
    return this.#vbankId === 1 ? undefined : this.#bank1Changes;
  }

  /** The PALETTE_BYTES of bank `id`'s palette, to read or write. */
  bankPalette(id: number): Uint8Array {
    return this.bankMemory(id).subarray(PALETTE_ADDR, PALETTE_ADDR + PALETTE_BYTES);
  }

  /** Records the output frame into `writer` (compact-frame.ts), calling the row callbacks on the way. */
  blit(writer: CompactFrameWriter, rows?: RowCallbacks): void {
    this.#frame.record(writer, rows);
  }

  #ellipse(x: number, y: number, a: number, b: number, color: number, filled: boolean): void {
    x = toS32(x);
    y = toS32(y);
    a = toS32(a);
    b = toS32(b);
    this.#ellipses.draw(x - a, y - b, x + a, y + b, this.#raster.mapColor(toS32(color)), filled);
  }
}
