// math.random and math.randomseed as TIC-80 has them: Lua 5.3's, built for POSIX, over glibc's
// random() (glibc-random.ts), so carts that seed it build the same levels as in TIC-80. Host C
// functions rather than Lua wrappers, so that errors name the caller's line and the function as
// luaL_argerror does, tail calls included.
import type { CFunctionRef, LuaBridge } from './lua-bridge.js';
import { GLIBC_RAND_MAX, GlibcRandom } from './glibc-random.js';
import type { LuaState } from './lua-wasm.js';

const MAX_INTEGER = (1n << 63n) - 1n;
const SEED_BITS = 32;

/**
 * math.random and math.randomseed for every Lua state of one VM: the C functions are registered
 * once (a wasm table entry is never freed), and install() gives each new state, such as the one a
 * reset() starts, its own generator.
 */
export class Lua53Random {
  /** The generator of the Lua state installed last (the only one alive). */
  #generator = new GlibcRandom(1);
  readonly #random: CFunctionRef;
  readonly #randomseed: CFunctionRef;

  readonly #lua: LuaBridge;
  constructor(lua: LuaBridge) {
    this.#lua = lua;
    const x = lua.x;
    // lmathlib.c (5.3) math_random: a number is drawn before the arguments are checked.
    this.#random = lua.addFunction((S) => {
      const r = this.#generator.next() * (1.0 / (GLIBC_RAND_MAX + 1.0));
      let low: bigint;
      let up: bigint;
      switch (x.lua_gettop(S)) {
        case 0:
          x.lua_pushnumber(S, r);
          return 1;
        case 1:
          low = 1n;
          up = x.luaL_checkinteger(S, 1);
          break;
        case 2:
          low = x.luaL_checkinteger(S, 1);
          up = x.luaL_checkinteger(S, 2);
          break;
        default:
          return lua.error(S, 'wrong number of arguments');
      }
      if (low > up) return x.luaL_argerror(S, 1, lua.name('interval is empty'));
      if (low < 0n && up > MAX_INTEGER + low) return x.luaL_argerror(S, 1, lua.name('interval too large'));
      // (double)(up - low) + 1.0 scales r in double precision; the cast to lua_Integer truncates.
      x.lua_pushinteger(S, BigInt.asIntN(64, BigInt(Math.trunc(r * (Number(up - low) + 1.0))) + low));
      return 1;
    });
    // math_randomseed: srandom((unsigned int)(lua_Integer)n), then one number discarded.
    this.#randomseed = lua.addFunction((S) => {
      const n = x.luaL_checknumber(S, 1);
      this.#generator.seed(Number(BigInt.asUintN(SEED_BITS, toLuaInteger(n))));
      this.#generator.next();
      return 0;
    });
  }

  /**
   * Replaces math.random and math.randomseed of L. A deterministic run starts as TIC-80's does
   * before any seeding (glibc's state for seed 1); otherwise the generator is seeded from the clock
   * in seconds, as srand(time(NULL)) does.
   */
  install(L: LuaState, deterministic: boolean): void {
    const x = this.#lua.x;
    this.#generator = new GlibcRandom(deterministic ? 1 : Math.floor(Date.now() / 1000));
    x.lua_getglobal(L, this.#lua.name('math'));
    x.lua_pushcclosure(L, this.#random, 0);
    x.lua_setfield(L, -2, this.#lua.name('random'));
    x.lua_pushcclosure(L, this.#randomseed, 0);
    x.lua_setfield(L, -2, this.#lua.name('randomseed'));
    x.lua_settop(L, -2);
  }
}

/** C's (lua_Integer) cast on x86-64: truncation, and the minimum integer when out of range or NaN. */
function toLuaInteger(n: number): bigint {
  const truncated = Math.trunc(n);
  if (!(truncated >= -(2 ** 63) && truncated < 2 ** 63)) return -(1n << 63n);
  return BigInt(truncated);
}
