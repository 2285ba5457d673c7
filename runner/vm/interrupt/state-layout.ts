// Where, in this build of Lua, a lua_State keeps its hook fields and its current CallInfo. The
// watchdog writes those fields from another thread, so they are found at start (by diffing the
// memory lua_sethook writes) and then proven by a live test, never assumed.
import type { LuaBridge } from '../lua/lua-bridge.js';
import { CALL_INFO } from '../lua/lua-layout.js';
import type { LuaState } from '../lua/lua-wasm.js';
import { LUA_MASKCOUNT, type StateLayout } from '../../common/vm-link/hook-fields.js';

const SCAN_BYTES = 256;
const MARK_COUNT = 0x1234567;

function snapshot(lua: LuaBridge, L: LuaState): DataView {
  return new DataView(lua.bytes(L + SCAN_BYTES).slice(L, L + SCAN_BYTES).buffer);
}

/** Finds the hook fields by diffing; returns null when the result is not what Lua 5.4 would write. */
export function discoverStateLayout(lua: LuaBridge, L: LuaState, hookFn: number): StateLayout | null {
  const x = lua.x;
  const before = snapshot(lua, L);
  x.lua_sethook(L, hookFn, LUA_MASKCOUNT, MARK_COUNT);
  const after = snapshot(lua, L);
  x.lua_sethook(L, 0, 0, 0);
  const cleared = snapshot(lua, L);

  const changed = (off: number, value: number) =>
    after.getInt32(off, true) === value && before.getInt32(off, true) !== value && cleared.getInt32(off, true) !== value;
  let hook = -1;
  const counts: number[] = [];
  let hookMask = -1;
  for (let off = 0; off + 4 <= SCAN_BYTES; off += 4) {
    if (changed(off, hookFn) && hook < 0) hook = off;
    else if (changed(off, MARK_COUNT)) counts.push(off);
    else if (changed(off, LUA_MASKCOUNT) && hookMask < 0) hookMask = off;
  }
  if (hook < 0 || counts.length !== 2 || hookMask < 0) return null;
  const [baseHookCount, hookCount] = counts;
  if (!(hook < baseHookCount && baseHookCount < hookCount && hookCount < hookMask)) return null;

  // L->ci points at L->base_ci, inside the state itself, while no function runs.
  let ci = -1;
  for (let off = 0; off + 4 <= hook; off += 4) {
    const value = cleared.getUint32(off, true);
    if (value > L + off && value < L + hook) {
      ci = off;
      break;
    }
  }
  if (ci < 0) return null;
  return { ci, hook, baseHookCount, hookCount, hookMask, ciPrevious: CALL_INFO.previous, ciTrap: CALL_INFO.trap, ciCallStatus: CALL_INFO.callStatus };
}
