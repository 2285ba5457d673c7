// The floor's runner process (host.ts): one worker thread, as a runner's VM thread, whose message
// it passes on to the host.
import { Worker } from 'node:worker_threads';

const vm = new Worker(new URL('./vm.js', import.meta.url), { argv: process.argv.slice(2) });
vm.on('message', (msg: unknown) => process.send?.(msg));
vm.on('error', (err) => {
  console.error(`headless floor: the VM thread failed: ${err.message}`);
  process.exit(1);
});
