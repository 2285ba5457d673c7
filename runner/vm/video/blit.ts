// Composing the 256 x 144 output frame from both VRAM banks (reference §2, §3.3-3.5).
import {
  BORDER_COLOR_ADDR,
  MARGIN_LEFT,
  MARGIN_TOP,
  PALETTE_ADDR,
  SCREEN_HEIGHT,
  SCREEN_OFFSET_X_ADDR,
  SCREEN_OFFSET_Y_ADDR,
  SCREEN_WIDTH,
} from '../../common/memory-map.js';
import { FRAME_BYTES, FRAME_HEIGHT, FRAME_WIDTH } from '../../common/protocol.js';

/** The cart's BDR and SCN callbacks, called while the frame is composed. */
export interface RowCallbacks {
  /** Before output row 0..143. */
  bdr?(row: number): void;
  /** Before screen line `row` is composed: SCN(0) at output row 0, SCN(n) at output row n + 4. */
  scn?(row: number): void;
}

/** Where each VRAM bank is right now: callbacks may switch banks in the middle of a frame. */
export interface VramBanks {
  /** The 16 KB holding bank `id` (the RAM's first 16 KB for the selected bank). */
  bankMemory(id: number): Uint8Array;
}

const FRAME_PIXELS = FRAME_WIDTH * FRAME_HEIGHT;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/** Bytes of one VRAM screen row: two 4-bit pixels a byte. */
const ROW_BYTES = SCREEN_WIDTH / 2;
const ROW_WORDS = ROW_BYTES / 4;

function offset(bank: Uint8Array, addr: number): number {
  return (bank[addr] << 24) >> 24;
}

/**
 * What the composition reads from the banks' registers: palettes as RGBA words, border, vbank 1's
 * transparent colour and both banks' screen offsets. Read once a frame, or after every row's
 * callbacks when the cart has any, since they may poke these in the middle of the frame.
 */
class ComposeState {
  readonly pal0 = new Uint32Array(16);
  readonly pal1 = new Uint32Array(16);
  border = 0;
  clear = 0;
  /** vbank 1's VRAM byte with the transparent colour in both pixels, as a word of 4 such bytes. */
  clearWord = 0;
  offsetX0 = 0;
  offsetY0 = 0;
  offsetX1 = 0;
  offsetY1 = 0;

  read(bank0: Uint8Array, bank1: Uint8Array): void {
    readPalette(bank0, this.pal0);
    readPalette(bank1, this.pal1);
    this.border = this.pal0[bank0[BORDER_COLOR_ADDR] & 15];
    this.clear = bank1[BORDER_COLOR_ADDR] & 15;
    this.clearWord = Math.imul(this.clear * 0x11, 0x01010101) >>> 0;
    this.offsetX0 = offset(bank0, SCREEN_OFFSET_X_ADDR);
    this.offsetY0 = offset(bank0, SCREEN_OFFSET_Y_ADDR);
    this.offsetX1 = offset(bank1, SCREEN_OFFSET_X_ADDR);
    this.offsetY1 = offset(bank1, SCREEN_OFFSET_Y_ADDR);
  }
}

/** Word views of the VRAM memories seen (the RAM's first 16 KB and the other bank), made once each. */
class WordViews {
  readonly #bytes: Uint8Array[] = [];
  readonly #words: Uint32Array[] = [];

  of(bank: Uint8Array): Uint32Array {
    const at = this.#bytes.indexOf(bank);
    if (at >= 0) return this.#words[at];
    // Only two memories ever hold banks; a stranger (a test's) replaces the older view.
    if (this.#bytes.length === 2) {
      this.#bytes.shift();
      this.#words.shift();
    }
    const words = new Uint32Array(bank.buffer, bank.byteOffset, bank.length >> 2);
    this.#bytes.push(bank);
    this.#words.push(words);
    return words;
  }
}

