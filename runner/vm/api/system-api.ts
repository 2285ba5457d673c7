// Lua bindings of time, tstamp, trace, exit, reset and sync (reference sections 1.4 and 1.5), and
// Nibble's stat(), which gives a cart its own CPU and memory use as PICO-8's stat(0) and stat(1) do.
import { CART_BANKS } from '../cart-banks.js';
import { argToString, argU8 } from './args.js';
import { bind, bool, s32 } from './binding.js';
import type { ApiContext, ApiFunction } from './context.js';

export function systemApi(ctx: ApiContext): ApiFunction[] {
  const { lua } = ctx;
  const x = lua.x;
  return [
    bind(lua, 'time', { args: [], returns: 'number' }, () => ctx.time()),
    bind(lua, 'stat', { args: [s32('what', -1)], returns: 'number' }, (what, L) => {
      if (what === 0) return ctx.luaMemory() / 1024;
      if (what === 1) return ctx.cpuShare();
      return lua.error(L, 'invalid params, stat(0) is the Lua memory in use in KiB, stat(1) the CPU this frame has used (1 = a whole 60 Hz frame)');
    }),
    // Pushed as a float (lua_pushnumber), as TIC-80 does.
    bind(lua, 'tstamp', { args: [], returns: 'number' }, () => Math.floor(Date.now() / 1000)),
    {
      name: 'trace',
      // The text goes to the host's console as UTF-8, unlike print's, which indexes the font by byte.
      fn: (L) => {
        const top = x.lua_gettop(L);
        if (top < 1) return lua.error(L, 'invalid params, trace(text,[color])');
        const text = argToString(lua, L, 1, 'utf8');
        ctx.trace(text, top >= 2 ? argU8(lua, L, 2) : 15);
        return 0;
      },
    },
    bind(lua, 'exit', { args: [] }, () => ctx.requestExit()),
    bind(lua, 'reset', { args: [] }, () => ctx.requestReset()),
    bind(lua, 'sync', { args: [s32('mask', 0), s32('bank', 0), bool('tocart', false)] }, (mask, bank, toCart, L) => {
      if (bank < 0 || bank >= CART_BANKS) return lua.error(L, 'sync() error, invalid bank');
      ctx.sync(mask, bank, toCart);
    }),
  ];
}
