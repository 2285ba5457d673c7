// Binary .tic carts (reference 5.a): a plain run of chunks, each a 4-byte header (type and bank,
// u16 size, a reserved byte) and its data.
import type { CartSection } from '../protocol.js';
import { assertCartShape, BANK_COUNT, BINARY_BANKS, CODE_CHUNK_BYTES, emptyCart, MAX_CODE_BYTES, type Cart, type CartBank } from './cart.js';
import { concatBytes } from './bytes.js';
import { applyAncientPalette, applyDefaultChunk, hasDefaultPaletteAndWaves, runningPalettes } from './defaults.js';
import { CartFormatError } from './errors.js';
import { screenFromGif } from './gif-cover.js';
import { inflateZlib } from './zlib.js';

/** Chunk type ids. */
const Chunk = {
  Dummy: 0,
  Tiles: 1,
  Sprites: 2,
  CoverDep: 3,
  Map: 4,
  Code: 5,
  Flags: 6,
  Temp2: 7,
  Temp3: 8,
  Samples: 9,
  Waveform: 10,
  Temp4: 11,
  Palette: 12,
  PatternsDep: 13,
  Music: 14,
  Patterns: 15,
  CodeZip: 16,
  Default: 17,
  Screen: 18,
  Binary: 19,
  Lang: 20,
} as const;
type ChunkType = number;

const CHUNK_NAMES = [
  'DUMMY',
  'TILES',
  'SPRITES',
  'COVER_DEP',
  'MAP',
  'CODE',
  'FLAGS',
  'TEMP2',
  'TEMP3',
  'SAMPLES',
  'WAVEFORM',
  'TEMP4',
  'PALETTE',
  'PATTERNS_DEP',
  'MUSIC',
  'PATTERNS',
  'CODE_ZIP',
  'DEFAULT',
  'SCREEN',
  'BINARY',
  'LANG',
];

/** Chunks that fill one bank section, in the order a bank's chunks are saved after its palette. */
const SECTION_CHUNKS: readonly [ChunkType, CartSection][] = [
  [Chunk.Tiles, 'tiles'],
  [Chunk.Sprites, 'sprites'],
  [Chunk.Map, 'map'],
  [Chunk.Samples, 'sfx'],
  [Chunk.Patterns, 'patterns'],
  [Chunk.Music, 'tracks'],
  [Chunk.Flags, 'flags'],
  [Chunk.Screen, 'screen'],
];
const SECTION_OF = new Map<ChunkType, CartSection>([...SECTION_CHUNKS, [Chunk.Palette, 'palette'], [Chunk.Waveform, 'waveforms']]);

const HEADER_BYTES = 4;
const MAX_CHUNK_SIZE = 0xffff;
const LAST_CHUNK_TYPE = Chunk.Lang;

interface RawChunk {
  type: ChunkType;
  bank: number;
  /** Byte offset of the chunk header in the file, for messages. */
  at: number;
  data: Uint8Array;
}

function chunkName(chunk: RawChunk): string {
  return `${CHUNK_NAMES[chunk.type]} chunk (bank ${chunk.bank}) at byte ${chunk.at}`;
}

/**
 * Chunks whose header is all the data they have: TIC-80 reads one cut short at the end of a file
 * (packed carts end with a one-byte DEFAULT) from its type byte alone, ignoring the size.
 */
const HEADER_ONLY_CHUNKS: ReadonlySet<ChunkType> = new Set([Chunk.Dummy, Chunk.Temp2, Chunk.Temp3, Chunk.Temp4, Chunk.Default]);

