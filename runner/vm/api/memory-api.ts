// Lua bindings of RAM access (reference section 1.4).
import * as memory from '../memory.js';
import { argInt, pushInt } from './args.js';
import type { ApiContext, ApiFunction } from './context.js';

export function memoryApi(ctx: ApiContext): ApiFunction[] {
  const { lua, ram } = ctx;
  const x = lua.x;
  const int = (L: number, i: number) => argInt(lua, L, i);

  const peekN = (bits: number): ApiFunction => ({
    name: `peek${bits}`,
    fn: (L) => {
      if (x.lua_gettop(L) !== 1) return lua.error(L, `invalid parameters, peek${bits}(addr)`);
      pushInt(lua, L, memory.peek(ram, int(L, 1), bits));
      return 1;
    },
  });
  const pokeN = (bits: number): ApiFunction => ({
    name: `poke${bits}`,
    fn: (L) => {
      if (x.lua_gettop(L) !== 2) return lua.error(L, `invalid parameters, poke${bits}(addr,val)`);
      memory.poke(ram, int(L, 1), int(L, 2), bits);
      return 0;
    },
  });

  return [
    {
      name: 'peek',
      fn: (L) => {
        const top = x.lua_gettop(L);
        if (top < 1) return lua.error(L, 'invalid parameters, peek(addr,bits)');
        pushInt(lua, L, memory.peek(ram, int(L, 1), top === 2 ? int(L, 2) : 8));
        return 1;
      },
    },
    {
      name: 'poke',
      fn: (L) => {
        const top = x.lua_gettop(L);
        if (top < 2) return lua.error(L, 'invalid parameters, poke(addr,val,bits)');
        memory.poke(ram, int(L, 1), int(L, 2), top === 3 ? int(L, 3) : 8);
        return 0;
      },
    },
    peekN(1),
    peekN(2),
    peekN(4),
    pokeN(1),
    pokeN(2),
    pokeN(4),
    {
      name: 'memcpy',
      fn: (L) => {
        if (x.lua_gettop(L) !== 3) return lua.error(L, 'invalid params, memcpy(dest,src,size)');
        memory.memcpy(ram, int(L, 1), int(L, 2), int(L, 3));
        return 0;
      },
    },
    {
      name: 'memset',
      fn: (L) => {
        if (x.lua_gettop(L) !== 3) return lua.error(L, 'invalid params, memset(dest,val,size)');
        memory.memset(ram, int(L, 1), int(L, 2), int(L, 3));
        return 0;
      },
    },
    {
      name: 'pmem',
      fn: (L) => {
        const top = x.lua_gettop(L);
        if (top < 1) return lua.error(L, 'invalid params, pmem(index [val]) -> val');
        const index = int(L, 1);
        if (!memory.isPmemIndex(index)) return lua.error(L, 'invalid persistent tic index');
        const old = top >= 2 ? memory.pmemWrite(ram, index, Number(BigInt.asUintN(32, x.lua_tointegerx(L, 2, 0)))) : memory.pmemRead(ram, index);
        pushInt(lua, L, old);
        return 1;
      },
    },
  ];
}
