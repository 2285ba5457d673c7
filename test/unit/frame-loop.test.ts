// The frame loop's window: at most FRAMES_IN_FLIGHT frames with something for the host to take
// unacknowledged, whatever the pacing; the loop goes on where it stopped once the host has caught
// up. A headless run's frames that leave the host only a count do not wait.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { FRAMES_IN_FLIGHT } from '../../runner/common/frame-acks.js';
import { PMEM_ADDR, RAM_BYTES } from '../../runner/common/memory-map.js';
import type { RunOptions, RunnerMessage } from '../../runner/common/protocol.js';
import { createLatestFrameSlot } from '../../runner/common/vm-link/latest-frame.js';
import type { VmTick } from '../../runner/common/vm-link/thread-messages.js';
import { FrameLoop } from '../../runner/vm/frame-loop.js';
import type { CartMachine } from '../../runner/vm/machine.js';

/** A machine whose every frame succeeds at once: the loop's pace is then the window alone. */
function idleMachine(step: (ram: Uint8Array) => void = () => {}): CartMachine {
  const ram = new Uint8Array(RAM_BYTES);
  return {
    ram,
    boot: () => 'ok',
    step: () => {
      step(ram);
      return 'ok';
    },
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

it('a headless run goes on without acknowledgements while its frames leave only a count, and waits once they leave audio or pmem', async () => {
  const run = async (output: { audio: boolean }, step?: (ram: Uint8Array) => void) => {
    const sent: (RunnerMessage | VmTick)[] = [];
    const options: RunOptions = { deterministic: true, pacing: 'fast', maxFrames: 1000, output: { pixelFrames: [], ...output } };
    new FrameLoop(idleMachine(step), options, { send: (msg) => sent.push(msg) }, { latestFrame: createLatestFrameSlot() }).start();
    await sleep(100);
    return sent;
  };

  const quiet = await run({ audio: false });
  const done = quiet.find((msg) => msg.type === 'done');
  assert.equal(done?.type === 'done' ? done.frames : 0, 1000, 'all frames ran with no acknowledgement');

  const withAudio = await run({ audio: true });
  assert.equal(withAudio.filter((msg) => msg.type === 'vm-tick' && msg.audio).length, FRAMES_IN_FLIGHT);
  const last = withAudio.at(-1);
  assert.ok(last?.type === 'vm-tick' && last.waiting === true, 'the last message says the loop waits');

  const withPmem = await run({ audio: false }, (ram) => ram[PMEM_ADDR]++);
  assert.equal(withPmem.filter((msg) => msg.type === 'pmem').length, FRAMES_IN_FLIGHT);
  assert.ok(!withPmem.some((msg) => msg.type === 'done'));
});
