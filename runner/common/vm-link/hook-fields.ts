// The fields of a running lua_State that a runner's watchdog writes from its own thread to arm a
// count hook (found and proven at start by the VM thread, see runner/vm/interrupt/state-layout.ts).

export interface StateLayout {
  /** lua_State fields. */
  ci: number;
  hook: number;
  baseHookCount: number;
  hookCount: number;
  hookMask: number;
  /** CallInfo fields (Lua 5.4 layout with 32-bit pointers). */
  ciPrevious: number;
  ciTrap: number;
  ciCallStatus: number;
}

/** CIST_C: the CallInfo belongs to a C function (its trap slot means something else). */
export const CIST_C = 1 << 1;
export const LUA_MASKCOUNT = 1 << 3;

/**
 * Arms a count hook on thread L by writing its fields directly, as the watchdog does from its
 * thread, and sets `trap` on every Lua CallInfo so a running loop notices at its next jump.
 */
export function armHook(view: DataView, layout: StateLayout, L: number, hookFn: number): void {
  view.setUint32(L + layout.hook, hookFn, true);
  view.setInt32(L + layout.baseHookCount, 1, true);
  view.setInt32(L + layout.hookCount, 1, true);
  view.setInt32(L + layout.hookMask, LUA_MASKCOUNT, true);
  let ci = view.getUint32(L + layout.ci, true);
  for (let depth = 0; ci !== 0 && depth < 100000; depth++) {
    if ((view.getUint16(ci + layout.ciCallStatus, true) & CIST_C) === 0) view.setInt32(ci + layout.ciTrap, 1, true);
    ci = view.getUint32(ci + layout.ciPrevious, true);
  }
}
