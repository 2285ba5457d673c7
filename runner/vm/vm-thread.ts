// The body of a runner's VM thread, whatever hosts it (a Node worker thread, or a Web Worker in the
// browser runner): load Lua, wait for the cart, run it.
import { clipText } from '../common/clip-text.js';
import type { InputSnapshot } from '../common/protocol.js';
import { FrameLoop } from './frame-loop.js';
import { loadLuaWasm, type LuaWasmBytes } from './lua/lua-wasm.js';
import { Slot } from '../common/vm-link/control-block.js';
import { CartMachine } from './machine.js';
import { HEARTBEAT_MS, type FromVm, type ToVm, type VmThreadInit } from '../common/vm-link/thread-messages.js';

export interface VmPort {
  post(msg: FromVm, transfer?: ArrayBuffer[]): void;
  onMessage(cb: (msg: ToVm) => void): void;
}

export async function runVmThread(port: VmPort, glue: LuaWasmBytes, init: VmThreadInit): Promise<void> {
  let loop: FrameLoop | undefined;
  let machine: CartMachine | undefined;
  let pendingInput: InputSnapshot | undefined;
  /** Console code that came before the machine was made: the studio can send it right after start. */
  const pendingEvals: string[] = [];
  let started = false;
  const wasmReady = loadLuaWasm(glue, { share: !init.alwaysOnHook && !init.heartbeat, memoryLimitBytes: init.memoryLimitBytes });
  // Fires only while no cart code runs: its silence is what tells the watchdog a frame is busy.
  if (init.heartbeat) setInterval(() => port.post({ type: 'vm-alive' }), HEARTBEAT_MS);

  port.onMessage((msg) => {
    if (msg.type === 'input') {
      if (loop) loop.setInput(msg.input);
      else pendingInput = msg.input;
      return;
    }
    if (msg.type === 'menu') {
      machine?.menu(msg.index);
      return;
    }
    if (msg.type === 'eval') {
      if (machine) machine.evaluate(msg.code);
      else pendingEvals.push(msg.code);
      return;
    }
    if (msg.type === 'ack') {
      loop?.acknowledge(msg.frames);
      return;
    }
    if (msg.type === 'reload') {
      port.post(machine ? machine.reload(msg.code, msg.data) : { type: 'reloaded', error: 'the cart is not running yet' });
      return;
    }
    if (started) return;
    started = true;
    void wasmReady
      .then((wasm) => {
        machine = new CartMachine(wasm, init, msg.cart, msg.options, { send: (m) => port.post(m) });
        for (const code of pendingEvals.splice(0)) machine.evaluate(code);
        const layout = machine.hook.layout;
        const note = [...wasm.patchErrors, machine.hook.note].filter(Boolean).join('; ');
        port.post({
          type: 'vm-ready',
          hookMode: layout ? 'on-demand' : machine.hook.alwaysOn ? 'always-on' : 'none',
          ...(note ? { note } : {}),
          ...(layout ? { remote: { memory: wasm.x.memory, layout, hookFn: machine.hook.fn } } : {}),
        });
        // The main thread locks the process down when it hears vm-ready: no instruction of the cart
        // may run before that, so this thread blocks until it is told to go. Without shared memory
        // there is no lockdown to wait for (only browsers lack it, and their sandbox is already on).
        if (!init.heartbeat) Atomics.wait(init.control, Slot.GO, 0);
        loop = new FrameLoop(
          machine,
          msg.options,
          { send: (m, transfer) => port.post(m, transfer) },
          { ...(msg.pmem ? { pmem: msg.pmem } : {}), ...(init.latestFrame ? { latestFrame: init.latestFrame } : {}) },
        );
        if (pendingInput) loop.setInput(pendingInput);
        loop.start();
      })
      .catch((err: unknown) => port.post({ type: 'error', message: clipText(`runner: the Lua VM failed to start: ${(err as Error).message}`) }));
  });
  await wasmReady;
}