/** Splits the file into chunks, checking every header and size before anything is loaded. */
function splitChunks(bytes: Uint8Array, fileName: string, repairs: string[]): RawChunk[] {
  if (bytes.length === 0) throw new CartFormatError(fileName, 'not a TIC-80 cart: the file is empty');
  const chunks: RawChunk[] = [];
  const notACart = (at: number) => (at === 0 ? 'not a TIC-80 cart: ' : '');
  for (let at = 0; at < bytes.length;) {
    const type = bytes[at] & 0x1f;
    const bank = bytes[at] >> 5;
    if (bytes.length - at < HEADER_BYTES) {
      const cut = `${bytes.length - at} of its ${HEADER_BYTES} bytes are there`;
      // Any other chunk's size and data would come from past the end of the file.
      if (at === 0 || !HEADER_ONLY_CHUNKS.has(type)) throw new CartFormatError(fileName, `${notACart(at)}truncated chunk header at byte ${at}: ${cut}`);
      chunks.push({ type, bank, at, data: bytes.subarray(bytes.length) });
      repairs.push(`the ${CHUNK_NAMES[type]} chunk header at byte ${at} is cut short (${cut}); read from its first byte, as TIC-80 reads it`);
      break;
    }
    if (type > LAST_CHUNK_TYPE) throw new CartFormatError(fileName, `${notACart(at)}unknown chunk type ${type} at byte ${at}`);
    let size = bytes[at + 1] | (bytes[at + 2] << 8);
    // For CODE and BINARY only, size 0 stands for 64 KB.
    if (size === 0 && (type === Chunk.Code || type === Chunk.Binary)) size = CODE_CHUNK_BYTES;
    const start = at + HEADER_BYTES;
    const chunk: RawChunk = { type, bank, at, data: bytes.subarray(start, start + size) };
    if (start + size > bytes.length) {
      throw new CartFormatError(
        fileName,
        `${notACart(at)}${chunkName(chunk)} says it holds ${size} bytes, past the end of the file (${bytes.length - start} bytes left)`,
      );
    }
    if (type === Chunk.Binary && bank >= BINARY_BANKS)
      throw new CartFormatError(fileName, `${chunkName(chunk)}: the binary uses banks 0-${BINARY_BANKS - 1} only`);
    chunks.push(chunk);
    at = start + size;
  }
  return chunks;
}

/**
 * Reads a .tic cart. Throws CartFormatError for a truncated or unknown chunk. Damage that TIC-80
 * reads past (what packed carts leave out) is read as TIC-80 reads it and described in `repairs`.
 */
export function readTicCart(bytes: Uint8Array, fileName: string, repairs: string[] = []): Cart {
  const chunks = splitChunks(bytes, fileName, repairs);
  const cart = emptyCart();
  // Palettes and DEFAULT chunks first, so the deprecated cover is matched against the final palette.
  for (const chunk of chunks) {
    const bank = cart.banks[chunk.bank];
    if (chunk.type === Chunk.Palette) loadSection(bank, 'palette', chunk.data);
    else if (chunk.type === Chunk.Default) applyDefaultChunk(bank);
  }
  applyAncientPalette(cart.banks[0]);
  const codePieces: Uint8Array[] = [];
  const binaryPieces: Uint8Array[] = [];
  let zippedCode: Uint8Array | undefined;
  for (const chunk of chunks) {
    const bank = cart.banks[chunk.bank];
    const section = SECTION_OF.get(chunk.type);
    if (section && chunk.type !== Chunk.Palette) loadSection(bank, section, chunk.data);
    else if (chunk.type === Chunk.Code) codePieces[chunk.bank] = chunk.data;
    else if (chunk.type === Chunk.Binary) binaryPieces[chunk.bank] = chunk.data;
    else if (chunk.type === Chunk.Lang && chunk.data.length > 0) cart.lang = chunk.data[0];
    else if (chunk.type === Chunk.CodeZip) zippedCode = inflateCode(chunk, fileName, repairs);
    else if (chunk.type === Chunk.PatternsDep) loadOldPatterns(bank, chunk.data);
    else if (chunk.type === Chunk.CoverDep) {
      const screen = screenFromGif(chunk.data, cart.banks[0].palette);
      if (screen) cart.banks[0].screen.set(screen);
    }
  }
  cart.binary = joinFromHighestBank(binaryPieces);
  // A CODE_ZIP chunk with text in it wins over CODE chunks, as in TIC-80.
  const code = zippedCode && zippedCode.length > 0 && zippedCode[0] !== 0 ? zippedCode : joinFromHighestBank(codePieces);
  cart.code = decodeCode(code);
  return cart;
}

/** CODE_ZIP: TIC-80 keeps the code even when the stream's checksum is missing (packed carts) or wrong. */
function inflateCode(chunk: RawChunk, fileName: string, repairs: string[]): Uint8Array {
  const { data, checksumOk } = inflateZlib(chunk.data, MAX_CODE_BYTES + 1, chunkName(chunk), fileName);
  if (!checksumOk) repairs.push(`the ${chunkName(chunk)} has no valid zlib checksum at its end; its code was read as TIC-80 reads it`);
  return data;
}

