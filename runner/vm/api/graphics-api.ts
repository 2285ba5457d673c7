// Lua bindings of the drawing functions (reference section 1.1).
// Argument counts and optional groups follow TIC-80's bindings: optional arguments are positional
// and read only when present.
import { LuaType, type LuaBridge } from '../lua/lua-bridge.js';
import type { LuaState } from '../lua/lua-wasm.js';
import * as memory from '../memory.js';
import { TextureSource } from '../video/ttri.js';
import type { RemapFn } from '../video/tiles.js';
import { argBool, argColorKeys, argFloat, argInteger, argS32, pushInt } from './args.js';
import { atLeast, bind, bool, colorKeys, exactly, float, s32, text, together, u8 } from './binding.js';
import type { ApiContext, ApiFunction } from './context.js';

/** x1..y3 and u1..v3: the 12 float arguments every textured triangle takes. */
const TRIANGLE_ARGS = 12;
/** ttri with exactly this many arguments reads z1..z3 and asks for depth. */
const TTRI_DEPTH_ARGS = 17;
/** map's remap function is its 9th argument. */
const REMAP_ARG = 9;

const vertices = () => [float('x1'), float('y1'), float('x2'), float('y2'), float('x3'), float('y3')] as const;
const texels = () => [float('u1'), float('v1'), float('u2'), float('v2'), float('u3'), float('v3')] as const;

