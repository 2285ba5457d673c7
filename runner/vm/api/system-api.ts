// Lua bindings of time, tstamp, trace, exit, reset and sync (reference sections 1.4 and 1.5), and
// Nibble's stat(), which gives a cart its own CPU and memory use as PICO-8's stat(0) and stat(1) do.
import { CART_BANKS } from '../cart-banks.js';
import { argBool, argInt, argToString } from './args.js';
import type { ApiContext, ApiFunction } from './context.js';

export function systemApi(ctx: ApiContext): ApiFunction[] {
  const { lua } = ctx;
  const x = lua.x;
  return [
    {
      name: 'time',
      fn: (L) => {
        x.lua_pushnumber(L, ctx.time());
        return 1;
      },
    },
    {
      name: 'stat',
      fn: (L) => {
        const what = x.lua_gettop(L) >= 1 ? argInt(lua, L, 1) : -1;
        if (what === 0) x.lua_pushnumber(L, ctx.luaMemory() / 1024);
        else if (what === 1) x.lua_pushnumber(L, ctx.cpuShare());
        else return lua.error(L, 'invalid params, stat(0) is the Lua memory in use in KiB, stat(1) the CPU this frame has used (1 = a whole 60 Hz frame)');
        return 1;
      },
    },
    {
      name: 'tstamp',
      fn: (L) => {
        // Pushed as a float (lua_pushnumber), as TIC-80 does.
        x.lua_pushnumber(L, Math.floor(Date.now() / 1000));
        return 1;
      },
    },
    {
      name: 'trace',
      fn: (L) => {
        const top = x.lua_gettop(L);
        if (top < 1) return lua.error(L, 'invalid params, trace(text,[color])');
        const text = argToString(lua, L, 1, 'utf8');
        ctx.trace(text, top >= 2 ? argInt(lua, L, 2) & 0xff : 15);
        return 0;
      },
    },
    {
      name: 'exit',
      fn: () => {
        ctx.requestExit();
        return 0;
      },
    },
    {
      name: 'reset',
      fn: () => {
        ctx.requestReset();
        return 0;
      },
    },
    {
      name: 'sync',
      fn: (L) => {
        const top = x.lua_gettop(L);
        const mask = top >= 1 ? argInt(lua, L, 1) : 0;
        const bank = top >= 2 ? argInt(lua, L, 2) : 0;
        const toCart = top >= 3 ? argBool(lua, L, 3) : false;
        if (bank < 0 || bank >= CART_BANKS) return lua.error(L, 'sync() error, invalid bank');
        ctx.sync(mask, bank, toCart);
        return 0;
      },
    },
  ];
}
