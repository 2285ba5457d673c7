// Undo and redo for one editor: each step is one section of one bank before and after an edit.
import type { CartSection } from '../../runner/common/protocol.js';
import type { SectionStore } from './section-store.js';

interface Step {
  bank: number;
  section: CartSection;
  before: Uint8Array;
  after: Uint8Array;
}

const MAX_STEPS = 200;

export class UndoStack {
  readonly #done: Step[] = [];
  readonly #undone: Step[] = [];

  readonly #host: SectionStore;
  constructor(host: SectionStore) {
    this.#host = host;
    // Steps of another cart must never be replayed into this one.
    host.onCartReplaced(() => {
      this.#done.length = 0;
      this.#undone.length = 0;
    });
  }

  /** Applies an edit: the section's new bytes, remembering the old ones. */
  apply(bank: number, section: CartSection, after: Uint8Array): void {
    const before = this.#host.cart().banks[bank][section];
    if (bytesEqual(before, after)) return;
    this.#done.push({ bank, section, before, after });
    if (this.#done.length > MAX_STEPS) this.#done.shift();
    this.#undone.length = 0;
    this.#host.setSection(bank, section, after);
  }

  /** Applies an edit made on a copy of the section as it is now. */
  edit(bank: number, section: CartSection, change: (bytes: Uint8Array) => void): void {
    const bytes = this.#host.cart().banks[bank][section].slice();
    change(bytes);
    this.apply(bank, section, bytes);
  }

  undo(): boolean {
    const step = this.#done.pop();
    if (!step) return false;
    this.#undone.push(step);
    this.#host.setSection(step.bank, step.section, step.before);
    return true;
  }

  redo(): boolean {
    const step = this.#undone.pop();
    if (!step) return false;
    this.#done.push(step);
    this.#host.setSection(step.bank, step.section, step.after);
    return true;
  }
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
