// Recording the output frame from both VRAM banks as a compact frame (runner/common/compact-frame.ts),
// with the cart's BDR and SCN callbacks run row by row on the way (reference §2, §3.3-3.5). The
// colours are applied later, by whoever shows the frame (runner/common/compose-frame.ts).
import { CompactFrameWriter, LINE_BYTES, screenLineOf } from '../../common/compact-frame.js';
import { BORDER_COLOR_ADDR, MARGIN_TOP, SCREEN_HEIGHT, SCREEN_OFFSET_Y_ADDR } from '../../common/memory-map.js';
import { FRAME_HEIGHT } from '../../common/protocol.js';

/** The cart's BDR and SCN callbacks, called while the frame is recorded. */
export interface RowCallbacks {
  /** Before output row 0..143. */
  bdr?(row: number): void;
  /** Before screen line `row` is recorded: SCN(0) at output row 0, SCN(n) at output row n + 4. */
  scn?(row: number): void;
}

/** Where each VRAM bank is right now: callbacks may switch banks in the middle of a frame. */
export interface VramBanks {
  /** The 16 KB holding bank `id` (the RAM's first 16 KB for the selected bank). */
  bankMemory(id: number): Uint8Array;
  /**
   * Changes whenever vbank 1's screen bytes or transparent colour may have changed; undefined
   * while vbank 1 is the selected bank, which the cart writes through the RAM.
   */
  bank1Version(): number | undefined;
}

const ROW_WORDS = LINE_BYTES / 4;
const SCREEN_WORDS = SCREEN_HEIGHT * ROW_WORDS;

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

/** The VRAM row a screen line shows: the bank's Y offset (a signed byte) scrolls the picture up. */
function vramRow(bank: Uint8Array, line: number): number {
  return (line + ((bank[SCREEN_OFFSET_Y_ADDR] << 24) >> 24) + SCREEN_HEIGHT) % SCREEN_HEIGHT;
}

/** A word of four VRAM bytes all in vbank 1's transparent colour (its border colour register). */
function clearWordOf(bank1: Uint8Array): number {
  return Math.imul((bank1[BORDER_COLOR_ADDR] & 15) * 0x11, 0x01010101) >>> 0;
}

/** True when the `count` words from `first` (a VRAM row by default) hold only the transparent colour. */
function rowIsClear(bankWords: Uint32Array, first: number, clearWord: number, count = ROW_WORDS): boolean {
  for (let i = first; i < first + count; i++) if (bankWords[i] !== clearWord) return false;
  return true;
}

export class FrameRecorder {
  readonly #views = new WordViews();
  /** bank1Version() when vbank 1 was last seen all transparent: most carts never draw on it. */
  #clearBank1: number | undefined;
  readonly #banks: VramBanks;
  constructor(banks: VramBanks) {
    this.#banks = banks;
  }

  /** Records one frame into `writer` (begun here; the caller finishes it), calling the row callbacks on the way. */
  record(writer: CompactFrameWriter, rows?: RowCallbacks): void {
    writer.begin();
    if (rows === undefined) {
      this.#recordStill(writer);
      return;
    }
    for (let row = 0; row < FRAME_HEIGHT; row++) {
      rows.bdr?.(row);
      if (row === 0) rows.scn?.(0);
      else if (row > MARGIN_TOP && row < SCREEN_HEIGHT + MARGIN_TOP) rows.scn?.(row - MARGIN_TOP);
      // Registers and VRAM are read after the row's callbacks, so their pokes apply from this row.
      writer.registers(row, this.#banks.bankMemory(0), this.#banks.bankMemory(1));
      const line = screenLineOf(row);
      if (line >= 0) this.#recordLine(writer, line);
    }
  }

  /**
   * A frame without row callbacks: nothing changes between rows, so row 0's registers hold for all,
   * vbank 0's screen goes in two block copies, and vbank 1's is looked at line by line only when
   * some of it is not transparent; not at all when it was all transparent and has not changed since.
   */
  #recordStill(writer: CompactFrameWriter): void {
    const bank0 = this.#banks.bankMemory(0);
    const bank1 = this.#banks.bankMemory(1);
    writer.registers(0, bank0, bank1);
    writer.bank0Screen(this.#views.of(bank0), vramRow(bank0, 0));
    const version = this.#banks.bank1Version();
    if (version !== undefined && version === this.#clearBank1) return;
    const words1 = this.#views.of(bank1);
    const clearWord = clearWordOf(bank1);
    const clear = rowIsClear(words1, 0, clearWord, SCREEN_WORDS);
    this.#clearBank1 = clear ? version : undefined;
    if (clear) return;
    for (let line = 0; line < SCREEN_HEIGHT; line++) {
      const first = vramRow(bank1, line) * ROW_WORDS;
      if (!rowIsClear(words1, first, clearWord)) writer.bank1Line(line, words1, first);
    }
  }

  #recordLine(writer: CompactFrameWriter, line: number): void {
    const bank0 = this.#banks.bankMemory(0);
    writer.bank0Line(line, this.#views.of(bank0), vramRow(bank0, line) * ROW_WORDS);
    const bank1 = this.#banks.bankMemory(1);
    const words1 = this.#views.of(bank1);
    const first1 = vramRow(bank1, line) * ROW_WORDS;
    if (!rowIsClear(words1, first1, clearWordOf(bank1))) writer.bank1Line(line, words1, first1);
  }
}
