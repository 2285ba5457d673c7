// Where the installed wasmoon keeps its Lua WebAssembly module.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { GlueSource } from '../vm/lua/lua-wasm.js';

export function wasmoonGlue(): GlueSource {
  const location = join(dirname(createRequire(import.meta.url).resolve('wasmoon')), 'glue.wasm');
  return { location, bytes: new Uint8Array(readFileSync(location)) };
}
