// Loads one Lua 5.4 WebAssembly instance (wasmoon's build) for one cart, and hands out its raw
// C API exports. The raw exports skip wasmoon's wrappers (which cost ~3.5 us per call) so that
// API calls from the cart stay in the 0.2 us range.
import type { LuaFactory } from 'wasmoon';
import { bytesToPages, patchMemory } from './wasm-memory-patch.js';

type Ptr = number;
/** lua_State pointer. */
export type LuaState = number;

/** The subset of Lua's C API this project calls, as exported by the wasm module. */
export interface LuaExports {
  memory: WebAssembly.Memory;
  malloc(size: number): Ptr;
  free(ptr: Ptr): void;
  luaL_newstate(): LuaState;
  lua_close(L: LuaState): void;
  luaL_loadbufferx(L: LuaState, buf: Ptr, size: number, name: Ptr, mode: Ptr): number;
  luaL_requiref(L: LuaState, name: Ptr, openf: number, global: number): void;
  luaL_traceback(L: LuaState, L1: LuaState, msg: Ptr, level: number): void;
  luaL_ref(L: LuaState, t: number): number;
  luaL_unref(L: LuaState, t: number, ref: number): void;
  luaL_checkinteger(L: LuaState, arg: number): bigint;
  luaL_checknumber(L: LuaState, arg: number): number;
  luaL_argerror(L: LuaState, arg: number, extramsg: Ptr): number;
  luaopen_base(L: LuaState): number;
  luaopen_coroutine(L: LuaState): number;
  luaopen_table(L: LuaState): number;
  luaopen_string(L: LuaState): number;
  luaopen_math(L: LuaState): number;
  lua_gettop(L: LuaState): number;
  lua_settop(L: LuaState, idx: number): void;
  lua_pushvalue(L: LuaState, idx: number): void;
  lua_rotate(L: LuaState, idx: number, n: number): void;
  lua_type(L: LuaState, idx: number): number;
  lua_isinteger(L: LuaState, idx: number): number;
  lua_tonumberx(L: LuaState, idx: number, isnum: Ptr): number;
  lua_tointegerx(L: LuaState, idx: number, isnum: Ptr): bigint;
  lua_toboolean(L: LuaState, idx: number): number;
  lua_tolstring(L: LuaState, idx: number, len: Ptr): Ptr;
  lua_tothread(L: LuaState, idx: number): LuaState;
  lua_topointer(L: LuaState, idx: number): Ptr;
  lua_rawlen(L: LuaState, idx: number): number;
  lua_pushnil(L: LuaState): void;
  lua_pushnumber(L: LuaState, n: number): void;
  lua_pushinteger(L: LuaState, n: bigint): void;
  lua_pushlstring(L: LuaState, s: Ptr, len: number): Ptr;
  lua_pushstring(L: LuaState, s: Ptr): Ptr;
  lua_pushcclosure(L: LuaState, fn: number, n: number): void;
  lua_pushboolean(L: LuaState, b: number): void;
  lua_getglobal(L: LuaState, name: Ptr): number;
  lua_setglobal(L: LuaState, name: Ptr): void;
  lua_getfield(L: LuaState, idx: number, k: Ptr): number;
  lua_setfield(L: LuaState, idx: number, k: Ptr): void;
  lua_rawgeti(L: LuaState, idx: number, n: bigint): number;
  lua_createtable(L: LuaState, narr: number, nrec: number): void;
  lua_pcallk(L: LuaState, nargs: number, nresults: number, errfunc: number, ctx: number, k: number): number;
  lua_callk(L: LuaState, nargs: number, nresults: number, ctx: number, k: number): void;
  lua_error(L: LuaState): number;
  lua_next(L: LuaState, idx: number): number;
  lua_sethook(L: LuaState, fn: number, mask: number, count: number): void;
  lua_getstack(L: LuaState, level: number, ar: Ptr): number;
  lua_getinfo(L: LuaState, what: Ptr, ar: Ptr): number;
  lua_getlocal(L: LuaState, ar: Ptr, n: number): Ptr;
  lua_gethookmask(L: LuaState): number;
  lua_getupvalue(L: LuaState, funcindex: number, n: number): Ptr;
  lua_setupvalue(L: LuaState, funcindex: number, n: number): Ptr;
  lua_getmetatable(L: LuaState, idx: number): number;
  lua_setmetatable(L: LuaState, idx: number): number;
  lua_rawget(L: LuaState, idx: number): number;
  lua_rawset(L: LuaState, idx: number): void;
  lua_checkstack(L: LuaState, n: number): number;
  lua_rawequal(L: LuaState, a: number, b: number): number;
}

