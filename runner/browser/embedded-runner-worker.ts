// A runner in an exported game's page: that page is one HTML file, so the VM worker's code and the
// Lua module come in the page's first message (EmbeddedRunnerBoot) rather than from URLs. Both
// workers are classic scripts (see vite.player.config.ts).
import { DEFAULT_RUNNER_FLAGS } from '../common/runner-flags.js';
import { createVmThreadInit, type VmThreadInit } from '../common/vm-link/thread-messages.js';
import type { EmbeddedRunnerBoot, EmbeddedVmStart } from './embedded-boot.js';
import { hostRunner } from './runner-host.js';

declare const self: DedicatedWorkerGlobalScope;

self.addEventListener(
  'message',
  (event: MessageEvent<EmbeddedRunnerBoot>) => {
    const { vmWorkerCode, glue } = event.data;
    const init = createVmThreadInit(DEFAULT_RUNNER_FLAGS);
    const url = URL.createObjectURL(new Blob([vmWorkerCode], { type: 'text/javascript' }));
    const vm = new Worker(url, { name: 'nibble-vm' });
    vm.postMessage({ init, glue } satisfies EmbeddedVmStart<VmThreadInit>);
    hostRunner(vm, init);
  },
  { once: true },
);
