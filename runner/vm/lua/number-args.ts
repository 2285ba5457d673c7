// C functions whose arguments are all numbers (pix, line, rect and most of the API): their arguments
// are read in wasm, straight from the Lua stack (host-function-modules.ts), once a live test has
// shown that this build of Lua keeps them where LUA_STACK says; otherwise, as any host function
// reads them, by calls from JavaScript to lua_gettop and lua_tonumberx, with the same results.
import { LUA_OK, type CFunctionRef, type LuaBridge } from './lua-bridge.js';
import { LUA_STACK, NUMBER_ARGS_MAX, type LuaStackLayout } from './host-function-modules.js';
import type { NumberArgsBody } from './lua-wasm.js';

/** Registers a C function once per VM, as LuaBridge.addFunction does. */
export type AddNumberArgsFunction = (body: NumberArgsBody, arity: number) => CFunctionRef;

export interface NumberArgsRegistrar {
  add: AddNumberArgsFunction;
  /** Whether the functions read their arguments in wasm (the layout was proven). */
  inWasm: boolean;
}

/**
 * The probe's calls: none; a float and an integer in every position, at the edges of their ranges;
 * values that are not numbers (a string that reads as one among them), also in every position;
 * fewer arguments than it reads, and more. Numbers fill the stack slots below each call, so a
 * read from the wrong slot finds a number of another value rather than one that reads the slow way.
 */
const PROBE = `local probe = ...
local s1, s2, s3, s4, s5, s6, s7, s8 = 101.5, 102, 103.5, 104, 105.5, 106, 107.5, 108
probe()
probe(1.5, -7, 2.25, 9223372036854775807, -0.0, -9223372036854775808, 0/0, 1e300)
probe(3, -2^53, 4, 0.125, -1, 1/0, 6, -5.5)
probe('12', true, nil, {}, ' 0x10 ', probe, false, 'x', 9)
probe(7, 8.5)`;
const PROBE_CALLS = 5;

/**
 * How this VM registers number-argument functions (of at most NUMBER_ARGS_MAX arguments): in wasm
 * when a probe, called from Lua with the values of PROBE, finds exactly what lua_gettop and
 * lua_tonumberx give in each call; otherwise (another build's layout, a read that traps) through
 * JavaScript.
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
  if (arity > NUMBER_ARGS_MAX) throw new RangeError(`a number-argument function reads at most ${NUMBER_ARGS_MAX} arguments, not ${arity}`);
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
  let ran = false;
  try {
    if (lua.load(L, PROBE, '=number-args probe') === LUA_OK) {
      x.lua_pushcclosure(L, probe, 0);
      ran = x.lua_pcallk(L, 1, 0, 0, 0, 0) === LUA_OK;
    }
  } catch {
    // A read outside the memory traps: the state is left as it is, unclosed, and never used again.
    return false;
  }
  x.lua_close(L);
  return ran && calls === PROBE_CALLS && matched === PROBE_CALLS;
}
