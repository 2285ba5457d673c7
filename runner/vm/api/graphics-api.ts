// Lua bindings of the drawing functions (reference section 1.1). Argument counts and optional
// groups follow TIC-80's bindings: optional arguments are positional and read only when present.
import { LuaType, type CFunction } from '../lua/lua-bridge.js';
import * as memory from '../memory.js';
import { TextureSource } from '../video/ttri.js';
import { argBool, argColorKeys, argInt, argNum, argToString, pushInt } from './args.js';
import type { ApiContext, ApiFunction } from './context.js';

/** x1..y3 and u1..v3: the 12 float arguments every textured triangle takes. */
const TRIANGLE_ARGS = 12;
/** ttri with exactly this many arguments reads z1..z3 and asks for depth. */
const TTRI_DEPTH_ARGS = 17;

export function graphicsApi(ctx: ApiContext): ApiFunction[] {
  const { lua, video, ram } = ctx;
  const x = lua.x;
  const int = (L: number, i: number) => argInt(lua, L, i);
  const num = (L: number, i: number) => argNum(lua, L, i);
  const coords = new Float64Array(TRIANGLE_ARGS);
  const readCoords = (L: number) => {
    for (let i = 0; i < TRIANGLE_ARGS; i++) coords[i] = num(L, i + 1);
    return coords;
  };

  /** A function that takes exactly count arguments and raises message otherwise. */
  const exactly = (name: string, count: number, message: string, body: CFunction): ApiFunction => ({
    name,
    fn: (L) => (x.lua_gettop(L) === count ? body(L) : lua.error(L, message)),
  });

  const remapCall = (L: number, fnIndex: number) => (tile: number, cx: number, cy: number): [number, number, number] => {
    x.lua_pushvalue(L, fnIndex);
    pushInt(lua, L, tile);
    pushInt(lua, L, cx);
    pushInt(lua, L, cy);
    // TIC-80 calls remap protected and ignores its errors.
    if (x.lua_pcallk(L, 3, 3, 0, 0, 0) !== 0) {
      x.lua_settop(L, -2);
      return [tile, 0, 0];
    }
    const result: [number, number, number] = [int(L, -3), int(L, -2), int(L, -1)];
    x.lua_settop(L, -4);
    return result;
  };

  return [
    {
      name: 'cls',
      // The colour is read only when it is the sole argument, as in TIC-80.
      fn: (L) => {
        video.cls(x.lua_gettop(L) === 1 ? int(L, 1) : 0);
        return 0;
      },
    },
    {
      name: 'pix',
      fn: (L) => {
        const top = x.lua_gettop(L);
        if (top >= 3) {
          video.pix(int(L, 1), int(L, 2), int(L, 3));
          return 0;
        }
        if (top === 2) {
          pushInt(lua, L, video.getPix(int(L, 1), int(L, 2)));
          return 1;
        }
        return lua.error(L, 'invalid parameters, pix(x y [color])');
      },
    },
    exactly('line', 5, 'invalid parameters, line(x0,y0,x1,y1,color)', (L) => {
      video.line(num(L, 1), num(L, 2), num(L, 3), num(L, 4), int(L, 5));
      return 0;
    }),
    exactly('rect', 5, 'invalid parameters, rect(x,y,w,h,color)', (L) => {
      video.rect(int(L, 1), int(L, 2), int(L, 3), int(L, 4), int(L, 5));
      return 0;
    }),
    exactly('rectb', 5, 'invalid parameters, rectb(x,y,w,h,color)', (L) => {
      video.rectb(int(L, 1), int(L, 2), int(L, 3), int(L, 4), int(L, 5));
      return 0;
    }),
    exactly('circ', 4, 'invalid parameters, circ(x,y,radius,color)', (L) => {
      video.circ(int(L, 1), int(L, 2), int(L, 3), int(L, 4));
      return 0;
    }),
    exactly('circb', 4, 'invalid parameters, circb(x,y,radius,color)', (L) => {
      video.circb(int(L, 1), int(L, 2), int(L, 3), int(L, 4));
      return 0;
    }),
    exactly('elli', 5, 'invalid parameters, elli(x,y,a,b,color)', (L) => {
      video.elli(int(L, 1), int(L, 2), int(L, 3), int(L, 4), int(L, 5));
      return 0;
    }),
    exactly('ellib', 5, 'invalid parameters, ellib(x,y,a,b,color)', (L) => {
      video.ellib(int(L, 1), int(L, 2), int(L, 3), int(L, 4), int(L, 5));
      return 0;
    }),
    exactly('tri', 7, 'invalid parameters, tri(x1,y1,x2,y2,x3,y3,color)', (L) => {
      video.tri(num(L, 1), num(L, 2), num(L, 3), num(L, 4), num(L, 5), num(L, 6), int(L, 7));
      return 0;
    }),
    exactly('trib', 7, 'invalid parameters, trib(x1,y1,x2,y2,x3,y3,color)', (L) => {
      video.trib(num(L, 1), num(L, 2), num(L, 3), num(L, 4), num(L, 5), num(L, 6), int(L, 7));
      return 0;
    }),
    {
      name: 'ttri',
      fn: (L) => {
        const top = x.lua_gettop(L);
        if (top < TRIANGLE_ARGS) {
          return lua.error(L, 'invalid parameters, ttri(x1,y1,x2,y2,x3,y3,u1,v1,u2,v2,u3,v3,[src=0],[chroma=off],[z1=0],[z2=0],[z3=0])');
        }
        const p = readCoords(L);
        let src: number = TextureSource.TILES;
        if (top >= 13) {
          // A boolean still selects map or tiles, as the older use_map argument did.
          src = x.lua_type(L, 13) === LuaType.BOOLEAN
            ? (argBool(lua, L, 13) ? TextureSource.MAP : TextureSource.TILES)
            : Number(BigInt.asIntN(32, x.lua_tointegerx(L, 13, 0)));
        }
        const keys = top >= 14 ? argColorKeys(lua, L, 14) : [];
        const depth = top === TTRI_DEPTH_ARGS;
        video.ttri(
          p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11],
          src, keys,
          depth ? num(L, 15) : 0, depth ? num(L, 16) : 0, depth ? num(L, 17) : 0, depth,
        );
        return 0;
      },
    },
    {
      name: 'textri',
      // Deprecated, and lenient: fewer than 12 arguments draw nothing and raise no error.
      fn: (L) => {
        const top = x.lua_gettop(L);
        if (top < TRIANGLE_ARGS) return 0;
        const p = readCoords(L);
        video.textri(
          p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11],
          top >= 13 ? argBool(lua, L, 13) : false,
          top >= 14 ? argColorKeys(lua, L, 14) : [],
        );
        return 0;
      },
    },
    {
      name: 'paint',
      fn: (L) => {
        const top = x.lua_gettop(L);
        if (top < 3 || top > 4) return lua.error(L, 'invalid parameters, paint(x y color [bordercolor])');
        video.paint(int(L, 1), int(L, 2), int(L, 3), top === 4 ? int(L, 4) : -1);
        return 0;
      },
    },
    {
      name: 'spr',
      fn: (L) => {
        const top = x.lua_gettop(L);
        const id = top >= 1 ? int(L, 1) : 0;
        const px = top >= 3 ? int(L, 2) : 0;
        const py = top >= 3 ? int(L, 3) : 0;
        const keys = top >= 4 ? argColorKeys(lua, L, 4) : [];
        const scale = top >= 5 ? int(L, 5) : 1;
        const flip = top >= 6 ? int(L, 6) : 0;
        const rotate = top >= 7 ? int(L, 7) : 0;
        const w = top >= 9 ? int(L, 8) : 1;
        const h = top >= 9 ? int(L, 9) : 1;
        video.spr(id, px, py, keys, scale, flip, rotate, w, h);
        return 0;
      },
    },
    {
      name: 'map',
      fn: (L) => {
        const top = x.lua_gettop(L);
        const remap = top >= 9 && x.lua_type(L, 9) === LuaType.FUNCTION ? remapCall(L, 9) : undefined;
        video.map(
          top >= 2 ? int(L, 1) : 0,
          top >= 2 ? int(L, 2) : 0,
          top >= 4 ? int(L, 3) : 30,
          top >= 4 ? int(L, 4) : 17,
          top >= 6 ? int(L, 5) : 0,
          top >= 6 ? int(L, 6) : 0,
          top >= 7 ? argColorKeys(lua, L, 7) : [],
          top >= 8 ? int(L, 8) : 1,
          remap,
        );
        return 0;
      },
    },
    exactly('mget', 2, 'invalid params, mget(x,y)', (L) => {
      pushInt(lua, L, memory.mget(ram, int(L, 1), int(L, 2)));
      return 1;
    }),
    // TIC-80's mset error message names mget.
    exactly('mset', 3, 'invalid params, mget(x,y)', (L) => {
      memory.mset(ram, int(L, 1), int(L, 2), int(L, 3));
      return 0;
    }),
    {
      name: 'print',
      // Without arguments print returns nothing and raises no error, as in TIC-80.
      fn: (L) => {
        const top = x.lua_gettop(L);
        if (top < 1) return 0;
        const latin1 = argToString(lua, L, 1, 'bytes');
        if (top >= 6 && int(L, 6) === 0) {
          pushInt(lua, L, 0);
          return 1;
        }
        const width = video.print(
          latin1,
          top >= 3 ? int(L, 2) : 0,
          top >= 3 ? int(L, 3) : 0,
          top >= 4 ? int(L, 4) : 15,
          top >= 5 ? argBool(lua, L, 5) : false,
          top >= 6 ? int(L, 6) : 1,
          top >= 7 ? argBool(lua, L, 7) : false,
        );
        pushInt(lua, L, width);
        return 1;
      },
    },
    {
      name: 'font',
      // Like print: no arguments return nothing, x and y are read only from 3 arguments on.
      fn: (L) => {
        const top = x.lua_gettop(L);
        if (top < 1) return 0;
        const latin1 = argToString(lua, L, 1, 'bytes');
        if (top >= 8 && int(L, 8) === 0) {
          pushInt(lua, L, 0);
          return 1;
        }
        const width = video.font(
          latin1,
          top >= 3 ? int(L, 2) : 0,
          top >= 3 ? int(L, 3) : 0,
          top >= 4 ? [int(L, 4)] : [0],
          top >= 6 ? int(L, 5) : 8,
          top >= 6 ? int(L, 6) : 8,
          top >= 7 ? argBool(lua, L, 7) : false,
          top >= 8 ? int(L, 8) : 1,
          top >= 9 ? argBool(lua, L, 9) : false,
        );
        pushInt(lua, L, width);
        return 1;
      },
    },
    {
      name: 'clip',
      fn: (L) => {
        const top = x.lua_gettop(L);
        if (top === 0) video.clipReset();
        else if (top === 4) video.clip(int(L, 1), int(L, 2), int(L, 3), int(L, 4));
        else return lua.error(L, 'invalid parameters, use clip(x,y,w,h) or clip()');
        return 0;
      },
    },
    {
      name: 'vbank',
      fn: (L) => {
        pushInt(lua, L, x.lua_gettop(L) === 1 ? video.vbank(int(L, 1)) : video.vbank());
        return 1;
      },
    },
    // fget and fset take the flag as a byte (TIC-80's u8 parameter): flag 257 is flag 1.
    {
      name: 'fget',
      fn: (L) => {
        if (x.lua_gettop(L) < 2) return lua.error(L, 'invalid params, fget(sprite,flag)');
        x.lua_pushboolean(L, memory.fget(ram, int(L, 1), int(L, 2) & 0xff) ? 1 : 0);
        return 1;
      },
    },
    {
      name: 'fset',
      fn: (L) => {
        if (x.lua_gettop(L) < 3) return lua.error(L, 'invalid params, fset(sprite,flag,value)');
        memory.fset(ram, int(L, 1), int(L, 2) & 0xff, argBool(lua, L, 3));
        return 0;
      },
    },
  ];
}
