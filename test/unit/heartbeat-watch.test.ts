// The watchdog of a VM that shares no memory (heartbeat mode): silence from the VM thread is a busy
// frame, reported as such while it lasts; heartbeats keep it quiet.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { RunnerMessage } from '../../runner/common/protocol.js';
import { HeartbeatWatch } from '../../runner/common/supervisor/heartbeat-watch.js';
import { SAMPLE_AFTER_MS } from '../../runner/common/supervisor/watchdog.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('reports busy only once the heartbeats stop, with how long they have been silent', async () => {
  const sent: RunnerMessage[] = [];
  const watch = new HeartbeatWatch((msg) => sent.push(msg));
  watch.attach();
  const beating = setInterval(() => watch.alive(), 20);
  await sleep(3 * SAMPLE_AFTER_MS);
  clearInterval(beating);
  assert.equal(sent.length, 0, 'no report while the VM thread is alive');
  await sleep(3 * SAMPLE_AFTER_MS);
  watch.stop();
  assert.ok(sent.length >= 1);
  for (const msg of sent) {
    assert.equal(msg.type, 'busy');
    if (msg.type === 'busy') assert.ok(msg.ms >= SAMPLE_AFTER_MS && msg.line === undefined);
  }
});
