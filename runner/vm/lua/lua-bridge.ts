// Thin typed helpers over the raw Lua C API: strings in and out of wasm memory, globals, C functions.
// Strings are copied out of the (possibly shared) heap before decoding, since browsers' TextDecoder
// refuses shared views.
import { checkNumberArgsArity, NUMBER_ARGS_MAX } from './host-function-modules.js';
import type { LuaStackLayout } from './lua-layout.js';
import type { LuaExports, LuaState, LuaWasm, NumberArgsBody } from './lua-wasm.js';

export const LUA_REGISTRYINDEX = -1001000;
export const LUA_MULTRET = -1;
export const LuaType = { NONE: -1, NIL: 0, BOOLEAN: 1, LIGHTUSERDATA: 2, NUMBER: 3, STRING: 4, TABLE: 5, FUNCTION: 6, USERDATA: 7, THREAD: 8 } as const;
/** Lua's names of the types lua_type returns (light and full userdata are both "userdata"). */
export const LUA_TYPE_NAMES: readonly string[] = ['nil', 'boolean', 'userdata', 'number', 'string', 'table', 'function', 'userdata', 'thread'];
export const LUA_OK = 0;
export const LUA_ERRMEM = 4;
export const LUA_YIELD = 1;

/** A C function as the VM sees it: takes the state, returns the number of results pushed. */
export type CFunction = (L: LuaState) => number;
/** A C function registered with addFunction: its index in the wasm function table. */
export type CFunctionRef = number;
/** A registered C function bound to a global of each new Lua state. */
export interface GlobalFunction {
  name: string;
  fn: CFunctionRef;
}

/** lua_Debug (Lua 5.4, 32-bit pointers): size and the offsets read here. */
export const DEBUG_INFO_SIZE = 120;
export const DEBUG_NAME = 4;
export const DEBUG_CURRENT_LINE = 24;
export const DEBUG_SHORT_SRC = 44;

/** The BigInts of 0..255, made once: the C API takes lua_Integer as a BigInt, and most integers passed are small. */
const SMALL_INTEGERS = Array.from({ length: 256 }, (_, i) => BigInt(i));

/** An integer as the BigInt lua_pushinteger, lua_rawgeti and the like take, without making one for 0..255. */
export function luaInteger(n: number): bigint {
  return SMALL_INTEGERS[n] ?? BigInt(n);
}

const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();
/** Texts up to this many bytes are turned into strings a character at a time (cheaper than a call with an argument list). */
const SHORT_TEXT = 64;

export class LuaBridge {
  readonly x: LuaExports;
  #heap: Uint8Array;
  #heapView: DataView;
  /** Scratch space for passing strings in; grown on demand. */
  #scratch = 0;
  #scratchSize = 0;
  readonly #lenPtr: number;
  readonly #numberArgsPtr: number;
  #numberArgs: Float64Array;
  readonly #names = new Map<string, number>();
  #debugInfo = 0;

  readonly #wasm: LuaWasm;
  constructor(wasm: LuaWasm) {
    this.#wasm = wasm;
    this.x = wasm.x;
    this.#heap = new Uint8Array(this.x.memory.buffer);
    this.#heapView = new DataView(this.x.memory.buffer);
    this.#lenPtr = this.x.malloc(8);
    this.#numberArgsPtr = this.x.malloc(NUMBER_ARGS_MAX * Float64Array.BYTES_PER_ELEMENT);
    this.#numberArgs = new Float64Array(this.x.memory.buffer, this.#numberArgsPtr, NUMBER_ARGS_MAX);
  }

