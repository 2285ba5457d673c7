// Entry of a cart farm's worker thread in Node: compiles the Lua module once per memory cap and
// makes one instance of it per cart.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { FromFarmWorker, ToFarmWorker } from '../../common/farm/farm-messages.js';
import { FarmWorker, type FarmWorkerOptions } from '../../vm/farm/farm-worker-core.js';
import { compileLuaWasm, instantiateLuaWasm, type CompiledLuaWasm, type GlueSource } from '../../vm/lua/lua-wasm.js';

export interface FarmWorkerData extends FarmWorkerOptions {
  /** The glue without wasmoon's factory, a class no message can carry: the worker requires its own. */
  glue: Omit<GlueSource, 'factory'>;
  block: Int32Array;
  /** The slice timer's wake integer and this worker's port to it (slice-timer.ts). */
  wake: Int32Array;
  timerPort: MessagePort;
  /** The farm's usual memory cap: its module is compiled before the worker says it is ready. */
  memoryLimitBytes: number;
}

const port = parentPort;
if (!port) throw new Error('farm-worker must run as a worker thread');
const data = workerData as FarmWorkerData;
// Required, not imported, as in glue-file.ts: an ES import of this CommonJS bundle scans all its source first.
const glue: GlueSource = { ...data.glue, factory: (createRequire(import.meta.url)('wasmoon') as typeof import('wasmoon')).LuaFactory };

// Emscripten's output here is only its own diagnostics; carts speak through trace().
for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) console[method] = () => {};

// wasmoon's glue reads glue.wasm from disk for every instance before instantiating it (the bytes
// are then not used: the compiled module is). Reading is needless, and impossible once the farm's
// kernel sandbox is on, so this thread answers that one read itself.
const readFileSync = fs.readFileSync;
(fs as { readFileSync: unknown }).readFileSync = (path: unknown, ...rest: unknown[]) =>
  path === data.glue.location ? new Uint8Array(0) : (readFileSync as (...a: unknown[]) => unknown)(path, ...rest);

const compiled = new Map<number, Promise<CompiledLuaWasm>>();
const compile = (memoryLimitBytes: number) => {
  let module = compiled.get(memoryLimitBytes);
  if (!module) {
    module = compileLuaWasm(glue, { share: true, memoryLimitBytes });
    compiled.set(memoryLimitBytes, module);
  }
  return module;
};

new FarmWorker(
  {
    post: (msg: FromFarmWorker, transfer) => port.postMessage(msg, transfer ?? []),
    onMessage: (cb) => port.on('message', (msg: ToFarmWorker) => cb(msg)),
    later: (cb) => setImmediate(cb),
    tellTimer: (msg) => data.timerPort.postMessage(msg),
  },
  async (memoryLimitBytes) => instantiateLuaWasm(await compile(memoryLimitBytes), glue),
  data.block,
  data.wake,
  data,
);
await compile(data.memoryLimitBytes);
port.postMessage({ type: 'ready' } satisfies FromFarmWorker);
