// A cart's first frame, rendered headless for the library's cover of a cart that has no picture of
// its own. It runs in Web Workers of the page (the runner of ?runner=worker and of exported games),
// which the web studio and the desktop app both have: one cart at a time, one frame, deterministic,
// ended after FIRST_FRAME_TIMEOUT_MS whatever the cart does.
import { cartSourceOf, type Cart } from '../../runner/common/cart/index.js';
import { WorkerRunnerLink } from '../runner-link/worker-link.js';

/** A cart that has not drawn its first frame by then gets no thumbnail. */
export const FIRST_FRAME_TIMEOUT_MS = 3000;

export class FirstFrames {
  readonly #link = new WorkerRunnerLink(
    () => new Worker(new URL('../../runner/browser/runner-worker.ts', import.meta.url), { type: 'module', name: 'nibble-thumbnail' }),
  );
  #queue: Promise<unknown> = Promise.resolve();
  #waiting: ((pixels: Uint8Array | null) => void) | null = null;

  constructor() {
    this.#link.onMessage((msg) => {
      if (msg.type === 'frame') this.#settle(msg.pixels);
      else if (msg.type === 'error' || msg.type === 'gone' || msg.type === 'exit') this.#settle(null);
    });
  }

  /** The cart's first 256 x 144 RGBA frame; null when it fails, exits or takes too long. */
  render(cart: Cart, name: string): Promise<Uint8Array | null> {
    const next = this.#queue.then(() => this.#renderNow(cart, name));
    this.#queue = next;
    return next;
  }

  #renderNow(cart: Cart, name: string): Promise<Uint8Array | null> {
    return new Promise((resolve) => {
      const timeout = setTimeout(() => this.#settle(null), FIRST_FRAME_TIMEOUT_MS);
      this.#waiting = (pixels) => {
        clearTimeout(timeout);
        resolve(pixels);
      };
      this.#link.start(cartSourceOf(cart, name), { deterministic: true, pacing: 'fast', maxFrames: 1, output: { pixelFrames: [], audio: false } });
    });
  }

  #settle(pixels: Uint8Array | null): void {
    const waiting = this.#waiting;
    if (!waiting) return;
    this.#waiting = null;
    this.#link.stop();
    waiting(pixels);
  }
}
