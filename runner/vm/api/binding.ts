// Declarative API bindings: each function as the reference states it, with its arguments in order
// (their C types and defaults), the argument counts it accepts and what it returns. Optional
// arguments are positional and "all or nothing", as in TIC-80: an argument is read only when the
// call gives it and every other argument of its group; otherwise it takes its default.
import type { LuaBridge } from '../lua/lua-bridge.js';
import { NUMBER_ARGS_MAX } from '../lua/host-function-modules.js';
import type { LuaState, NumberArgsBody } from '../lua/lua-wasm.js';
import { isNumberArgType, numberArg, pushInt, readArg, type ArgType, type ArgValue, type NumberArgType } from './args.js';
import type { ApiFunction } from './context.js';

export interface Param<T extends ArgType = ArgType> {
  readonly name: string;
  readonly type: T;
  /** The value when the call leaves the argument out; a required argument has none and is always read. */
  readonly fallback?: ArgValue<T>;
  /** Arguments that are given all together or not at all (see together()). */
  readonly group?: object;
}

const param =
  <T extends ArgType>(type: T) =>
  (name: string, fallback?: ArgValue<T>): Param<T> => ({ name, type, ...(fallback !== undefined ? { fallback } : {}) });

export const s32 = param('s32');
export const u8 = param('u8');
export const float = param('float');
export const bool = param('bool');
export const colorKeys = param('colorKeys');
export const text = param('text');

/** Optional arguments read only when the call gives all of them, such as print's x and y. */
export function together<const P extends readonly Param[]>(...params: P): P {
  const group = {};
  return params.map((p) => ({ ...p, group })) as unknown as P;
}

/**
 * The argument counts a function accepts. Outside them it raises `usage`, or, without one, does
 * nothing and returns nothing (as print without arguments does).
 */
export interface Count {
  min: number;
  max?: number;
  usage?: string;
}

export const exactly = (count: number, usage: string): Count => ({ min: count, max: count, usage });
export const atLeast = (min: number, usage?: string): Count => ({ min, ...(usage !== undefined ? { usage } : {}) });

/** How a function's result is pushed: lua_pushinteger, lua_pushboolean or lua_pushnumber. */
export type ResultType = 'int' | 'bool' | 'number';
type ResultValue<R extends ResultType | undefined> = R extends 'bool' ? boolean : R extends ResultType ? number : void;

type ArgValues<P extends readonly Param[]> = { [K in keyof P]: P[K] extends Param<infer T> ? ArgValue<T> : never };

export interface BindingSpec<P extends readonly Param[], R extends ResultType | undefined> {
  args: P;
  count?: Count;
  returns?: R;
}

/**
 * One API function from its spec: checks the count, reads the arguments, calls body with them
 * (and the Lua state last, for the few that call back into Lua) and pushes its result.
 */
