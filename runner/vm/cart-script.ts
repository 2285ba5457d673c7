// The cart's Lua side: one Lua state with the sandboxed libraries and the console API, the cart's
// code loaded into it, and protected calls of its callbacks with errors reported at their line.
// A soft reset() replaces it with a fresh one, binding the same host functions.
import type { ApiFunction } from './api/context.js';
import type { VmHook } from './interrupt/vm-hook.js';
import { numberArgsRegistrar } from './lua/number-args.js';
import {
  LuaBridge,
  LuaType,
  LUA_ERRMEM,
  LUA_MULTRET,
  LUA_OK,
  LUA_REGISTRYINDEX,
  LUA_TYPE_NAMES,
  LUA_YIELD,
  luaInteger,
  type CFunctionRef,
  type GlobalFunction,
} from './lua/lua-bridge.js';
import type { LuaState } from './lua/lua-wasm.js';
import { installSandbox, registerSandboxFunctions, type Sandbox, type SandboxFunctions } from './lua/sandbox.js';

export type CallResult = 'ok' | 'error' | 'out-of-memory';

/** What console code gave: tostring of each result, or its error message. */
export type EvalResult = { results: string[] } | { error: string };

const EVAL_CHUNK = '=console';

/**
 * The cart's callbacks: the globals the machine calls (reference section 2). scanline is SCN's
 * name before TIC-80 1.0, still called right after SCN.
 */
export const CALLBACKS = ['TIC', 'BOOT', 'MENU', 'OVR', 'BDR', 'SCN', 'scanline'] as const;
export type CallbackName = (typeof CALLBACKS)[number];

export interface ScriptFailure {
  message: string;
  line?: number;
  traceback?: string;
}

/**
 * The host functions every Lua state of one VM binds: the sandbox's, the traceback handler and the
 * console API. A wasm table entry is never freed, so they are registered once, when the machine is
 * made, and each reset()'s fresh state binds the same ones.
 */
export interface ScriptFunctions {
  sandbox: SandboxFunctions;
  traceback: CFunctionRef;
  /** __newindex of the globals a live reload's top level sees (see CartScript.reload). */
  keepState: CFunctionRef;
  api: readonly GlobalFunction[];
}

export function registerScriptFunctions(lua: LuaBridge, hook: VmHook, api: readonly ApiFunction[]): ScriptFunctions {
  const numberArgs = numberArgsRegistrar(lua);
  return {
    sandbox: registerSandboxFunctions(lua, { enter: (S) => hook.enter(S), leave: (S) => hook.leave(S) }),
    traceback: lua.addFunction((S) => traceback(lua, S)),
    keepState: lua.addFunction((S) => keepState(lua, S)),
    api: api.map((f) => ({ name: f.name, fn: 'fn' in f ? lua.addFunction(f.fn) : numberArgs.add(f.numberArgs.body, f.numberArgs.arity) })),
  };
}

/** Message handler: the error text followed by Lua's traceback. */
function traceback(lua: LuaBridge, L: LuaState): number {
  lua.pushString(L, errorReport(lua, L, 1, 1));
  return 1;
}

/** The registry slot of the globals table. */
const LUA_RIDX_GLOBALS = 2n;

/**
 * (proxy, key, value): a reloaded top level sets functions and new globals, and leaves the values
 * the running cart already has (its state) as they are.
 */
function keepState(lua: LuaBridge, L: LuaState): number {
  const x = lua.x;
  x.lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
  const globals = x.lua_gettop(L);
  x.lua_pushvalue(L, 2);
  const existing = x.lua_rawget(L, globals);
  x.lua_settop(L, globals);
  if (x.lua_type(L, 3) === LuaType.FUNCTION || existing === LuaType.NIL) {
    x.lua_pushvalue(L, 2);
    x.lua_pushvalue(L, 3);
    x.lua_rawset(L, globals);
  }
  return 0;
}

/** The error object at idx as text, followed by the traceback of L from `level`. */
function errorReport(lua: LuaBridge, L: LuaState, idx: number, level: number): string {
  const x = lua.x;
  const type = x.lua_type(L, idx);
  const message =
    type === LuaType.STRING || type === LuaType.NUMBER ? (lua.toText(L, idx) ?? '') : `(error object is a ${LUA_TYPE_NAMES[type] ?? 'unknown'} value)`;
  lua.pushString(L, message);
  x.luaL_traceback(L, L, x.lua_tolstring(L, -1, 0), level);
  const report = lua.toText(L, -1) ?? message;
  x.lua_settop(L, -3);
  return report;
}

export class CartScript {
  readonly L: LuaState;
  readonly #sandbox: Sandbox;
  /** Set when a call returned 'error'. */
  failure: ScriptFailure | undefined;
  /** The coroutine of the preemptible callback under way (start()), 0 when none. */
  #thread: LuaState = 0;
  #threadRef = 0;
  /** lua_resume's out-parameter, allocated at the first start(). */
  #resultCount = 0;

