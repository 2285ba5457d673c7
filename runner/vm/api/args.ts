// Reading arguments the way TIC-80's bindings do, one function per C type the bindings declare:
// numbers through lua_tonumber, integers by the C cast TIC-80 compiles to on x86-64.
import type { LuaBridge } from '../lua/lua-bridge.js';
import { LuaType, luaInteger } from '../lua/lua-bridge.js';
import { toS32 } from '../video/numeric.js';

/**
 * How a binding reads an argument, named by the C type TIC-80's binding gives it: s32 (int), u8,
 * float (kept as a Lua number), bool, a colour key (one number or a table of them) and text (the
 * value through the global tostring, one character per byte).
 */
export type ArgType = 's32' | 'u8' | 'float' | 'bool' | 'colorKeys' | 'text';

export type ArgValue<T extends ArgType> = T extends 'bool' ? boolean : T extends 'colorKeys' ? number[] : T extends 'text' ? string : number;

/**
 * The one conversion of a Lua number to an int argument: every s32 and u8 argument goes through it.
 * TIC-80 casts lua_tonumber's double to s32: truncation toward zero, and NaN, infinities and values
 * outside the s32 range become INT_MIN (x86-64's cvttsd2si), so circ(x, 0/0, r, c) draws nothing.
 */
export const toInt = toS32;

/** The argument types read with lua_tonumberx alone: a binding that takes only these gets its arguments read in wasm. */
export type NumberArgType = 's32' | 'u8' | 'float';

export function isNumberArgType(type: ArgType): type is NumberArgType {
  return type === 's32' || type === 'u8' || type === 'float';
}

/** An argument of a number type from the number lua_tonumberx read; a u8 is the int's low 8 bits, as C's conversion keeps them. */
export function numberArg(type: NumberArgType, value: number): number {
  switch (type) {
    case 's32':
      return toInt(value);
    case 'u8':
      return toInt(value) & 0xff;
    case 'float':
      return value;
  }
}

export function argS32(lua: LuaBridge, L: number, idx: number): number {
  return numberArg('s32', lua.x.lua_tonumberx(L, idx, 0));
}

export function argU8(lua: LuaBridge, L: number, idx: number): number {
  return numberArg('u8', lua.x.lua_tonumberx(L, idx, 0));
}

export function argFloat(lua: LuaBridge, L: number, idx: number): number {
  return numberArg('float', lua.x.lua_tonumberx(L, idx, 0));
}

export function argBool(lua: LuaBridge, L: number, idx: number): boolean {
  return lua.x.lua_toboolean(L, idx) !== 0;
}

/** An integer read with lua_tointeger (0 unless the value has an exact integer representation). */
export function argInteger(lua: LuaBridge, L: number, idx: number): bigint {
  return lua.x.lua_tointegerx(L, idx, 0);
}

/**
 * A colour key argument: one number, or a table of up to 16 numbers (reading stops at the first
 * entry that is not a number or a numeric string, as lua_isnumber sees it), as spr, map and ttri take it.
 */
export function argColorKeys(lua: LuaBridge, L: number, idx: number): number[] {
  const x = lua.x;
  if (x.lua_type(L, idx) !== LuaType.TABLE) return [argS32(lua, L, idx)];
  const keys: number[] = [];
  for (let i = 1; i <= 16; i++) {
    x.lua_rawgeti(L, idx, luaInteger(i));
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

/** Reads argument idx as its declared type. */
export function readArg<T extends ArgType>(lua: LuaBridge, L: number, idx: number, type: T): ArgValue<T>;
export function readArg(lua: LuaBridge, L: number, idx: number, type: ArgType): ArgValue<ArgType> {
  switch (type) {
    case 's32':
      return argS32(lua, L, idx);
    case 'u8':
      return argU8(lua, L, idx);
    case 'float':
      return argFloat(lua, L, idx);
    case 'bool':
      return argBool(lua, L, idx);
    case 'colorKeys':
      return argColorKeys(lua, L, idx);
    case 'text':
      return argToString(lua, L, idx, 'bytes');
  }
}

export function pushInt(lua: LuaBridge, L: number, value: number): void {
  lua.x.lua_pushinteger(L, luaInteger(value));
}
