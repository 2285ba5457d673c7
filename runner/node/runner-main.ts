// The main thread of a runner process in Node, one per cart: the supervisor of its VM thread (a
// worker thread) and the link to the host over IPC or Electron's MessagePort. Whatever happens to
// the VM thread (a wasm trap, a crash, a termination) ends the VM only.
import { Worker } from 'node:worker_threads';
import { parseRunnerArgs } from '../common/runner-flags.js';
import { RunnerSupervisor } from '../common/supervisor/runner-supervisor.js';
import { createVmThreadInit } from '../common/vm-link/thread-messages.js';
import { connectToHost } from './host-transport.js';
import { closeInheritedDescriptors } from './inherited-descriptors.js';
import { applyKernelSandbox } from './kernel-sandbox/kernel-sandbox.js';
import { vmThreadLink } from './vm-thread-link.js';

/** Runs this process as a runner whose VM thread is the worker script at vmWorker. */
export async function runRunner(vmWorker: URL): Promise<void> {
  // First, before the VM thread or any cart exists, and long before the kernel sandbox.
  closeInheritedDescriptors();
  const transport = await connectToHost();
  const init = createVmThreadInit(parseRunnerArgs(process.argv.slice(2)));
  const link = vmThreadLink(init);
  const worker = new Worker(vmWorker, { workerData: link.workerData, transferList: link.transferList });
  const supervisor = new RunnerSupervisor(
    link.connect(worker),
    {
      send: (batch) => transport.send(batch),
      schedule: setImmediate,
      // From here on the runner needs no files, sockets or processes.
      lockDown: () => {
        const status = applyKernelSandbox();
        return { sandbox: { on: status.complete, detail: status.note ?? status.summary }, ...(status.note ? { note: status.note } : {}) };
      },
      dropped: () => console.error('runner: dropped a malformed message from the host'),
    },
    init,
  );
  transport.onMessage((raw) => supervisor.receive(raw));

  // Without its host the runner has no reason to live.
  process.on('disconnect', () => process.exit(0));
}
