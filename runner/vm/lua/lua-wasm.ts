// Loads one Lua 5.4 WebAssembly instance (wasmoon's glue.wasm, without wasmoon's JavaScript) for
// one cart, and hands out its raw C API exports: calls from the cart skip any wrapper, so they stay
// in the 0.2 us range. The instance runs on the small runtime of lua-runtime.ts.
import { hostFunctionBytes, numberArgsFunctionBytes } from './host-function-modules.js';
import type { LuaStackLayout } from './lua-layout.js';
import { luaRuntimeImports } from './lua-runtime.js';
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
  lua_newthread(L: LuaState): LuaState;
  lua_resume(L: LuaState, from: LuaState, nargs: number, nresults: Ptr): number;
  lua_yieldk(L: LuaState, nresults: number, ctx: number, k: number): number;
  lua_isyieldable(L: LuaState): number;
}

/**
 * The JavaScript side of a number-argument C function: called with the state and lua_gettop once
 * its arguments wait as lua_tonumberx reads them (0 past the top) in LuaBridge.numberArgs(), which
 * it reads before anything else can call such a function; returns the results pushed.
 */
export type NumberArgsBody = (L: LuaState, top: number) => number;

export interface LuaWasm {
  x: LuaExports;
  /** Registers a JS function in the wasm function table; sig is emscripten's ('ii', 'vii', ...). */
  addFunction(fn: (...args: number[]) => number | void, sig: string): number;
  /**
   * Registers a lua_CFunction that reads its first `arity` arguments in wasm, from a stack laid out
   * as `stack` says, into the doubles at `scratch` (host-function-modules.ts), and then calls body.
   */
  addNumberArgsFunction(body: NumberArgsBody, arity: number, stack: LuaStackLayout, scratch: Ptr): number;
  /** Whether the linear memory is shared (so the watchdog thread can arm the hook). */
  shared: boolean;
}

/** The bytes of the Lua module: wasmoon's glue.wasm (a file in Node, a URL or the page itself in a browser). */
export type LuaWasmBytes = Uint8Array<ArrayBuffer>;

export interface LuaWasmOptions {
  /** Make the memory shared, so the watchdog can arm the hook from its thread. */
  share: boolean;
  /** How much the memory may grow beyond its initial size: the cap on the cart's Lua heap. */
  memoryLimitBytes: number;
}

/** The Lua module compiled once, its memory patched as asked, ready to be instantiated per cart. */
export interface CompiledLuaWasm {
  module: WebAssembly.Module;
  /** Host-function modules by emscripten signature (or `numbers` and the stack layout, for number-argument functions), compiled once and instantiated per function. */
  wrappers: Map<string, WebAssembly.Module>;
  /** What could not be patched (the instances then run unshared, or without the cap). */
  patchErrors: string[];
}

/** Patches and compiles the Lua wasm module; instantiateLuaWasm then makes instances of it. */
export async function compileLuaWasm(bytes: LuaWasmBytes, options: LuaWasmOptions): Promise<CompiledLuaWasm> {
  const patchErrors: string[] = [];
  const growPages = bytesToPages(options.memoryLimitBytes);
  let patched = bytes;
  try {
    patched = patchMemory(bytes, { shared: options.share, growPages });
  } catch (err) {
    patchErrors.push(`the VM memory could not be patched: ${(err as Error).message}`);
  }
  return { module: await WebAssembly.compile(patched), wrappers: new Map(), patchErrors };
}

/**
 * Compiles and instantiates the Lua wasm module with its memory patched as asked. What could not be
 * patched is said in `patchErrors` (the instance then runs unshared, or without the cap).
 */
export async function loadLuaWasm(bytes: LuaWasmBytes, options: LuaWasmOptions): Promise<LuaWasm & { patchErrors: string[] }> {
  return instantiateLuaWasm(await compileLuaWasm(bytes, options));
}

/**
 * One instance of a compiled Lua module: its own linear memory, so its own heap. Synchronous, so
 * no other work runs in between (a farm's other carts).
 */
export function instantiateLuaWasm(compiled: CompiledLuaWasm): LuaWasm & { patchErrors: string[] } {
  let exports: WebAssembly.Exports | undefined;
  const imports = luaRuntimeImports(compiled.module, () => exports as never);
  exports = new WebAssembly.Instance(compiled.module, imports).exports;
  const start = exports as { emscripten_stack_init(): void; __wasm_call_ctors(): void };
  start.emscripten_stack_init();
  start.__wasm_call_ctors();
  const x = exports as unknown as LuaExports;
  const table = exports.__indirect_function_table as WebAssembly.Table;
  // Where memory cannot be shared (a page without cross-origin isolation) there is no SharedArrayBuffer to test against.
  const shared = typeof SharedArrayBuffer === 'function' && x.memory.buffer instanceof SharedArrayBuffer;
  // The wasm function itself, imported as is by number-argument functions: wasm calling wasm.
  const tonumberx = exports.lua_tonumberx;
  return {
    x,
    addFunction: (fn, sig) => addToTable(table, compiled.wrappers, sig, () => hostFunctionBytes(sig), { e: { f: fn } }),
    addNumberArgsFunction: (body, arity, stack, scratch) =>
      addToTable(table, compiled.wrappers, `numbers ${JSON.stringify(stack)}`, () => numberArgsFunctionBytes(shared, stack), {
        l: { memory: x.memory, tonumberx },
        j: { body },
        n: { arity, scratch },
      }),
    shared,
    patchErrors: [...compiled.patchErrors],
  };
}

/**
 * What emscripten's addFunction does (a tiny module importing the JS function, its export put in
 * the table), with the module compiled once per signature instead of once per function: a cart
 * registers about a hundred host functions, and compiling each cost more than the rest of its start.
 */
function addToTable(
  table: WebAssembly.Table,
  modules: Map<string, WebAssembly.Module>,
  key: string,
  bytes: () => Uint8Array<ArrayBuffer>,
  imports: WebAssembly.Imports,
): number {
  let module = modules.get(key);
  if (!module) {
    module = new WebAssembly.Module(bytes());
    modules.set(key, module);
  }
  const index = table.grow(1);
  table.set(index, new WebAssembly.Instance(module, imports).exports.f);
  return index;
}
