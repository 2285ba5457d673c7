// Text carts (.lua, reference 5.b): the code, then each non-empty data section as hex rows in
// comments. The loader applies no defaults: a section the file lacks stays zero.
import { MAP_COLUMNS, MAP_ROWS, PALETTE_BYTES, SCREEN_HEIGHT, SCREEN_WIDTH } from '../memory-map.js';
import type { CartSection } from '../protocol.js';
import { isAllZero } from './bytes.js';
import { assertCartShape, BANK_COUNT, emptyCart, type Cart } from './cart.js';
import { CartFormatError } from './errors.js';

interface TextSection {
  tag: string;
  section: CartSection;
  rows: number;
  rowBytes: number;
  /** Each byte's two hex digits are swapped (low nibble first); not for the palette. */
  flipped: boolean;
}

/** In write order. */
const TEXT_SECTIONS: readonly TextSection[] = [
  { tag: 'TILES', section: 'tiles', rows: 256, rowBytes: 32, flipped: true },
  { tag: 'SPRITES', section: 'sprites', rows: 256, rowBytes: 32, flipped: true },
  { tag: 'MAP', section: 'map', rows: MAP_ROWS, rowBytes: MAP_COLUMNS, flipped: true },
  { tag: 'WAVES', section: 'waveforms', rows: 16, rowBytes: 16, flipped: true },
  { tag: 'SFX', section: 'sfx', rows: 64, rowBytes: 66, flipped: true },
  { tag: 'PATTERNS', section: 'patterns', rows: 60, rowBytes: 192, flipped: true },
  { tag: 'TRACKS', section: 'tracks', rows: 8, rowBytes: 51, flipped: true },
  { tag: 'FLAGS', section: 'flags', rows: 2, rowBytes: 256, flipped: true },
  { tag: 'SCREEN', section: 'screen', rows: SCREEN_HEIGHT, rowBytes: SCREEN_WIDTH / 2, flipped: true },
  { tag: 'PALETTE', section: 'palette', rows: 2, rowBytes: PALETTE_BYTES, flipped: false },
];

const LANG_TAG = 'LANG';
const COMMENT = '--';
/** A line starting with this ends the code (reference quirk 9). */
const DATA_START = `${COMMENT} <`;
const ROW = /^-- (\d{3}):(.*)$/;
const HEX = /^[0-9a-fA-F]*$/;

/** Bank 0 uses the bare tag, banks 1-7 append their digit. */
function bankTag(tag: string, bank: number): string {
  return bank === 0 ? tag : `${tag}${bank}`;
}

interface SectionTarget {
  rows: number;
  rowBytes: number;
  flipped: boolean;
  bytes: Uint8Array;
}

function sectionTargets(cart: Cart): Map<string, SectionTarget> {
  const targets = new Map<string, SectionTarget>();
  for (const format of TEXT_SECTIONS) {
    for (let bank = 0; bank < BANK_COUNT; bank++) {
      targets.set(bankTag(format.tag, bank), { ...format, bytes: cart.banks[bank][format.section] });
    }
  }
  targets.set(LANG_TAG, { rows: 1, rowBytes: 1, flipped: false, bytes: new Uint8Array(1) });
  return targets;
}

/** Index of the first line that starts with "-- <": the end of the code (reference quirk 9). */
function codeEnd(source: string): number {
  if (source.startsWith(DATA_START)) return 0;
  const at = source.indexOf(`\n${DATA_START}`);
  return at < 0 ? source.length : at;
}

/** readTextCart of a file's bytes (UTF-8). */
export function readTextCartBytes(bytes: Uint8Array, fileName: string): Cart {
  return readTextCart(new TextDecoder().decode(bytes), fileName);
}

/** Reads a text cart. Throws CartFormatError naming the line of anything it cannot read. */
export function readTextCart(text: string, fileName: string): Cart {
  // TIC-80 reads text carts as C strings; a NUL means binary data, such as a renamed .tic file.
  const nul = text.indexOf('\0');
  if (nul >= 0) throw new CartFormatError(fileName, `not a text cart: character ${nul} is a NUL byte (is it a .tic or other binary file?)`);
  const source = text.replace(/\r/g, '');
  const cart = emptyCart();
  const end = codeEnd(source);
  cart.code = source.slice(0, end);
  if (end === source.length) return cart;
  const dataStart = end === 0 ? 0 : end + 1;
  const firstLine = countLines(source, dataStart) + 1;
  const lines = source.slice(dataStart).split('\n');
  const targets = sectionTargets(cart);
  const seen = new Set<string>();
  const lineError = (index: number, detail: string) => new CartFormatError(fileName, `line ${firstLine + index}: ${detail}`);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trimEnd();
    if (line === '') continue;
    const open = /^-- <([A-Za-z0-9_]+)>$/.exec(line);
    if (!open) throw lineError(i, `${quote(line)} is not part of a data section; the code ends at the first line that starts with "${DATA_START}"`);
    const tag = open[1];
    const close = `${COMMENT} </${tag}>`;
    let closeAt = i + 1;
    while (closeAt < lines.length && lines[closeAt].trimEnd() !== close) closeAt++;
    if (closeAt === lines.length) throw lineError(i, `<${tag}> has no closing "${close}" line`);
    if (seen.has(tag)) throw lineError(i, `<${tag}> appears twice`);
    seen.add(tag);
    // Sections this console does not know (such as old TIC-80's <COVER>) are skipped, as TIC-80 does.
    const target = targets.get(tag);
    if (target) readRows(lines, i + 1, closeAt, tag, target, lineError);
    i = closeAt;
  }
  cart.lang = targets.get(LANG_TAG)!.bytes[0];
  return cart;
}

