import { PMEM_ADDR, PMEM_BYTES } from '../common/memory-map.js';
// Persistent memory across runs (reference 4.2): the host's saved copy goes into RAM when a run
// starts, and after every frame the 1 KB is compared with the last copy sent, so that the host
// hears of each change once and keeps it.

export class PmemWatch {
  readonly #ram: Uint8Array;
  /** What the host holds: the start contents, then the last copy sent. */
  readonly #sent = new Uint8Array(PMEM_BYTES);

  constructor(ram: Uint8Array, initial: Uint8Array | undefined) {
    this.#ram = ram;
    if (initial) this.#sent.set(initial.subarray(0, PMEM_BYTES));
  }

  /** Like TIC-80's initRun: the region is cleared, then filled with what the host kept (if anything). */
  load(): void {
    this.#ram.set(this.#sent, PMEM_ADDR);
  }

  /** A copy of the region if it differs from the last copy sent (which it then becomes); else null. */
  takeChange(): Uint8Array | null {
    const current = this.#ram.subarray(PMEM_ADDR, PMEM_ADDR + PMEM_BYTES);
    let same = true;
    for (let i = 0; i < PMEM_BYTES; i++) {
      if (current[i] !== this.#sent[i]) {
        same = false;
        break;
      }
    }
    if (same) return null;
    this.#sent.set(current);
    return current.slice();
  }
}
