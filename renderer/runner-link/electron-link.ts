// Desktop mode: the main process spawns the runner and hands the page a MessagePort straight to
// it. Messages are structured-clone objects, checked like anything else that crosses a process.
import type { CartSource, HostMessage, RunOptions } from '../../runner/common/protocol.js';
import { parseRunnerBatch } from '../../runner/common/protocol-validate.js';
import type { NibbleElectronBridge, RunnerGoneInfo } from './electron-bridge.js';
import { ListenerSet, STOPPED_BY_HOST, type BatchSource, type RunnerLink, type RunnerMessageListener } from './runner-link.js';

export class ElectronRunnerLink implements RunnerLink {
  readonly #bridge: NibbleElectronBridge;
  readonly #listeners = new ListenerSet();
  #live = false;
  #port: MessagePort | null = null;
  #queue: HostMessage[] = [];
  /** The live runner's cart, for messages about it. */
  #cartName = 'the cart';
  /** Ports of runners ended or replaced before their port arrived: closed on arrival. */
  #stalePorts = 0;
  /** 'gone' reports still to come for runners stop() ended (already reported as stopped). */
  #staleGones = 0;

  constructor(bridge: NibbleElectronBridge) {
    this.#bridge = bridge;
    bridge.onRunnerPort((port) => this.#attach(port));
    bridge.onRunnerGone((info) => this.#gone(info));
  }

  start(cart: CartSource, options: RunOptions, pmem?: Uint8Array): void {
    // startRunner replaces a live runner by itself, and the main process never reports the end
    // of a replaced runner.
    if (this.#live && !this.#port) this.#stalePorts += 1;
    this.#drop();
    this.#live = true;
    this.#cartName = cart.name;
    this.#queue = [{ type: 'start', cart, options, ...(pmem ? { pmem } : {}) }];
    this.#bridge.startRunner();
  }

  send(msg: HostMessage): void {
    if (!this.#live) return;
    if (this.#port) this.#port.postMessage(msg);
    else this.#queue.push(msg);
  }

  /** Reports the end at once; the main process's own report of it is skipped when it comes. */
  stop(): void {
    if (!this.#live) return;
    this.#end();
    this.#listeners.emit(STOPPED_BY_HOST);
  }

  onMessage(cb: RunnerMessageListener): void {
    this.#listeners.add(cb);
  }

  #attach(port: MessagePort): void {
    if (this.#stalePorts > 0 || !this.#live || this.#port) {
      if (this.#stalePorts > 0) this.#stalePorts -= 1;
      port.close();
      return;
    }
    this.#port = port;
    const source: BatchSource = {
      cartName: this.#cartName,
      current: () => this.#port === port,
      acknowledge: (ack) => port.postMessage(ack),
      end: () => this.#end(),
    };
    port.onmessage = (event: MessageEvent<unknown>) => this.#listeners.emitBatch(parseRunnerBatch(event.data), source);
    port.start();
    for (const msg of this.#queue) port.postMessage(msg);
    this.#queue = [];
  }

  #gone(info: RunnerGoneInfo): void {
    if (this.#staleGones > 0) {
      this.#staleGones -= 1;
      return;
    }
    if (!this.#live) return;
    this.#drop();
    this.#listeners.emit({ type: 'gone', reason: info.reason, code: info.code, signal: info.signal });
  }

  /** Ends the live runner without a report of its own. */
  #end(): void {
    if (!this.#port) this.#stalePorts += 1;
    this.#staleGones += 1;
    this.#drop();
    this.#bridge.stopRunner();
  }

  #drop(): void {
    this.#live = false;
    this.#port?.close();
    this.#port = null;
    this.#queue = [];
  }
}
