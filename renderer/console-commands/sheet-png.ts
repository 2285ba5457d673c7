// Tiles or sprites as a 128x128 indexed PNG in the cart's palette (vbank 0), and back: imported
// pixels take the nearest palette colour (reference 8.2, `import`).
import { convertIndexedToRgb, decode, encode } from 'fast-png';
import { readPixel, writePixel, PAGE_PIXELS, type SheetView } from '../editors/sprite/sheet-layout.js';
import { colorOffset, PALETTE_COLORS } from '../editors/sprite/palette-colors.js';

export type SheetSection = SheetView['section'];

const viewOf = (section: SheetSection): SheetView => ({ section, bpp: 4, page: 0 });

function paletteRgb(palette: Uint8Array): [number, number, number][] {
  return Array.from({ length: PALETTE_COLORS }, (_, i) => {
    const at = colorOffset(0, i);
    return [palette[at], palette[at + 1], palette[at + 2]];
  });
}

export function encodeSheetPng(bytes: Uint8Array, section: SheetSection, palette: Uint8Array): Uint8Array {
  const view = viewOf(section);
  const data = new Uint8Array(PAGE_PIXELS * PAGE_PIXELS);
  for (let y = 0; y < PAGE_PIXELS; y++) {
    for (let x = 0; x < PAGE_PIXELS; x++) data[y * PAGE_PIXELS + x] = readPixel(bytes, view, x, y);
  }
  return encode({ width: PAGE_PIXELS, height: PAGE_PIXELS, data, depth: 8, channels: 1, palette: paletteRgb(palette) });
}

function nearest(colors: readonly [number, number, number][], r: number, g: number, b: number): number {
  let best = 0;
  let bestDistance = Infinity;
  colors.forEach(([cr, cg, cb], i) => {
    const distance = (cr - r) ** 2 + (cg - g) ** 2 + (cb - b) ** 2;
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  });
  return best;
}

/**
 * The section with the PNG's top-left 128x128 pixels written over it (a smaller image changes only
 * what it covers). Throws when the file is not a PNG.
 */
export function importSheetPng(png: Uint8Array, bytes: Uint8Array, section: SheetSection, palette: Uint8Array): Uint8Array {
  const image = decode(png);
  const colors = paletteRgb(palette);
  const view = viewOf(section);
  const out = bytes.slice();
  const data = image.palette ? convertIndexedToRgb(image) : image.data;
  const channels = image.palette ? (image.palette[0]?.length ?? 3) : image.channels;
  const scale = image.palette || image.depth !== 16 ? 1 : 257;
  const sample = (i: number): [number, number, number] => {
    const at = i * channels;
    // Grey images have one or two channels; colour ones three or four.
    const [r, g, b] = channels < 3 ? [at, at, at] : [at, at + 1, at + 2];
    return [data[r] / scale, data[g] / scale, data[b] / scale];
  };
  const width = Math.min(image.width, PAGE_PIXELS);
  const height = Math.min(image.height, PAGE_PIXELS);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) writePixel(out, view, x, y, nearest(colors, ...sample(y * image.width + x)));
  }
  return out;
}
