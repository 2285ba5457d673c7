// trace() output, limited per frame so that a cart tracing in a loop cannot flood the host: past
// the limit, lines are counted instead of sent, and the frame ends with one line saying how many.
import { clipText } from '../common/clip-text.js';
import type { MessageOf, RunnerMessage } from '../common/protocol.js';

const MAX_TRACES_PER_FRAME = 100;
const MAX_TRACE_CHARS = 4096;
/** Palette colour of the notice of dropped lines. */
const DROPPED_NOTICE_COLOR = 14;

export type TraceMessage = MessageOf<RunnerMessage, 'trace'>;

export class TraceThrottle {
  #sentThisFrame = 0;
  #dropped = 0;

  readonly #send: (msg: TraceMessage) => void;

  constructor(send: (msg: TraceMessage) => void) {
    this.#send = send;
  }

  trace(text: string, color: number): void {
    if (this.#sentThisFrame >= MAX_TRACES_PER_FRAME) {
      this.#dropped++;
      return;
    }
    this.#sentThisFrame++;
    this.#send({ type: 'trace', text: clipText(text, MAX_TRACE_CHARS), color });
  }

  /** Reports the lines dropped this frame, if any, and starts the count over. */
  endFrame(): void {
    if (this.#dropped > 0) {
      this.#send({
        type: 'trace',
        text: `… ${this.#dropped} more trace lines this frame were dropped (at most ${MAX_TRACES_PER_FRAME} a frame)`,
        color: DROPPED_NOTICE_COLOR,
      });
    }
    this.#sentThisFrame = 0;
    this.#dropped = 0;
  }
}
