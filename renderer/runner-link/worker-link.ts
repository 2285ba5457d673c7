// Browser-only runners: each cart runs in a Web Worker of this page (runner/browser), with no
// server and no runner process. Ending the worker ends the runner and its VM worker at once. The
// studio and an exported game's page each say how to start their runner worker.
import type { CartSource, HostMessage, RunOptions } from '../../runner/common/protocol.js';
import { parseRunnerBatch } from '../../runner/common/protocol-validate.js';
import { CHANNEL_LOST, ListenerSet, STOPPED_BY_HOST, type BatchSource, type RunnerLink, type RunnerMessageListener } from './runner-link.js';

export class WorkerRunnerLink implements RunnerLink {
  readonly #listeners = new ListenerSet();
  readonly #spawn: () => Worker;
  #worker: Worker | null = null;

  /** spawn: starts a runner worker, ready for the protocol's 'start'. */
  constructor(spawn: () => Worker) {
    this.#spawn = spawn;
  }

  start(cart: CartSource, options: RunOptions, pmem?: Uint8Array): void {
    this.#end();
    const worker = this.#spawn();
    this.#worker = worker;
    const source: BatchSource = {
      cartName: cart.name,
      current: () => this.#worker === worker,
      acknowledge: (ack) => worker.postMessage(ack),
      end: () => this.#end(),
    };
    worker.addEventListener('message', (event: MessageEvent<unknown>) => this.#listeners.emitBatch(parseRunnerBatch(event.data), source));
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      if (this.#worker !== worker) return;
      console.error(`nibble: the runner worker failed: ${event.message}`);
      this.#end();
      this.#listeners.emit(CHANNEL_LOST);
    });
    worker.postMessage({ type: 'start', cart, options, ...(pmem ? { pmem } : {}) } satisfies HostMessage);
  }

  send(msg: HostMessage): void {
    this.#worker?.postMessage(msg);
  }

  stop(): void {
    if (!this.#worker) return;
    this.#end();
    this.#listeners.emit(STOPPED_BY_HOST);
  }

  onMessage(cb: RunnerMessageListener): void {
    this.#listeners.add(cb);
  }

  #end(): void {
    this.#worker?.terminate();
    this.#worker = null;
  }
}