/**
 * vbank 0's screen rows as palette words, kept from frame to frame: a row is decoded again only
 * when its VRAM bytes or the palette changed since it was last decoded.
 */
class DecodedRows {
  readonly pixels = new Uint32Array(SCREEN_WIDTH * SCREEN_HEIGHT);
  /** Each row of pixels as a view, made once, for copying whole rows out. */
  readonly rows = Array.from({ length: SCREEN_HEIGHT }, (_, r) => this.pixels.subarray(r * SCREEN_WIDTH, (r + 1) * SCREEN_WIDTH));
  /** The VRAM words each row was decoded from. */
  readonly #source = new Uint32Array(SCREEN_HEIGHT * ROW_WORDS);
  readonly #decoded = new Uint8Array(SCREEN_HEIGHT);
  readonly #palette = new Uint32Array(16);

  /** A palette other than the rows' makes them all stale. */
  usePalette(pal: Uint32Array): void {
    const palette = this.#palette;
    for (let c = 0; c < 16; c++) {
      if (palette[c] !== pal[c]) {
        palette.set(pal);
        this.#decoded.fill(0);
        return;
      }
    }
  }

  /** Makes row r of pixels show VRAM row r of the bank (as words), two pixels a byte, low nibble left. */
  update(bankWords: Uint32Array, r: number): void {
    const source = this.#source;
    const first = r * ROW_WORDS;
    if (this.#decoded[r] === 1) {
      let same = true;
      for (let i = first; i < first + ROW_WORDS; i++) {
        if (bankWords[i] !== source[i]) {
          same = false;
          break;
        }
      }
      if (same) return;
    }
    const pal = this.#palette;
    const pixels = this.pixels;
    for (let i = first, d = r * SCREEN_WIDTH; i < first + ROW_WORDS; i++, d += 8) {
      const w = bankWords[i];
      source[i] = w;
      pixels[d] = pal[w & 15];
      pixels[d + 1] = pal[(w >>> 4) & 15];
      pixels[d + 2] = pal[(w >>> 8) & 15];
      pixels[d + 3] = pal[(w >>> 12) & 15];
      pixels[d + 4] = pal[(w >>> 16) & 15];
      pixels[d + 5] = pal[(w >>> 20) & 15];
      pixels[d + 6] = pal[(w >>> 24) & 15];
      pixels[d + 7] = pal[w >>> 28];
    }
    this.#decoded[r] = 1;
  }
}

/** Writes one frame as RGBA bytes (alpha 255); pixels are stored as 32-bit words. */
export class FrameComposer {
  readonly #state = new ComposeState();
  readonly #scratch = new Uint32Array(FRAME_PIXELS);
  readonly #views = new WordViews();
  readonly #rows0 = new DecodedRows();

  readonly #banks: VramBanks;
  constructor(banks: VramBanks) {
    this.#banks = banks;
  }

