// The body of a runner in the browser: this dedicated worker is the runner's main thread (the
// supervisor and its watchdog), and the cart's Lua VM runs on a worker of its own, so a hung cart
// never blocks this one. The page ends the runner by terminating this worker, which ends its VM
// worker too.
import { RunnerSupervisor } from '../common/supervisor/runner-supervisor.js';
import type { FromVm, VmThreadInit } from '../common/vm-link/thread-messages.js';

declare const self: DedicatedWorkerGlobalScope;

/** Serves the page's messages with a supervisor of vm, a VM worker that was given init. */
export function hostRunner(vm: Worker, init: VmThreadInit): void {
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
      lockDown: () => ({ sandbox: { on: false, detail: "no kernel sandbox in a browser: this runner is a Web Worker, inside the browser's sandbox" } }),
      dropped: () => console.warn('nibble runner: dropped a malformed message from the page'),
    },
    init,
  );
  self.addEventListener('message', (event) => supervisor.receive(event.data));
}
