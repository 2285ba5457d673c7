// The frame loop's window: at most FRAMES_IN_FLIGHT frames unacknowledged by the host, whatever
// the pacing; the loop goes on where it stopped once the host has caught up.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { FRAMES_IN_FLIGHT } from '../../runner/common/frame-acks.js';
import { RAM_BYTES } from '../../runner/common/memory-map.js';
import type { RunnerMessage } from '../../runner/common/protocol.js';
import type { VmTick } from '../../runner/common/vm-link/thread-messages.js';
import { FrameLoop } from '../../runner/vm/frame-loop.js';
import type { CartMachine } from '../../runner/vm/machine.js';

/** A machine whose every frame succeeds at once: the loop's pace is then the window alone. */
function idleMachine(): CartMachine {
  return {
    ram: new Uint8Array(RAM_BYTES),
    boot: () => 'ok',
    step: () => 'ok',
    lastFrameCpuMs: 0,
    cursor: 0,
    relativeMouse: false,
    luaMemory: 0,
    takeCartWrites: () => [],
  } as unknown as CartMachine;
}

it('fast pacing stops at FRAMES_IN_FLIGHT unacknowledged frames and goes on with each acknowledgement', async () => {
  const sent: (RunnerMessage | VmTick)[] = [];
  const frames = () => sent.filter((msg) => msg.type === 'compact-frame').length;
  const loop = new FrameLoop(idleMachine(), { deterministic: true, pacing: 'fast', maxFrames: 1000 }, { send: (msg) => sent.push(msg) });
  loop.start();
  await sleep(100);
  assert.equal(frames(), FRAMES_IN_FLIGHT, 'frames sent without any acknowledgement');

  loop.acknowledge(10);
  await sleep(100);
  assert.equal(frames(), FRAMES_IN_FLIGHT + 10);

  // An acknowledgement past the frames sent counts only those.
  loop.acknowledge(10_000);
  await sleep(100);
  assert.equal(frames(), 2 * FRAMES_IN_FLIGHT + 10);

  for (let acked = frames(); !sent.some((msg) => msg.type === 'done'); acked = frames()) {
    loop.acknowledge(acked);
    await sleep(10);
  }
  assert.equal(frames(), 1000);
  const done = sent.at(-1);
  assert.ok(done?.type === 'done');
  assert.deepEqual({ frames: done.frames, msPerFrame: done.msPerFrame }, { frames: 1000, msPerFrame: 0 });
});