export function graphicsApi(ctx: ApiContext): ApiFunction[] {
  const { lua, video, ram } = ctx;
  const x = lua.x;
  return [
    {
      name: 'cls',
      // The colour is read only when it is the sole argument, as in TIC-80.
      fn: (L) => {
        video.cls(x.lua_gettop(L) === 1 ? argS32(lua, L, 1) : 0);
        return 0;
      },
    },
    {
      name: 'pix',
      numberArgs: {
        arity: 3,
        body: (L, top) => {
          const v = lua.numberArgs();
          if (top >= 3) {
            video.pix(v[0], v[1], v[2]);
            return 0;
          }
          if (top === 2) {
            pushInt(lua, L, video.getPix(v[0], v[1]));
            return 1;
          }
          return lua.error(L, 'invalid parameters, pix(x y [color])');
        },
      },
    },
    bind(
      lua,
      'line',
      { count: exactly(5, 'invalid parameters, line(x0,y0,x1,y1,color)'), args: [float('x0'), float('y0'), float('x1'), float('y1'), s32('color')] },
      (x0, y0, x1, y1, color) => video.line(x0, y0, x1, y1, color),
    ),
    bind(
      lua,
      'rect',
      { count: exactly(5, 'invalid parameters, rect(x,y,w,h,color)'), args: [s32('x'), s32('y'), s32('w'), s32('h'), s32('color')] },
      (rx, ry, w, h, color) => video.rect(rx, ry, w, h, color),
    ),
    bind(
      lua,
      'rectb',
      { count: exactly(5, 'invalid parameters, rectb(x,y,w,h,color)'), args: [s32('x'), s32('y'), s32('w'), s32('h'), s32('color')] },
      (rx, ry, w, h, color) => video.rectb(rx, ry, w, h, color),
    ),
    bind(
      lua,
      'circ',
      { count: exactly(4, 'invalid parameters, circ(x,y,radius,color)'), args: [s32('x'), s32('y'), s32('radius'), s32('color')] },
      (cx, cy, r, color) => video.circ(cx, cy, r, color),
    ),
    bind(
      lua,
      'circb',
      { count: exactly(4, 'invalid parameters, circb(x,y,radius,color)'), args: [s32('x'), s32('y'), s32('radius'), s32('color')] },
      (cx, cy, r, color) => video.circb(cx, cy, r, color),
    ),
    bind(
      lua,
      'elli',
      { count: exactly(5, 'invalid parameters, elli(x,y,a,b,color)'), args: [s32('x'), s32('y'), s32('a'), s32('b'), s32('color')] },
      (ex, ey, a, b, color) => video.elli(ex, ey, a, b, color),
    ),
    bind(
      lua,
      'ellib',
      { count: exactly(5, 'invalid parameters, ellib(x,y,a,b,color)'), args: [s32('x'), s32('y'), s32('a'), s32('b'), s32('color')] },
      (ex, ey, a, b, color) => video.ellib(ex, ey, a, b, color),
    ),
    bind(
      lua,
      'tri',
      { count: exactly(7, 'invalid parameters, tri(x1,y1,x2,y2,x3,y3,color)'), args: [...vertices(), s32('color')] },
      (x1, y1, x2, y2, x3, y3, color) => video.tri(x1, y1, x2, y2, x3, y3, color),
    ),
    bind(
      lua,
      'trib',
      { count: exactly(7, 'invalid parameters, trib(x1,y1,x2,y2,x3,y3,color)'), args: [...vertices(), s32('color')] },
      (x1, y1, x2, y2, x3, y3, color) => video.trib(x1, y1, x2, y2, x3, y3, color),
    ),
    ttri(ctx),
    // Deprecated, and lenient: fewer than 12 arguments draw nothing and raise no error.
    bind(
      lua,
      'textri',
      { count: atLeast(TRIANGLE_ARGS), args: [...vertices(), ...texels(), bool('use_map', false), colorKeys('chroma', [])] },
      (x1, y1, x2, y2, x3, y3, u1, v1, u2, v2, u3, v3, useMap, keys) => video.textri(x1, y1, x2, y2, x3, y3, u1, v1, u2, v2, u3, v3, useMap, keys),
    ),
    bind(
      lua,
      'paint',
      {
        count: { min: 3, max: 4, usage: 'invalid parameters, paint(x y color [bordercolor])' },
        args: [s32('x'), s32('y'), s32('color'), s32('bordercolor', -1)],
      },
      (px, py, color, border) => video.paint(px, py, color, border),
    ),
    bind(
      lua,
      'spr',
      {
        args: [
          s32('id', 0),
          ...together(s32('x', 0), s32('y', 0)),
          colorKeys('colorkey', []),
          s32('scale', 1),
          s32('flip', 0),
          s32('rotate', 0),
          ...together(s32('w', 1), s32('h', 1)),
        ],
      },
      (id, sx, sy, keys, scale, flip, rotate, w, h) => video.spr(id, sx, sy, keys, scale, flip, rotate, w, h),
    ),
    bind(
      lua,
      'map',
      {
        args: [
          ...together(s32('x', 0), s32('y', 0)),
          ...together(s32('w', 30), s32('h', 17)),
          ...together(s32('sx', 0), s32('sy', 0)),
          colorKeys('colorkey', []),
          s32('scale', 1),
        ],
      },
      (mx, my, w, h, sx, sy, keys, scale, L) => video.map(mx, my, w, h, sx, sy, keys, scale, remapArg(lua, L)),
    ),
    bind(lua, 'mget', { count: exactly(2, 'invalid params, mget(x,y)'), args: [s32('x'), s32('y')], returns: 'int' }, (mx, my) => memory.mget(ram, mx, my)),
    // TIC-80's mset error message names mget.
    bind(lua, 'mset', { count: exactly(3, 'invalid params, mget(x,y)'), args: [s32('x'), s32('y'), s32('tile')] }, (mx, my, tile) =>
      memory.mset(ram, mx, my, tile),
    ),
    // Without arguments print and font return nothing and raise no error, as in TIC-80; scale 0 draws nothing.
    bind(
      lua,
      'print',
      {
        count: atLeast(1),
        args: [text('text'), ...together(s32('x', 0), s32('y', 0)), s32('color', 15), bool('fixed', false), s32('scale', 1), bool('smallfont', false)],
        returns: 'int',
      },
      (latin1, px, py, color, fixed, scale, small) => (scale === 0 ? 0 : video.print(latin1, px, py, color, fixed, scale, small)),
    ),
    bind(
      lua,
      'font',
      {
        count: atLeast(1),
        args: [
          text('text'),
          ...together(s32('x', 0), s32('y', 0)),
          s32('chromakey', 0),
          ...together(s32('char_width', 8), s32('char_height', 8)),
          bool('fixed', false),
          s32('scale', 1),
          bool('alt', false),
        ],
        returns: 'int',
      },
      (latin1, fx, fy, key, w, h, fixed, scale, alt) => (scale === 0 ? 0 : video.font(latin1, fx, fy, [key], w, h, fixed, scale, alt)),
    ),
    {
      name: 'clip',
      fn: (L) => {
        const top = x.lua_gettop(L);
        if (top === 0) video.clipReset();
        else if (top === 4) video.clip(argS32(lua, L, 1), argS32(lua, L, 2), argS32(lua, L, 3), argS32(lua, L, 4));
        else return lua.error(L, 'invalid parameters, use clip(x,y,w,h) or clip()');
        return 0;
      },
    },
    {
      name: 'vbank',
      // The bank is read only when it is the sole argument; either way the previous bank is returned.
      fn: (L) => {
        pushInt(lua, L, x.lua_gettop(L) === 1 ? video.vbank(argS32(lua, L, 1)) : video.vbank());
        return 1;
      },
    },
    // fget and fset take the flag as a byte (TIC-80's u8 parameter): flag 257 is flag 1.
    bind(lua, 'fget', { count: atLeast(2, 'invalid params, fget(sprite,flag)'), args: [s32('sprite'), u8('flag')], returns: 'bool' }, (sprite, flag) =>
      memory.fget(ram, sprite, flag),
    ),
    bind(
      lua,
      'fset',
      { count: atLeast(3, 'invalid params, fset(sprite,flag,value)'), args: [s32('sprite'), u8('flag'), bool('value')] },
      (sprite, flag, value) => memory.fset(ram, sprite, flag, value),
    ),
  ];
}

