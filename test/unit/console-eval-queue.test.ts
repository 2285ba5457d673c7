// The console's eval queue: code run between frames, whose errors end nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EvalResult } from '../../runner/vm/cart-script.js';
import { ConsoleEvalQueue } from '../../runner/vm/console-eval-queue.js';

describe('console eval queue', () => {
  it('runs queued code in order once, results in colour 15 and errors in colour 2', () => {
    const traced: [string, number][] = [];
    const queue = new ConsoleEvalQueue((text, color) => traced.push([text, color]));
    const ran: string[] = [];
    const target = {
      evaluate: (code: string): EvalResult => {
        ran.push(code);
        return code === 'boom' ? { error: 'console:1: boom' } : { results: [code, 'nil'] };
      },
    };
    queue.add('a');
    queue.add('boom');
    queue.runAll(target);
    queue.runAll(target);
    assert.deepEqual(ran, ['a', 'boom']);
    assert.deepEqual(traced, [
      ['a', 15],
      ['nil', 15],
      ['console:1: boom', 2],
    ]);
  });
});
