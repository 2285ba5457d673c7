// A WebAssembly trap inside a cart's VM ends that VM only: the runner process reports it, naming
// the cart, and keeps answering its host until the host ends it.
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { HostMessage, RunnerMessage } from '../../runner/common/protocol.js';
import { parseRunnerBatch } from '../../runner/common/protocol-validate.js';
import { isAlive } from '../fixtures/processes.js';

const ENTRY = fileURLToPath(new URL('../fixtures/trapping-runner-entry.js', import.meta.url));

it('a wasm trap in the VM ends the cart with a message naming it; the runner process lives on until its host ends it', async () => {
  const child = fork(ENTRY, [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'], env: {}, execArgv: [] });
  const exited = new Promise<string | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  const seen: RunnerMessage[] = [];
  const crashed = new Promise<RunnerMessage>((resolve) => {
    child.on('message', (raw) => {
      const batch = parseRunnerBatch(raw);
      assert.ok(batch, 'the runner sent a malformed batch');
      seen.push(...batch);
      const error = batch.find((msg) => msg.type === 'error');
      if (error) resolve(error);
    });
  });
  const start: HostMessage = {
    type: 'start',
    cart: { name: 'victim.lua', code: 'function TIC() cls(1) end' },
    options: { deterministic: false, pacing: 'realtime' },
  };
  child.send(start);

  const error = await crashed;
  assert.equal(error.type, 'error');
  assert.match(error.message, /^victim\.lua: the cart's Lua VM crashed \(.*out of bounds.*\) and was stopped; nothing else was affected\./);
  const framesAtCrash = seen.filter((msg) => msg.type === 'frame').length;
  assert.ok(framesAtCrash >= 3, `the cart ran ${framesAtCrash} frames before the trap`);

  await sleep(300);
  assert.ok(child.pid !== undefined && isAlive(child.pid), 'the runner process ended with its VM');
  assert.equal(seen.filter((msg) => msg.type === 'frame').length, framesAtCrash, 'frames kept coming after the crash');
  child.kill('SIGKILL');
  assert.equal(await exited, 'SIGKILL', 'the runner was not ended by its host');
});
