// The block of shared integers through which the watchdog thread and the VM thread coordinate
// interrupts. Both sides only use Atomics on it.

export const Slot = {
  /** 1 while the cart's code runs (a frame, BOOT, the top level), 0 between frames. */
  PHASE: 0,
  /** Incremented each time PHASE goes to 1. */
  SEQ: 1,
  /** What the watchdog asks of the hook: one of Request. */
  REQUEST: 2,
  /** Cart line the hook last saw (0 when unknown). */
  LINE: 3,
  /** Incremented by the hook each time it served a request. */
  ACK: 4,
  /** Set to 1 by the watchdog to let a paused cart continue. */
  RESUME: 5,
  /** 1 while the watchdog writes hook fields into the VM's memory (see VmHook.endCode). */
  ARMING: 6,
  /** Address of the lua_State currently running cart code. */
  THREAD: 7,
  /** 1 while the cart is paused inside the hook. */
  PAUSED: 8,
  /** Set to 1 by the hook when a frame ran past its instruction budget; the VM thread then waits to be ended. */
  OVER_BUDGET: 9,
  /**
   * Set to 1 by the runner's main thread once it has locked the process down (its kernel sandbox,
   * on every thread); the VM thread waits for it before it runs any of the cart's code.
   */
  GO: 10,
  /** Incremented (and notified) when a paused cart has something to do: resume, or a command in the debug mailbox. */
  WAKE: 11,
} as const;

/** DEBUG: the debug mailbox (debug-mailbox.ts) holds a command for the running cart. */
export const Request = { NONE: 0, SAMPLE: 1, BREAK: 2, DEBUG: 3 } as const;
export type RequestCode = (typeof Request)[keyof typeof Request];

const SLOT_COUNT = 16;

export function createControlBlock(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(SLOT_COUNT * 4));
}
