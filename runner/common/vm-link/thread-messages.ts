// Messages between a runner's watchdog (its main thread) and its VM thread.
import { RAM_BYTES } from '../memory-map.js';
import type { HookMode, HostMessage, RunnerMessage } from '../protocol.js';
import type { RunnerFlags } from '../runner-flags.js';
import { createControlBlock } from './control-block.js';
import { createDebugMailbox } from './debug-mailbox.js';
import type { StateLayout } from './hook-fields.js';

export interface VmThreadInit {
  /** Control block shared with the watchdog (see control-block.ts). */
  control: Int32Array;
  /** The console's 96 KB RAM in shared memory, as the design has it: the VM draws into it, and the runner's main thread can read it while the VM runs. */
  ram: SharedArrayBuffer;
  /** Keep a count hook armed all the time instead of arming it on demand (for comparisons and tests). */
  alwaysOnHook: boolean;
  /** Cap on the cart's Lua heap, in bytes. */
  memoryLimitBytes: number;
  /** Lua instructions a frame may run; 0 for none. A budget keeps the count hook on all the time. */
  instructionBudget: number;
  /** The debugger's commands from the main thread (see debug-mailbox.ts). */
  debugMailbox: SharedArrayBuffer;
}

/** What a runner's main thread gives its VM thread, for the runner's flags. */
export function createVmThreadInit(flags: RunnerFlags): VmThreadInit {
  return {
    control: createControlBlock(),
    ram: new SharedArrayBuffer(RAM_BYTES),
    alwaysOnHook: flags.alwaysOnHook,
    memoryLimitBytes: flags.memoryMb * 1024 * 1024,
    instructionBudget: flags.instructionBudget,
    debugMailbox: createDebugMailbox(),
  };
}

/** The VM is loaded; what the watchdog needs to arm its hook from outside. */
export interface VmReady {
  type: 'vm-ready';
  hookMode: HookMode;
  note?: string;
  /** Present in 'on-demand' mode. */
  remote?: { memory: WebAssembly.Memory; layout: StateLayout; hookFn: number };
}

/**
 * The watchdog forwards only these host messages; break, resume and stop go through the control
 * block or end the thread, and the debugger's commands through the debug mailbox.
 */
export type ToVm = Extract<HostMessage, { type: 'start' | 'input' | 'menu' | 'eval' | 'ack' | 'reload' }>;
export type FromVm = VmReady | RunnerMessage;
