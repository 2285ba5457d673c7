// Reading arguments the way TIC-80's bindings do: numbers through lua_tonumber, integers by C
// truncation toward zero. Out-of-range values are clamped rather than left undefined as in C.
import type { LuaBridge } from '../lua/lua-bridge.js';
import { LuaType } from '../lua/lua-bridge.js';

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

export function toInt(n: number): number {
  if (n >= INT_MIN && n <= INT_MAX) return Math.trunc(n);
  if (n > 0) return INT_MAX;
  if (n < 0) return INT_MIN;
  return 0;
}

export function argInt(lua: LuaBridge, L: number, idx: number): number {
  return toInt(lua.x.lua_tonumberx(L, idx, 0));
}

export function argNum(lua: LuaBridge, L: number, idx: number): number {
  return lua.x.lua_tonumberx(L, idx, 0);
}

export function argBool(lua: LuaBridge, L: number, idx: number): boolean {
  return lua.x.lua_toboolean(L, idx) !== 0;
}

/**
 * A colour key argument: one number, or a table of up to 16 numbers (reading stops at the first
 * entry that is not a number or a numeric string, as lua_isnumber sees it), as spr, map and ttri take it.
 */
export function argColorKeys(lua: LuaBridge, L: number, idx: number): number[] {
  const x = lua.x;
  if (x.lua_type(L, idx) !== LuaType.TABLE) return [argInt(lua, L, idx)];
  const keys: number[] = [];
  for (let i = 1; i <= 16; i++) {
    x.lua_rawgeti(L, idx, BigInt(i));
    const key = lua.toNumber(L, -1);
    x.lua_settop(L, -2);
    if (key === null) break;
    keys.push(toInt(key));
  }
  return keys;
}

/**
 * The value converted with the global tostring, as print and trace do: as one character per byte
 * (how the console's font indexes text) or as UTF-8 text (for the host's console).
 */
export function argToString(lua: LuaBridge, L: number, idx: number, as: 'bytes' | 'utf8'): string {
  const x = lua.x;
  // Strings skip the call, the hot path of print (TIC-80 calls tostring even for them, so a cart
  // that replaces the global tostring sees it called for other values only).
  if (x.lua_type(L, idx) === LuaType.STRING) return (as === 'bytes' ? lua.toLatin1(L, idx) : lua.toText(L, idx)) ?? '';
  x.lua_getglobal(L, lua.name('tostring'));
  x.lua_pushvalue(L, idx);
  x.lua_callk(L, 1, 1, 0, 0);
  const text = (as === 'bytes' ? lua.toLatin1(L, -1) : lua.toText(L, -1)) ?? '';
  x.lua_settop(L, -2);
  return text;
}

export function pushInt(lua: LuaBridge, L: number, value: number): void {
  lua.x.lua_pushinteger(L, BigInt(value));
}
