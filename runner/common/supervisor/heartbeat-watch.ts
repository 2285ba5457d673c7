// The watchdog of a VM thread that shares no memory with this one (VmThreadInit.heartbeat): the VM
// thread's heartbeats come only while its event loop is free, so their silence means the cart's
// code has been running that long. It is reported as 'busy' (without a line: nothing can look into
// the VM from here); the host decides when to end the runner. Break and Resume cannot be served.
import { now } from '../clock.js';
import type { RunnerMessage } from '../protocol.js';
import { SAMPLE_AFTER_MS } from './watchdog.js';

const POLL_MS = 20;
const REPORT_EVERY_MS = 100;

export class HeartbeatWatch {
  readonly #send: (msg: RunnerMessage) => void;
  #timer: ReturnType<typeof setInterval> | undefined;
  #lastBeat = 0;
  #nextReportAt = 0;

  constructor(send: (msg: RunnerMessage) => void) {
    this.#send = send;
  }

  /** The VM is loaded: from now on its heartbeats are expected. */
  attach(): void {
    this.alive();
    this.#timer = setInterval(() => this.#poll(), POLL_MS);
  }

  alive(): void {
    this.#lastBeat = now();
    this.#nextReportAt = this.#lastBeat + SAMPLE_AFTER_MS;
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #poll(): void {
    const time = now();
    if (time < this.#nextReportAt) return;
    this.#send({ type: 'busy', ms: Math.round(time - this.#lastBeat) });
    this.#nextReportAt = time + REPORT_EVERY_MS;
  }
}
