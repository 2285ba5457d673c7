// Lua bindings of sfx, music and the FFT functions (reference section 1.3).
import type { SoundChip } from '../sound/sound-chip.js';
import { resolveMusicArgs, resolveSfxArgs, type SfxVolumeArg } from '../sound/sound-args.js';
import { LuaType } from '../lua/lua-bridge.js';
import { argBool, argS32 } from './args.js';
import type { ApiContext, ApiFunction } from './context.js';

export function soundApi(ctx: ApiContext, sound: SoundChip): ApiFunction[] {
  const { lua, ram } = ctx;
  const x = lua.x;
  const int = (L: number, i: number) => argS32(lua, L, i);
  const given = (L: number, i: number) => x.lua_gettop(L) >= i && x.lua_type(L, i) !== LuaType.NIL;

  const note = (L: number): number | string | undefined => {
    if (!given(L, 2)) return undefined;
    if (x.lua_isinteger(L, 2)) return int(L, 2);
    const type = x.lua_type(L, 2);
    // A float such as 14.0 reads as the text "14.0", which is no note name (as in TIC-80).
    return type === LuaType.STRING || type === LuaType.NUMBER ? (lua.toLatin1(L, 2) ?? undefined) : undefined;
  };

  const volume = (L: number): SfxVolumeArg | undefined => {
    if (!given(L, 5)) return undefined;
    if (x.lua_type(L, 5) !== LuaType.TABLE) return { kind: 'number', value: int(L, 5) };
    const left = x.lua_rawgeti(L, 5, 1n);
    const right = x.lua_rawgeti(L, 5, 2n);
    x.lua_settop(L, -3);
    return { kind: 'table', entryTypes: [left, right] };
  };

  const optionalInt = (L: number, i: number) => (given(L, i) ? int(L, i) : undefined);
  const fftZero = (L: number) => {
    // No audio input is captured, as on TIC-80 builds without FFT support.
    x.lua_pushnumber(L, 0);
    return 1;
  };

  return [
    {
      name: 'sfx',
      fn: (L) => {
        const count = x.lua_gettop(L);
        const noteArg = note(L);
        const volumeArg = volume(L);
        const duration = optionalInt(L, 3);
        const channel = optionalInt(L, 4);
        const speed = optionalInt(L, 6);
        const resolved = resolveSfxArgs(ram, {
          count,
          id: count >= 1 ? int(L, 1) : 0,
          ...(noteArg !== undefined ? { note: noteArg } : {}),
          ...(duration !== undefined ? { duration } : {}),
          ...(channel !== undefined ? { channel } : {}),
          ...(volumeArg !== undefined ? { volume: volumeArg } : {}),
          ...(speed !== undefined ? { speed } : {}),
        });
        if (!resolved.ok) return lua.error(L, resolved.error);
        const c = resolved.call;
        sound.sfx(c.id, c.note, c.duration, c.channel, c.volume, c.speed);
        return 0;
      },
    },
    {
      name: 'music',
      fn: (L) => {
        const count = x.lua_gettop(L);
        const resolved = resolveMusicArgs({
          count,
          ...(count >= 1 ? { track: int(L, 1) } : {}),
          ...(count >= 2 ? { frame: int(L, 2) } : {}),
          ...(count >= 3 ? { row: int(L, 3) } : {}),
          ...(count >= 4 ? { loop: argBool(lua, L, 4) } : {}),
          ...(count >= 5 ? { sustain: argBool(lua, L, 5) } : {}),
          ...(count >= 6 ? { tempo: int(L, 6) } : {}),
          ...(count >= 7 ? { speed: int(L, 7) } : {}),
        });
        if (!resolved.ok) return lua.error(L, resolved.error);
        const c = resolved.call;
        sound.music(c.track, c.frame, c.row, c.loop, c.sustain, c.tempo, c.speed);
        return 0;
      },
    },
    { name: 'fft', fn: fftZero },
    { name: 'ffts', fn: fftZero },
  ];
}