  readonly #lua: LuaBridge;
  readonly #hook: VmHook;
  readonly #chunkName: string;
  readonly #functions: ScriptFunctions;
  constructor(lua: LuaBridge, hook: VmHook, chunkName: string, functions: ScriptFunctions, deterministic: boolean) {
    this.#functions = functions;
    this.#chunkName = chunkName;
    this.#hook = hook;
    this.#lua = lua;
    this.L = lua.x.luaL_newstate();
    hook.attach(this.L);
    this.#sandbox = installSandbox(lua, this.L, functions.sandbox, deterministic);
    for (const { name, fn } of functions.api) lua.setGlobalFunction(this.L, name, fn);
    hook.globalsReady(this.L);
  }

  /** Lua heap in use, in bytes; call between callbacks only. */
  memoryInUse(): number {
    return this.#sandbox.memoryInUse();
  }

  /** Loads and runs the cart's code (its top level). */
  run(code: string): CallResult {
    const x = this.#lua.x;
    x.lua_settop(this.L, 0);
    if (this.#lua.load(this.L, code, `=${this.#chunkName}`) !== LUA_OK) {
      const message = this.#lua.toText(this.L, -1) ?? 'syntax error';
      x.lua_settop(this.L, 0);
      return this.#fail(message);
    }
    this.#hook.entry = 'main chunk';
    return this.#protectedCall(0);
  }

