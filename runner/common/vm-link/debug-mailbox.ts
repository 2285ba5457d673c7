// The debugger's commands from a runner's main thread to its VM thread, through shared memory: the
// VM thread cannot take a message while a cart's frame runs or while it is paused inside the hook,
// and breakpoints, steps and inspections must reach it exactly then. One command at a time: the
// main thread writes it and bumps SEQ; the VM thread reads it and sets ACK to SEQ.
import type { HostMessage } from '../protocol.js';

export type DebugCommand = Extract<HostMessage, { type: 'breakpoints' | 'step' | 'inspect' }>;

const HEADER = { SEQ: 0, ACK: 1, LENGTH: 2 } as const;
const HEADER_BYTES = 16;
/** Room for the largest command the protocol allows (10,000 breakpoints with long conditions would not fit; the studio sends far fewer). */
export const MAILBOX_BYTES = 1024 * 1024;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function createDebugMailbox(): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER_BYTES + MAILBOX_BYTES);
}

/** The main thread's side: commands wait here until the VM thread has taken the one before. */
export class MailboxWriter {
  readonly #header: Int32Array;
  readonly #bytes: Uint8Array;
  readonly #queue: Uint8Array[] = [];

  constructor(buffer: SharedArrayBuffer) {
    this.#header = new Int32Array(buffer, 0, HEADER_BYTES / 4);
    this.#bytes = new Uint8Array(buffer, HEADER_BYTES);
  }

  /** Queues a command; false when it is too large to ever be delivered. */
  post(command: DebugCommand): boolean {
    const data = encoder.encode(JSON.stringify(command));
    if (data.length > MAILBOX_BYTES) return false;
    this.#queue.push(data);
    this.pump();
    return true;
  }

  /** Writes the next queued command when the last one was taken; true when a command is waiting for the VM thread. */
  pump(): boolean {
    const seq = Atomics.load(this.#header, HEADER.SEQ);
    if (Atomics.load(this.#header, HEADER.ACK) !== seq) return true;
    const next = this.#queue.shift();
    if (!next) return false;
    this.#bytes.set(next);
    Atomics.store(this.#header, HEADER.LENGTH, next.length);
    Atomics.store(this.#header, HEADER.SEQ, seq + 1);
    return true;
  }
}

/** The VM thread's side. */
export class MailboxReader {
  readonly #header: Int32Array;
  readonly #bytes: Uint8Array;

  constructor(buffer: SharedArrayBuffer) {
    this.#header = new Int32Array(buffer, 0, HEADER_BYTES / 4);
    this.#bytes = new Uint8Array(buffer, HEADER_BYTES);
  }

  /** The command waiting, if any; taking it lets the main thread write the next. */
  take(): DebugCommand | null {
    const seq = Atomics.load(this.#header, HEADER.SEQ);
    if (Atomics.load(this.#header, HEADER.ACK) === seq) return null;
    const length = Atomics.load(this.#header, HEADER.LENGTH);
    // Copied out first: TextDecoder refuses views of shared memory.
    const text = decoder.decode(this.#bytes.slice(0, length));
    Atomics.store(this.#header, HEADER.ACK, seq);
    // Written by this runner's own main thread from a validated host message.
    return JSON.parse(text) as DebugCommand;
  }
}
