// Messages between a cart farm's main thread and its worker threads, and the block of shared
// integers through which a worker shows its main thread which cart is running its time slice
// (readable even while the main thread is too busy to take messages).
import type { CartSource, InputSpan } from '../protocol.js';
import type { StateLayout } from '../vm-link/hook-fields.js';

export type FarmCartStatus = 'ok' | 'error' | 'hung' | 'exit';

export interface FarmCartInit {
  id: number;
  cart: CartSource;
  /** time() and math.random repeat bit for bit (RunOptions.deterministic). */
  deterministic: boolean;
  /** Each frame's input; absent: no input at all. */
  inputSchedule?: InputSpan[];
  /** Cap on the cart's Lua heap, in bytes. */
  memoryLimitBytes: number;
  /** Send every frame's pixels, not only the last of each step. */
  everyFrame: boolean;
  /** The cart's control block (control-block.ts), shared with the main thread's watchdog. */
  control: Int32Array;
  /** Frames to run as soon as it has booted (a cart restarted on another worker). */
  frames: number;
}

export type ToFarmWorker =
  | ({ type: 'add' } & FarmCartInit)
  | { type: 'step'; id: number; frames: number }
  | { type: 'pause'; id: number }
  | { type: 'resume'; id: number }
  | { type: 'kill'; id: number };

export type FromFarmWorker =
  /** The worker has compiled the Lua module and can take carts. */
  | { type: 'ready' }
  /** remote: what the watchdog needs to arm the cart's hook (absent when its memory is not shared). */
  | { type: 'added'; id: number; createMs: number; remote?: { memory: WebAssembly.Memory; layout: StateLayout; hookFn: number } }
  | { type: 'frame'; id: number; index: number; pixels: Uint8Array }
  | { type: 'trace'; id: number; text: string; color: number }
  /** Every frame asked for so far has run; pixels are the last one's. */
  | { type: 'stepped'; id: number; frames: number; cpuMs: number; pixels?: Uint8Array }
  /** The cart has ended (an error, exit(), hung, or its code could not start). */
  | { type: 'ended'; id: number; frames: number; cpuMs: number; status: Exclude<FarmCartStatus, 'ok'>; message?: string; line?: number }
  /** No cart of this worker has frames left to run: it waits for messages, using no CPU. handled: messages taken so far. */
  | { type: 'idle'; handled: number };

export const WorkerSlot = {
  /** The id + 1 of the cart whose time slice runs, 0 between slices. */
  CART: 0,
  /** Incremented at the start of each slice. */
  SLICE: 1,
  /** Frames preempted so far at their slice's end. */
  PREEMPTED: 2,
  /** The mean length of a turn that ended with its frame preempted, in microseconds. */
  PREEMPTED_TURN_US: 3,
  /** When the current slice began (farmClock, modulo 2^32): the slice timer counts from there, however late it looks. */
  STARTED_MS: 4,
} as const;

/** Milliseconds since `origin` (an epoch time the farm chose), the same on every thread, wrapped to 32 bits. */
export function farmClock(origin: number): number {
  return Math.round(performance.timeOrigin + performance.now() - origin) | 0;
}

export function createWorkerBlock(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4 * Object.keys(WorkerSlot).length));
}