  /** Views over the heap; refreshed when the memory has grown. */
  bytes(end: number): Uint8Array {
    if (end > this.#heap.length) this.#refresh();
    return this.#heap;
  }

  view(end: number): DataView {
    if (end > this.#heapView.byteLength) this.#refresh();
    return this.#heapView;
  }

  #refresh(): void {
    this.#heap = new Uint8Array(this.x.memory.buffer);
    this.#heapView = new DataView(this.x.memory.buffer);
  }

  /** A NUL-terminated constant kept for the VM's lifetime (global names, field names). */
  name(s: string): number {
    let ptr = this.#names.get(s);
    if (ptr === undefined) {
      const data = encoder.encode(s);
      ptr = this.x.malloc(data.length + 1);
      this.bytes(ptr + data.length + 1).set(data, ptr);
      this.#heap[ptr + data.length] = 0;
      this.#names.set(s, ptr);
    }
    return ptr;
  }

  /**
   * Registers a C function and returns its index in the wasm function table. The entry (and the
   * wrapper compiled for it) is never released: register each function once per VM and reuse it
   * in every Lua state, never once per state.
   */
  addFunction(fn: CFunction): CFunctionRef {
    return this.#wasm.addFunction(fn, 'ii');
  }

  /**
   * Registers a C function whose first `arity` arguments are read as numbers in wasm, from a stack
   * laid out as `stack` says, and passed to body (see number-args.ts); once per VM, as addFunction.
   */
  addNumberArgsFunction(body: NumberArgsBody, arity: number, stack: LuaStackLayout): CFunctionRef {
    checkNumberArgsArity(arity);
    return this.#wasm.addNumberArgsFunction(body, arity, stack, this.#numberArgsPtr);
  }

  /** The arguments of the number-argument function being called (see NumberArgsBody), as doubles. */
  numberArgs(): Float64Array {
    // A memory that is not shared detaches its old buffer when it grows.
    if (this.#numberArgs.length === 0) this.#numberArgs = new Float64Array(this.x.memory.buffer, this.#numberArgsPtr, NUMBER_ARGS_MAX);
    return this.#numberArgs;
  }

  /** Registers a lua_Hook: void (*)(lua_State *L, lua_Debug *ar). Once per VM, as addFunction. */
  addHookFunction(fn: (L: LuaState, ar: number) => void): CFunctionRef {
    return this.#wasm.addFunction(fn, 'vii');
  }

  setGlobalFunction(L: LuaState, name: string, fn: CFunctionRef): void {
    this.x.lua_pushcclosure(L, fn, 0);
    this.x.lua_setglobal(L, this.name(name));
  }

  /** Copies bytes into scratch memory and returns its address (valid until the next call). */
  #toScratch(data: Uint8Array): number {
    if (data.length + 1 > this.#scratchSize) {
      if (this.#scratch) this.x.free(this.#scratch);
      this.#scratchSize = Math.max(256, data.length + 1);
      this.#scratch = this.x.malloc(this.#scratchSize);
    }
    this.bytes(this.#scratch + data.length + 1).set(data, this.#scratch);
    this.#heap[this.#scratch + data.length] = 0;
    return this.#scratch;
  }

  pushString(L: LuaState, s: string): void {
    const data = encoder.encode(s);
    this.x.lua_pushlstring(L, this.#toScratch(data), data.length);
  }

  pushBytes(L: LuaState, data: Uint8Array): void {
    this.x.lua_pushlstring(L, this.#toScratch(data), data.length);
  }

  /** Loads text-only Lua source as a function on the stack; returns the status. */
  load(L: LuaState, source: string, chunkName: string): number {
    return this.#loadBuffer(L, encoder.encode(source), chunkName, 't');
  }

  /** Loads a binary chunk that the host dumped from its own source (Lua does not verify bytecode: never a cart's). */
  loadDumped(L: LuaState, bytecode: Uint8Array, chunkName: string): number {
    return this.#loadBuffer(L, bytecode, chunkName, 'b');
  }

  #loadBuffer(L: LuaState, data: Uint8Array, chunkName: string, mode: 't' | 'b'): number {
    const buf = this.x.malloc(data.length + 1);
    this.bytes(buf + data.length).set(data, buf);
    const status = this.x.luaL_loadbufferx(L, buf, data.length, this.name(chunkName), this.name(mode));
    this.x.free(buf);
    return status;
  }

  /** The raw bytes of the string (or number) at idx, or null for other types. */
  toBytes(L: LuaState, idx: number): Uint8Array | null {
    const ptr = this.x.lua_tolstring(L, idx, this.#lenPtr);
    if (ptr === 0) return null;
    const len = this.view(this.#lenPtr + 4).getUint32(this.#lenPtr, true);
    return this.bytes(ptr + len).slice(ptr, ptr + len);
  }

  /** lua_tonumberx: the number at idx, or null unless it is a number or a string convertible to one. */
  toNumber(L: LuaState, idx: number): number | null {
    const isnum = this.#lenPtr + 4;
    const n = this.x.lua_tonumberx(L, idx, isnum);
    return this.view(isnum + 4).getInt32(isnum, true) !== 0 ? n : null;
  }

  /** UTF-8 text of the string (or number) at idx, or null. */
  toText(L: LuaState, idx: number): string | null {
    const data = this.toBytes(L, idx);
    return data === null ? null : utf8.decode(data);
  }

  /** Each byte as one character (code 0..255): how the console's font indexes text. */
  toLatin1(L: LuaState, idx: number): string | null {
    const data = this.toBytes(L, idx);
    if (data === null) return null;
    let s = '';
    // Short texts (most prints) are built directly; long ones in chunks the argument list can hold.
    if (data.length <= SHORT_TEXT) {
      for (let i = 0; i < data.length; i++) s += String.fromCharCode(data[i]);
      return s;
    }
    for (let i = 0; i < data.length; i += 4096) s += String.fromCharCode.apply(null, data.subarray(i, i + 4096) as unknown as number[]);
    return s;
  }

  /** "chunk:line: " of the Lua function that called the running C function, or "". */
  where(L: LuaState): string {
    if (!this.#debugInfo) this.#debugInfo = this.x.malloc(DEBUG_INFO_SIZE);
    const ar = this.#debugInfo;
    if (!this.x.lua_getstack(L, 1, ar)) return '';
    this.x.lua_getinfo(L, this.name('Sl'), ar);
    const line = this.view(ar + DEBUG_INFO_SIZE).getInt32(ar + DEBUG_CURRENT_LINE, true);
    return line > 0 ? `${this.readCString(ar + DEBUG_SHORT_SRC, 60)}:${line}: ` : '';
  }

  readCString(ptr: number, max = 4096): string {
    if (ptr === 0) return '';
    const heap = this.bytes(ptr + 1);
    let end = ptr;
    while (end < heap.length && end - ptr < max && heap[end] !== 0) end++;
    return utf8.decode(heap.slice(ptr, end));
  }

  /**
   * Raises a Lua error, prefixed like luaL_error with the calling line ("cart.lua:12: ...").
   * Never returns: the VM unwinds through the caller.
   */
  error(L: LuaState, message: string): never {
    this.pushString(L, this.where(L) + message);
    this.x.lua_error(L);
    throw new Error('lua_error returned');
  }
}
