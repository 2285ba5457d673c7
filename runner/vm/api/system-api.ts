// Lua bindings of time, trace and exit (reference section 1.5).
import { argInt, argToString } from './args.js';
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
        const { text } = argToString(lua, L, 1);
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
  ];
}
