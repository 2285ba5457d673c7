// Lua bindings of gamepad, keyboard and mouse (reference section 1.2). Each of btn, btnp, key and
// keyp is a different call for each argument count it accepts.
import { KEY_CODE_COUNT } from '../../common/memory-map.js';
import { argS32, argU8, pushInt } from './args.js';
import type { ApiContext, ApiFunction } from './context.js';

export function inputApi(ctx: ApiContext): ApiFunction[] {
  const { lua, input } = ctx;
  const x = lua.x;
  const pushBool = (L: number, value: boolean) => x.lua_pushboolean(L, value ? 1 : 0);
  const keyCode = (L: number) => {
    const code = argU8(lua, L, 1);
    // -1 arrives as 255 and fails too.
    if (code >= KEY_CODE_COUNT) lua.error(L, 'unknown keyboard code');
    return code;
  };

  return [
    {
      name: 'btn',
      fn: (L) => {
        const top = x.lua_gettop(L);
        if (top === 0) pushInt(lua, L, input.btn());
        else if (top === 1) pushBool(L, input.btnId(argS32(lua, L, 1)));
        else return lua.error(L, 'invalid params, btn [ id ]');
        return 1;
      },
    },
    {
      name: 'btnp',
      fn: (L) => {
        const top = x.lua_gettop(L);
        if (top === 0) pushInt(lua, L, input.btnp());
        else if (top === 1) pushBool(L, input.btnpId(argS32(lua, L, 1)));
        else if (top === 3) pushBool(L, input.btnpId(argS32(lua, L, 1), argS32(lua, L, 2), argS32(lua, L, 3)));
        else return lua.error(L, 'invalid params, btnp [ id [ hold period ] ]');
        return 1;
      },
    },
    {
      name: 'key',
      fn: (L) => {
        const top = x.lua_gettop(L);
        if (top === 0) pushBool(L, input.key());
        else if (top === 1) pushBool(L, input.keyCode(keyCode(L)));
        else return lua.error(L, 'invalid params, key [code]');
        return 1;
      },
    },
    {
      name: 'keyp',
      fn: (L) => {
        const top = x.lua_gettop(L);
        if (top === 0) {
          pushBool(L, input.keyp());
          return 1;
        }
        // The code is checked before the argument count, as in TIC-80.
        const code = keyCode(L);
        if (top === 1) pushBool(L, input.keypCode(code));
        else if (top === 3) pushBool(L, input.keypCode(code, argS32(lua, L, 2), argS32(lua, L, 3)));
        else return lua.error(L, 'invalid params, keyp [ code [ hold period ] ]');
        return 1;
      },
    },
    {
      name: 'mouse',
      fn: (L) => {
        const [mx, my, left, middle, right, sx, sy] = input.mouse();
        pushInt(lua, L, mx);
        pushInt(lua, L, my);
        pushBool(L, left);
        pushBool(L, middle);
        pushBool(L, right);
        pushInt(lua, L, sx);
        pushInt(lua, L, sy);
        return 7;
      },
    },
  ];
}
