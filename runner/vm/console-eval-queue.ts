// Code from the studio console, queued as it comes and run in the cart's Lua state between frames.
// Its results and errors come back as trace lines: an error there is reported but, unlike one in
// the cart's callbacks, never ends the cart.
import type { EvalResult } from './cart-script.js';

/** Palette colours of console eval output: results, and errors (red in the default palette). */
const EVAL_RESULT_COLOR = 15;
const EVAL_ERROR_COLOR = 2;

/** Where queued code runs: the cart's current Lua state (a soft reset replaces it). */
export interface EvalTarget {
  evaluate(code: string): EvalResult;
}

export class ConsoleEvalQueue {
  #pending: string[] = [];

  readonly #trace: (text: string, color: number) => void;

  constructor(trace: (text: string, color: number) => void) {
    this.#trace = trace;
  }

  add(code: string): void {
    this.#pending.push(code);
  }

  /** Runs the queued code in the order it came, emptying the queue. */
  runAll(target: EvalTarget): void {
    // Every frame runs this; almost every frame has nothing to run.
    if (this.#pending.length === 0) return;
    for (const code of this.#pending.splice(0)) {
      const result = target.evaluate(code);
      if ('error' in result) this.#trace(result.error, EVAL_ERROR_COLOR);
      else for (const text of result.results) this.#trace(text, EVAL_RESULT_COLOR);
    }
  }
}
