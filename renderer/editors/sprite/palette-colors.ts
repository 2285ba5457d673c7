// The cart's palettes (palette section: vbank 0's 16 RGB triples, then vbank 1's) as the editor
// shows them.

export const PALETTE_COLORS = 16;
const VBANK_BYTES = PALETTE_COLORS * 3;

/** Byte offset of colour `index`'s red component in the palette section. */
export function colorOffset(vbank: number, index: number): number {
  return vbank * VBANK_BYTES + index * 3;
}

export function cssColor(palette: Uint8Array, vbank: number, index: number): string {
  const at = colorOffset(vbank, index);
  return `#${[palette[at], palette[at + 1], palette[at + 2]].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/** Writes palette colour `index` of vbank 0 as RGBA at `at` of an image's pixel data. */
export function putColor(image: Uint8ClampedArray, at: number, palette: Uint8Array, index: number): void {
  const from = colorOffset(0, index);
  image[at] = palette[from];
  image[at + 1] = palette[from + 1];
  image[at + 2] = palette[from + 2];
  image[at + 3] = 255;
}
