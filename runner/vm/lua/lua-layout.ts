// Where wasmoon's Lua 5.4 (32-bit pointers) keeps the struct fields the runner reads or writes in
// place, where a call through the C API would cost more than the work or cannot be made from another
// thread. Each use proves the fields it relies on live before it trusts them (sandbox.ts,
// number-args.ts; the watchdog's hook fields are found by interrupt/state-layout.ts).

/** lua_State: the stack's top, its global_State and the current CallInfo. */
export const LUA_STATE = { top: 12, global: 16, ci: 20 } as const;
/** CallInfo: the called function's stack slot, the caller's CallInfo, the trap flag and the call status bits. */
export const CALL_INFO = { func: 0, previous: 8, trap: 20, callStatus: 34 } as const;
/** global_State: totalbytes and GCdebt, whose sum is the heap in use. */
export const GLOBAL_STATE = { totalBytes: 8, gcDebt: 12 } as const;
/** A stack slot: 16 bytes, the value's type tag after its 8 bytes. */
export const STACK_SLOT = { log2Bytes: 4, tag: 8 } as const;
/** The type tags of a float and an integer (LUA_VNUMFLT, LUA_VNUMINT). */
export const NUMBER_TAG = { float: 0x13, integer: 0x03 } as const;

/**
 * Where a running C function's arguments are: the lua_State's top and current CallInfo, the
 * CallInfo's func (the arguments are the stack slots after it), a slot's size and type tag, and the
 * tags of a float and an integer. A parameter of the code that reads them (host-function-modules.ts),
 * so that tests can give it layouts the live proof must refuse.
 */
export interface LuaStackLayout {
  stateTop: number;
  stateCi: number;
  ciFunc: number;
  slotLog2: number;
  slotTag: number;
  floatTag: number;
  intTag: number;
}

/** This build's. */
export const LUA_STACK: LuaStackLayout = {
  stateTop: LUA_STATE.top,
  stateCi: LUA_STATE.ci,
  ciFunc: CALL_INFO.func,
  slotLog2: STACK_SLOT.log2Bytes,
  slotTag: STACK_SLOT.tag,
  floatTag: NUMBER_TAG.float,
  intTag: NUMBER_TAG.integer,
};
