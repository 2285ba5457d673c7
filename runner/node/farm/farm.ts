// A cart farm: many carts at once in one process, each with its own Lua VM (its own wasm
// instance: no shared heap), RAM, memory cap and instruction hook, the machine a runner uses.
// They run on a pool of worker threads in time slices: a thread of its own, the slice timer,
// preempts a frame that outlives its slice (the frame goes on at the cart's next turn). This thread
// is their watchdog: it stops a cart whose frame outlives the hang limit and replaces a worker
// stuck inside one C call, restarting its other carts on another worker. With no frames asked
// for, no thread of the farm runs.
import { availableParallelism } from 'node:os';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { FarmCartStatus, FromFarmWorker, ToFarmWorker } from '../../common/farm/farm-messages.js';
import { requestOnCart, type CartRemote } from '../../common/farm/cart-request.js';
import { createWorkerBlock, WorkerSlot } from '../../common/farm/farm-messages.js';
import { WAKE } from '../../common/farm/slice-timer.js';
import type { CartSource, InputSpan, SandboxState } from '../../common/protocol.js';
import { DEFAULT_MEMORY_MB } from '../../common/runner-flags.js';
import { STUCK_AFTER_MS } from '../../common/supervisor/watchdog.js';
import { createControlBlock, Request, Slot } from '../../common/vm-link/control-block.js';
import { readGlueWasm } from '../glue-file.js';
import { applyKernelSandbox } from '../kernel-sandbox/kernel-sandbox.js';
import type { FarmTimerData, ToFarmTimer } from './farm-timer.js';
import type { FarmWorkerData } from './farm-worker.js';

export const DEFAULT_SLICE_MS = 10;
export const DEFAULT_HANG_MS = 1000;
const MB = 1024 * 1024;
/** How often the watchdog looks for hangs and stuck workers (slices are the slice timer's). */
const WATCH_MS = 10;

export interface FarmOptions {
  /** Worker threads (default: the number of cores). */
  workers?: number;
  /** Cap on each cart's Lua heap, in MiB (default 32, as a runner's). */
  memoryMbPerCart?: number;
  /** How long a cart runs before the next cart of its worker gets a turn (default 10 ms). */
  sliceMs?: number;
  /** A frame busy for longer than this, its slices added up, ends its cart as hung (default 1000 ms). */
  hangMs?: number;
  /** Lock this process down with the runner's kernel sandbox once the workers are ready. */
  sandbox?: boolean;
}

export interface AddOptions {
  /** time() advances 1000/60 ms a frame and math.random starts unseeded (default true). */
  deterministic?: boolean;
  /** Each frame's input (nibble run --input); absent: none. */
  inputSchedule?: InputSpan[];
  /** This cart's heap cap in MiB, instead of the farm's. */
  memoryMb?: number;
  /** Emit every frame's pixels ('frame' events), not only the last frame of each step(). */
  everyFrame?: boolean;
}

/** How a cart's run ended, or where a step() left it. */
export interface FarmOutcome {
  status: FarmCartStatus;
  message?: string;
  line?: number;
  /** Frames completed. */
  frames: number;
  /** Time its frames' code and blit took, summed. */
  cpuMs: number;
  /** The last frame's 256x144 RGBA pixels (a step()'s last frame). */
  pixels?: Uint8Array;
}

export interface FarmCartEvents {
  frame(index: number, pixels: Uint8Array): void;
  trace(text: string, color: number): void;
  end(outcome: FarmOutcome): void;
  /** Its worker was replaced (another cart there was stuck in one C call): it started again from its first frame. */
  restarted(reason: string): void;
}

export interface FarmStats {
  workers: number;
  /** Carts added and not ended or killed. */
  carts: number;
  /** Of those, carts with frames asked for and not paused. */
  running: number;
  paused: number;
  ended: number;
  /** Workers replaced because a cart was stuck inside one C call. */
  workersReplaced: number;
  /** Turns that ended with their frame preempted at the slice's end (by the slice timer), counted by the workers. */
  preemptions: number;
  /**
   * Mean length of a turn that ended with its frame preempted (sliceMs, plus how late the
   * preemption came): what a busy or hung cart delays the other carts of its worker by, each round.
   */
  meanPreemptedTurnMs: number;
  /** Mean time to make a cart's VM (instantiate, machine), in the workers, other carts' slices meanwhile left out. */
  meanCreateMs: number;
  /** The process's resident memory; absent where it cannot be read (under the kernel sandbox, /proc is closed). */
  rssMb?: number;
}

