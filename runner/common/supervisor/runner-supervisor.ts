// The runner's main thread, whatever hosts it (a Node process, a browser worker): it routes the
// host's messages to the VM thread or to the watchdog, batches the VM's messages to the host (whole
// frames only where it asked for them, see frame-output.ts), and outlives anything that happens to
// the VM thread (an error, a wasm trap, its termination).
import { clipText } from '../clip-text.js';
import { MessageBatcher, type Scheduler } from '../message-batch.js';
import type { RunnerMessage, SandboxState } from '../protocol.js';
import { parseHostMessage } from '../protocol-validate.js';
import { Slot } from '../vm-link/control-block.js';
import { FrameOutputFilter } from './frame-output.js';
import { HeartbeatWatch } from './heartbeat-watch.js';
import { Watchdog } from './watchdog.js';
import type { FromVm, ToVm, VmThreadInit } from '../vm-link/thread-messages.js';
import { unreachable } from '../unreachable.js';

/** The VM thread as its host made it (a worker_threads Worker, a Web Worker). */
export interface VmThread {
  post(msg: ToVm): void;
  terminate(): void;
  onMessage(cb: (msg: FromVm) => void): void;
  /** The thread died of an uncaught error (a wasm trap is one). */
  onError(cb: (message: string) => void): void;
  /**
   * Delivers to onMessage's callback, at once and in order, the messages the VM thread has posted
   * that are still queued. Where a host has it (Node; a browser has no synchronous receive), the
   * main thread's own news waits for those: FrameOutputFilter tells of the frames drawn so far
   * ahead of any news, and a frame told of that way before its own message came would be taken
   * by the host as one it already had (a --png-frames picture, a --wav frame's audio, lost).
   */
  drain?(): void;
}

export interface RunnerHost {
  /** Delivers a batch of messages to whoever started the runner. */
  send(batch: RunnerMessage[]): void;
  schedule: Scheduler;
  /**
   * The VM is loaded and waits: the host restricts itself now, before the cart's first instruction
   * runs. Returns the sandbox's state, and a note for the user when something is missing.
   */
  lockDown(): { sandbox: SandboxState; note?: string };
  /** A host message that failed validation. */
  dropped(): void;
}

export class RunnerSupervisor {
  readonly #vm: VmThread;
  readonly #host: RunnerHost;
  readonly #outbox: MessageBatcher<RunnerMessage>;
  /** Watches the VM through shared memory; null in heartbeat mode, where #heartbeat does. */
  readonly #watchdog: Watchdog | null;
  readonly #heartbeat: HeartbeatWatch | null;
  readonly #frames: FrameOutputFilter;
  readonly #news: (msg: RunnerMessage) => void;
  #vmEnded = false;
  /** The cart's name once 'start' came, for messages about the VM as a whole. */
  #cartName = 'the cart';

  /** The console's RAM, which the VM thread draws into: read here for 'read-ram', whatever the cart is doing. */
  readonly #ram: Uint8Array;

  /** init: what the VM thread was given, whose control block, budget, debug mailbox and RAM the watchdog and this thread share. */
  constructor(
    vm: VmThread,
    host: RunnerHost,
    init: Pick<VmThreadInit, 'control' | 'instructionBudget' | 'debugMailbox' | 'ram' | 'heartbeat' | 'latestFrame'>,
  ) {
    this.#ram = new Uint8Array(init.ram);
    this.#vm = vm;
    this.#host = host;
    this.#outbox = new MessageBatcher((batch) => host.send(batch), host.schedule);
    this.#frames = new FrameOutputFilter((msg) => this.#outbox.push(msg), init.latestFrame);
    const send = (msg: RunnerMessage) => this.#frames.send(msg);
    /** News of this thread's own (the watchdog's, a crash, the RAM read), after the VM's queued messages. */
    const news = (msg: RunnerMessage) => {
      vm.drain?.();
      send(msg);
    };
    this.#news = news;
    this.#heartbeat = init.heartbeat ? new HeartbeatWatch(news) : null;
    this.#watchdog =
      init.heartbeat || !init.debugMailbox
        ? null
        : new Watchdog(
            init.control,
            init.instructionBudget,
            news,
            (msg) => {
              this.#endVm();
              news(msg);
            },
            init.debugMailbox,
          );
    vm.onMessage((msg) => {
      if (msg.type === 'vm-alive') return this.#heartbeat?.alive();
      if (msg.type === 'vm-tick') return this.#frames.send(msg);
      if (msg.type !== 'vm-ready') return send(msg);
      const lockdown = host.lockDown();
      const note = [msg.note, lockdown.note].filter(Boolean).join('; ');
      this.#watchdog?.attach(msg);
      this.#heartbeat?.attach();
      // 'ready' before the VM is let go: the frames drawn so far are told of ahead of any message
      // (FrameOutputFilter), so frames drawn by then would reach the host ahead of 'ready' as counted,
      // and their own messages (a frame it asked for whole) after it, as frames it already had.
      send({ type: 'ready', hookMode: msg.hookMode, ...(note ? { note } : {}), sandbox: lockdown.sandbox });
      Atomics.store(init.control, Slot.GO, 1);
      Atomics.notify(init.control, Slot.GO);
    });
    vm.onError((message) => {
      this.#endVm();
      news({
        type: 'error',
        message: clipText(
          `${this.#cartName}: the cart's Lua VM crashed (${message}) and was stopped; nothing else was affected. Run the cart again, and if it crashes at the same point again, report it with the cart.`,
        ),
      });
    });
  }

  /** A message from the host, validated here. */
  receive(raw: unknown): void {
    const msg = parseHostMessage(raw);
    if (!msg) return this.#host.dropped();
    switch (msg.type) {
      case 'start':
        this.#cartName = msg.cart.name;
        this.#frames.start(msg.options);
        if (!this.#vmEnded) this.#vm.post(msg);
        break;
      case 'input':
      case 'menu':
      case 'eval':
      case 'ack':
      case 'reload':
        if (!this.#vmEnded) this.#vm.post(msg);
        break;
      // Without shared memory (heartbeat mode) a cart cannot be paused nor debugged: the 'ready' note says so.
      case 'breakpoints':
      case 'step':
      case 'inspect':
        if (!this.#vmEnded && this.#watchdog && !this.#watchdog.postDebug(msg)) this.#host.dropped();
        break;
      case 'read-ram':
        this.#news({ type: 'ram', bytes: this.#ram.slice() });
        break;
      case 'break':
        this.#watchdog?.requestBreak();
        break;
      case 'resume':
        this.#watchdog?.resume();
        break;
      default:
        unreachable(msg);
    }
  }

  #endVm(): void {
    this.#vmEnded = true;
    this.#watchdog?.stop();
    this.#heartbeat?.stop();
    this.#vm.terminate();
  }
}
