// Browser-only runners: each cart runs in a Web Worker of this page (runner/browser), with no
// server and no runner process. Ending the worker ends the runner and its VM worker at once.
import type { CartSource, HostMessage, RunOptions } from '../../runner/common/protocol.js';
import { parseRunnerBatch } from '../../runner/common/protocol-validate.js';
import { CHANNEL_LOST, ListenerSet, STOPPED_BY_HOST, type BatchSource, type RunnerLink, type RunnerMessageListener } from './runner-link.js';

export class WorkerRunnerLink implements RunnerLink {
  readonly #listeners = new ListenerSet();
  #worker: Worker | null = null;

  start(cart: CartSource, options: RunOptions, pmem?: Uint8Array): void {
    this.#end();
    const worker = new Worker(new URL('../../runner/browser/runner-worker.ts', import.meta.url), { type: 'module', name: 'nibble-runner' });
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
