// A runner in the browser: this dedicated worker is the runner's main thread (the supervisor and
// its watchdog), and the cart's Lua VM runs on a worker of its own, so a hung cart never blocks
// this one. The page ends the runner by terminating this worker, which ends its VM worker too.
import { DEFAULT_MEMORY_MB } from '../common/runner-flags.js';
import { createControlBlock } from '../vm/interrupt/control-block.js';
import { RAM_SIZE } from '../vm/ram-map.js';
import { RunnerSupervisor } from '../vm/runner-supervisor.js';
import type { FromVm, VmThreadInit } from '../vm/thread-messages.js';

declare const self: DedicatedWorkerGlobalScope;

const init: VmThreadInit = {
  control: createControlBlock(),
  ram: new SharedArrayBuffer(RAM_SIZE),
  alwaysOnHook: false,
  memoryLimitBytes: DEFAULT_MEMORY_MB * 1024 * 1024,
  instructionBudget: 0,
};
const vm = new Worker(new URL('./vm-worker.ts', import.meta.url), { type: 'module', name: 'nibble-vm' });
vm.postMessage(init);

const supervisor = new RunnerSupervisor(
  {
    post: (msg) => vm.postMessage(msg),
    terminate: () => vm.terminate(),
    onMessage: (cb) => vm.addEventListener('message', (event: MessageEvent<FromVm>) => cb(event.data)),
    onError: (cb) =>
      vm.addEventListener('error', (event) => {
        event.preventDefault();
        cb(event.message || 'the VM worker failed');
      }),
  },
  {
    send: (batch) => self.postMessage(batch),
    schedule: (callback) => setTimeout(callback, 0),
    // The browser's own sandbox is this runner's outer layer.
    lockDown: () => undefined,
    exit: () => self.close(),
    dropped: () => console.warn('nibble runner: dropped a malformed message from the page'),
  },
  init.control,
  init.instructionBudget,
);
self.addEventListener('message', (event) => supervisor.receive(event.data));
