// The link between a Node runner's main thread and its VM thread (a worker thread). The main thread's
// messages go the worker's own way (worker.postMessage, parentPort); the VM thread's go on a
// MessagePort of their own, given to it in its workerData, so that the main thread can take those
// still queued at once (receiveMessageOnPort): its own news must not overtake them (VmThread.drain).
import { MessageChannel, parentPort, receiveMessageOnPort, workerData, type MessagePort, type Worker } from 'node:worker_threads';
import type { VmThread } from '../common/supervisor/runner-supervisor.js';
import type { FromVm, ToVm, VmThreadInit } from '../common/vm-link/thread-messages.js';
import type { VmPort } from '../vm/vm-thread.js';

/** What a VM thread is given: its VmThreadInit and the port its messages go out on. */
type VmWorkerData = VmThreadInit & { toMain: MessagePort };

/** The main thread's side: the workerData and transfer list to start the VM thread with, and the VM thread once it runs. */
export function vmThreadLink(init: VmThreadInit): { workerData: VmWorkerData; transferList: MessagePort[]; connect(worker: Worker): VmThread } {
  const { port1: fromVm, port2: toMain } = new MessageChannel();
  let deliver: ((msg: FromVm) => void) | undefined;
  return {
    workerData: { ...init, toMain },
    transferList: [toMain],
    connect: (worker) => ({
      post: (msg) => worker.postMessage(msg),
      terminate: () => void worker.terminate(),
      onMessage: (cb) => {
        deliver = cb;
        fromVm.on('message', (msg: FromVm) => cb(msg));
      },
      onError: (cb) => worker.on('error', (err) => cb(err.message)),
      drain: () => {
        if (!deliver) return;
        for (let queued = receiveMessageOnPort(fromVm); queued; queued = receiveMessageOnPort(fromVm)) deliver(queued.message as FromVm);
      },
    }),
  };
}

/** The VM thread's side, in the worker: its init and its port to the main thread. */
export function vmThreadSide(): { init: VmThreadInit; port: VmPort } {
  if (!parentPort) throw new Error('a VM thread must run as a worker thread');
  const fromMain = parentPort;
  const { toMain, ...init } = workerData as VmWorkerData;
  return {
    init,
    port: {
      post: (msg, transfer) => toMain.postMessage(msg, transfer ?? []),
      onMessage: (cb) => fromMain.on('message', (msg: ToVm) => cb(msg)),
    },
  };
}
