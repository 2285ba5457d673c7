// One worker thread of a cart farm, whatever hosts it: many cart machines, each with its own Lua
// VM (its own wasm instance, RAM and hook), run by turns in time slices. A cart runs frames until
// its slice is over, or until the farm's slice timer preempts its frame (Request.PREEMPT: the
// frame then goes on at its next turn, exactly where it stopped). Carts with no frames asked for are in
// no queue and cost nothing: with none left the worker waits for messages.
import { now } from '../../common/clock.js';
import { clipText } from '../../common/clip-text.js';
import { CompactFrame, CompactFrameWriter } from '../../common/compact-frame.js';
import { framePixels } from '../../common/compose-frame.js';
import type { FarmCartInit, FarmCartStatus, FromFarmWorker, ToFarmWorker } from '../../common/farm/farm-messages.js';
import { farmClock, WorkerSlot } from '../../common/farm/farm-messages.js';
import { WAKE, type ToSliceTimer } from '../../common/farm/slice-timer.js';
import { scheduledInput } from '../../common/input-schedule.js';
import { RAM_BYTES } from '../../common/memory-map.js';
import { AUDIO_SAMPLES, type InputSnapshot, type RunnerMessage } from '../../common/protocol.js';
import { Request, Slot } from '../../common/vm-link/control-block.js';
import type { StateLayout } from '../../common/vm-link/hook-fields.js';
import type { LuaWasm } from '../lua/lua-wasm.js';
import { CartMachine, type MachineInit, type StepResult } from '../machine.js';

const NO_INPUT: InputSnapshot = { gamepads: 0, mouseX: 0, mouseY: 0, mouseButtons: 0, scrollX: 0, scrollY: 0, keys: [] };

export interface FarmWorkerPort {
  post(msg: FromFarmWorker, transfer?: ArrayBuffer[]): void;
  onMessage(cb: (msg: ToFarmWorker) => void): void;
  /** Runs cb after the messages already waiting (setImmediate in Node). */
  later(cb: () => void): void;
  /** A message for the farm's slice timer (the worker then wakes it). */
  tellTimer(msg: ToSliceTimer): void;
}

export interface FarmWorkerOptions {
  /** How long a cart runs before the next one gets its turn. */
  sliceMs: number;
  /** The farm's clock origin (farmClock). */
  origin: number;
  /** A frame busy for longer than this in all (its slices added up) ends the cart as hung. */
  hangMs: number;
}

/** A new Lua VM whose heap may grow to memoryLimitBytes. */
export type CreateLuaWasm = (memoryLimitBytes: number) => Promise<LuaWasm & { patchErrors: string[] }>;

interface FarmCart {
  init: FarmCartInit;
  machine: CartMachine;
  /** Frames completed. */
  frames: number;
  /** Frames asked for and not yet run. */
  pending: number;
  paused: boolean;
  /** Milliseconds the current frame has run so far, over all its slices; undefined between frames. */
  frameMs: number | undefined;
  cpuMs: number;
  error: { message: string; line?: number } | undefined;
  queued: boolean;
}

export class FarmWorker {
  readonly #carts = new Map<number, FarmCart>();
  readonly #queue: FarmCart[] = [];
  #running = false;
  /** Messages handled so far: the main thread knows the worker is idle when it has handled all it sent. */
  #handled = 0;
  /**
   * Where every cart's blit records its frame: one writer serves all, since only TIC is preempted and
   * a blit runs whole; only frames that leave the worker are composed to RGBA.
   */
  readonly #screen = new CompactFrameWriter();
  readonly #scratchAudio = new Int16Array(AUDIO_SAMPLES);
  /** Preempted turns so far, and their time added up. */
  readonly #preempted = { count: 0, ms: 0 };
  /** Time spent in carts' turns so far. */
  #slicesMs = 0;
  /** Where this build's lua_State keeps its hook fields, found and proven once. */
  #provenLayout: StateLayout | undefined;

  readonly #port: FarmWorkerPort;
  readonly #createWasm: CreateLuaWasm;
  readonly #block: Int32Array;
  readonly #wake: Int32Array;
  readonly #options: FarmWorkerOptions;
  /** block: this worker's slice block; wake: the slice timer's (slice-timer.ts), bumped at each slice's start. */
  constructor(port: FarmWorkerPort, createWasm: CreateLuaWasm, block: Int32Array, wake: Int32Array, options: FarmWorkerOptions) {
    this.#options = options;
    this.#wake = wake;
    this.#block = block;
    this.#createWasm = createWasm;
    this.#port = port;
    // Adds are chained so that carts start in the order they came, and steps find their cart.
    let adding = Promise.resolve();
    port.onMessage((msg) => {
      adding = adding.then(async () => {
        if (msg.type === 'add') await this.#add(msg);
        else this.#command(msg);
        this.#handled++;
        if (!this.#running) this.#port.post({ type: 'idle', handled: this.#handled });
      });
    });
  }

  #command(msg: Exclude<ToFarmWorker, { type: 'add' }>): void {
    const cart = this.#carts.get(msg.id);
    if (!cart) return;
    switch (msg.type) {
      case 'step':
        cart.pending += msg.frames;
        if (cart.pending === 0) this.#port.post({ type: 'stepped', id: cart.init.id, frames: cart.frames, cpuMs: cart.cpuMs });
        break;
      case 'pause':
        cart.paused = true;
        break;
      case 'resume':
        cart.paused = false;
        break;
      case 'kill':
        this.#carts.delete(msg.id);
        return;
    }
    this.#schedule(cart);
  }

