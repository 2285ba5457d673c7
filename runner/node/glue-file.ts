// Where the installed wasmoon keeps its Lua WebAssembly module, and wasmoon itself.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { GlueSource } from '../vm/lua/lua-wasm.js';

export function wasmoonGlue(): GlueSource {
  const require = createRequire(import.meta.url);
  const location = join(dirname(require.resolve('wasmoon')), 'glue.wasm');
  // Required, not imported: an ES import of this CommonJS bundle scans all its source for exports first.
  const { LuaFactory } = require('wasmoon') as typeof import('wasmoon');
  return { location, bytes: new Uint8Array(readFileSync(location)), factory: LuaFactory };
}
