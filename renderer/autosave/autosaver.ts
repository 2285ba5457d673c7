// When the open cart is saved: each change is written at most WRITE_DELAY_MS after it was made
// (or as soon as the write before it has finished), so a burst of typing costs one write, not one
// per key, and an edit is on disk within about WRITE_DELAY_MS plus one write.
import type { CartDocument } from '../cart-document.js';
import type { AutosaveStore } from './autosave-store.js';

export const WRITE_DELAY_MS = 100;

export interface AutosaveEvents {
  /** A save failed; `message` says why. */
  failed(message: string): void;
  /** A save succeeded (after a failure, the studio may say so). */
  saved(): void;
}

export class Autosaver {
  readonly #store: AutosaveStore;
  readonly #events: AutosaveEvents;
  /** The latest change not yet handed to the store, and when the oldest change it holds was made. */
  #pending: { doc: CartDocument; since: number } | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #writing = false;

  constructor(store: AutosaveStore, events: AutosaveEvents) {
    this.#store = store;
    this.#events = events;
  }

  changed(doc: CartDocument): void {
    this.#pending = { doc, since: this.#pending?.since ?? performance.now() };
    this.#schedule();
  }

  /** Starts writing the pending change now (before a run, or when the page goes away). */
  flush(): void {
    if (this.#pending) this.#pending.since = -Infinity;
    this.#schedule();
  }

  #schedule(): void {
    if (this.#writing || !this.#pending) return;
    if (this.#timer !== null) clearTimeout(this.#timer);
    const wait = Math.max(0, this.#pending.since + WRITE_DELAY_MS - performance.now());
    if (wait === 0) this.#write();
    else this.#timer = setTimeout(() => this.#write(), wait);
  }

  #write(): void {
    this.#timer = null;
    const pending = this.#pending;
    if (!pending) return;
    this.#pending = null;
    this.#writing = true;
    this.#store.save(pending.doc).then(
      () => this.#events.saved(),
      (err: unknown) => this.#events.failed(err instanceof Error ? err.message : String(err)),
    ).finally(() => {
      this.#writing = false;
      this.#schedule();
    });
  }
}
