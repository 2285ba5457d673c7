// A runner's VM thread in the browser (a Web Worker). Its first message is the VmThreadInit; the
// Lua module's bytes are fetched from the build's own copy of wasmoon's glue.wasm.
import { LuaFactory } from 'wasmoon';
import glueUrl from 'wasmoon/dist/glue.wasm?url';
import type { ToVm, VmThreadInit } from '../common/vm-link/thread-messages.js';
import { runVmThread } from '../vm/vm-thread.js';

declare const self: DedicatedWorkerGlobalScope;

/** Host messages that came while the Lua module was being fetched, replayed once the VM listens. */
const early: ToVm[] = [];
let deliver: ((msg: ToVm) => void) | undefined;

self.addEventListener('message', (event: MessageEvent<VmThreadInit | ToVm>) => {
  if (deliver) return deliver(event.data as ToVm);
  if ('control' in event.data) void start(event.data);
  else early.push(event.data);
});

async function start(init: VmThreadInit): Promise<void> {
  const bytes = new Uint8Array(await (await fetch(glueUrl)).arrayBuffer());
  await runVmThread(
    {
      post: (msg, transfer) => self.postMessage(msg, transfer ?? []),
      onMessage: (cb) => {
        deliver = cb;
        for (const msg of early.splice(0)) cb(msg);
      },
    },
    { location: glueUrl, bytes, factory: LuaFactory },
    init,
  );
}
