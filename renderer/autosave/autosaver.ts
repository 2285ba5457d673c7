// When the open cart is saved: each change is written at most WRITE_DELAY_MS after it was made
// (or as soon as the write before it has finished), so a burst of typing costs one write, not one
// per key, and an edit is on disk within about WRITE_DELAY_MS plus one write.
import type { CartDocument } from '../cart-document.js';
import type { AutosaveStore, SaveMode } from './autosave-store.js';

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
  #writing = 0;

  constructor(store: AutosaveStore, events: AutosaveEvents) {
    this.#store = store;
    this.#events = events;
  }

  changed(doc: CartDocument): void {
    this.#pending = { doc, since: this.#pending?.since ?? performance.now() };
    this.#schedule();
  }

  /**
   * Hands the pending change to the store now, whole, even while another write is under way (the
   * store keeps their order): before a run, and when the page goes away, when there is no time
   * to wait for anything.
   */
  flush(): void {
    this.#write('whole');
  }

  #schedule(): void {
    if (this.#writing > 0 || !this.#pending || this.#timer !== null) return;
    const wait = Math.max(0, this.#pending.since + WRITE_DELAY_MS - performance.now());
    this.#timer = setTimeout(() => this.#write('changes'), wait);
  }

  #write(mode: SaveMode): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    const pending = this.#pending;
    if (!pending) return;
    this.#pending = null;
    this.#writing++;
    this.#store
      .save(pending.doc, mode)
      .then(
        () => this.#events.saved(),
        (err: unknown) => this.#events.failed(err instanceof Error ? err.message : String(err)),
      )
      .finally(() => {
        this.#writing--;
        this.#schedule();
      });
  }
}