  /** out holds at least 256 x 144 x 4 bytes. */
  compose(out: Uint8Array, rows?: RowCallbacks): void {
    if (out.length < FRAME_BYTES) throw new RangeError(`frame buffer needs ${FRAME_BYTES} bytes, got ${out.length}`);
    const aligned = out.byteOffset % 4 === 0;
    const words = aligned ? new Uint32Array(out.buffer, out.byteOffset, FRAME_PIXELS) : this.#scratch;
    if (rows === undefined) this.#readState();
    for (let row = 0; row < FRAME_HEIGHT; row++) {
      if (rows !== undefined) {
        rows.bdr?.(row);
        if (row === 0) rows.scn?.(0);
        else if (row > MARGIN_TOP && row < SCREEN_HEIGHT + MARGIN_TOP) rows.scn?.(row - MARGIN_TOP);
        // Palettes, border and offsets are read after the callbacks, so their pokes apply from this row.
        this.#readState();
      }
      this.#composeRow(words, row);
    }
    if (!aligned) out.set(new Uint8Array(this.#scratch.buffer));
  }

  #readState(): void {
    this.#state.read(this.#banks.bankMemory(0), this.#banks.bankMemory(1));
    this.#rows0.usePalette(this.#state.pal0);
  }

  #composeRow(words: Uint32Array, row: number): void {
    const state = this.#state;
    const rowStart = row * FRAME_WIDTH;
    const line = row - MARGIN_TOP;
    if (line < 0 || line >= SCREEN_HEIGHT) {
      words.fill(state.border, rowStart, rowStart + FRAME_WIDTH);
      return;
    }
    const dest = rowStart + MARGIN_LEFT;
    // Displayed pixel (x, y) shows the bank's VRAM pixel ((x + offX) mod 240, (y + offY) mod 136):
    // positive offsets scroll the picture left and up (reference 3.4).
    const vramRow0 = (line + state.offsetY0 + SCREEN_HEIGHT) % SCREEN_HEIGHT;
    const rows0 = this.#rows0;
    rows0.update(this.#views.of(this.#banks.bankMemory(0)), vramRow0);
    const from = (SCREEN_WIDTH + state.offsetX0) % SCREEN_WIDTH;
    if (from === 0) {
      words.set(rows0.rows[vramRow0], dest);
    } else {
      // Scrolled: the row goes out whole so that its column 0 lands where it shows, and its columns
      // from `from` on, which spilled past the screen (into words that the margin and the rows below
      // rewrite), are moved back to the row's start.
      words.set(rows0.rows[vramRow0], dest + SCREEN_WIDTH - from);
      words.copyWithin(dest, dest + SCREEN_WIDTH, dest + 2 * SCREEN_WIDTH - from);
    }
    // The side margins are a few words: a loop costs less than a fill() call.
    const border = state.border;
    for (let x = rowStart; x < dest; x++) words[x] = border;
    for (let x = dest + SCREEN_WIDTH; x < rowStart + FRAME_WIDTH; x++) words[x] = border;
    // vbank 1 is drawn over it, but for its pixels of the transparent colour; most rows have none other.
    const bank1 = this.#banks.bankMemory(1);
    const vramRow1 = (line + state.offsetY1 + SCREEN_HEIGHT) % SCREEN_HEIGHT;
    if (rowIsClear(this.#views.of(bank1), vramRow1 * ROW_WORDS, state.clearWord)) return;
    overlayRow(words, dest, bank1, vramRow1 * ROW_BYTES, (SCREEN_WIDTH + state.offsetX1) % SCREEN_WIDTH, state.pal1, state.clear);
  }
}

/** True when the VRAM row of words from `first` holds only the transparent colour. */
function rowIsClear(bankWords: Uint32Array, first: number, clearWord: number): boolean {
  for (let i = first; i < first + ROW_WORDS; i++) if (bankWords[i] !== clearWord) return false;
  return true;
}

/** Draws the VRAM row at rowByte over the 240 words at dest, but for pixels of colour `clear`. */
function overlayRow(words: Uint32Array, dest: number, bank: Uint8Array, rowByte: number, from: number, pal: Uint32Array, clear: number): void {
  const base = 2 * rowByte;
  let x1 = from;
  for (let x = 0; x < SCREEN_WIDTH; x++) {
    const i = base + x1;
    const p = (bank[i >> 1] >> ((i & 1) << 2)) & 15;
    if (p !== clear) words[dest + x] = pal[p];
    if (++x1 === SCREEN_WIDTH) x1 = 0;
  }
}

function readPalette(bank: Uint8Array, into: Uint32Array): void {
  for (let c = 0, a = PALETTE_ADDR; c < 16; c++, a += 3) {
    const r = bank[a],
      g = bank[a + 1],
      b = bank[a + 2];
    into[c] = LITTLE_ENDIAN ? (0xff000000 | (b << 16) | (g << 8) | r) >>> 0 : ((r << 24) | (g << 16) | (b << 8) | 0xff) >>> 0;
  }
}
