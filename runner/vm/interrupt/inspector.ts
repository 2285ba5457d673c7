// Reads the values of a paused cart for the debugger: each stack frame's locals, upvalues and
// varargs, the cart's globals, tables opened a page at a time, and expressions evaluated in a frame.
// Everything is read with the raw C API (lua_next, lua_rawget, lua_getmetatable): no metamethod of
// the cart's (__index, __tostring, __pairs, __len) runs while the inspector reads. Values that can be
// opened get a handle, valid until the cart resumes.
import { INSPECT_PAGE, type ValueView } from '../../common/debug-types.js';
import type { StackFrame } from '../../common/protocol.js';
import {
  DEBUG_CURRENT_LINE,
  DEBUG_INFO_SIZE,
  DEBUG_NAME,
  DEBUG_SHORT_SRC,
  LUA_OK,
  LUA_REGISTRYINDEX,
  LUA_TYPE_NAMES,
  LuaBridge,
  LuaType,
} from '../lua/lua-bridge.js';
import type { LuaState } from '../lua/lua-wasm.js';

const MAX_STACK_FRAMES = 64;
const MAX_LOCALS = 64;
/** Strings longer than this are cut in the tree; their handle gives the whole text. */
export const MAX_VALUE_TEXT = 80;
/** The most of a string an inspection sends. */
const MAX_WHOLE_TEXT = 60_000;
/** lua_Debug's linedefined (Lua 5.4, 32-bit pointers). */
const DEBUG_LINE_DEFINED = 28;
/** The registry slot of the globals table. */
const LUA_RIDX_GLOBALS = 2n;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LUA_KEYWORDS = new Set('and break do else elseif end false for function goto if in local nil not or repeat return then true until while'.split(' '));

interface Handle {
  ref: number;
  /** globals: the cart's globals table, shown without the console's own API. */
  kind: 'value' | 'globals';
}

export type Evaluation = { ok: true } | { ok: false; error: string };

export class Inspector {
  readonly #lua: LuaBridge;
  readonly #cartSource: string;
  readonly #ar: number;
  #handles = new Map<number, Handle>();
  #nextHandle = 1;
  /** The paused thread, and the Lua stack level of each frame the paused message listed. */
  #L: LuaState = 0;
  #frameLevels: number[] = [];
  /** A copy of the globals as the runner set them up (the API, the libraries), in the registry. */
  #pristineRef = 0;

  constructor(lua: LuaBridge, cartSource: string) {
    this.#lua = lua;
    this.#cartSource = cartSource;
    this.#ar = lua.x.malloc(DEBUG_INFO_SIZE);
  }

  /** Remembers the globals a fresh state has before the cart's code runs: they are the console's, not the cart's. */
  rememberPristineGlobals(L: LuaState): void {
    const x = this.#lua.x;
    x.lua_createtable(L, 0, 128);
    this.#pushGlobals(L);
    x.lua_pushnil(L);
    while (x.lua_next(L, -2) !== 0) {
      x.lua_pushvalue(L, -2);
      x.lua_rotate(L, -2, 1);
      x.lua_rawset(L, -5);
    }
    x.lua_settop(L, -2);
    this.#pristineRef = x.luaL_ref(L, LUA_REGISTRYINDEX);
  }

  /** The cart paused in thread L: frames and handles refer to it until release(). */
  begin(L: LuaState): void {
    this.#L = L;
    this.#frameLevels = [];
  }

