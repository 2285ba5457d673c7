// Carts written to hurt: escapes from the Lua sandbox, CPU traps, C-level hangs, memory bombs,
// API abuse and floods. Each must end exactly as listed, in its own runner process, with that
// process gone afterwards and this host process unharmed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runHeadless } from '../../runner/node/headless-run.js';
import { spawnRunner } from '../../runner/node/runner-process.js';
import type { HostMessage, RunnerMessage } from '../../runner/common/protocol.js';
import { ATTACKS, LUA_LOOPS } from '../fixtures/hostile-carts.js';
import { isAlive } from '../fixtures/processes.js';

describe('hostile carts', { concurrency: 2 }, () => {
  for (const attack of ATTACKS) {
    it(attack.name, async () => {
      const traces: string[] = [];
      const result = await runHeadless(
        { name: 'cart.lua', code: attack.code },
        { frames: 1, deterministic: true, hangMs: attack.hangMs ?? (attack.status === 'hung' ? 300 : 5000), onTrace: (text) => traces.push(text) },
      );
      assert.equal(result.status, attack.status, `${attack.name}: ${result.message ?? ''}`);
      if (attack.message) assert.match(result.message ?? '', attack.message);
      if (attack.line !== undefined) assert.equal(result.line, attack.line, `${attack.name}: line`);
      if (attack.traces) assert.deepEqual(traces, attack.traces);
      assert.ok(!isAlive(result.pid), `${attack.name}: runner ${result.pid} is still alive`);
    });
  }
});

describe('every Lua loop, under a per-frame instruction budget', { concurrency: 2 }, () => {
  for (const attack of LUA_LOOPS) {
    it(attack.name, async () => {
      // The watchdog's time limit is far away: only the instruction count can stop these.
      const result = await runHeadless({ name: 'cart.lua', code: attack.code }, { frames: 1, deterministic: true, hangMs: 60_000, instructionBudget: 100_000 });
      assert.equal(result.status, 'hung', `${attack.name}: ${result.message ?? ''}`);
      assert.equal(result.message, `cart.lua: the cart was stopped at line ${attack.line}: one frame ran more than its budget of 100000 Lua instructions`);
      assert.equal(result.line, attack.line);
      assert.ok(!isAlive(result.pid), `${attack.name}: runner ${result.pid} is still alive`);
    });
  }
});

it('a runner drops malformed and oversized messages and still runs the cart', async () => {
  const runner = spawnRunner();
  const seen: RunnerMessage[] = [];
  const frame = new Promise<void>((resolve) =>
    runner.onMessage((msg) => {
      seen.push(msg);
      if (msg.type === 'frame') resolve();
    }),
  );
  const junk: unknown[] = [
    { type: 'start', cart: 5 },
    { type: 'start', cart: { name: 'x.lua', code: 'x'.repeat(2 * 1024 * 1024) }, options: { deterministic: false, pacing: 'fast' } },
    { type: 'input', input: { gamepads: 'all' } },
    { type: 'evaluate', code: 'os.exit()' },
    'start',
    42,
  ];
  for (const message of junk) runner.send(message as HostMessage);
  runner.send({ type: 'start', cart: { name: 'ok.lua', code: 'function TIC() cls(2) end' }, options: { deterministic: true, pacing: 'fast', maxFrames: 3 } });
  await frame;
  assert.ok(!seen.some((m) => m.type === 'error'), JSON.stringify(seen.filter((m) => m.type === 'error')));
  runner.kill();
  await runner.exited;
  assert.ok(!isAlive(runner.pid));
});
