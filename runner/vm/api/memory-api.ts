// Lua bindings of RAM access (reference section 1.4).
import * as memory from '../memory.js';
import { argInteger, argS32, pushInt } from './args.js';
import { atLeast, bind, exactly, s32 } from './binding.js';
import type { ApiContext, ApiFunction } from './context.js';

export function memoryApi(ctx: ApiContext): ApiFunction[] {
  const { lua, ram } = ctx;
  const x = lua.x;

  const peekN = (bits: number): ApiFunction =>
    bind(lua, `peek${bits}`, { count: exactly(1, `invalid parameters, peek${bits}(addr)`), args: [s32('addr')], returns: 'int' }, (addr) =>
      memory.peek(ram, addr, bits),
    );
  const pokeN = (bits: number): ApiFunction =>
    bind(lua, `poke${bits}`, { count: exactly(2, `invalid parameters, poke${bits}(addr,val)`), args: [s32('addr'), s32('val')] }, (addr, value) =>
      memory.poke(ram, addr, value, bits),
    );

  return [
    {
      name: 'peek',
      // bits is read only when the call gives exactly two arguments.
      fn: (L) => {
        const top = x.lua_gettop(L);
        if (top < 1) return lua.error(L, 'invalid parameters, peek(addr,bits)');
        pushInt(lua, L, memory.peek(ram, argS32(lua, L, 1), top === 2 ? argS32(lua, L, 2) : 8));
        return 1;
      },
    },
    {
      name: 'poke',
      // bits is read only when the call gives exactly three arguments.
      fn: (L) => {
        const top = x.lua_gettop(L);
        if (top < 2) return lua.error(L, 'invalid parameters, poke(addr,val,bits)');
        memory.poke(ram, argS32(lua, L, 1), argS32(lua, L, 2), top === 3 ? argS32(lua, L, 3) : 8);
        return 0;
      },
    },
    peekN(1),
    peekN(2),
    peekN(4),
    pokeN(1),
    pokeN(2),
    pokeN(4),
    bind(lua, 'memcpy', { count: exactly(3, 'invalid params, memcpy(dest,src,size)'), args: [s32('dest'), s32('src'), s32('size')] }, (dest, src, size) =>
      memory.memcpy(ram, dest, src, size),
    ),
    bind(lua, 'memset', { count: exactly(3, 'invalid params, memset(dest,val,size)'), args: [s32('dest'), s32('val'), s32('size')] }, (dest, value, size) =>
      memory.memset(ram, dest, value, size),
    ),
    bind(lua, 'pmem', { count: atLeast(1, 'invalid params, pmem(index [val]) -> val'), args: [s32('index')], returns: 'int' }, (index, L) => {
      if (!memory.isPmemIndex(index)) return lua.error(L, 'invalid persistent tic index');
      // The value is a u32 read with lua_tointeger, as TIC-80 reads it.
      return x.lua_gettop(L) >= 2 ? memory.pmemWrite(ram, index, Number(BigInt.asUintN(32, argInteger(lua, L, 2)))) : memory.pmemRead(ram, index);
    }),
  ];
}
