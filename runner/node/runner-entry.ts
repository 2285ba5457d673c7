// Entry of a runner process: the runner's main thread, with vm-worker.ts as its VM thread.
import { runRunner } from './runner-main.js';

await runRunner(new URL('./vm-worker.js', import.meta.url));
