// Messages between processes go out in batches. A cart that traces a hundred lines a frame would
// otherwise cost every hop (runner, server, studio page) one task per line: in the studio that
// alone took the page from 60 to 25 frames a second.

/** Runs a callback soon, after the events already waiting (setImmediate in Node, a task in browsers). */
export type Scheduler = (callback: () => void) => void;

export class MessageBatcher<T> {
  readonly #deliver: (batch: T[]) => void;
  readonly #schedule: Scheduler;
  #pending: T[] = [];
  #scheduled = false;

  constructor(deliver: (batch: T[]) => void, schedule: Scheduler) {
    this.#deliver = deliver;
    this.#schedule = schedule;
  }

  /** Queues a message; everything queued before the scheduled flush goes out together, in order. */
  push(message: T): void {
    this.#pending.push(message);
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.#schedule(() => this.flush());
  }

  flush(): void {
    this.#scheduled = false;
    if (this.#pending.length === 0) return;
    const batch = this.#pending;
    this.#pending = [];
    this.#deliver(batch);
  }
}
