// Reading TIC-80 text carts (.lua): the code, then data sections in comments (reference 5.b).
// Only bank 0 is loaded into the console; other banks are kept out until banks are supported.
import type { CartData, CartSection } from './protocol.js';

interface SectionFormat {
  tag: string;
  section: CartSection;
  rows: number;
  rowBytes: number;
  /** Bytes are written low nibble first, except for the palette. */
  flipped: boolean;
}

export const SECTION_FORMATS: readonly SectionFormat[] = [
  { tag: 'TILES', section: 'tiles', rows: 256, rowBytes: 32, flipped: true },
  { tag: 'SPRITES', section: 'sprites', rows: 256, rowBytes: 32, flipped: true },
  { tag: 'MAP', section: 'map', rows: 136, rowBytes: 240, flipped: true },
  { tag: 'WAVES', section: 'waveforms', rows: 16, rowBytes: 16, flipped: true },
  { tag: 'SFX', section: 'sfx', rows: 64, rowBytes: 66, flipped: true },
  { tag: 'PATTERNS', section: 'patterns', rows: 60, rowBytes: 192, flipped: true },
  { tag: 'TRACKS', section: 'tracks', rows: 8, rowBytes: 51, flipped: true },
  { tag: 'FLAGS', section: 'flags', rows: 2, rowBytes: 256, flipped: true },
  { tag: 'SCREEN', section: 'screen', rows: 136, rowBytes: 120, flipped: true },
  { tag: 'PALETTE', section: 'palette', rows: 2, rowBytes: 48, flipped: false },
];

export class CartFormatError extends Error {}

export interface TextCart {
  code: string;
  data: CartData;
}

/** Splits a text cart into its code and its bank-0 data. Throws CartFormatError on a bad row. */
export function parseTextCart(text: string, fileName: string): TextCart {
  const source = text.replace(/\r/g, '');
  // The code ends at the first line that starts with "-- <" (reference quirk 9).
  const codeEnd = source.indexOf('\n-- <');
  const code = codeEnd >= 0 ? source.slice(0, codeEnd + 1) : source;
  const data: CartData = {};
  if (codeEnd < 0) return { code, data };
  const lines = source.slice(codeEnd + 1).split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^-- <([A-Z]+)>\s*$/.exec(lines[i]);
    if (!open) continue;
    const format = SECTION_FORMATS.find((f) => f.tag === open[1]);
    const close = `-- </${open[1]}>`;
    const bytes = format ? new Uint8Array(format.rows * format.rowBytes) : undefined;
    for (i++; i < lines.length && lines[i].trim() !== close; i++) {
      if (!format || !bytes) continue;
      const row = /^-- (\d{3}):([0-9a-fA-F]*)\s*$/.exec(lines[i]);
      if (!row) throw new CartFormatError(`${fileName}: line ${codeLineCount(code) + i + 1}: not a data row of <${format.tag}>`);
      const index = Number(row[1]);
      if (index >= format.rows) break;
      const hex = row[2];
      if (hex.length !== format.rowBytes * 2) {
        throw new CartFormatError(`${fileName}: line ${codeLineCount(code) + i + 1}: <${format.tag}> row ${row[1]} has ${hex.length} hex digits, expected ${format.rowBytes * 2}`);
      }
      for (let b = 0; b < format.rowBytes; b++) {
        const pair = hex.slice(b * 2, b * 2 + 2);
        bytes[index * format.rowBytes + b] = parseInt(format.flipped ? pair[1] + pair[0] : pair, 16);
      }
    }
    if (format && bytes) data[format.section] = bytes;
  }
  return { code, data };
}

function codeLineCount(code: string): number {
  return code.split('\n').length - 1;
}