  /**
   * Live coding: runs new code in this running state. Its top level sees the globals through a
   * table that takes functions and new names and keeps existing values, so the cart's functions are
   * replaced and its state kept; then the chunk's _ENV (shared by every function it made) becomes
   * the globals table itself, so the new functions run exactly as the old did. A syntax error
   * changes nothing.
   */
  reload(code: string): CallResult {
    const x = this.#lua.x;
    const L = this.L;
    x.lua_settop(L, 0);
    if (this.#lua.load(L, code, `=${this.#chunkName}`) !== LUA_OK) {
      const message = this.#lua.toText(L, -1) ?? 'syntax error';
      x.lua_settop(L, 0);
      return this.#fail(message);
    }
    x.lua_pushvalue(L, 1);
    const chunk = x.luaL_ref(L, LUA_REGISTRYINDEX);
    x.lua_createtable(L, 0, 0);
    x.lua_createtable(L, 0, 2);
    x.lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    x.lua_setfield(L, -2, this.#lua.name('__index'));
    x.lua_pushcclosure(L, this.#functions.keepState, 0);
    x.lua_setfield(L, -2, this.#lua.name('__newindex'));
    x.lua_setmetatable(L, -2);
    x.lua_setupvalue(L, 1, 1);
    this.#hook.entry = 'main chunk';
    const result = this.#protectedCall(0);
    x.lua_rawgeti(L, LUA_REGISTRYINDEX, BigInt(chunk));
    x.lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    x.lua_setupvalue(L, -2, 1);
    x.lua_settop(L, 0);
    x.luaL_unref(L, LUA_REGISTRYINDEX, chunk);
    return result;
  }

  isFunction(name: CallbackName): boolean {
    const x = this.#lua.x;
    const type = x.lua_getglobal(this.L, this.#lua.name(name));
    x.lua_settop(this.L, -2);
    return type === LuaType.FUNCTION;
  }

  /** Calls a global callback if it is a function. */
  call(name: CallbackName, arg?: number): CallResult | 'missing' {
    const x = this.#lua.x;
    const L = this.L;
    // The message handler goes first, below the function: the call is the hot path of SCN and BDR.
    x.lua_settop(L, 0);
    x.lua_pushcclosure(L, this.#functions.traceback, 0);
    if (x.lua_getglobal(L, this.#lua.name(name)) !== LuaType.FUNCTION) {
      x.lua_settop(L, 0);
      return 'missing';
    }
    if (arg !== undefined) x.lua_pushinteger(L, luaInteger(arg));
    this.#hook.entry = name;
    return this.#handledCall(arg !== undefined ? 1 : 0, 1);
  }

  /**
   * Starts a global callback in a coroutine of its own, which the hook may preempt (a farm's time
   * slice): then 'preempted', and resume() goes on where it stopped.
   */
  start(name: CallbackName, arg?: number): CallResult | 'missing' | 'preempted' {
    const x = this.#lua.x;
    const L = this.L;
    x.lua_settop(L, 0);
    const T = x.lua_newthread(L);
    this.#threadRef = x.luaL_ref(L, LUA_REGISTRYINDEX);
    if (x.lua_getglobal(T, this.#lua.name(name)) !== LuaType.FUNCTION) {
      this.#dropThread();
      return 'missing';
    }
    if (arg !== undefined) x.lua_pushinteger(T, luaInteger(arg));
    this.#thread = T;
    this.#resultCount ||= x.malloc(4);
    this.#hook.entry = name;
    return this.#resume(arg !== undefined ? 1 : 0);
  }

  /** Goes on with the callback start() began, from where it was preempted. */
  resume(): CallResult | 'preempted' {
    return this.#resume(0);
  }

  #resume(nargs: number): CallResult | 'preempted' {
    const x = this.#lua.x;
    const T = this.#thread;
    this.#hook.preempted = false;
    this.#hook.beginCode();
    this.#hook.enterFrameThread(T);
    const status = x.lua_resume(T, this.L, nargs, this.#resultCount);
    this.#hook.leaveFrameThread();
    this.#hook.endCode();
    if (status === LUA_YIELD && this.#hook.preempted) return 'preempted';
    let report = '';
    if (status === LUA_YIELD) report = `${this.#chunkName}: attempt to yield from outside a coroutine`;
    else if (status !== LUA_OK && status !== LUA_ERRMEM) {
      report = errorReport(this.#lua, T, -1, 0);
    }
    this.#dropThread();
    if (status === LUA_OK) return 'ok';
    if (status === LUA_ERRMEM) return 'out-of-memory';
    return this.#fail(report);
  }

  /** The coroutine is no longer needed: the collector may take it. */
  #dropThread(): void {
    this.#lua.x.luaL_unref(this.L, LUA_REGISTRYINDEX, this.#threadRef);
    this.#thread = 0;
    this.#threadRef = 0;
  }

  /**
   * Runs a line of console code in this state, under the hook like the cart's own callbacks. An
   * expression is tried first ("return " before it), so `1+2` shows 3 as a REPL would.
   */
  evaluate(code: string): EvalResult {
    const x = this.#lua.x;
    const L = this.L;
    x.lua_settop(L, 0);
    if (this.#lua.load(L, `return ${code}`, EVAL_CHUNK) !== LUA_OK) {
      x.lua_settop(L, 0);
      if (this.#lua.load(L, code, EVAL_CHUNK) !== LUA_OK) return this.#evalError();
    }
    this.#hook.entry = 'console';
    this.#hook.beginCode();
    const status = x.lua_pcallk(L, 0, LUA_MULTRET, 0, 0, 0);
    if (status !== LUA_OK) {
      this.#hook.endCode();
      return this.#evalError();
    }
    const results: string[] = [];
    const count = x.lua_gettop(L);
    for (let i = 1; i <= count && results.length === i - 1; i++) {
      x.lua_getglobal(L, this.#lua.name('tostring'));
      x.lua_pushvalue(L, i);
      if (x.lua_pcallk(L, 1, 1, 0, 0, 0) !== LUA_OK) break;
      results.push(this.#lua.toText(L, -1) ?? '');
      x.lua_settop(L, -2);
    }
    this.#hook.endCode();
    if (results.length < count) return this.#evalError();
    x.lua_settop(L, 0);
    return { results };
  }

  /** The error on top of the stack, which is then emptied. */
  #evalError(): EvalResult {
    const error = this.#lua.toText(this.L, -1) ?? 'error';
    this.#lua.x.lua_settop(this.L, 0);
    return { error };
  }

  /** Ends this Lua state. Finalizers run, under the watchdog like any cart code. */
  close(): void {
    this.#hook.beginCode();
    this.#lua.x.lua_close(this.L);
    this.#hook.endCode();
    if (this.#resultCount) this.#lua.x.free(this.#resultCount);
  }

  /** Calls the function below nargs arguments with a traceback handler put below it; the stack is left empty. */
  #protectedCall(nargs: number): CallResult {
    const x = this.#lua.x;
    const L = this.L;
    const fnIndex = x.lua_gettop(L) - nargs;
    x.lua_pushcclosure(L, this.#functions.traceback, 0);
    x.lua_rotate(L, fnIndex, 1);
    return this.#handledCall(nargs, fnIndex);
  }

  /** #protectedCall once the traceback handler is at stack index `handler`, below the function. */
  #handledCall(nargs: number, handler: number): CallResult {
    const x = this.#lua.x;
    const L = this.L;
    this.#hook.beginCode();
    const status = x.lua_pcallk(L, nargs, 0, handler, 0, 0);
    this.#hook.endCode();
    const report = status === LUA_OK || status === LUA_ERRMEM ? '' : (this.#lua.toText(L, -1) ?? 'error');
    x.lua_settop(L, 0);
    if (status === LUA_OK) return 'ok';
    if (status === LUA_ERRMEM) return 'out-of-memory';
    return this.#fail(report);
  }

  #fail(report: string): 'error' {
    const split = report.indexOf('\nstack traceback:');
    const message = split >= 0 ? report.slice(0, split) : report;
    const traceback = split >= 0 ? report.slice(split + 1) : undefined;
    const line = this.#lineOf(message) ?? (traceback ? this.#lineOf(traceback) : undefined);
    this.failure = { message, ...(line ? { line } : {}), ...(traceback ? { traceback } : {}) };
    return 'error';
  }

  /** The first "cart.lua:LINE:" position in a text. */
  #lineOf(text: string): number | undefined {
    const escaped = this.#chunkName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const match = new RegExp(`(?:^|\\s)${escaped}:(\\d+):`).exec(text);
    return match ? Number(match[1]) : undefined;
  }
}