/**
 * ttri: 12 float coordinates, then texsrc (an integer or a boolean), the colour keys, and z1..z3
 * only when exactly 17 arguments are given.
 */
function ttri(ctx: ApiContext): ApiFunction {
  const { lua, video } = ctx;
  const x = lua.x;
  const f = (L: LuaState, idx: number) => argFloat(lua, L, idx);
  return {
    name: 'ttri',
    fn: (L) => {
      const top = x.lua_gettop(L);
      if (top < TRIANGLE_ARGS) {
        return lua.error(L, 'invalid parameters, ttri(x1,y1,x2,y2,x3,y3,u1,v1,u2,v2,u3,v3,[src=0],[chroma=off],[z1=0],[z2=0],[z3=0])');
      }
      const src = top >= 13 ? textureSource(lua, L, 13) : TextureSource.TILES;
      const keys = top >= 14 ? argColorKeys(lua, L, 14) : [];
      const depth = top === TTRI_DEPTH_ARGS;
      video.ttri(
        f(L, 1),
        f(L, 2),
        f(L, 3),
        f(L, 4),
        f(L, 5),
        f(L, 6),
        f(L, 7),
        f(L, 8),
        f(L, 9),
        f(L, 10),
        f(L, 11),
        f(L, 12),
        src,
        keys,
        depth ? f(L, 15) : 0,
        depth ? f(L, 16) : 0,
        depth ? f(L, 17) : 0,
        depth,
      );
      return 0;
    },
  };
}

/** ttri's texsrc: an integer (lua_tointeger), or a boolean selecting map or tiles as the older use_map did. */
function textureSource(lua: LuaBridge, L: LuaState, idx: number): number {
  if (lua.x.lua_type(L, idx) === LuaType.BOOLEAN) return argBool(lua, L, idx) ? TextureSource.MAP : TextureSource.TILES;
  return Number(BigInt.asIntN(32, argInteger(lua, L, idx)));
}

/** map's remap argument, when the call gives a function there: TIC-80 calls it protected and ignores its errors. */
function remapArg(lua: LuaBridge, L: LuaState): RemapFn | undefined {
  const x = lua.x;
  if (x.lua_gettop(L) < REMAP_ARG || x.lua_type(L, REMAP_ARG) !== LuaType.FUNCTION) return undefined;
  return (tile, cx, cy) => {
    x.lua_pushvalue(L, REMAP_ARG);
    pushInt(lua, L, tile);
    pushInt(lua, L, cx);
    pushInt(lua, L, cy);
    if (x.lua_pcallk(L, 3, 3, 0, 0, 0) !== 0) {
      x.lua_settop(L, -2);
      return [tile, 0, 0];
    }
    const result: [number, number, number] = [argS32(lua, L, -3), argS32(lua, L, -2), argS32(lua, L, -1)];
    x.lua_settop(L, -4);
    return result;
  };
}