  /** The cart resumes: every handle is let go. */
  release(): void {
    const L = this.#L;
    if (L !== 0) for (const { ref } of this.#handles.values()) this.#lua.x.luaL_unref(L, LUA_REGISTRYINDEX, ref);
    this.#handles.clear();
    this.#L = 0;
  }

  /** The call stack from the innermost frame out, the runner's own frames left out. */
  captureStack(entry: string): StackFrame[] {
    const x = this.#lua.x;
    const L = this.#L;
    const ar = this.#ar;
    const frames: StackFrame[] = [];
    for (let level = 0; level < MAX_STACK_FRAMES && x.lua_getstack(L, level, ar); level++) {
      x.lua_getinfo(L, this.#lua.name('nSlu'), ar);
      const source = this.#lua.readCString(ar + DEBUG_SHORT_SRC, 60);
      if (source === '[nibble]') continue;
      const view = this.#lua.view(ar + DEBUG_INFO_SIZE);
      const namePtr = view.getUint32(ar + DEBUG_NAME, true);
      const frame: StackFrame = {
        name: namePtr ? this.#lua.readCString(namePtr, 200) : '?',
        source,
        line: view.getInt32(ar + DEBUG_CURRENT_LINE, true),
        locals: [],
      };
      for (let n = 1; n <= MAX_LOCALS; n++) {
        const namePtrLocal = x.lua_getlocal(L, ar, n);
        if (namePtrLocal === 0) break;
        const name = this.#lua.readCString(namePtrLocal, 200);
        if (!name.startsWith('(')) frame.locals.push(this.describe(L, -1, name));
        x.lua_settop(L, -2);
      }
      const varargs: ValueView[] = [];
      for (let n = 1; n <= MAX_LOCALS && x.lua_getlocal(L, ar, -n) !== 0; n++) {
        varargs.push(this.describe(L, -1, `...[${n}]`));
        x.lua_settop(L, -2);
      }
      if (varargs.length > 0) frame.varargs = varargs;
      x.lua_getinfo(L, this.#lua.name('f'), ar);
      const upvalues = this.#upvalues(L, -1);
      x.lua_settop(L, -2);
      if (upvalues.length > 0) frame.upvalues = upvalues;
      frames.push(frame);
      this.#frameLevels.push(level);
    }
    // Lua cannot name a function the host called; the runner knows which callback that was.
    const outermost = frames.at(-1);
    if (outermost && outermost.name === '?' && outermost.source === this.#cartSource) outermost.name = entry;
    return frames;
  }

  #upvalues(L: LuaState, fnIndex: number): ValueView[] {
    const x = this.#lua.x;
    const fn = x.lua_gettop(L) + 1 + fnIndex;
    const upvalues: ValueView[] = [];
    for (let n = 1; n <= MAX_LOCALS; n++) {
      const namePtr = x.lua_getupvalue(L, fn, n);
      if (namePtr === 0) break;
      const name = this.#lua.readCString(namePtr, 200);
      if (name !== '_ENV' && name !== '') upvalues.push(this.describe(L, -1, name));
      x.lua_settop(L, -2);
    }
    return upvalues;
  }

  /** A handle on the cart's globals, the console's API left out. */
  globalsHandle(): number {
    this.#pushGlobals(this.#L);
    return this.#newHandle(this.#L, 'globals');
  }

  /** Entries of an open value from offset on (a table's, its metatable first; a string's whole text). */
  expand(handleId: number, offset: number): { entries: ValueView[]; more: boolean } | { error: string } {
    const handle = this.#handles.get(handleId);
    if (!handle || this.#L === 0) return { error: 'that value is no longer available: the cart has run since' };
    const x = this.#lua.x;
    const L = this.#L;
    x.lua_checkstack(L, 8);
    x.lua_rawgeti(L, LUA_REGISTRYINDEX, BigInt(handle.ref));
    try {
      if (x.lua_type(L, -1) === LuaType.STRING) {
        const text = this.#lua.toText(L, -1) ?? '';
        return { entries: [{ name: 'text', value: text.slice(0, MAX_WHOLE_TEXT) }], more: false };
      }
      if (x.lua_type(L, -1) !== LuaType.TABLE) return { entries: [], more: false };
      return this.#tableEntries(L, handle.kind === 'globals', offset);
    } finally {
      x.lua_settop(L, -2);
    }
  }

  /** The table on top of L's stack: its metatable (counted as the first entry), then its pairs in lua_next's order. */
  #tableEntries(L: LuaState, globalsOnly: boolean, offset: number): { entries: ValueView[]; more: boolean } {
    const x = this.#lua.x;
    const table = x.lua_gettop(L);
    const entries: ValueView[] = [];
    let index = 0;
    if (x.lua_getmetatable(L, table) !== 0) {
      if (index >= offset) entries.push(this.describe(L, -1, '[metatable]'));
      index++;
      x.lua_settop(L, -2);
    }
    if (globalsOnly && this.#pristineRef !== 0) x.lua_rawgeti(L, LUA_REGISTRYINDEX, BigInt(this.#pristineRef));
    else x.lua_pushnil(L);
    const pristine = x.lua_gettop(L);
    x.lua_pushnil(L);
    while (x.lua_next(L, table) !== 0) {
      if (globalsOnly && this.#isPristine(L, pristine)) {
        x.lua_settop(L, -2);
        continue;
      }
      if (index >= offset) {
        if (entries.length === INSPECT_PAGE) {
          x.lua_settop(L, pristine);
          x.lua_settop(L, -2);
          return { entries, more: true };
        }
        entries.push(this.describe(L, -1, this.#keyName(L, -2)));
      }
      index++;
      x.lua_settop(L, -2);
    }
    x.lua_settop(L, -2);
    return { entries, more: false };
  }

  /** Whether the key/value pair on top of the stack is one the runner put in the globals. */
  #isPristine(L: LuaState, pristine: number): boolean {
    const x = this.#lua.x;
    if (x.lua_type(L, pristine) !== LuaType.TABLE) return false;
    x.lua_pushvalue(L, -2);
    x.lua_rawget(L, pristine);
    const same = x.lua_rawequal(L, -1, -2) !== 0;
    x.lua_settop(L, -2);
    return same;
  }

  #keyName(L: LuaState, idx: number): string {
    const x = this.#lua.x;
    if (x.lua_type(L, idx) === LuaType.STRING) {
      const text = this.#lua.toText(L, idx) ?? '';
      return IDENTIFIER.test(text) && !LUA_KEYWORDS.has(text) ? text : `[${JSON.stringify(text)}]`;
    }
    return `[${this.#text(L, idx)}]`;
  }

  /** A value for the tree, read without running any metamethod. */
  describe(L: LuaState, idx: number, name: string): ValueView {
    const x = this.#lua.x;
    const type = x.lua_type(L, idx);
    if (type === LuaType.TABLE) return { name, value: this.#text(L, idx), handle: this.#handleFor(L, idx) };
    if (type === LuaType.STRING && (x.lua_rawlen(L, idx) > MAX_VALUE_TEXT || (this.#lua.toText(L, idx) ?? '').length > MAX_VALUE_TEXT)) {
      return { name, value: this.#text(L, idx), handle: this.#handleFor(L, idx) };
    }
    return { name, value: this.#text(L, idx) };
  }

  /** Plain text of a value: strings quoted and cut, numbers as Lua prints them, functions with where they are defined. */
  #text(L: LuaState, idx: number): string {
    const x = this.#lua.x;
    switch (x.lua_type(L, idx)) {
      case LuaType.NIL:
        return 'nil';
      case LuaType.BOOLEAN:
        return x.lua_toboolean(L, idx) ? 'true' : 'false';
      case LuaType.NUMBER:
        return x.lua_isinteger(L, idx) ? x.lua_tointegerx(L, idx, 0).toString() : formatFloat(x.lua_tonumberx(L, idx, 0));
      case LuaType.STRING: {
        const text = this.#lua.toText(L, idx) ?? '';
        return JSON.stringify(text.length > MAX_VALUE_TEXT ? `${text.slice(0, MAX_VALUE_TEXT)}…` : text);
      }
      case LuaType.FUNCTION:
        return this.#functionText(L, idx);
      default: {
        const typeName = LUA_TYPE_NAMES[x.lua_type(L, idx)] ?? 'value';
        return `${typeName}: 0x${x.lua_topointer(L, idx).toString(16).padStart(8, '0')}`;
      }
    }
  }

  #functionText(L: LuaState, idx: number): string {
    const x = this.#lua.x;
    x.lua_pushvalue(L, idx);
    x.lua_getinfo(L, this.#lua.name('>S'), this.#ar);
    const source = this.#lua.readCString(this.#ar + DEBUG_SHORT_SRC, 60);
    const line = this.#lua.view(this.#ar + DEBUG_INFO_SIZE).getInt32(this.#ar + DEBUG_LINE_DEFINED, true);
    if (source === this.#cartSource) return `function ${source}:${line}`;
    return source === '=[C]' || source === '[C]' ? 'function (built in)' : `function ${source}:${line}`;
  }

  #handleFor(L: LuaState, idx: number): number {
    this.#lua.x.lua_pushvalue(L, idx);
    return this.#newHandle(L, 'value');
  }

  /** Takes the value on top of L's stack. */
  #newHandle(L: LuaState, kind: Handle['kind']): number {
    const ref = this.#lua.x.luaL_ref(L, LUA_REGISTRYINDEX);
    const id = this.#nextHandle++;
    this.#handles.set(id, { ref, kind });
    return id;
  }

  /** The Lua stack level of a frame of the last captured stack (0 = the innermost shown). */
  levelOf(frame: number): number | undefined {
    return this.#frameLevels[frame];
  }

  /**
   * Pushes the value of an expression in the frame at Lua stack level `level` of L. A name, or a
   * path of names and constant indexes (`player.pos[1]`), is read raw, running no metamethod;
   * anything else runs as Lua, seeing the frame's locals and upvalues, then its globals.
   */
  evaluate(L: LuaState, level: number, expression: string): Evaluation {
    const x = this.#lua.x;
    x.lua_checkstack(L, 16);
    const path = parsePath(expression);
    if (path) return this.#readPath(L, level, path);
    if (!this.#pushFrameEnvironment(L, level)) return { ok: false, error: 'that frame is no longer on the stack' };
    const env = x.lua_gettop(L);
    if (this.#lua.load(L, `return ${expression}`, '=expression') !== LUA_OK) {
      const error = this.#lua.toText(L, -1) ?? 'syntax error';
      x.lua_settop(L, env - 1);
      return { ok: false, error };
    }
    x.lua_pushvalue(L, env);
    x.lua_setupvalue(L, -2, 1);
    const status = x.lua_pcallk(L, 0, 1, 0, 0, 0);
    x.lua_rotate(L, env, -1);
    x.lua_settop(L, -2);
    if (status !== LUA_OK) {
      const error = this.#lua.toText(L, -1) ?? 'error';
      x.lua_settop(L, -2);
      return { ok: false, error };
    }
    return { ok: true };
  }

  /** Text of each `{expression}` in a logpoint's message, evaluated in the innermost frame. */
  formatLog(L: LuaState, message: string): string {
    return message.replace(/\{([^{}]+)\}/g, (_, expression: string) => {
      const result = this.evaluate(L, 0, expression);
      if (!result.ok) return `{${result.error}}`;
      const x = this.#lua.x;
      const text = x.lua_type(L, -1) === LuaType.STRING ? (this.#lua.toText(L, -1) ?? '') : this.#text(L, -1);
      x.lua_settop(L, -2);
      return text;
    });
  }

  #readPath(L: LuaState, level: number, path: (string | number)[]): Evaluation {
    const x = this.#lua.x;
    const [first, ...rest] = path as [string, ...(string | number)[]];
    if (!this.#pushVariable(L, level, first)) return { ok: false, error: 'that frame is no longer on the stack' };
    for (const key of rest) {
      if (x.lua_type(L, -1) !== LuaType.TABLE) {
        x.lua_settop(L, -2);
        return { ok: false, error: `cannot index ${String(key)}: not a table` };
      }
      if (typeof key === 'number') x.lua_pushinteger(L, BigInt(key));
      else this.#lua.pushString(L, key);
      x.lua_rawget(L, -2);
      x.lua_rotate(L, -2, 1);
      x.lua_settop(L, -2);
    }
    return { ok: true };
  }

  /** Pushes a name's value as the frame sees it: its innermost local, an upvalue, else the global (raw). */
  #pushVariable(L: LuaState, level: number, name: string): boolean {
    const x = this.#lua.x;
    const ar = this.#ar;
    if (!x.lua_getstack(L, level, ar)) return false;
    let found = false;
    for (let n = 1; n <= MAX_LOCALS; n++) {
      const namePtr = x.lua_getlocal(L, ar, n);
      if (namePtr === 0) break;
      if (this.#lua.readCString(namePtr, 200) === name) {
        if (found) x.lua_rotate(L, -2, 1);
        if (found) x.lua_settop(L, -2);
        found = true;
      } else x.lua_settop(L, -2);
    }
    if (found) return true;
    x.lua_getinfo(L, this.#lua.name('f'), ar);
    const fn = x.lua_gettop(L);
    for (let n = 1; n <= MAX_LOCALS; n++) {
      const namePtr = x.lua_getupvalue(L, fn, n);
      if (namePtr === 0) break;
      if (this.#lua.readCString(namePtr, 200) === name) {
        x.lua_rotate(L, fn, 1);
        x.lua_settop(L, -2);
        return true;
      }
      x.lua_settop(L, -2);
    }
    x.lua_settop(L, -2);
    this.#pushGlobals(L);
    this.#lua.pushString(L, name);
    x.lua_rawget(L, -2);
    x.lua_rotate(L, -2, 1);
    x.lua_settop(L, -2);
    return true;
  }

  /** Pushes a table of the frame's upvalues and locals whose metatable's __index is the globals. */
  #pushFrameEnvironment(L: LuaState, level: number): boolean {
    const x = this.#lua.x;
    const ar = this.#ar;
    if (!x.lua_getstack(L, level, ar)) return false;
    x.lua_createtable(L, 0, 16);
    const env = x.lua_gettop(L);
    x.lua_getinfo(L, this.#lua.name('f'), ar);
    for (let n = 1; n <= MAX_LOCALS; n++) {
      const namePtr = x.lua_getupvalue(L, env + 1, n);
      if (namePtr === 0) break;
      const name = this.#lua.readCString(namePtr, 200);
      if (name === '_ENV' || name === '') x.lua_settop(L, -2);
      else x.lua_setfield(L, env, this.#lua.name(name));
    }
    x.lua_settop(L, env);
    for (let n = 1; n <= MAX_LOCALS; n++) {
      const namePtr = x.lua_getlocal(L, ar, n);
      if (namePtr === 0) break;
      const name = this.#lua.readCString(namePtr, 200);
      if (name.startsWith('(')) x.lua_settop(L, -2);
      else x.lua_setfield(L, env, this.#lua.name(name));
    }
    x.lua_createtable(L, 0, 1);
    this.#pushGlobals(L);
    x.lua_setfield(L, -2, this.#lua.name('__index'));
    x.lua_setmetatable(L, env);
    return true;
  }

  #pushGlobals(L: LuaState): void {
    this.#lua.x.lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
  }
}

/** `name`, `a.b`, `a[1]`, `a["key"]` as a list of keys; null for any other expression. */
export function parsePath(expression: string): [string, ...(string | number)[]] | null {
  const text = expression.trim();
  const head = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text);
  if (!head || LUA_KEYWORDS.has(head[0])) return null;
  const path: [string, ...(string | number)[]] = [head[0]];
  let rest = text.slice(head[0].length);
  while (rest.length > 0) {
    const member = /^\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)/.exec(rest) ?? /^\s*\[\s*"([^"\\]*)"\s*\]/.exec(rest);
    const index = /^\s*\[\s*(-?\d{1,15})\s*\]/.exec(rest);
    if (member) path.push(member[1]);
    else if (index) path.push(Number(index[1]));
    else return null;
    rest = rest.slice((member ?? index)![0].length);
  }
  return path;
}

export function formatFloat(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return `${n}.0`;
  return String(Number(n.toPrecision(14)));
}
