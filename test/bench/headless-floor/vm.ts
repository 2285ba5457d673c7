// The floor's VM thread (host.ts): the Lua module compiled and instantiated as a runner's VM thread
// does it, a bare Lua state, and an empty TIC called once a frame; nothing else runs per frame.
import { parentPort } from 'node:worker_threads';
import { readGlueWasm } from '../../../runner/node/glue-file.js';
import { LUA_OK, LuaBridge } from '../../../runner/vm/lua/lua-bridge.js';
import { loadLuaWasm } from '../../../runner/vm/lua/lua-wasm.js';

const frames = Number(process.argv[2]);
const wasm = await loadLuaWasm(readGlueWasm(), { share: true, memoryLimitBytes: 64 * 1024 * 1024 });
const lua = new LuaBridge(wasm);
const L = lua.x.luaL_newstate();
if (lua.load(L, 'function TIC() end', 'floor') !== LUA_OK || lua.x.lua_pcallk(L, 0, 0, 0, 0, 0) !== LUA_OK) throw new Error('the empty cart did not load');
const tic = lua.name('TIC');
for (let frame = 0; frame < frames; frame++) {
  lua.x.lua_getglobal(L, tic);
  if (lua.x.lua_pcallk(L, 0, 0, 0, 0, 0) !== LUA_OK) throw new Error(`TIC failed in frame ${frame + 1}`);
}
parentPort?.postMessage({ frames });
