// A runner in the studio page (?runner=worker): its VM worker is the build's own vm-worker file.
import { DEFAULT_RUNNER_FLAGS } from '../common/runner-flags.js';
import { createVmThreadInit } from '../common/vm-link/thread-messages.js';
import { hostRunner } from './runner-host.js';

const init = createVmThreadInit(DEFAULT_RUNNER_FLAGS);
const vm = new Worker(new URL('./vm-worker.ts', import.meta.url), { type: 'module', name: 'nibble-vm' });
vm.postMessage(init);
hostRunner(vm, init);
