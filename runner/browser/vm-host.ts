// The body of a runner's VM thread in the browser (a Web Worker): its first message says how to
// start (the VmThreadInit, and where the Lua module's bytes come from); the host messages that come
// while the Lua module loads are replayed once the VM listens.
import type { ToVm, VmThreadInit } from '../common/vm-link/thread-messages.js';
import type { LuaWasmBytes } from '../vm/lua/lua-wasm.js';
import { runVmThread } from '../vm/vm-thread.js';

declare const self: DedicatedWorkerGlobalScope;

export interface VmStart {
  init: VmThreadInit;
  /** The Lua module's bytes. */
  glue: Promise<LuaWasmBytes>;
}

/** begin: reads the worker's first message. */
export function hostVmThread(begin: (first: unknown) => VmStart): void {
  const early: ToVm[] = [];
  let deliver: ((msg: ToVm) => void) | undefined;
  let started = false;
  self.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (deliver) return deliver(event.data as ToVm);
    if (started) return void early.push(event.data as ToVm);
    started = true;
    const { init, glue } = begin(event.data);
    void glue.then((bytes) =>
      runVmThread(
        {
          post: (msg, transfer) => self.postMessage(msg, transfer ?? []),
          onMessage: (cb) => {
            deliver = cb;
            for (const msg of early.splice(0)) cb(msg);
          },
        },
        bytes,
        init,
      ),
    );
  });
}
