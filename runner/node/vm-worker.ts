// Entry of a runner's VM thread in Node (a worker_threads Worker).
import { setFlagsFromString } from 'node:v8';
import { seedHostChunks } from '../vm/lua/sandbox.js';
import { runVmThread } from '../vm/vm-thread.js';
import { readGlueWasm } from './glue-file.js';
import { readHostChunks } from './host-chunk-file.js';
import { vmThreadSide } from './vm-thread-link.js';

const { init, port } = vmThreadSide();

// V8 optimizes a function once it has run through a budget of bytecode. A frame's JavaScript is
// some thirty small functions run once a frame, and with V8's default budget (66 KB in Node 20) all
// of them are optimized within a few hundred frames: a short headless run (tests, thumbnails)
// spent more CPU compiling them than the compiled code saved it. With four times the budget a
// 3000-frame run of an empty cart takes 0.9x the CPU; a cart's hot code is optimized all the same,
// a few frames later. Set at run time, not as a flag of the process: Node rejects its own code
// cache under non-default command-line flags and compiles its modules afresh.
setFlagsFromString(`--interrupt-budget=${4 * 66 * 1024}`);
seedHostChunks(readHostChunks());

await runVmThread(port, readGlueWasm(), init);
