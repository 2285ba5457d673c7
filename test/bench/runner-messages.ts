// Waiting for a runner's messages one at a time, each stamped with when it reached this process.
import type { RunnerMessage } from '../../runner/common/protocol.js';
import type { RunnerProcess } from '../../runner/node/runner-process.js';

export interface Arrival<M extends RunnerMessage = RunnerMessage> {
  msg: M;
  /** performance.now() when the message arrived. */
  at: number;
}

interface Waiter {
  match(msg: RunnerMessage): boolean;
  resolve(arrival: Arrival): void;
}

export class RunnerMessages {
  #waiters: Waiter[] = [];
  #lastProblem: string | undefined;

  constructor(runner: RunnerProcess) {
    runner.onMessage((msg) => {
      const at = performance.now();
      if (msg.type === 'error' || msg.type === 'hung' || msg.type === 'gone') this.#lastProblem = `${msg.type}: ${JSON.stringify(msg)}`;
      for (const waiter of this.#waiters.filter((w) => w.match(msg))) {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        waiter.resolve({ msg, at });
      }
    });
  }

  /** The next message of this type (that passes match, if given). */
  next<T extends RunnerMessage['type']>(
    type: T,
    timeoutMs: number,
    match?: (msg: Extract<RunnerMessage, { type: T }>) => boolean,
  ): Promise<Arrival<Extract<RunnerMessage, { type: T }>>> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        match: (msg) => msg.type === type && (!match || match(msg as Extract<RunnerMessage, { type: T }>)),
        resolve: (arrival) => {
          clearTimeout(timer);
          resolve(arrival as Arrival<Extract<RunnerMessage, { type: T }>>);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        reject(new Error(`no '${type}' message from the runner within ${timeoutMs} ms${this.#lastProblem ? ` (last problem: ${this.#lastProblem})` : ''}`));
      }, timeoutMs);
      this.#waiters.push(waiter);
    });
  }
}
