// Entry of a runner's VM thread in Node (a worker_threads Worker).
import { parentPort, workerData } from 'node:worker_threads';
import { seedHostChunks } from '../vm/lua/sandbox.js';
import { runVmThread } from '../vm/vm-thread.js';
import type { ToVm, VmThreadInit } from '../common/vm-link/thread-messages.js';
import { readGlueWasm } from './glue-file.js';
import { readHostChunks } from './host-chunk-file.js';

const port = parentPort;
if (!port) throw new Error('vm-worker must run as a worker thread');

seedHostChunks(readHostChunks());

await runVmThread(
  {
    post: (msg, transfer) => port.postMessage(msg, transfer ?? []),
    onMessage: (cb) => port.on('message', (msg: ToVm) => cb(msg)),
  },
  readGlueWasm(),
  workerData as VmThreadInit,
);
