// Number arguments read in wasm (runner/vm/lua/number-args.ts): the values an API function's body
// gets are lua_tonumberx's, whether they are read from the Lua stack or through JavaScript, and a
// stack layout that is not this build's is refused by the live test instead of being read.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { readGlueWasm } from '../../runner/node/glue-file.js';
import { NUMBER_ARGS_MAX } from '../../runner/vm/lua/host-function-modules.js';
import { LUA_STACK } from '../../runner/vm/lua/lua-layout.js';
import { LUA_OK, LuaBridge } from '../../runner/vm/lua/lua-bridge.js';
import { loadLuaWasm } from '../../runner/vm/lua/lua-wasm.js';
import { numberArgsRegistrar, type NumberArgsRegistrar } from '../../runner/vm/lua/number-args.js';

const lua = new LuaBridge(await loadLuaWasm(readGlueWasm(), { share: true, memoryLimitBytes: 64 * 1024 * 1024 }));

/** What a body of `arity` arguments is given in each of `calls` (Lua argument lists), called from Lua. */
function received(registrar: NumberArgsRegistrar, arity: number, calls: string[]): number[][] {
  const x = lua.x;
  const seen: number[][] = [];
  const fn = registrar.add((_L, top) => {
    seen.push([top, ...lua.numberArgs().subarray(0, arity)]);
    return 0;
  }, arity);
  const L = x.luaL_newstate();
  lua.setGlobalFunction(L, 'f', fn);
  const code = calls.map((args) => `f(${args})`).join('\n');
  assert.equal(lua.load(L, code, '=calls'), LUA_OK);
  assert.equal(x.lua_pcallk(L, 0, 0, 0, 0, 0), LUA_OK, lua.toText(L, -1) ?? '');
  x.lua_close(L);
  return seen;
}

const CALLS = ['', "1, 2.5, '3', nil, true, -0.0, 2^63", "-7, 1e300, 0/0, {}, ' 0x10 ', 5.25, -2147483649, 99", '1, 2'];
const EXPECTED = [
  [0, 0, 0, 0, 0, 0, 0, 0],
  [7, 1, 2.5, 3, 0, 0, -0, 2 ** 63],
  [8, -7, 1e300, NaN, 0, 16, 5.25, -2147483649],
  [2, 1, 2, 0, 0, 0, 0, 0],
];

it("this build's Lua stack layout is proven, and bodies get lua_tonumberx's values, in wasm and through JavaScript alike", () => {
  const inWasm = numberArgsRegistrar(lua);
  assert.equal(inWasm.inWasm, true, "the stack layout of wasmoon's Lua was not proven: API calls would read their arguments the slow way");
  assert.deepEqual(received(inWasm, 7, CALLS), EXPECTED);
  const throughJs = numberArgsRegistrar(lua, { ...LUA_STACK, slotLog2: LUA_STACK.slotLog2 - 1 });
  assert.equal(throughJs.inWasm, false);
  assert.deepEqual(received(throughJs, 7, CALLS), EXPECTED);
  assert.deepEqual(received(inWasm, 8, ['1, 2, 3, 4, 5, 6, 7, 8.5, 9']), [[9, 1, 2, 3, 4, 5, 6, 7, 8.5]]);
  for (const registrar of [inWasm, throughJs]) assert.throws(() => registrar.add(() => 0, NUMBER_ARGS_MAX + 1), RangeError);
});

it("a stack layout that is not this build's is refused by the live test, whatever field is off", () => {
  const wrong = [
    { ...LUA_STACK, stateCi: LUA_STACK.stateCi + 4 },
    { ...LUA_STACK, stateTop: LUA_STACK.stateTop + 4 },
    { ...LUA_STACK, ciFunc: LUA_STACK.ciFunc + 4 },
    { ...LUA_STACK, slotLog2: LUA_STACK.slotLog2 - 1 },
    { ...LUA_STACK, floatTag: LUA_STACK.intTag, intTag: LUA_STACK.floatTag },
  ];
  for (const stack of wrong) assert.equal(numberArgsRegistrar(lua, stack).inWasm, false, JSON.stringify(stack));
});
