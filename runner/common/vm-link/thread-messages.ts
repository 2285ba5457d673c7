// Messages between a runner's watchdog (its main thread) and its VM thread.
import { RAM_BYTES } from '../memory-map.js';
import type { HookMode, HostMessage, RunnerMessage } from '../protocol.js';
import type { RunnerFlags } from '../runner-flags.js';
import { canShareMemory, createControlBlock } from './control-block.js';
import { createDebugMailbox } from './debug-mailbox.js';
import type { StateLayout } from './hook-fields.js';
import { createLatestFrameSlot, type LatestFrame } from './latest-frame.js';

/** How often a VM thread in heartbeat mode says it is alive, while its event loop is free. */
export const HEARTBEAT_MS = 50;

export interface VmThreadInit {
  /** Control block shared with the watchdog (see control-block.ts); the VM thread's own in heartbeat mode. */
  control: Int32Array;
  /** The console's 96 KB RAM in shared memory, as the design has it: the VM draws into it, and the runner's main thread can read it while the VM runs (its own in heartbeat mode). */
  ram: SharedArrayBuffer | ArrayBuffer;
  /**
   * The threads cannot share memory (a browser page without cross-origin isolation): no hook can be
   * armed from outside, so the cart runs with none, and the VM thread posts 'vm-alive' every
   * HEARTBEAT_MS instead; the watchdog reports a frame busy when they stop coming.
   */
  heartbeat: boolean;
  /** Keep a count hook armed all the time instead of arming it on demand (for comparisons and tests). */
  alwaysOnHook: boolean;
  /** Cap on the cart's Lua heap, in bytes. */
  memoryLimitBytes: number;
  /** Lua instructions a frame may run; 0 for none. A budget keeps the count hook on all the time. */
  instructionBudget: number;
  /** The debugger's commands from the main thread (see debug-mailbox.ts); absent in heartbeat mode, which has no debugger. */
  debugMailbox?: SharedArrayBuffer;
  /** Where a headless run's VM thread leaves the frames it does not send (latest-frame.ts); absent in heartbeat mode. */
  latestFrame?: SharedArrayBuffer;
}

/** What a runner's main thread gives its VM thread, for the runner's flags. */
export function createVmThreadInit(flags: RunnerFlags): VmThreadInit {
  const shared = canShareMemory();
  return {
    control: createControlBlock(shared),
    ram: shared ? new SharedArrayBuffer(RAM_BYTES) : new ArrayBuffer(RAM_BYTES),
    heartbeat: !shared,
    alwaysOnHook: flags.alwaysOnHook,
    memoryLimitBytes: flags.memoryMb * 1024 * 1024,
    instructionBudget: flags.instructionBudget,
    ...(shared ? { debugMailbox: createDebugMailbox(), latestFrame: createLatestFrameSlot() } : {}),
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
/** The VM thread's event loop is free (heartbeat mode only). */
export interface VmAlive {
  type: 'vm-alive';
}

/**
 * Frames up to `index` that did not go whole (quiet-frames.ts), for the main thread to tell its host
 * of in 'tick' messages: the cpuMs of all frames up to index summed, and, when the host takes it,
 * the audio of frame `index`; `latest` is frame `index` itself where there is no latest-frame slot;
 * `waiting`: the VM waits for an acknowledgement, so the main thread sends what it holds at once.
 */
export interface VmTick {
  type: 'vm-tick';
  index: number;
  cpuMsTotal: number;
  audio?: Int16Array;
  latest?: LatestFrame;
  waiting?: boolean;
}

export type FromVm = VmReady | VmAlive | VmTick | RunnerMessage;