interface PoolWorker {
  worker: Worker;
  block: Int32Array;
  carts: Set<FarmCart>;
  sent: number;
  idle: boolean;
  /** What the watchdog last saw of the slice running there. */
  watch: { slice: number; since: number; stoppedAt: number | undefined };
  gone: boolean;
}

type Listeners = { [K in keyof FarmCartEvents]: FarmCartEvents[K][] };

/** One cart of the farm. */
export class FarmCart {
  readonly id: number;
  readonly name: string;
  /** Frames completed so far. */
  frames = 0;
  #outcome: FarmOutcome | undefined;
  #paused = false;
  /** Frames asked for by every step() so far. */
  #asked = 0;
  #waiting: { target: number; resolve: (o: FarmOutcome) => void }[] = [];
  readonly #listeners: Listeners = { frame: [], trace: [], end: [], restarted: [] };
  /** The worker running it, its control block and the remote end of its hook. */
  worker: PoolWorker | undefined;
  control = createControlBlock(true);
  remote: CartRemote | undefined;
  createMs = 0;

  readonly #farm: Farm;
  readonly cart: CartSource;
  readonly options: AddOptions;
  constructor(farm: Farm, id: number, cart: CartSource, options: AddOptions) {
    this.options = options;
    this.cart = cart;
    this.#farm = farm;
    this.id = id;
    this.name = cart.name;
  }

  on<K extends keyof FarmCartEvents>(event: K, listener: FarmCartEvents[K]): this {
    this.#listeners[event].push(listener);
    return this;
  }

