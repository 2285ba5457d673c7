// How a farm's watching threads ask a cart's running frame to do something (PREEMPT, STOP): the
// request goes into the cart's control block and its hook is armed from outside, as a runner's
// watchdog does.
import { Request, Slot } from '../vm-link/control-block.js';
import { armHook, type StateLayout } from '../vm-link/hook-fields.js';

/** What arming a cart's hook from another thread needs: its shared memory, where its hook fields are, its hook. */
export interface CartRemote {
  memory: WebAssembly.Memory;
  layout: StateLayout;
  hookFn: number;
}

/** Asks for `request` unless the cart is already being stopped; without a remote, its always-on hook sees it by itself. */
export function requestOnCart(control: Int32Array, remote: CartRemote | undefined, request: number): void {
  if (Atomics.load(control, Slot.REQUEST) === Request.STOP) return;
  Atomics.store(control, Slot.REQUEST, request);
  if (!remote) return;
  Atomics.store(control, Slot.ARMING, 1);
  try {
    armHook(new DataView(remote.memory.buffer), remote.layout, Atomics.load(control, Slot.THREAD), remote.hookFn);
  } finally {
    Atomics.store(control, Slot.ARMING, 0);
    Atomics.notify(control, Slot.ARMING);
  }
}
