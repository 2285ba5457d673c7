// How the studio talks to a runner process, whatever carries the messages.
import { frameAck } from '../../runner/common/frame-acks.js';
import type { CartSource, HostMessage, RunOptions, RunnerMessage } from '../../runner/common/protocol.js';
import { malformedBatchError } from '../../runner/common/protocol-validate.js';

export type RunnerMessageListener = (msg: RunnerMessage) => void;

export interface RunnerLink {
  /**
   * Ends any previous runner (without reporting it), spawns a fresh one and sends it 'start', with
   * the cart's persistent memory when the host kept some.
   */
  start(cart: CartSource, options: RunOptions, pmem?: Uint8Array): void;
  /** Delivered once the runner is reachable; dropped when no runner is live. */
  send(msg: HostMessage): void;
  /** Ends the runner process for real, and reports a 'gone' with reason 'stopped'. */
  stop(): void;
  /** Every runner message, including 'gone' when the process ended. */
  onMessage(cb: RunnerMessageListener): void;
}

/** The 'gone' a link reports for a runner it ended itself. */
export const STOPPED_BY_HOST: RunnerMessage = { type: 'gone', reason: 'stopped', code: null, signal: null };

/** The 'gone' a link reports when its channel broke without the host asking. */
export const CHANNEL_LOST: RunnerMessage = { type: 'gone', reason: 'crashed', code: null, signal: null };

/** Fans one message out to every listener. */
export class ListenerSet {
  readonly #listeners: RunnerMessageListener[] = [];

  add(cb: RunnerMessageListener): void {
    this.#listeners.push(cb);
  }

  emit(msg: RunnerMessage): void {
    for (const cb of this.#listeners) cb(msg);
  }

  /**
   * Emits a runner's batch message by message while `current()` holds (a listener may end the
   * runner midway); `before` sees each message first. Then the batch's frames are acknowledged
   * (see frame-acks.ts). A malformed batch (null) ends the runner, reported as an error.
   */
  emitBatch(batch: readonly RunnerMessage[] | null, runner: BatchSource, before?: (msg: RunnerMessage) => void): void {
    if (!batch) {
      console.warn(`nibble: ${runner.cartName} sent a malformed batch of runner messages; its runner was stopped`);
      runner.end();
      this.emit(malformedBatchError(runner.cartName));
      return;
    }
    for (const msg of batch) {
      if (!runner.current()) return;
      before?.(msg);
      this.emit(msg);
    }
    const ack = frameAck(batch);
    if (ack && runner.current()) runner.acknowledge(ack);
  }
}

/** The runner a batch came from, as its link sees it. */
export interface BatchSource {
  /** The name of the cart it runs, for messages about it. */
  readonly cartName: string;
  /** It is still the link's runner. */
  current(): boolean;
  /** Sends it the acknowledgement of frames. */
  acknowledge(ack: HostMessage): void;
  /** Ends it without a report (the link reports why). */
  end(): void;
}
