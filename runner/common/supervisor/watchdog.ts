// The runner's main thread watches its VM thread through the shared control block. When the cart's
// code runs past its frame, it arms the VM's hook from outside (no hook is set the rest of the
// time, so normal frames pay nothing) to learn the line, pause it, or find it stuck in one C call.
import { now } from '../clock.js';
import type { RunnerMessage } from '../protocol.js';
import { Request, Slot } from '../vm-link/control-block.js';
import { MailboxWriter, type DebugCommand } from '../vm-link/debug-mailbox.js';
import { armHook } from '../vm-link/hook-fields.js';
import type { VmReady } from '../vm-link/thread-messages.js';

const POLL_MS = 20;
/** A frame running longer than this gets its line sampled. */
export const SAMPLE_AFTER_MS = 100;
const SAMPLE_EVERY_MS = 100;
/** A hook that has not fired this long after being armed means the cart is inside one C call. */
export const STUCK_AFTER_MS = 500;

export class Watchdog {
  #remote: VmReady['remote'];
  #timer: ReturnType<typeof setInterval> | undefined;
  #seq = -1;
  #busySince = 0;
  #nextSampleAt = 0;
  #pending: { since: number; ack: number } | undefined;
  #lastLine: number | undefined;

  /** instructionBudget: the VM's per-frame budget (0 for none), for the message when a frame exceeds it. */
  readonly #control: Int32Array;
  readonly #instructionBudget: number;
  readonly #send: (msg: RunnerMessage) => void;
  readonly #endVm: (msg: RunnerMessage) => void;
  readonly #mailbox: MailboxWriter;
  constructor(
    control: Int32Array,
    instructionBudget: number,
    send: (msg: RunnerMessage) => void,
    endVm: (msg: RunnerMessage) => void,
    debugMailbox: SharedArrayBuffer,
  ) {
    this.#mailbox = new MailboxWriter(debugMailbox);
    this.#endVm = endVm;
    this.#send = send;
    this.#instructionBudget = instructionBudget;
    this.#control = control;
  }

  attach(ready: VmReady): void {
    this.#remote = ready.remote;
    this.#timer = setInterval(() => this.#poll(), POLL_MS);
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** Pauses the cart at the next instruction it runs. */
  requestBreak(): void {
    if (Atomics.load(this.#control, Slot.PAUSED)) return;
    Atomics.store(this.#control, Slot.REQUEST, Request.BREAK);
    this.#arm();
  }

  resume(): void {
    Atomics.store(this.#control, Slot.RESUME, 1);
    this.#wake();
  }

  /**
   * A debugger command for the VM thread. A paused cart is woken to take it; a running one is
   * interrupted by the hook, so a breakpoint set inside a loop that never ends still takes effect;
   * between frames the VM thread takes it before the cart's code runs again.
   */
  postDebug(command: DebugCommand): boolean {
    if (!this.#mailbox.post(command)) return false;
    this.#deliverDebug();
    return true;
  }

  #deliverDebug(): void {
    if (!this.#mailbox.pump()) return;
    if (Atomics.load(this.#control, Slot.PAUSED)) return this.#wake();
    if (Atomics.load(this.#control, Slot.PHASE) === 0) return;
    if (Atomics.compareExchange(this.#control, Slot.REQUEST, Request.NONE, Request.DEBUG) === Request.NONE) this.#arm();
  }

  #wake(): void {
    Atomics.add(this.#control, Slot.WAKE, 1);
    Atomics.notify(this.#control, Slot.WAKE);
  }

  #arm(): void {
    const remote = this.#remote;
    if (!remote) return; // always-on mode: the hook checks the request by itself
    // ARMING tells the VM thread not to release coroutines while their fields are being written.
    Atomics.store(this.#control, Slot.ARMING, 1);
    try {
      armHook(new DataView(remote.memory.buffer), remote.layout, Atomics.load(this.#control, Slot.THREAD), remote.hookFn);
    } finally {
      Atomics.store(this.#control, Slot.ARMING, 0);
      Atomics.notify(this.#control, Slot.ARMING);
    }
  }

  #poll(): void {
    this.#deliverDebug();
    if (Atomics.load(this.#control, Slot.OVER_BUDGET)) {
      this.stop();
      const line = Atomics.load(this.#control, Slot.LINE);
      this.#endVm({
        type: 'hung',
        message: `the cart was stopped${line > 0 ? ` at line ${line}` : ''}: one frame ran more than its budget of ${this.#instructionBudget} Lua instructions`,
        ...(line > 0 ? { line } : {}),
      });
      return;
    }
    const time = now();
    const phase = Atomics.load(this.#control, Slot.PHASE);
    const seq = Atomics.load(this.#control, Slot.SEQ);
    if (phase === 0 || seq !== this.#seq) {
      this.#seq = phase === 0 ? -1 : seq;
      this.#busySince = time;
      this.#nextSampleAt = time + SAMPLE_AFTER_MS;
      this.#pending = undefined;
      this.#lastLine = undefined;
      return;
    }
    if (Atomics.load(this.#control, Slot.PAUSED)) {
      this.#busySince += POLL_MS;
      this.#pending = undefined;
      return;
    }
    const elapsed = time - this.#busySince;
    if (this.#pending) {
      const ack = Atomics.load(this.#control, Slot.ACK);
      if (ack !== this.#pending.ack) {
        this.#pending = undefined;
        const line = Atomics.load(this.#control, Slot.LINE);
        this.#lastLine = line > 0 ? line : undefined;
        this.#send({ type: 'busy', ms: Math.round(elapsed), ...(this.#lastLine ? { line: this.#lastLine } : {}) });
        this.#nextSampleAt = time + SAMPLE_EVERY_MS;
      } else if (time - this.#pending.since >= STUCK_AFTER_MS) {
        this.stop();
        const where = this.#lastLine ? ` after line ${this.#lastLine}` : '';
        this.#endVm({
          type: 'hung',
          message: `the cart was stopped: it stayed inside one library call (such as string.find or string.rep) for over ${STUCK_AFTER_MS} ms${where}, where it cannot be paused`,
          ...(this.#lastLine ? { line: this.#lastLine } : {}),
        });
      }
      return;
    }
    if (time >= this.#nextSampleAt) {
      if (Atomics.load(this.#control, Slot.REQUEST) === Request.NONE) Atomics.store(this.#control, Slot.REQUEST, Request.SAMPLE);
      this.#pending = { since: time, ack: Atomics.load(this.#control, Slot.ACK) };
      this.#arm();
    }
  }
}
