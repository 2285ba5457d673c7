// The main thread of a runner process, one per cart: the watchdog and the link to the host. The
// cart's Lua VM runs on a worker thread, so a hung cart never blocks this thread, and whatever
// happens to that thread (a wasm trap, a crash, a termination) ends the VM only.
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

/** Runs this process as a runner whose VM thread is the worker script at vmWorker. */
export async function runRunner(vmWorker: URL): Promise<void> {
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
    instructionBudget: flags.instructionBudget,
  };
  const worker = new Worker(vmWorker, { workerData: init });
  let vmEnded = false;
  /** The cart's name once 'start' came, for messages about the VM as a whole. */
  let cartName = 'the cart';

  const watchdog = new Watchdog(control, flags.instructionBudget, send, (msg) => {
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
    send({
      type: 'error',
      message: `${cartName}: the cart's Lua VM crashed (${err.message}) and was stopped; nothing else was affected. Run the cart again, and if it crashes at the same point again, report it with the cart.`,
    });
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
        cartName = msg.cart.name;
        if (!vmEnded) worker.postMessage(msg);
        break;
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
}
