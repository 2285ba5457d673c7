// The farm's slice timer: a thread of its own that preempts a frame at the end of its time slice.
// The farm's main thread also takes every frame's pixels and runs its users' listeners, so a timer
// there fires late when it is busy, and a hung cart then kept its worker for as long. This thread
// does nothing else: it sleeps until a worker starts a slice (workers wake it), watches while any
// slice runs, and sleeps for good again once none does.
import { Request } from '../vm-link/control-block.js';
import { requestOnCart, type CartRemote } from './cart-request.js';
import { farmClock, WorkerSlot } from './farm-messages.js';

export type ToSliceTimer =
  /** From the main thread: a worker to watch (its slice block, farm-messages.ts), and one that is gone. */
  | { type: 'worker'; index: number; block: Int32Array }
  | { type: 'retire'; index: number }
  /** From a worker, as soon as it has made a cart's VM: what preempting it needs. */
  | { type: 'cart'; id: number; control: Int32Array; remote?: CartRemote }
  /** From the main thread: the cart has ended. */
  | { type: 'forget'; id: number };

/** Index of the farm-wide integer that workers bump (and notify) at the start of every slice, and every thread after a message to the timer. */
export const WAKE = 0;

interface Watched {
  block: Int32Array;
  /** The slice last seen there, and whether it was preempted. */
  slice: number;
  preempted: boolean;
}

export class SliceTimer {
  readonly #workers = new Map<number, Watched>();
  readonly #carts = new Map<number, { control: Int32Array; remote?: CartRemote }>();
  readonly #wake: Int32Array;
  readonly #sliceMs: number;
  readonly #origin: number;
  readonly #receive: () => ToSliceTimer | undefined;
  /** origin: the farm's clock origin (farmClock). */
  constructor(wake: Int32Array, sliceMs: number, origin: number, receive: () => ToSliceTimer | undefined) {
    this.#receive = receive;
    this.#origin = origin;
    this.#sliceMs = sliceMs;
    this.#wake = wake;
  }

  /** Never returns: the thread is ended from outside. */
  run(): never {
    for (;;) {
      // Read before looking: a slice that starts while this thread looks then cuts its sleep short.
      const seen = Atomics.load(this.#wake, WAKE);
      this.#takeMessages();
      Atomics.wait(this.#wake, WAKE, seen, this.#look(farmClock(this.#origin)));
    }
  }

  #takeMessages(): void {
    for (let msg = this.#receive(); msg; msg = this.#receive()) {
      if (msg.type === 'worker') this.#workers.set(msg.index, { block: msg.block, slice: -1, preempted: false });
      else if (msg.type === 'retire') this.#workers.delete(msg.index);
      else if (msg.type === 'cart') this.#carts.set(msg.id, { control: msg.control, remote: msg.remote });
      else this.#carts.delete(msg.id);
    }
  }

  /** Preempts frames past their slice; returns how long to sleep: until the next slice's end, or until woken. */
  #look(now: number): number {
    let sleep = Infinity;
    for (const w of this.#workers.values()) {
      const id = Atomics.load(w.block, WorkerSlot.CART) - 1;
      const slice = Atomics.load(w.block, WorkerSlot.SLICE);
      if (id < 0) {
        w.slice = -1;
        continue;
      }
      if (slice !== w.slice) Object.assign(w, { slice, preempted: false });
      if (w.preempted) continue;
      const left = this.#sliceMs - ((now - Atomics.load(w.block, WorkerSlot.STARTED_MS)) | 0);
      const cart = this.#carts.get(id);
      if (left > 0 || !cart) {
        // A cart not heard of yet: its worker wakes this thread when it tells of it.
        sleep = Math.min(sleep, Math.max(1, left));
        continue;
      }
      w.preempted = true;
      requestOnCart(cart.control, cart.remote, Request.PREEMPT);
    }
    return sleep;
  }
}
