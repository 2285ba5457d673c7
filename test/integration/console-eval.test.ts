// The studio console's eval through a real runner process: code runs in the live cart's Lua state
// between frames, its results and errors come back as traces, and the cart keeps running.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { RunnerMessage } from '../../runner/common/protocol.js';
import { spawnRunner } from '../../runner/node/runner-process.js';

type Trace = Extract<RunnerMessage, { type: 'trace' }>;

function watch(runner: ReturnType<typeof spawnRunner>) {
  const seen: RunnerMessage[] = [];
  const waiters: { accept: (m: RunnerMessage) => boolean; resolve: (m: RunnerMessage) => void }[] = [];
  runner.onMessage((msg) => {
    seen.push(msg);
    for (const w of waiters.filter((w) => w.accept(msg))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(msg);
    }
  });
  return {
    seen,
    traces: () => seen.filter((m): m is Trace => m.type === 'trace'),
    next(accept: (m: RunnerMessage) => boolean): Promise<RunnerMessage> {
      const earlier = seen.find(accept);
      if (earlier) return Promise.resolve(earlier);
      return new Promise((resolve) => waiters.push({ accept, resolve }));
    },
  };
}

const isTrace = (text: string) => (m: RunnerMessage) => m.type === 'trace' && m.text === text;

it('eval runs in the live cart, reports results and errors, and the cart keeps running', async () => {
  const runner = spawnRunner();
  const messages = watch(runner);
  const code = ['x = 0', 'function TIC()', '  if x == 5 and not told then told = true trace("cart sees " .. x) end', 'end'].join('\n');
  runner.send({ type: 'start', cart: { name: 'eval.lua', code }, options: { deterministic: true, pacing: 'realtime' } });
  // Sent at once, before the VM has made the machine: it is kept for the first frame.
  runner.send({ type: 'eval', code: 'x = 5 return x * 2' });
  const result = await messages.next(isTrace('10'));
  assert.deepEqual(result, { type: 'trace', text: '10', color: 15 });
  await messages.next(isTrace('cart sees 5'));

  runner.send({ type: 'eval', code: 'error("boom")' });
  const error = (await messages.next((m) => m.type === 'trace' && m.text.includes('boom'))) as Trace;
  assert.equal(error.color, 2);
  assert.match(error.text, /^console:1: boom$/);

  runner.send({ type: 'eval', code: '1 + 2, "a", nil' });
  await messages.next(isTrace('nil'));
  const texts = messages.traces().map((t) => t.text);
  assert.deepEqual(texts.slice(texts.indexOf('3')), ['3', 'a', 'nil']);

  runner.send({ type: 'eval', code: 'x = ' });
  const syntax = (await messages.next((m) => m.type === 'trace' && m.color === 2 && m.text.includes('near <eof>'))) as Trace;
  assert.match(syntax.text, /^console:1:/);

  const framesBefore = messages.seen.filter((m) => m.type === 'frame').length;
  await messages.next((m) => m.type === 'frame' && messages.seen.filter((s) => s.type === 'frame').length > framesBefore + 2);
  assert.equal(
    messages.seen.some((m) => m.type === 'error'),
    false,
    'an eval error ended the cart',
  );

  const gone = messages.next((m) => m.type === 'gone');
  runner.kill();
  assert.equal(((await gone) as Extract<RunnerMessage, { type: 'gone' }>).reason, 'stopped');
});
