// The cart's Lua environment: an allowlist. Only base, coroutine, table, string and math are opened
// (never io, os, package, debug, utf8), and the prelude below removes or narrows what remains risky.
import { LuaBridge, LUA_MULTRET, LUA_OK, LUA_REGISTRYINDEX, type CFunctionRef, type GlobalFunction } from './lua-bridge.js';
import { GLOBAL_STATE, LUA_STATE } from './lua-layout.js';
import type { LuaState } from './lua-wasm.js';
import { LUA53_COMPAT, LUA53_COMPAT_CHUNK } from './lua53-compat.js';
import { Lua53Random } from './lua53-random.js';

const PRELUDE_CHUNK = '=[nibble]';

// Runs once before the cart. Receives private helpers as arguments and returns private functions
// the host keeps in the registry; none of them is reachable from the cart's globals.
const PRELUDE = `
local enter, leave = ...
local rawload, select, error, type = load, select, error, type
local resume, create = coroutine.resume, coroutine.create
local gc = collectgarbage

string.dump = nil

-- Text chunks only: Lua has no bytecode verifier.
load = function(chunk, chunkname, mode, ...)
  if select('#', ...) > 0 then return rawload(chunk, chunkname, 't', (...)) end
  return rawload(chunk, chunkname, 't')
end

-- Carts may only ask how much memory they use; other requests are accepted and ignored.
collectgarbage = function(opt, ...)
  if opt == 'count' then return gc('count') end
  return 0
end

-- The runner must always know which coroutine is running, to interrupt it from outside.
coroutine.resume = function(co, ...)
  enter(co)
  return leave(resume(co, ...))
end
local function unwrap(ok, ...)
  if ok then return ... end
  error((...), 2)
end
coroutine.wrap = function(f)
  local co = create(f)
  return function(...)
    enter(co)
    return unwrap(leave(resume(co, ...)))
  end
end

return function() return gc('count') end
`;

export interface SandboxHooks {
  /** Called (on the VM thread) when the cart resumes a coroutine. */
  enter: (L: LuaState) => number;
  /** Called when control returns from a coroutine to L; returns all its arguments. */
  leave: (L: LuaState) => number;
}

export interface Sandbox {
  /** Lua heap in use, in bytes. */
  memoryInUse(): number;
}

const LIBRARIES: [string, 'luaopen_base' | 'luaopen_coroutine' | 'luaopen_table' | 'luaopen_string' | 'luaopen_math'][] = [
  ['_G', 'luaopen_base'],
  ['coroutine', 'luaopen_coroutine'],
  ['table', 'luaopen_table'],
  ['string', 'luaopen_string'],
  ['math', 'luaopen_math'],
];

/** The sandbox's host functions, registered once per VM and bound in each of its Lua states. */
export interface SandboxFunctions {
  openers: readonly GlobalFunction[];
  random: Lua53Random;
  enter: CFunctionRef;
  leave: CFunctionRef;
  /** dofile and loadfile. */
  refused: readonly GlobalFunction[];
}

export function registerSandboxFunctions(lua: LuaBridge, hooks: SandboxHooks): SandboxFunctions {
  const x = lua.x;
  return {
    openers: LIBRARIES.map(([name, opener]) => ({ name, fn: lua.addFunction((S) => x[opener](S)) })),
    random: new Lua53Random(lua),
    enter: lua.addFunction(hooks.enter),
    leave: lua.addFunction(hooks.leave),
    // TIC-80 replaces dofile and loadfile with C functions that raise an error.
    refused: ['dofile', 'loadfile'].map((name) => ({ name, fn: lua.addFunction((S) => lua.error(S, `unknown method: "${name}"`)) })),
  };
}

export function installSandbox(lua: LuaBridge, L: LuaState, functions: SandboxFunctions, deterministic: boolean): Sandbox {
  const x = lua.x;
  for (const { name, fn } of functions.openers) {
    x.luaL_requiref(L, lua.name(name), fn, 1);
    x.lua_settop(L, 0);
  }

  if (loadHostChunk(lua, L, LUA53_COMPAT, LUA53_COMPAT_CHUNK) !== LUA_OK || x.lua_pcallk(L, 0, 0, 0, 0, 0) !== LUA_OK) {
    throw new Error(`Lua 5.3 compatibility: ${lua.toText(L, -1)}`);
  }
  functions.random.install(L, deterministic);
  if (loadHostChunk(lua, L, PRELUDE, PRELUDE_CHUNK) !== LUA_OK) throw new Error(`prelude: ${lua.toText(L, -1)}`);
  x.lua_pushcclosure(L, functions.enter, 0);
  x.lua_pushcclosure(L, functions.leave, 0);
  if (x.lua_pcallk(L, 2, 1, 0, 0, 0) !== LUA_OK) throw new Error(`prelude: ${lua.toText(L, -1)}`);
  const gcCountRef = x.luaL_ref(L, LUA_REGISTRYINDEX);
  for (const { name, fn } of functions.refused) lua.setGlobalFunction(L, name, fn);

  const countThroughLua = (): number => {
    x.lua_rawgeti(L, LUA_REGISTRYINDEX, BigInt(gcCountRef));
    if (x.lua_pcallk(L, 0, LUA_MULTRET, 0, 0, 0) !== LUA_OK) {
      x.lua_settop(L, 0);
      return 0;
    }
    const kb = x.lua_tonumberx(L, -1, 0);
    x.lua_settop(L, 0);
    return Math.round(kb * 1024);
  };
  return { memoryInUse: provenHeapCounter(lua, L, countThroughLua) ?? countThroughLua };
}

