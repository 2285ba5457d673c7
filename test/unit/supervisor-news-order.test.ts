// The runner's main thread never lets its own news overtake the VM thread's messages still queued
// (runner/common/supervisor/runner-supervisor.ts, VmThread.drain): a frame the host asked for whole,
// posted by the VM and not yet taken when news comes (here a crash of the VM thread), reaches the
// host before the news and the last frame drawn, which the news sends whole from the latest-frame
// slot; and a Node runner can take its VM thread's queued messages at once (vm-thread-link.ts).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { CompactFrameWriter } from '../../runner/common/compact-frame.js';
import { type RunnerMessage } from '../../runner/common/protocol.js';
import { RunnerSupervisor, type VmThread } from '../../runner/common/supervisor/runner-supervisor.js';
import { DEFAULT_RUNNER_FLAGS } from '../../runner/common/runner-flags.js';
import { LatestFrameWriter } from '../../runner/common/vm-link/latest-frame.js';
import { createVmThreadInit, type FromVm } from '../../runner/common/vm-link/thread-messages.js';
import { vmThreadLink } from '../../runner/node/vm-thread-link.js';

/** A VM thread whose posted messages wait in a queue until the test delivers them or the supervisor drains them. */
function queuedVm(drains: boolean): VmThread & { queue: FromVm[]; deliverQueued(): void; crash(message: string): void } {
  let deliver: (msg: FromVm) => void = () => {};
  let fail: (message: string) => void = () => {};
  const queue: FromVm[] = [];
  const deliverQueued = () => {
    for (const msg of queue.splice(0)) deliver(msg);
  };
  return {
    queue,
    deliverQueued,
    crash: (message) => fail(message),
    post: () => {},
    terminate: () => {},
    onMessage: (cb) => {
      deliver = cb;
    },
    onError: (cb) => {
      fail = cb;
    },
    ...(drains ? { drain: deliverQueued } : {}),
  };
}

function frameMessage(index: number, compact: Uint8Array): FromVm {
  return { type: 'compact-frame', index, compact, audio: new Int16Array(0), cursor: 0, relativeMouse: false, stats: { cpuMs: 1, luaMemory: 0 } };
}

/** What the host hears when frame 5 (asked for whole) is still queued as the VM thread crashes after frame 12. */
async function heardAtCrash(drains: boolean): Promise<RunnerMessage[]> {
  const init = createVmThreadInit(DEFAULT_RUNNER_FLAGS);
  const vm = queuedVm(drains);
  const heard: RunnerMessage[] = [];
  const supervisor = new RunnerSupervisor(
    vm,
    {
      send: (batch) => heard.push(...batch),
      schedule: setImmediate,
      lockDown: () => ({ sandbox: { on: false, detail: 'test' } }),
      dropped: () => assert.fail('dropped a message'),
    },
    init,
  );
  const options = { deterministic: true, pacing: 'fast', compactFrames: true, output: { pixelFrames: [5], audio: false } };
  supervisor.receive({ type: 'start', cart: { name: 'order.lua', code: 'function TIC() end' }, options });
  const screen = new CompactFrameWriter();
  screen.begin();
  if (!init.latestFrame) throw new Error('a runner with shared memory has a latest-frame slot');
  vm.queue.push({ type: 'vm-tick', index: 4, cpuMsTotal: 4 }, frameMessage(5, screen.finish()), { type: 'vm-tick', index: 11, cpuMsTotal: 11 });
  new LatestFrameWriter(init.latestFrame).write({ index: 12, cursor: 0, relativeMouse: false, stats: { cpuMs: 1, luaMemory: 0 }, cpuMsTotal: 12 }, screen);
  vm.crash('boom');
  vm.deliverQueued();
  await new Promise((resolve) => setImmediate(resolve));
  return heard;
}

/** The messages as the host sees them: each whole frame by its index, each tick by the last frame it tells of, then the rest by type. */
const outline = (heard: RunnerMessage[]) =>
  heard.map((msg) => (msg.type === 'compact-frame' ? `frame ${msg.index}` : msg.type === 'tick' ? `tick ${msg.index}` : msg.type));

it("news of the main thread's own waits for the VM's queued messages: the frame asked for comes whole, before the crash and the last frame drawn", async () => {
  assert.deepEqual(outline(await heardAtCrash(true)), ['tick 4', 'frame 5', 'tick 12', 'frame 12', 'error']);
  // Without the drain, the slot's frame 12 and the crash overtake frame 5, which comes after them.
  assert.deepEqual(outline(await heardAtCrash(false)), ['tick 12', 'frame 12', 'error', 'frame 5']);
});

it("a Node runner's main thread takes the VM thread's queued messages at once, in order, without returning to its event loop", () => {
  const posted = new Int32Array(new SharedArrayBuffer(4));
  const link = vmThreadLink(createVmThreadInit(DEFAULT_RUNNER_FLAGS));
  const code = `const { workerData } = require('node:worker_threads');
    for (let i = 1; i <= 3; i++) workerData.toMain.postMessage({ type: 'trace', text: 'm' + i, color: 12 });
    Atomics.store(workerData.posted, 0, 1);
    Atomics.notify(workerData.posted, 0);`;
  const worker = new Worker(code, { eval: true, workerData: { ...link.workerData, posted }, transferList: link.transferList });
  const vm = link.connect(worker);
  const taken: string[] = [];
  vm.onMessage((msg) => taken.push(msg.type === 'trace' ? msg.text : msg.type));
  Atomics.wait(posted, 0, 0, 10_000);
  vm.drain?.();
  assert.deepEqual(taken, ['m1', 'm2', 'm3']);
  void worker.terminate();
});