function readRows(lines: string[], from: number, to: number, tag: string, target: SectionTarget, lineError: (index: number, detail: string) => Error): void {
  const hexLength = target.rowBytes * 2;
  for (let i = from; i < to; i++) {
    const row = ROW.exec(lines[i].trimEnd());
    if (!row) throw lineError(i, `${quote(lines[i])} is not a data row of <${tag}> ("-- NNN:" and ${hexLength} hex digits)`);
    const index = Number(row[1]);
    // A row index past the section's end stops reading the section (reference 5.b).
    if (index >= target.rows) return;
    const hex = row[2];
    if (!HEX.test(hex)) throw lineError(i, `<${tag}> row ${row[1]} holds ${quote(hex)}, which is not all hex digits`);
    if (hex.length !== hexLength) throw lineError(i, `<${tag}> row ${row[1]} has ${hex.length} hex digits, expected ${hexLength}`);
    const offset = index * target.rowBytes;
    for (let b = 0; b < target.rowBytes; b++) {
      const first = hexDigit(hex.charCodeAt(b * 2));
      const second = hexDigit(hex.charCodeAt(b * 2 + 1));
      target.bytes[offset + b] = target.flipped ? (second << 4) | first : (first << 4) | second;
    }
  }
}

/** The value of a character already checked to be a hex digit. */
function hexDigit(code: number): number {
  return code <= 0x39 ? code - 0x30 : (code | 0x20) - 0x57;
}

function countLines(text: string, end: number): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

function quote(line: string): string {
  return JSON.stringify(line.length > 40 ? `${line.slice(0, 40)}...` : line);
}

/**
 * Writes a text cart. Refuses what a text cart cannot hold: a WASM binary, and code with a line
 * starting with "-- <", which would read back as the start of the data (reference quirk 9).
 */
export function writeTextCart(cart: Cart, fileName: string): string {
  assertCartShape(cart, fileName);
  if (cart.binary.length > 0) throw new CartFormatError(fileName, 'cannot save: a text cart has no room for the WASM binary; save it as .tic or .png');
  const code = cart.code;
  const dataLine = code.split('\n').findIndex((line) => line.replace(/\r/g, '').startsWith(DATA_START));
  if (dataLine >= 0) {
    throw new CartFormatError(
      fileName,
      `cannot save: code line ${dataLine + 1} starts with "${DATA_START}", which a text cart reads as the start of its data; change that line or save as .tic or .png`,
    );
  }
  let data = '';
  for (const format of TEXT_SECTIONS) {
    for (let bank = 0; bank < BANK_COUNT; bank++) {
      data += sectionText(bankTag(format.tag, bank), format.rowBytes, format.flipped, cart.banks[bank][format.section]);
    }
  }
  if (cart.lang !== 0) data += sectionText(LANG_TAG, 1, false, Uint8Array.of(cart.lang));
  // TIC-80 ends the code with a newline before the data; without data nothing is added, so the
  // code reads back exactly as it was.
  if (data === '') return code;
  return code === '' ? data : `${code}\n${data}`;
}

/** A section with only its non-empty rows, or nothing when all of it is zero. */
function sectionText(tag: string, rowBytes: number, flipped: boolean, bytes: Uint8Array): string {
  if (isAllZero(bytes)) return '';
  let text = `${COMMENT} <${tag}>\n`;
  for (let row = 0; row * rowBytes < bytes.length; row++) {
    const rowData = bytes.subarray(row * rowBytes, (row + 1) * rowBytes);
    if (isAllZero(rowData)) continue;
    text += `${COMMENT} ${String(row).padStart(3, '0')}:${hexRow(rowData, flipped)}\n`;
  }
  return `${text}${COMMENT} </${tag}>\n\n`;
}

const HEX_PAIRS = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const FLIPPED_HEX_PAIRS = HEX_PAIRS.map((pair) => pair[1] + pair[0]);

function hexRow(bytes: Uint8Array, flipped: boolean): string {
  const pairs = flipped ? FLIPPED_HEX_PAIRS : HEX_PAIRS;
  let hex = '';
  for (const byte of bytes) hex += pairs[byte];
  return hex;
}
