// The Lua WebAssembly module, as the installed wasmoon keeps it (only the module is used, not wasmoon's JavaScript).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { LuaWasmBytes } from '../vm/lua/lua-wasm.js';

export function readGlueWasm(): LuaWasmBytes {
  return new Uint8Array(readFileSync(createRequire(import.meta.url).resolve('wasmoon/dist/glue.wasm')));
}
