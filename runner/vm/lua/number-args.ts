// C functions whose arguments are all numbers (pix, line, rect and most of the API): their arguments
// are read in wasm, straight from the Lua stack (host-function-modules.ts), once a live test has
// shown that this build of Lua keeps them where LUA_STACK (lua-layout.ts) says; otherwise, as any
// host function reads them, by calls from JavaScript to lua_gettop and lua_tonumberx, with the same
// results.
import { LUA_OK, type CFunctionRef, type LuaBridge } from './lua-bridge.js';
import { checkNumberArgsArity, NUMBER_ARGS_MAX } from './host-function-modules.js';
import { LUA_STACK, type LuaStackLayout } from './lua-layout.js';
import type { NumberArgsBody } from './lua-wasm.js';

/** Registers a C function once per VM, as LuaBridge.addFunction does. */
export type AddNumberArgsFunction = (body: NumberArgsBody, arity: number) => CFunctionRef;

export interface NumberArgsRegistrar {
  add: AddNumberArgsFunction;
  /** Whether the functions read their arguments in wasm (the layout was proven). */
  inWasm: boolean;
}

/** A value the probe is called with: a Lua float, integer (bigint), string, boolean, nil (null) or table ({}). */
type ProbeValue = number | bigint | string | boolean | null | object;

/**
 * The probe's calls: none; a float and an integer in every position, at the edges of their ranges;
 * values that are not numbers (a string that reads as one among them), also in every position;
 * fewer arguments than it reads, and more. They are pushed through the C API, so no Lua is parsed.
 */
const PROBE_CALLS: readonly (readonly ProbeValue[])[] = [
  [],
  [1.5, -7n, 2.25, 9223372036854775807n, -0, -(2 ** 63), NaN, 2 ** 70],
  [3n, -(2 ** 53), 4n, 0.125, -1n, Infinity, 6n, -5.5],
  ['12', true, null, {}, ' 0x10 ', false, 'x', 9.5, 10n],
  [7n, 8.5],
];
/** Numbers in the stack slots below each call, so a read from the wrong slot finds a number of another value rather than one that reads the slow way. */
const BELOW: readonly ProbeValue[] = [101.5, 102n, 103.5, 104n, 105.5, 106n, 107.5, 108n];

/**
 * How this VM registers number-argument functions (of at most NUMBER_ARGS_MAX arguments): in wasm
 * when a probe, called with PROBE_CALLS, finds exactly what lua_gettop and lua_tonumberx give in
 * each call; otherwise (another build's layout, a read that traps) through JavaScript.
 */
export function numberArgsRegistrar(lua: LuaBridge, stack: LuaStackLayout = LUA_STACK): NumberArgsRegistrar {
  const inWasm = proveStackReading(lua, stack);
  return {
    add: (body, arity) => (inWasm ? lua.addNumberArgsFunction(body, arity, stack) : lua.addFunction(readingInJavaScript(lua, body, arity))),
    inWasm,
  };
}

/** The body called with its arguments read by calls from JavaScript into the Lua module. */
function readingInJavaScript(lua: LuaBridge, body: NumberArgsBody, arity: number): (L: number) => number {
  checkNumberArgsArity(arity);
  const x = lua.x;
  return (L) => {
    const args = lua.numberArgs();
    for (let i = 0; i < arity; i++) args[i] = x.lua_tonumberx(L, i + 1, 0);
    return body(L, x.lua_gettop(L));
  };
}

function proveStackReading(lua: LuaBridge, stack: LuaStackLayout): boolean {
  const x = lua.x;
  let calls = 0;
  let matched = 0;
  const probe = lua.addNumberArgsFunction(
    (S, top) => {
      calls++;
      const read = [top, ...lua.numberArgs()];
      const expected = [x.lua_gettop(S), ...read.slice(1).map((_, i) => x.lua_tonumberx(S, i + 1, 0))];
      if (read.every((value, i) => Object.is(value, expected[i]))) matched++;
      return 0;
    },
    NUMBER_ARGS_MAX,
    stack,
  );
  const L = x.luaL_newstate();
  if (L === 0) return false;
  let ran = true;
  try {
    for (const args of PROBE_CALLS) {
      x.lua_settop(L, 0);
      for (const value of BELOW) push(lua, L, value);
      x.lua_pushcclosure(L, probe, 0);
      for (const value of args) push(lua, L, value);
      ran &&= x.lua_pcallk(L, args.length, 0, 0, 0, 0) === LUA_OK;
    }
  } catch {
    // A read outside the memory traps: the state is left as it is, unclosed, and never used again.
    return false;
  }
  x.lua_close(L);
  return ran && calls === PROBE_CALLS.length && matched === PROBE_CALLS.length;
}

function push(lua: LuaBridge, L: number, value: ProbeValue): void {
  const x = lua.x;
  if (typeof value === 'number') x.lua_pushnumber(L, value);
  else if (typeof value === 'bigint') x.lua_pushinteger(L, value);
  else if (typeof value === 'string') lua.pushString(L, value);
  else if (typeof value === 'boolean') x.lua_pushboolean(L, value ? 1 : 0);
  else if (value === null) x.lua_pushnil(L);
  else x.lua_createtable(L, 0, 0);
}
