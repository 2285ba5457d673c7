// Entry of a runner's VM thread in Node (a worker_threads Worker).
import { parentPort, workerData } from 'node:worker_threads';
import { runVmThread } from '../vm/vm-thread.js';
import type { ToVm, VmThreadInit } from '../common/vm-link/thread-messages.js';
import { wasmoonGlue } from './glue-file.js';

const port = parentPort;
if (!port) throw new Error('vm-worker must run as a worker thread');

// This thread's console only ever carries emscripten's own diagnostics (such as a refused heap
// growth, which the cart already sees as a Lua memory error); the cart's output goes through trace().
for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) console[method] = () => {};

await runVmThread(
  {
    post: (msg, transfer) => port.postMessage(msg, transfer ?? []),
    onMessage: (cb) => port.on('message', (msg: ToVm) => cb(msg)),
  },
  wasmoonGlue(),
  workerData as VmThreadInit,
);
