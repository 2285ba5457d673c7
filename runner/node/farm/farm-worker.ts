// Entry of a cart farm's worker thread in Node: compiles the Lua module once per memory cap and
// makes one instance of it per cart.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { FromFarmWorker, ToFarmWorker } from '../../common/farm/farm-messages.js';
import { FarmWorker, type FarmWorkerOptions } from '../../vm/farm/farm-worker-core.js';
import { compileLuaWasm, instantiateLuaWasm, type CompiledLuaWasm, type LuaWasmBytes } from '../../vm/lua/lua-wasm.js';

export interface FarmWorkerData extends FarmWorkerOptions {
  /** The Lua module's bytes. */
  glue: LuaWasmBytes;
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
const glue = data.glue;

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
  async (memoryLimitBytes) => instantiateLuaWasm(await compile(memoryLimitBytes)),
  data.block,
  data.wake,
  data,
);
await compile(data.memoryLimitBytes);
port.postMessage({ type: 'ready' } satisfies FromFarmWorker);
