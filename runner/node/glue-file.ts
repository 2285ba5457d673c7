// The Lua WebAssembly module, as the installed wasmoon keeps it (only the module is used, not wasmoon's JavaScript).
import { readFileSync } from 'node:fs';
import type { LuaWasmBytes } from '../vm/lua/lua-wasm.js';

export function readGlueWasm(): LuaWasmBytes {
  // Resolved as an import: require.resolve would first set up the CommonJS loader in the thread.
  return new Uint8Array(readFileSync(new URL(import.meta.resolve('wasmoon/dist/glue.wasm'))));
}
