// `npm run compile` runs this after tsc: dumps the host's Lua chunks with the Lua module runners
// use, into the file host-chunk-file.ts reads.
import { writeFileSync } from 'node:fs';
import { LuaBridge } from '../vm/lua/lua-bridge.js';
import { loadLuaWasm } from '../vm/lua/lua-wasm.js';
import { dumpHostChunks } from '../vm/lua/sandbox.js';
import { readGlueWasm } from './glue-file.js';
import { encodeHostChunks, HOST_CHUNK_FILE } from './host-chunk-file.js';

const wasm = await loadLuaWasm(readGlueWasm(), { share: false, memoryLimitBytes: 16 * 1024 * 1024 });
writeFileSync(HOST_CHUNK_FILE, encodeHostChunks(dumpHostChunks(new LuaBridge(wasm))));