export function bind<const P extends readonly Param[], R extends ResultType | undefined = undefined>(
  lua: LuaBridge,
  name: string,
  spec: BindingSpec<P, R>,
  body: (...args: [...ArgValues<P>, LuaState]) => ResultValue<R>,
): ApiFunction {
  const x = lua.x;
  const { args, count, returns } = spec;
  // The least argument count at which each argument is read (0: always, for a required one).
  const readFrom = args.map((p, i) => {
    if (p.fallback === undefined) return 0;
    if (p.group === undefined) return i + 1;
    return args.reduce((last, q, j) => (q.group === p.group ? j + 1 : last), 0);
  });
  const call = body as unknown as (...values: unknown[]) => ResultValue<ResultType>;
  /** What a call outside `count` does (nothing, or raise its usage), or -1 for a call inside it. */
  const outsideCount = (L: LuaState, top: number): number => {
    if (!count || (top >= count.min && (count.max === undefined || top <= count.max))) return -1;
    return count.usage === undefined ? 0 : lua.error(L, count.usage);
  };
  /** Pushes the result as `returns` says; the number of results. */
  const push = (L: LuaState, result: ResultValue<ResultType>): number => {
    switch (returns) {
      case undefined:
        return 0;
      case 'int':
        pushInt(lua, L, result as number);
        return 1;
      case 'bool':
        x.lua_pushboolean(L, result ? 1 : 0);
        return 1;
      case 'number':
        x.lua_pushnumber(L, result as number);
        return 1;
    }
  };
  // Each body calls `call` with the arguments in place for the common counts: an array spread into
  // the call cost a third of a short API call.
  if (args.length <= NUMBER_ARGS_MAX && args.every((p) => isNumberArgType(p.type))) {
    // The arguments wait read as numbers (in wasm, see NumberArgsBody): one call from Lua, none back.
    const num = (i: number, top: number, values: Float64Array): unknown =>
      top >= readFrom[i] ? numberArg(args[i].type as NumberArgType, values[i]) : args[i].fallback;
    const numberBody = ((): NumberArgsBody => {
      switch (args.length) {
        case 0:
          return (L, top) => {
            const outside = outsideCount(L, top);
            return outside >= 0 ? outside : push(L, call(L));
          };
        case 1:
          return (L, top) => {
            const v = lua.numberArgs();
            const outside = outsideCount(L, top);
            return outside >= 0 ? outside : push(L, call(num(0, top, v), L));
          };
        case 2:
          return (L, top) => {
            const v = lua.numberArgs();
            const outside = outsideCount(L, top);
            return outside >= 0 ? outside : push(L, call(num(0, top, v), num(1, top, v), L));
          };
        case 3:
          return (L, top) => {
            const v = lua.numberArgs();
            const outside = outsideCount(L, top);
            return outside >= 0 ? outside : push(L, call(num(0, top, v), num(1, top, v), num(2, top, v), L));
          };
        case 4:
          return (L, top) => {
            const v = lua.numberArgs();
            const outside = outsideCount(L, top);
            return outside >= 0 ? outside : push(L, call(num(0, top, v), num(1, top, v), num(2, top, v), num(3, top, v), L));
          };
        case 5:
          return (L, top) => {
            const v = lua.numberArgs();
            const outside = outsideCount(L, top);
            return outside >= 0 ? outside : push(L, call(num(0, top, v), num(1, top, v), num(2, top, v), num(3, top, v), num(4, top, v), L));
          };
        case 6:
          return (L, top) => {
            const v = lua.numberArgs();
            const outside = outsideCount(L, top);
            return outside >= 0 ? outside : push(L, call(num(0, top, v), num(1, top, v), num(2, top, v), num(3, top, v), num(4, top, v), num(5, top, v), L));
          };
        case 7:
          return (L, top) => {
            const v = lua.numberArgs();
            const outside = outsideCount(L, top);
            return outside >= 0
              ? outside
              : push(L, call(num(0, top, v), num(1, top, v), num(2, top, v), num(3, top, v), num(4, top, v), num(5, top, v), num(6, top, v), L));
          };
        default:
          return (L, top) => {
            const v = lua.numberArgs();
            const outside = outsideCount(L, top);
            return outside >= 0 ? outside : push(L, call(...args.map((_, i) => num(i, top, v)), L));
          };
      }
    })();
    return { name, numberArgs: { arity: args.length, body: numberBody } };
  }
  const arg = (i: number, top: number, L: LuaState): unknown => (top >= readFrom[i] ? readArg(lua, L, i + 1, args[i].type) : args[i].fallback);
  const invoke = ((): ((top: number, L: LuaState) => ResultValue<ResultType>) => {
    switch (args.length) {
      case 0:
        return (_top, L) => call(L);
      case 1:
        return (top, L) => call(arg(0, top, L), L);
      case 2:
        return (top, L) => call(arg(0, top, L), arg(1, top, L), L);
      case 3:
        return (top, L) => call(arg(0, top, L), arg(1, top, L), arg(2, top, L), L);
      case 4:
        return (top, L) => call(arg(0, top, L), arg(1, top, L), arg(2, top, L), arg(3, top, L), L);
      case 5:
        return (top, L) => call(arg(0, top, L), arg(1, top, L), arg(2, top, L), arg(3, top, L), arg(4, top, L), L);
      case 6:
        return (top, L) => call(arg(0, top, L), arg(1, top, L), arg(2, top, L), arg(3, top, L), arg(4, top, L), arg(5, top, L), L);
      case 7:
        return (top, L) => call(arg(0, top, L), arg(1, top, L), arg(2, top, L), arg(3, top, L), arg(4, top, L), arg(5, top, L), arg(6, top, L), L);
      default:
        return (top, L) => call(...args.map((_, i) => arg(i, top, L)), L);
    }
  })();
  return {
    name,
    fn: (L) => {
      const top = x.lua_gettop(L);
      const outside = outsideCount(L, top);
      return outside >= 0 ? outside : push(L, invoke(top, L));
    },
  };
}