/** A short chunk fills the start of its section; a long one is cut to the section's size. */
function loadSection(bank: CartBank, section: CartSection, data: Uint8Array): void {
  const target = bank[section];
  target.set(data.subarray(0, target.length));
}

/** Pieces are stored from bank 7 down to bank 0. */
function joinFromHighestBank(pieces: Uint8Array[]): Uint8Array {
  const ordered: Uint8Array[] = [];
  for (let bank = BANK_COUNT - 1; bank >= 0; bank--) if (pieces[bank]) ordered.push(pieces[bank]);
  return concatBytes(ordered);
}

/** The code is a C string: it ends at the first NUL byte. */
function decodeCode(bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  return new TextDecoder().decode(nul < 0 ? bytes : bytes.subarray(0, nul));
}

const PATTERN_ROW_BYTES = 3;
const NOTE_START = 4;
const COMMAND_VOLUME = 1;
const MAX_VOLUME = 15;

/**
 * PATTERNS_DEP: old patterns had a volume instead of commands. Rows with a note and no command get
 * the volume command M with X = Y = 15 - old param X (reference 5.a).
 */
function loadOldPatterns(bank: CartBank, data: Uint8Array): void {
  loadSection(bank, 'patterns', data);
  const patterns = bank.patterns;
  for (let row = 0; row < patterns.length; row += PATTERN_ROW_BYTES) {
    const note = patterns[row] & 0x0f;
    const command = (patterns[row + 1] >> 4) & 0x07;
    if (note < NOTE_START || command !== 0) continue;
    const volume = MAX_VOLUME - (patterns[row] >> 4);
    patterns[row] = (volume << 4) | note;
    patterns[row + 1] = (patterns[row + 1] & 0x80) | (COMMAND_VOLUME << 4) | volume;
  }
}

/**
 * Writes a .tic cart as TIC-80 saves it: per bank DEFAULT (or PALETTE and WAVEFORM; bank 0's palettes
 * as the cart runs with them, see runningPalettes), then the
 * other sections, each trimmed of trailing zeros and left out when empty; then the binary and the
 * code in 64 KB pieces, the first piece in the highest bank. The language id is not saved
 * (reference quirk 8).
 */
export function writeTicCart(cart: Cart, fileName: string): Uint8Array {
  assertCartShape(cart, fileName);
  const code = new TextEncoder().encode(cart.code);
  if (code.length > MAX_CODE_BYTES)
    throw new CartFormatError(fileName, `cannot save: the code is ${code.length} bytes; a cart holds at most ${MAX_CODE_BYTES}`);
  const out = new ChunkWriter();
  cart.banks.forEach((bank, b) => {
    const palette = b === 0 ? runningPalettes(bank) : bank.palette;
    if (hasDefaultPaletteAndWaves(palette, bank.waveforms)) out.add(Chunk.Default, b, new Uint8Array(0));
    else {
      out.add(Chunk.Palette, b, trimZeros(palette));
      out.add(Chunk.Waveform, b, trimZeros(bank.waveforms));
    }
    for (const [type, section] of SECTION_CHUNKS) out.add(type, b, trimZeros(bank[section]));
  });
  out.addPieces(Chunk.Binary, cart.binary);
  out.addPieces(Chunk.Code, code);
  return out.bytes();
}

function trimZeros(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  return bytes.subarray(0, end);
}

class ChunkWriter {
  readonly #parts: Uint8Array[] = [];

  /** Empty chunks are left out, except DEFAULT, which is nothing but its header. */
  add(type: ChunkType, bank: number, data: Uint8Array): void {
    if (data.length === 0 && type !== Chunk.Default) return;
    // Only CODE and BINARY pieces reach 64 KB, which the u16 size stores as 0.
    const size = data.length & MAX_CHUNK_SIZE;
    this.#parts.push(Uint8Array.of(type | (bank << 5), size & 0xff, size >> 8, 0), data);
  }

  /** 64 KB pieces in text order; the first gets bank floor(length / 64 KB), the last bank 0. */
  addPieces(type: ChunkType, data: Uint8Array): void {
    for (let bank = Math.floor(data.length / CODE_CHUNK_BYTES), at = 0; bank >= 0; bank--, at += CODE_CHUNK_BYTES) {
      this.add(type, bank, data.subarray(at, at + CODE_CHUNK_BYTES));
    }
  }

  bytes(): Uint8Array {
    return concatBytes(this.#parts);
  }
}
