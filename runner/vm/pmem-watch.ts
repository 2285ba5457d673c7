import { PMEM_ADDR, PMEM_BYTES } from '../common/memory-map.js';
// Persistent memory across runs (reference 4.2): the host's saved copy goes into RAM when a run
// starts, and after every frame the 1 KB is compared with the last copy sent, so that the host
// hears of each change once and keeps it.

export class PmemWatch {
  readonly #ram: Uint8Array;
  /** What the host holds: the start contents, then the last copy sent. */
  readonly #sent = new Uint8Array(PMEM_BYTES);
  /** The region and the last copy sent as 32-bit words, compared every frame. */
  readonly #words: Int32Array;
  readonly #sentWords = new Int32Array(this.#sent.buffer);

  /** ram: the console's RAM, at a multiple of 4 bytes in its buffer (as Video requires). */
  constructor(ram: Uint8Array, initial: Uint8Array | undefined) {
    this.#ram = ram;
    this.#words = new Int32Array(ram.buffer, ram.byteOffset + PMEM_ADDR, PMEM_BYTES / 4);
    if (initial) this.#sent.set(initial.subarray(0, PMEM_BYTES));
  }

  /** Like TIC-80's initRun: the region is cleared, then filled with what the host kept (if anything). */
  load(): void {
    this.#ram.set(this.#sent, PMEM_ADDR);
  }

  /** A copy of the region if it differs from the last copy sent (which it then becomes); else null. */
  takeChange(): Uint8Array | null {
    const words = this.#words;
    const sent = this.#sentWords;
    let same = true;
    for (let i = 0; i < words.length; i++) {
      if (words[i] !== sent[i]) {
        same = false;
        break;
      }
    }
    if (same) return null;
    const current = this.#ram.subarray(PMEM_ADDR, PMEM_ADDR + PMEM_BYTES);
    this.#sent.set(current);
    return current.slice();
  }
}