/**
 * Reads the heap in use straight from the state's global_State, as collectgarbage('count') computes
 * it, once readings before and after an allocation have matched countThroughLua's: the host asks
 * after every frame, and a call into Lua for it costs more than the frame of an empty cart.
 * Undefined where this build's layout differs.
 */
function provenHeapCounter(lua: LuaBridge, L: LuaState, countThroughLua: () => number): (() => number) | undefined {
  const global = lua.view(L + LUA_STATE.global + 4).getUint32(L + LUA_STATE.global, true);
  const read = (): number => {
    const view = lua.view(global + GLOBAL_STATE.gcDebt + 4);
    return view.getInt32(global + GLOBAL_STATE.totalBytes, true) + view.getInt32(global + GLOBAL_STATE.gcDebt, true);
  };
  for (let i = 0; i < 2; i++) {
    if (global === 0 || countThroughLua() !== read()) return undefined;
    lua.x.lua_createtable(L, 64, 0);
    lua.x.lua_settop(L, 0);
  }
  return read;
}

/** The host's own chunks, each with the name its messages give it. */
const HOST_CHUNKS: readonly { source: string; chunkName: string }[] = [
  { source: LUA53_COMPAT, chunkName: LUA53_COMPAT_CHUNK },
  { source: PRELUDE, chunkName: PRELUDE_CHUNK },
];

/** One of the host's chunks as bytecode, with the source it was dumped from. */
export interface DumpedChunk {
  source: string;
  bytecode: Uint8Array;
}

/**
 * The host's own chunks as bytecode, by source: parsing them was a fifth of making a VM, and every
 * Lua state of this thread (a farm's hundreds of carts, a reset()'s fresh state) loads the same.
 */
const dumpedChunks = new Map<string, Uint8Array>();

/**
 * Gives this thread the host's chunks as a VM of the same Lua build dumped them ahead of time (Node
 * runners: runner/node/host-chunk-file.ts), so that not even its first Lua state parses them: that
 * parse made V8 optimize Lua's parser in every runner. Each is used only for the very source it
 * was dumped from; one that does not load is parsed from its source instead.
 */
export function seedHostChunks(chunks: readonly DumpedChunk[]): void {
  for (const { source, bytecode } of chunks) dumpedChunks.set(source, bytecode);
}

/** Every host chunk as bytecode (for seedHostChunks). */
export function dumpHostChunks(lua: LuaBridge): DumpedChunk[] {
  return dumpChunks(lua, HOST_CHUNKS);
}

/** Lua sources compiled and dumped as bytecode, with their debug information, in a Lua state of their own. */
export function dumpChunks(lua: LuaBridge, chunks: readonly { source: string; chunkName: string }[]): DumpedChunk[] {
  const x = lua.x;
  const L = x.luaL_newstate();
  try {
    x.luaL_requiref(
      L,
      lua.name('string'),
      lua.addFunction((S) => x.luaopen_string(S)),
      1,
    );
    x.lua_settop(L, 0);
    return chunks.map(({ source, chunkName }) => {
      const bytecode = lua.load(L, source, chunkName) === LUA_OK ? dumpFunction(lua, L) : null;
      if (!bytecode) throw new Error(`${chunkName}: ${lua.toText(L, -1)}`);
      x.lua_settop(L, 0);
      return { source, bytecode };
    });
  } finally {
    x.lua_close(L);
  }
}

/** Loads one of the host's chunks (never a cart's) as a function on the stack; returns the status. */
function loadHostChunk(lua: LuaBridge, L: LuaState, source: string, chunkName: string): number {
  const bytecode = dumpedChunks.get(source);
  if (bytecode) {
    if (lua.loadDumped(L, bytecode, chunkName) === LUA_OK) return LUA_OK;
    // Not this Lua build's bytecode: the source says the same.
    lua.x.lua_settop(L, -2);
    dumpedChunks.delete(source);
  }
  const status = lua.load(L, source, chunkName);
  if (status === LUA_OK) {
    const dumped = dumpFunction(lua, L);
    if (dumped) dumpedChunks.set(source, dumped);
  }
  return status;
}

/** string.dump of the function on top of the stack (before the prelude removes it), with its debug information. */
function dumpFunction(lua: LuaBridge, L: LuaState): Uint8Array | null {
  const x = lua.x;
  const fn = x.lua_gettop(L);
  x.lua_getglobal(L, lua.name('string'));
  x.lua_getfield(L, -1, lua.name('dump'));
  x.lua_pushvalue(L, fn);
  const bytecode = x.lua_pcallk(L, 1, 1, 0, 0, 0) === LUA_OK ? lua.toBytes(L, -1) : null;
  x.lua_settop(L, fn);
  return bytecode;
}