  async #add(init: FarmCartInit): Promise<void> {
    const started = now();
    const slicesBefore = this.#slicesMs;
    // Other carts' turns may run while the VM is instantiated: their time is not this cart's.
    const createMs = () => now() - started - (this.#slicesMs - slicesBefore);
    let machine: CartMachine;
    const events = { send: (m: RunnerMessage) => this.#machineMessage(init.id, m) };
    try {
      const wasm = await this.#createWasm(init.memoryLimitBytes);
      // The farm has no debugger, so no mailbox; the hook layout is the build's, proven by the first cart.
      const shared: MachineInit = {
        control: init.control,
        ram: new SharedArrayBuffer(RAM_BYTES),
        heartbeat: false,
        alwaysOnHook: false,
        memoryLimitBytes: init.memoryLimitBytes,
        instructionBudget: 0,
        provenLayout: this.#provenLayout,
      };
      machine = new CartMachine(wasm, shared, init.cart, { deterministic: init.deterministic, pacing: 'fast' }, events);
      const layout = machine.hook.layout;
      this.#provenLayout ??= layout ?? undefined;
      const remote = layout ? { memory: wasm.x.memory, layout, hookFn: machine.hook.fn } : undefined;
      this.#port.tellTimer({ type: 'cart', id: init.id, control: init.control, ...(remote ? { remote } : {}) });
      this.#wakeTimer();
      this.#port.post({
        type: 'added',
        id: init.id,
        createMs: createMs(),
        ...(remote ? { remote } : {}),
      });
    } catch (err) {
      this.#port.post({ type: 'added', id: init.id, createMs: createMs() });
      this.#port.post({
        type: 'ended',
        id: init.id,
        frames: 0,
        cpuMs: 0,
        status: 'error',
        message: clipText(`${init.cart.name}: the Lua VM failed to start: ${(err as Error).message}`),
      });
      return;
    }
    const cart: FarmCart = {
      init,
      machine,
      frames: 0,
      pending: init.frames,
      paused: false,
      frameMs: undefined,
      cpuMs: 0,
      error: undefined,
      queued: false,
    };
    this.#carts.set(init.id, cart);
    const boot = this.#timed(() => this.#run(cart, () => this.#guarded(cart, () => machine.boot())));
    if (boot !== 'ok') {
      this.#end(cart, boot);
      return;
    }
    this.#schedule(cart);
  }

  /** A cart's turn (a slice, or its boot), its time added up. */
  #timed<T>(turn: () => T): T {
    const started = now();
    try {
      return turn();
    } finally {
      this.#slicesMs += now() - started;
    }
  }

  /** Runs cart code with the slice block saying whose it is, so the slice timer can preempt it and the watchdog stop it. */
  #run<T>(cart: FarmCart, body: () => T): T {
    // A preemption the slice timer asked for after the cart's last turn had ended is not for this one.
    Atomics.compareExchange(cart.init.control, Slot.REQUEST, Request.PREEMPT, Request.NONE);
    Atomics.store(this.#block, WorkerSlot.STARTED_MS, farmClock(this.#options.origin));
    Atomics.add(this.#block, WorkerSlot.SLICE, 1);
    Atomics.store(this.#block, WorkerSlot.CART, cart.init.id + 1);
    this.#wakeTimer();
    try {
      return body();
    } finally {
      Atomics.store(this.#block, WorkerSlot.CART, 0);
    }
  }

  #wakeTimer(): void {
    Atomics.add(this.#wake, WAKE, 1);
    Atomics.notify(this.#wake, WAKE);
  }

  /** A fault of the VM itself (a WebAssembly trap) ends its cart only. */
  #guarded<T extends StepResult | 'preempted'>(cart: FarmCart, body: () => T): T | 'error' {
    try {
      return body();
    } catch (err) {
      cart.error ??= { message: clipText(`${cart.init.cart.name}: the Lua VM failed: ${(err as Error).message}`) };
      return 'error';
    }
  }

  #machineMessage(id: number, msg: RunnerMessage): void {
    const cart = this.#carts.get(id);
    if (msg.type === 'trace') this.#port.post({ type: 'trace', id, text: msg.text, color: msg.color });
    else if (msg.type === 'error' && cart) cart.error ??= { message: msg.message, ...(msg.line ? { line: msg.line } : {}) };
  }

  #schedule(cart: FarmCart): void {
    if (cart.queued || cart.paused || cart.pending === 0 || !this.#carts.has(cart.init.id)) return;
    cart.queued = true;
    this.#queue.push(cart);
    if (!this.#running) {
      this.#running = true;
      this.#port.later(() => this.#turn());
    }
  }

  /** One slice of the cart at the head of the queue, then back to the event loop for messages. */
  #turn(): void {
    const cart = this.#queue.shift();
    if (!cart) {
      this.#running = false;
      this.#port.post({ type: 'idle', handled: this.#handled });
      return;
    }
    cart.queued = false;
    if (this.#carts.get(cart.init.id) === cart && !cart.paused) {
      const started = now();
      if (this.#timed(() => this.#slice(cart)) === 'preempted') this.#preemptedTurn(now() - started);
    }
    if (cart.pending > 0) this.#schedule(cart);
    this.#port.later(() => this.#turn());
  }

  /** How long the turns that ended in a preemption last, on average, where the main thread can read it. */
  #preemptedTurn(ms: number): void {
    this.#preempted.count++;
    this.#preempted.ms += ms;
    Atomics.store(this.#block, WorkerSlot.PREEMPTED, this.#preempted.count);
    Atomics.store(this.#block, WorkerSlot.PREEMPTED_TURN_US, Math.round((this.#preempted.ms / this.#preempted.count) * 1000));
  }

  /** Runs the cart's frames until its slice is over; 'preempted' when its last frame was. */
  #slice(cart: FarmCart): 'preempted' | undefined {
    const sliceEnd = now() + this.#options.sliceMs;
    return this.#run(cart, () => {
      while (cart.pending > 0 && this.#carts.get(cart.init.id) === cart) {
        const started = now();
        const result = this.#guarded(cart, () => this.#frame(cart));
        const time = now();
        if (result === 'preempted') {
          cart.frameMs = (cart.frameMs ?? 0) + (time - started);
          // Past its hang limit, the frame's next turn stops it at once (the hook raises errors).
          if (cart.frameMs > this.#options.hangMs) Atomics.store(cart.init.control, Slot.REQUEST, Request.STOP);
          return 'preempted';
        }
        cart.frameMs = undefined;
        if (result !== 'ok') {
          this.#end(cart, result);
          return undefined;
        }
        if (time >= sliceEnd) return undefined;
      }
      return undefined;
    });
  }

  /** Starts or goes on with the cart's current frame. */
  #frame(cart: FarmCart): StepResult | 'preempted' {
    const { machine } = cart;
    if (cart.frameMs !== undefined) return this.#frameDone(cart, machine.continueStep());
    const schedule = cart.init.inputSchedule;
    const input = schedule ? scheduledInput(schedule, cart.frames + 1) : NO_INPUT;
    cart.frameMs = 0;
    return this.#frameDone(cart, machine.stepPreemptible(input, this.#screen, this.#scratchAudio));
  }

  #frameDone(cart: FarmCart, result: StepResult | 'preempted'): StepResult | 'preempted' {
    if (result !== 'ok' && result !== 'exit') return result;
    cart.frames++;
    cart.pending--;
    cart.cpuMs += cart.machine.lastFrameCpuMs;
    const pixels = () => framePixels(CompactFrame.of(this.#screen.finish()));
    if (cart.init.everyFrame && cart.pending > 0) {
      const frame = pixels();
      this.#port.post({ type: 'frame', id: cart.init.id, index: cart.frames, pixels: frame }, [frame.buffer as ArrayBuffer]);
    } else if (cart.pending === 0 || result === 'exit') {
      const frame = pixels();
      this.#port.post({ type: 'stepped', id: cart.init.id, frames: cart.frames, cpuMs: cart.cpuMs, pixels: frame }, [frame.buffer as ArrayBuffer]);
    }
    return result;
  }

  /** The cart's run is over: how, to the main thread; its VM goes with it. */
  #end(cart: FarmCart, result: StepResult): void {
    this.#carts.delete(cart.init.id);
    const control = cart.init.control;
    let status: Exclude<FarmCartStatus, 'ok'> = result === 'exit' ? 'exit' : 'error';
    let message = cart.error?.message;
    let line = cart.error?.line;
    if (result === 'error' && Atomics.load(control, Slot.REQUEST) === Request.STOP) {
      status = 'hung';
      const at = Atomics.load(control, Slot.LINE);
      line = at > 0 ? at : undefined;
      message = `${cart.init.cart.name}: a frame stayed busy for over ${this.#options.hangMs} ms${line ? ` at line ${line}` : ''}`;
    }
    this.#port.post({
      type: 'ended',
      id: cart.init.id,
      frames: cart.frames,
      cpuMs: cart.cpuMs,
      status,
      ...(message ? { message } : {}),
      ...(line ? { line } : {}),
    });
  }
}
