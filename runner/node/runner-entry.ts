// Entry of a runner process, one per cart. Its main thread is the watchdog and the link to the host;
// the cart's Lua VM runs on a worker thread, so a hung cart never blocks this thread.
import { Worker } from 'node:worker_threads';
import { MessageBatcher } from '../common/message-batch.js';
import type { RunnerMessage } from '../common/protocol.js';
import { parseHostMessage } from '../common/protocol-validate.js';
import { createControlBlock } from '../vm/interrupt/control-block.js';
import { RAM_SIZE } from '../vm/ram-map.js';
import type { FromVm, VmThreadInit } from '../vm/thread-messages.js';
import { connectToHost } from './host-transport.js';
import { applyKernelSandbox } from './kernel-sandbox/kernel-sandbox.js';
import { parseRunnerArgs } from './runner-flags.js';
import { Watchdog } from './watchdog.js';

const transport = await connectToHost();
const outbox = new MessageBatcher<RunnerMessage>((batch) => transport.send(batch), setImmediate);
const send = (msg: RunnerMessage) => outbox.push(msg);
const control = createControlBlock();
const flags = parseRunnerArgs(process.argv.slice(2));
const init: VmThreadInit = {
  control,
  ram: new SharedArrayBuffer(RAM_SIZE),
  alwaysOnHook: flags.alwaysOnHook,
  memoryLimitBytes: flags.memoryMb * 1024 * 1024,
};
const worker = new Worker(new URL('./vm-worker.js', import.meta.url), { workerData: init });
let vmEnded = false;

const watchdog = new Watchdog(control, send, (msg) => {
  vmEnded = true;
  void worker.terminate();
  send(msg);
});

worker.on('message', (msg: FromVm) => {
  if (msg.type === 'vm-ready') {
    // The cart's code is loaded: from here on the runner needs no files, sockets or processes.
    const sandbox = applyKernelSandbox();
    watchdog.attach(msg);
    const note = [msg.note, sandbox.note].filter(Boolean).join('; ');
    send({ type: 'ready', hookMode: msg.hookMode, ...(note ? { note } : {}) });
  } else send(msg);
});
worker.on('error', (err) => {
  vmEnded = true;
  watchdog.stop();
  send({ type: 'error', message: `the cart's VM crashed and was stopped: ${err.message}` });
});
worker.on('exit', () => {
  vmEnded = true;
  watchdog.stop();
});

transport.onMessage((raw) => {
  const msg = parseHostMessage(raw);
  if (!msg) {
    console.error('runner: dropped a malformed message from the host');
    return;
  }
  switch (msg.type) {
    case 'start':
    case 'input':
    case 'menu':
    case 'eval':
      if (!vmEnded) worker.postMessage(msg);
      break;
    case 'break':
      watchdog.requestBreak();
      break;
    case 'resume':
      watchdog.resume();
      break;
    case 'stop':
      process.exit(0);
  }
});

// Without its host the runner has no reason to live.
process.on('disconnect', () => process.exit(0));