  /** Runs `frames` more frames; resolves when they have run, or when the cart's run ends before. */
  step(frames: number): Promise<FarmOutcome> {
    if (this.#outcome) return Promise.resolve(this.#outcome);
    this.#asked += frames;
    const target = this.#asked;
    return new Promise((resolve) => {
      this.#waiting.push({ target, resolve });
      this.#farm.send(this, { type: 'step', id: this.id, frames });
    });
  }

  /** Stops giving it turns (at the end of its current slice, within its frame if need be); it then costs no CPU. */
  pause(): void {
    this.#paused = true;
    if (!this.#outcome) this.#farm.send(this, { type: 'pause', id: this.id });
  }

  /** Gives it turns again: it goes on exactly where it stopped. */
  resume(): void {
    this.#paused = false;
    if (!this.#outcome) this.#farm.send(this, { type: 'resume', id: this.id });
  }

  /** Ends it and frees its VM. */
  kill(): void {
    if (this.#outcome) return;
    this.#farm.send(this, { type: 'kill', id: this.id });
    this.finish({ status: 'error', message: `${this.name}: killed`, frames: this.frames, cpuMs: 0 });
  }

  get paused(): boolean {
    return this.#paused;
  }

  get outcome(): FarmOutcome | undefined {
    return this.#outcome;
  }

  /** Has frames asked for and not run, and is not paused. */
  get running(): boolean {
    return !this.#outcome && !this.#paused && this.frames < this.#asked;
  }

  get asked(): number {
    return this.#asked;
  }

  emit<K extends keyof FarmCartEvents>(event: K, ...args: Parameters<FarmCartEvents[K]>): void {
    for (const listener of this.#listeners[event]) (listener as (...a: Parameters<FarmCartEvents[K]>) => void)(...args);
  }

  stepped(frames: number, cpuMs: number, pixels?: Uint8Array): void {
    this.frames = frames;
    const outcome: FarmOutcome = { status: 'ok', frames, cpuMs, ...(pixels ? { pixels } : {}) };
    const done = this.#waiting.filter((w) => w.target <= frames);
    this.#waiting = this.#waiting.filter((w) => w.target > frames);
    for (const w of done) w.resolve(outcome);
  }

  finish(outcome: FarmOutcome): void {
    if (this.#outcome) return;
    this.#outcome = outcome;
    this.frames = outcome.frames;
    this.worker?.carts.delete(this);
    for (const w of this.#waiting.splice(0)) w.resolve(outcome);
    this.emit('end', outcome);
  }

  /** Starts over on another worker: a fresh VM, every frame asked for run again. */
  restart(reason: string): void {
    this.frames = 0;
    this.control = createControlBlock(true);
    this.remote = undefined;
    this.emit('restarted', reason);
  }
}

export class Farm {
  readonly #pool: PoolWorker[] = [];
  readonly #carts = new Map<number, FarmCart>();
  #nextId = 0;
  #ended = 0;
  #replaced = 0;
  #createMs = { sum: 0, count: 0 };
  #timer: ReturnType<typeof setInterval> | undefined;
  /** The slice timer's thread (slice-timer.ts), the port it reads and the integer that wakes it. */
  #sliceTimer: { thread: Worker; port: MessagePort } | undefined;
  readonly #wake = new Int32Array(new SharedArrayBuffer(4));
  /** Where the farm's clock starts (farmClock). */
  readonly #origin = performance.timeOrigin + performance.now();
  #closed = false;
  /** The kernel sandbox's state, when the farm was asked to apply it. */
  sandbox: SandboxState | undefined;

  readonly #options: Required<Omit<FarmOptions, 'sandbox'>> & { sandbox: boolean };
  readonly #glue = readGlueWasm();
  constructor(options: FarmOptions) {
    this.#options = {
      workers: options.workers ?? availableParallelism(),
      memoryMbPerCart: options.memoryMbPerCart ?? DEFAULT_MEMORY_MB,
      sliceMs: options.sliceMs ?? DEFAULT_SLICE_MS,
      hangMs: options.hangMs ?? DEFAULT_HANG_MS,
      sandbox: options.sandbox ?? false,
    };
  }

  get workers(): number {
    return this.#pool.filter((w) => !w.gone).length;
  }

  async start(): Promise<void> {
    const { port1, port2 } = new MessageChannel();
    const timerData: FarmTimerData = { wake: this.#wake, sliceMs: this.#options.sliceMs, origin: this.#origin, port: port2 };
    this.#sliceTimer = { thread: new Worker(new URL('./farm-timer.js', import.meta.url), { workerData: timerData, transferList: [port2] }), port: port1 };
    await Promise.all(Array.from({ length: this.#options.workers }, () => this.#spawn()));
    if (this.#options.sandbox) {
      const status = applyKernelSandbox();
      this.sandbox = { on: status.complete, detail: status.note ?? status.summary };
    }
  }

  #spawn(): Promise<PoolWorker> {
    const block = createWorkerBlock();
    const toTimer = new MessageChannel();
    const data: FarmWorkerData = {
      timerPort: toTimer.port1,
      glue: this.#glue,
      block,
      wake: this.#wake,
      sliceMs: this.#options.sliceMs,
      origin: this.#origin,
      hangMs: this.#options.hangMs,
      memoryLimitBytes: this.#options.memoryMbPerCart * MB,
    };
    const worker = new Worker(new URL('./farm-worker.js', import.meta.url), { workerData: data, transferList: [toTimer.port1] });
    const entry: PoolWorker = {
      worker,
      block,
      carts: new Set(),
      sent: 0,
      idle: true,
      watch: { slice: -1, since: 0, stoppedAt: undefined },
      gone: false,
    };
    this.#pool.push(entry);
    this.#tellTimer({ type: 'worker', index: this.#pool.length - 1, block, port: toTimer.port2 }, [toTimer.port2]);
    return new Promise((resolve, reject) => {
      worker.on('message', (msg: FromFarmWorker) => {
        if (msg.type === 'ready') resolve(entry);
        else this.#receive(entry, msg);
      });
      worker.on('error', (err) => reject(err));
      worker.on('exit', () => {
        if (!entry.gone && !this.#closed) this.#replace(entry, undefined, 'its worker thread ended unexpectedly');
      });
    });
  }

  add(cart: CartSource, options: AddOptions = {}): FarmCart {
    if (this.#closed) throw new Error('the farm is closed');
    const handle = new FarmCart(this, this.#nextId++, cart, options);
    this.#carts.set(handle.id, handle);
    handle.on('end', () => {
      this.#carts.delete(handle.id);
      this.#ended++;
      this.#tellTimer({ type: 'forget', id: handle.id });
    });
    this.#place(handle, this.#leastLoaded());
    return handle;
  }

  #leastLoaded(): PoolWorker | undefined {
    let best: PoolWorker | undefined;
    for (const w of this.#pool) if (!w.gone && (!best || w.carts.size < best.carts.size)) best = w;
    return best;
  }

  #place(cart: FarmCart, worker: PoolWorker | undefined): void {
    if (!worker) {
      cart.finish({ status: 'error', message: `${cart.name}: the farm has no worker left to run it`, frames: cart.frames, cpuMs: 0 });
      return;
    }
    cart.worker = worker;
    worker.carts.add(cart);
    this.send(cart, {
      type: 'add',
      id: cart.id,
      cart: cart.cart,
      deterministic: cart.options.deterministic ?? true,
      ...(cart.options.inputSchedule ? { inputSchedule: cart.options.inputSchedule } : {}),
      memoryLimitBytes: (cart.options.memoryMb ?? this.#options.memoryMbPerCart) * MB,
      everyFrame: cart.options.everyFrame ?? false,
      control: cart.control,
      frames: cart.asked,
    });
    if (cart.paused) this.send(cart, { type: 'pause', id: cart.id });
  }

  /** Sends a message to the cart's worker; the watchdog watches that worker until it says it is idle. */
  send(cart: FarmCart, msg: ToFarmWorker): void {
    const worker = cart.worker;
    if (!worker || worker.gone) return;
    worker.sent++;
    worker.idle = false;
    worker.worker.postMessage(msg);
    this.#timer ??= setInterval(() => this.#poll(), WATCH_MS);
  }

  #receive(worker: PoolWorker, msg: FromFarmWorker): void {
    if (msg.type === 'idle') {
      worker.idle = msg.handled === worker.sent;
      if (this.#pool.every((w) => w.idle || w.gone)) this.#stopWatching();
      return;
    }
    if (msg.type === 'ready') return;
    const cart = this.#carts.get(msg.id);
    if (!cart || cart.worker !== worker) return;
    switch (msg.type) {
      case 'added':
        cart.remote = msg.remote;
        cart.createMs = msg.createMs;
        this.#createMs.sum += msg.createMs;
        this.#createMs.count++;
        break;
      case 'frame':
        cart.frames = msg.index;
        cart.emit('frame', msg.index, msg.pixels);
        break;
      case 'trace':
        cart.emit('trace', msg.text, msg.color);
        break;
      case 'stepped':
        if (msg.pixels) cart.emit('frame', msg.frames, msg.pixels);
        cart.stepped(msg.frames, msg.cpuMs, msg.pixels);
        break;
      case 'ended':
        cart.finish({
          status: msg.status,
          frames: msg.frames,
          cpuMs: msg.cpuMs,
          ...(msg.message ? { message: msg.message } : {}),
          ...(msg.line ? { line: msg.line } : {}),
        });
        break;
    }
  }

  #stopWatching(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** Stops a frame past the hang limit, replaces a worker stuck in one C call. */
  #poll(): void {
    const now = performance.now();
    for (const w of this.#pool) {
      if (w.gone || w.idle) continue;
      const id = Atomics.load(w.block, WorkerSlot.CART) - 1;
      const slice = Atomics.load(w.block, WorkerSlot.SLICE);
      if (id < 0 || slice !== w.watch.slice) {
        w.watch = { slice: id < 0 ? -1 : slice, since: now, stoppedAt: undefined };
        continue;
      }
      const cart = this.#carts.get(id);
      if (!cart) continue;
      const elapsed = now - w.watch.since;
      if (w.watch.stoppedAt === undefined && elapsed >= this.#options.hangMs) {
        w.watch.stoppedAt = now;
        Atomics.store(cart.control, Slot.LINE, 0);
        requestOnCart(cart.control, cart.remote, Request.STOP);
      } else if (w.watch.stoppedAt !== undefined && now - w.watch.stoppedAt >= STUCK_AFTER_MS) {
        this.#replace(
          w,
          cart,
          `it stayed inside one library call (such as string.find or string.rep) for over ${STUCK_AFTER_MS} ms, where it cannot be stopped`,
        );
      }
    }
  }

  /**
   * Ends a worker that cannot be stopped otherwise, with every VM in it: the culprit is reported
   * hung, the others start again on a new worker (or, where none can be started, the others).
   */
  #replace(worker: PoolWorker, culprit: FarmCart | undefined, why: string): void {
    if (worker.gone) return;
    worker.gone = true;
    this.#replaced++;
    void worker.worker.terminate();
    this.#tellTimer({ type: 'retire', index: this.#pool.indexOf(worker) });
    const line = culprit ? Atomics.load(culprit.control, Slot.LINE) : 0;
    culprit?.finish({ status: 'hung', message: `${culprit.name}: ${why}`, ...(line > 0 ? { line } : {}), frames: culprit.frames, cpuMs: 0 });
    const others = [...worker.carts].filter((c) => c !== culprit && !c.outcome);
    worker.carts.clear();
    const reason = `${culprit ? culprit.name : 'a cart'} on the same worker thread was stuck: ${why}`;
    void this.#spawn()
      .then(
        (fresh) => fresh,
        () => this.#leastLoaded(),
      )
      .then((target) => {
        for (const cart of others) {
          cart.restart(reason);
          this.#place(cart, target ?? this.#leastLoaded());
        }
      });
  }

  stats(): FarmStats {
    const carts = [...this.#carts.values()];
    return {
      workers: this.workers,
      carts: carts.length,
      running: carts.filter((c) => c.running).length,
      paused: carts.filter((c) => c.paused).length,
      ended: this.#ended,
      workersReplaced: this.#replaced,
      preemptions: this.#pool.reduce((sum, w) => sum + Atomics.load(w.block, WorkerSlot.PREEMPTED), 0),
      meanPreemptedTurnMs: meanPreemptedTurnMs(this.#pool.map((w) => w.block)),
      meanCreateMs: this.#createMs.count ? this.#createMs.sum / this.#createMs.count : 0,
      ...residentMb(),
    };
  }

  /** A message for the slice timer, which reads its port when woken. */
  #tellTimer(msg: ToFarmTimer, transfer: MessagePort[] = []): void {
    if (!this.#sliceTimer) return;
    this.#sliceTimer.port.postMessage(msg, transfer);
    Atomics.add(this.#wake, WAKE, 1);
    Atomics.notify(this.#wake, WAKE);
  }

  /** Ends every worker and every cart. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#stopWatching();
    for (const cart of this.#carts.values()) cart.finish({ status: 'error', message: `${cart.name}: the farm was closed`, frames: cart.frames, cpuMs: 0 });
    const timer = this.#sliceTimer;
    this.#sliceTimer = undefined;
    await Promise.all([
      ...this.#pool.map((w) => {
        w.gone = true;
        return w.worker.terminate();
      }),
      timer?.thread.terminate(),
    ]);
    timer?.port.close();
  }
}

/** The workers' means, weighted by their preemptions. */
function meanPreemptedTurnMs(blocks: Int32Array[]): number {
  let count = 0;
  let us = 0;
  for (const block of blocks) {
    const n = Atomics.load(block, WorkerSlot.PREEMPTED);
    count += n;
    us += n * Atomics.load(block, WorkerSlot.PREEMPTED_TURN_US);
  }
  return count ? us / count / 1000 : 0;
}

function residentMb(): { rssMb?: number } {
  try {
    return { rssMb: process.memoryUsage.rss() / MB };
  } catch {
    return {};
  }
}

/** Starts a farm's workers (each compiles the Lua module once) and, when asked, its kernel sandbox. */
export async function createFarm(options: FarmOptions = {}): Promise<Farm> {
  const farm = new Farm(options);
  await farm.start();
  return farm;
}