export interface LuaWasm {
  x: LuaExports;
  /** Registers a JS function in the wasm function table; sig is emscripten's ('ii', 'vii', ...). */
  addFunction(fn: (...args: number[]) => number | void, sig: string): number;
  /** Whether the linear memory is shared (so the watchdog thread can arm the hook). */
  shared: boolean;
}

export interface GlueSource {
  /** Bytes of wasmoon's glue.wasm. */
  bytes: Uint8Array<ArrayBuffer>;
  /** Where wasmoon itself would load glue.wasm from (a file path in Node, a URL in a browser). */
  location: string;
  /**
   * wasmoon's LuaFactory, as the host loads it: Node requires wasmoon's CommonJS build directly,
   * which costs a fifth of importing it as an ES module.
   */
  factory: typeof LuaFactory;
}

/** The import module that wasmoon's emscripten glue gives the Lua module, and no other module here. */
const LUA_GLUE_IMPORT = 'wasi_snapshot_preview1';

export interface LuaWasmOptions {
  /** Make the memory shared, so the watchdog can arm the hook from its thread. */
  share: boolean;
  /** How much the memory may grow beyond its initial size: the cap on the cart's Lua heap. */
  memoryLimitBytes: number;
}

/**
 * Instantiates the Lua wasm module with its memory patched as asked. What could not be patched is
 * said in `patchErrors` (the instance then runs unshared, or without the cap).
 */
export async function loadLuaWasm(glue: GlueSource, options: LuaWasmOptions): Promise<LuaWasm & { patchErrors: string[] }> {
  const patchErrors: string[] = [];
  const growPages = bytesToPages(options.memoryLimitBytes);
  let bytes = glue.bytes;
  try {
    bytes = patchMemory(glue.bytes, { shared: options.share, growPages });
  } catch (err) {
    patchErrors.push(`the VM memory could not be patched: ${(err as Error).message}`);
  }
  let exports: WebAssembly.Exports | undefined;
  // wasmoon offers no way to pass bytes or to reach the raw exports, so the instantiation it makes is
  // intercepted for the moment it runs. Other modules instantiated meanwhile (Node's fetch compiles
  // its HTTP parser lazily) go through untouched: only the one importing the Lua glue's WASI is taken.
  const original = WebAssembly.instantiate;
  const originalStreaming = WebAssembly.instantiateStreaming;
  const instantiateBytes: (b: Uint8Array<ArrayBuffer>, i?: WebAssembly.Imports) => Promise<WebAssembly.WebAssemblyInstantiatedSource> =
    original.bind(WebAssembly);
  const isLuaGlue = (imports?: WebAssembly.Imports) => imports !== undefined && LUA_GLUE_IMPORT in imports;
  const instantiate = async (imports?: WebAssembly.Imports) => {
    const result = await instantiateBytes(bytes, imports);
    exports = result.instance.exports;
    return result;
  };
  (WebAssembly as { instantiate: unknown }).instantiate = (src: unknown, imports?: WebAssembly.Imports) =>
    isLuaGlue(imports) ? instantiate(imports) : (original as (s: unknown, i?: WebAssembly.Imports) => unknown).call(WebAssembly, src, imports);
  (WebAssembly as { instantiateStreaming: unknown }).instantiateStreaming = (src: unknown, imports?: WebAssembly.Imports) =>
    isLuaGlue(imports) ? instantiate(imports) : (originalStreaming as (s: unknown, i?: WebAssembly.Imports) => unknown).call(WebAssembly, src, imports);
  let module: { addFunction(fn: (...args: number[]) => number | void, sig: string): number };
  try {
    const lua = await new glue.factory(glue.location).getLuaModule();
    module = lua.module;
  } finally {
    (WebAssembly as { instantiate: unknown }).instantiate = original;
    (WebAssembly as { instantiateStreaming: unknown }).instantiateStreaming = originalStreaming;
  }
  if (!exports) throw new Error('the Lua wasm module was not instantiated');
  const x = exports as unknown as LuaExports;
  const shared = x.memory.buffer instanceof SharedArrayBuffer;
  return { x, addFunction: (fn, sig) => module.addFunction(fn, sig), shared, patchErrors };
}
