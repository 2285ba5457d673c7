// The Lua heap in use as the runner reads it after every frame (runner/vm/lua/sandbox.ts): the bytes
// collectgarbage('count') gives, read from the state's memory without running Lua code.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { LUA_MASKCOUNT } from '../../runner/common/vm-link/hook-fields.js';
import { readGlueWasm } from '../../runner/node/glue-file.js';
import { LUA_OK, LuaBridge } from '../../runner/vm/lua/lua-bridge.js';
import { loadLuaWasm } from '../../runner/vm/lua/lua-wasm.js';
import { installSandbox, registerSandboxFunctions } from '../../runner/vm/lua/sandbox.js';

const lua = new LuaBridge(await loadLuaWasm(readGlueWasm(), { share: false, memoryLimitBytes: 64 * 1024 * 1024 }));
const functions = registerSandboxFunctions(lua, { enter: () => 0, leave: (S) => lua.x.lua_gettop(S) });

it("the heap a sandbox reports is collectgarbage('count') to the byte as a cart's tables grow, and reading it runs no Lua", () => {
  const x = lua.x;
  const L = x.luaL_newstate();
  const sandbox = installSandbox(lua, L, functions, true);
  let instructions = 0;
  const hook = lua.addHookFunction(() => void instructions++);
  const reported: number[] = [];
  for (const n of [0, 1000, 100000]) {
    const code = `kept${n} = {} for i = 1, ${n} do kept${n}[i] = i end return collectgarbage('count')`;
    assert.equal(lua.load(L, code, `=grow${n}`), LUA_OK);
    assert.equal(x.lua_pcallk(L, 0, 1, 0, 0, 0), LUA_OK);
    const bytes = x.lua_tonumberx(L, -1, 0) * 1024;
    x.lua_settop(L, 0);
    x.lua_sethook(L, hook, LUA_MASKCOUNT, 1);
    reported.push(sandbox.memoryInUse());
    x.lua_sethook(L, 0, 0, 0);
    assert.equal(reported.at(-1), bytes, `after ${n} entries`);
  }
  assert.ok(reported[2] > reported[1] + 100000 * 8, `the heap grew with the table: ${reported.join(', ')}`);
  assert.equal(instructions, 0, 'Lua instructions ran while the heap was read');
  x.lua_close(L);
});
