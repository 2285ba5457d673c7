// One cart machine: its RAM, its devices, its data banks and its Lua script, stepping one frame at
// a time in TIC-80's order. Host-agnostic: it runs on whichever thread hosts it.
import { now } from '../common/clock.js';
import { metaTag } from '../common/cart/meta-tags.js';
import { clipText } from '../common/clip-text.js';
import { FRAME_MS } from '../common/frame-rate.js';
import { CURSOR_ADDR, MOUSE_ADDR, RAM_BYTES } from '../common/memory-map.js';
import type { CompactFrameWriter } from '../common/compact-frame.js';
import type { CartData, CartSource, InputSnapshot, MessageOf, RunOptions, RunnerMessage } from '../common/protocol.js';
import type { ApiContext, ApiFunction } from './api/context.js';
import { consoleApi } from './api/console-api.js';
import { CartBanks } from './cart-banks.js';
import { loadCartIntoRam, reloadCartIntoRam, replaceSectionsInRam } from './cart-loader.js';
import { CartScript, registerScriptFunctions, type CallbackName, type CallResult, type ScriptFunctions } from './cart-script.js';
import { ConsoleEvalQueue } from './console-eval-queue.js';
import { Input, writeDefaultKeyMapping } from './input.js';
import { VmHook } from './interrupt/vm-hook.js';
import { LuaBridge } from './lua/lua-bridge.js';
import type { LuaWasm } from './lua/lua-wasm.js';
import { SoundChip } from './sound/sound-chip.js';
import { TraceThrottle } from './trace-throttle.js';
import type { VmThreadInit } from '../common/vm-link/thread-messages.js';
import type { StateLayout } from '../common/vm-link/hook-fields.js';
import { Video } from './video/video.js';

export type StepResult = 'ok' | 'error' | 'exit';

/** What the host shares with the machine: a runner's VM thread init, and maybe the hook layout proven on an earlier instance of the same module. */
export type MachineInit = VmThreadInit & { provenLayout?: StateLayout };

export interface MachineEvents {
  send(msg: RunnerMessage): void;
}

export class CartMachine {
  readonly ram: Uint8Array;
  readonly hook: VmHook;
  /** Lua heap in use after the last frame, in bytes. */
  luaMemory = 0;
  /** Milliseconds the last step() took, pauses in the debugger left out. */
  lastFrameCpuMs = 0;
  readonly #lua: LuaBridge;
  readonly #video: Video;
  readonly #input: Input;
  readonly #sound: SoundChip;
  readonly #banks: CartBanks;
  readonly #functions: ScriptFunctions;
  readonly #traces: TraceThrottle;
  readonly #evals: ConsoleEvalQueue;
  #script: CartScript;
  #ticCount = 0;
  #startedAt = 0;
  #exitRequested = false;
  #resetRequested = false;
  #pendingMenu: number | undefined;
  #frameStartedAt = 0;
  #pausedAtFrameStart = 0;
  /** The frame that stepPreemptible() left preempted, and when. */
  #preemptedFrame: { frame: CompactFrameWriter; audio: Int16Array; at: number } | undefined;

  readonly #shared: MachineInit;
  /** The cart as it runs: live coding replaces its code, which a soft reset then runs. */
  #cart: CartSource;
  readonly #options: RunOptions;
  readonly #events: MachineEvents;
  constructor(wasm: LuaWasm, shared: MachineInit, cart: CartSource, options: RunOptions, events: MachineEvents) {
    this.#events = events;
    this.#options = options;
    this.#cart = cart;
    this.#shared = shared;
    this.#lua = new LuaBridge(wasm);
    this.ram = new Uint8Array(shared.ram, 0, RAM_BYTES);
    this.#video = new Video(this.ram);
    this.#input = new Input(this.ram);
    this.#sound = new SoundChip(this.ram);
    this.#banks = new CartBanks(cart.data, cart.otherBanks);
    this.#traces = new TraceThrottle((msg) => this.#events.send(msg));
    this.#evals = new ConsoleEvalQueue((text, color) => this.#traces.trace(text, color));
    this.hook = new VmHook(
      this.#lua,
      shared.control,
      shared.debugMailbox,
      cart.name,
      { send: (msg) => this.#events.send(msg), trace: (text, color) => this.#traces.trace(text, color) },
      {
        memoryShared: wasm.shared,
        alwaysOn: shared.alwaysOnHook,
        instructionBudget: shared.instructionBudget,
        unwatched: shared.heartbeat,
        provenLayout: shared.provenLayout,
      },
    );
    this.#functions = registerScriptFunctions(this.#lua, this.hook, this.#buildApi());
    this.#script = this.#newScript();
  }

  #buildApi(): ApiFunction[] {
    const ctx: ApiContext = {
      lua: this.#lua,
      ram: this.ram,
      video: this.#video,
      input: this.#input,
      time: () => this.#time(),
      cpuShare: () => this.#cpuShare(),
      luaMemory: () => this.#script.memoryInUse(),
      trace: (text, color) => this.#traces.trace(text, color),
      requestExit: () => {
        this.#exitRequested = true;
      },
      requestReset: () => {
        this.#resetRequested = true;
      },
      sync: (mask, bank, toCart) => this.#banks.sync(this.ram, this.#video, mask, bank, toCart),
    };
    return consoleApi(ctx, this.#sound);
  }

  #newScript(): CartScript {
    return new CartScript(this.#lua, this.hook, this.#cart.name, this.#functions, this.#options.deterministic);
  }

  /** time() as the cart sees it: real time less pauses, or exactly 1000/60 ms per frame. */
  #time(): number {
    if (this.#options.deterministic) return Math.max(0, this.#ticCount - 1) * FRAME_MS;
    return now() - this.#startedAt - this.hook.pausedMs;
  }

  /**
   * stat(1): with an instruction budget, the share of it this frame has run (the same on every
   * machine); otherwise the time this frame's code has run, not counting pauses, over 1/60 s.
   */
  #cpuShare(): number {
    const budgetShare = this.hook.budgetShare();
    if (budgetShare !== undefined) return budgetShare;
    return this.#frameCpuMs() / FRAME_MS;
  }

  /** Time since the frame (or the boot) began, pauses left out. */
  #frameCpuMs(): number {
    return now() - this.#frameStartedAt - (this.hook.pausedMs - this.#pausedAtFrameStart);
  }

  /** The frame's time and instruction budget start over; a soft reset inside a frame restarts the budget only. */
  #beginFrame(): void {
    this.hook.beginFrame();
    this.#frameStartedAt = now();
    this.#pausedAtFrameStart = this.hook.pausedMs;
  }

  /** Resets RAM and sound, runs the cart's top level and BOOT. */
  boot(): StepResult {
    this.#beginFrame();
    loadCartIntoRam(this.ram, this.#video, this.#cart.data ?? {});
    writeDefaultKeyMapping(this.ram);
    this.#sound.reset();
    return this.#start();
  }

  /** Runs the script and BOOT with a fresh time base: the part of a start that reset() repeats. */
  #start(): StepResult {
    this.hook.beginFrame();
    this.#startedAt = now();
    this.#ticCount = 0;
    const script = metaTag(this.#cart.code, 'script');
    if (script !== undefined && script.toLowerCase() !== 'lua') {
      return this.#fail(`${this.#cart.name}: this cart is written in ${script}; Nibble runs Lua carts only (change the -- script: tag if it is Lua)`);
    }
    if (this.#cart.code.trim() === '') return this.#fail(`${this.#cart.name}: the code is empty`);
    const top = this.#outcome(this.#script.run(this.#cart.code));
    if (top !== 'ok') return top;
    return this.#callback('BOOT');
  }

  /**
   * reset() from Lua (TIC-80's soft reset): the cart's sections are copied into RAM again, the font
   * reloaded, and a new Lua state runs the code and BOOT. Clip, palette map, vbank, screen offset
   * and sound are left as they are (reference quirk 11).
   */
  #softReset(): StepResult {
    this.#resetRequested = false;
    this.#script.close();
    reloadCartIntoRam(this.ram, this.#video, this.#cart.data ?? {});
    this.#script = this.#newScript();
    return this.#start();
  }

  /** The mouse cursor byte of VRAM bank 0, for the host to draw the cursor (reference 3.5). */
  get cursor(): number {
    return this.#video.bankMemory(0)[CURSOR_ADDR];
  }

  /** The cart asks for relative mouse mode (bit 15 of the mouse input bytes, reference 7). */
  /** What the cart's sync() calls wrote into its banks since the last call (see CartBanks.takeWrites). */
  takeCartWrites(): { bank: number; data: CartData }[] {
    return this.#banks.takeWrites();
  }

  get relativeMouse(): boolean {
    return (this.ram[MOUSE_ADDR + 3] & 0x80) !== 0;
  }

  /** The user picked item `index` of the cart's game menu; MENU(index) runs before the next frame. */
  menu(index: number): void {
    this.#pendingMenu = index;
  }

  /** Console code; it runs before the next frame and its results or error come back as traces. */
  evaluate(code: string): void {
    this.#evals.add(code);
  }

  /**
   * Live coding, between frames: new code replaces the cart's functions (globals and RAM kept,
   * BOOT not run again), and edited data sections replace theirs in RAM and in bank 0. Code that
   * does not load leaves the old code running.
   */
  reload(code: string | undefined, data: CartData | undefined): MessageOf<RunnerMessage, 'reloaded'> {
    if (data) {
      replaceSectionsInRam(this.ram, this.#video, data);
      this.#banks.replaceBank0(data);
      this.#cart = { ...this.#cart, data: { ...this.#cart.data, ...data } };
    }
    if (code === undefined) return { type: 'reloaded' };
    const result = this.#script.reload(code);
    if (result === 'ok') {
      this.#cart = { ...this.#cart, code };
      return { type: 'reloaded' };
    }
    const failure =
      result === 'out-of-memory' ? { message: `${this.#cart.name}: out of memory while reloading the code` } : (this.#script.failure ?? { message: 'error' });
    return { type: 'reloaded', error: clipText(failure.message), ...(failure.line ? { line: failure.line } : {}) };
  }

  /**
   * One frame in TIC-80's order: the sound tick and input, TIC (and OVR), then the frame's audio
   * from the sound registers as TIC left them, then the blit with BDR and SCN, recorded into `frame`
   * as a compact frame (runner/common/compact-frame.ts).
   */
  step(snapshot: InputSnapshot, frame: CompactFrameWriter, audio: Int16Array): StepResult {
    this.#beginFrame();
    const result = this.#runFrame(snapshot, frame, audio);
    this.#traces.endFrame();
    this.lastFrameCpuMs = this.#frameCpuMs();
    return result;
  }

  /**
   * step() for a host that shares its thread between carts (a cart farm): TIC runs in a coroutine
   * that the host's watchdog may preempt (Request.PREEMPT). This then returns 'preempted', and
   * continueStep() goes on from where TIC stopped; the frame ends as step()'s would.
   */
  stepPreemptible(snapshot: InputSnapshot, frame: CompactFrameWriter, audio: Int16Array): StepResult | 'preempted' {
    this.#beginFrame();
    this.#preemptedFrame = { frame, audio, at: 0 };
    const before = this.#beforeTic(snapshot);
    if (before !== 'ok') return this.#endStep(before);
    return this.#afterPreemptibleTic(this.#script.start('TIC'));
  }

  /** Goes on with a frame that stepPreemptible() or continueStep() left preempted. */
  continueStep(): StepResult | 'preempted' {
    if (this.#preemptedFrame) this.#frameStartedAt += now() - this.#preemptedFrame.at;
    return this.#afterPreemptibleTic(this.#script.resume());
  }

  #afterPreemptibleTic(tic: CallResult | 'missing' | 'preempted'): StepResult | 'preempted' {
    const pending = this.#preemptedFrame;
    if (!pending) throw new Error('continueStep() without a preempted frame');
    if (tic === 'preempted') {
      pending.at = now();
      return 'preempted';
    }
    this.#preemptedFrame = undefined;
    return this.#endStep(this.#afterTic(tic, pending.frame, pending.audio));
  }

  #endStep(result: StepResult): StepResult {
    this.#traces.endFrame();
    this.lastFrameCpuMs = this.#frameCpuMs();
    return result;
  }

  #runFrame(snapshot: InputSnapshot, frame: CompactFrameWriter, audio: Int16Array): StepResult {
    const before = this.#beforeTic(snapshot);
    if (before !== 'ok') return before;
    return this.#afterTic(this.#script.call('TIC'), frame, audio);
  }

  #beforeTic(snapshot: InputSnapshot): StepResult {
    if (this.#resetRequested) {
      const reset = this.#softReset();
      if (reset !== 'ok') return reset;
    }
    this.#banks.beginFrame();
    this.#sound.tick();
    this.#input.beginFrame(snapshot);
    if (this.#pendingMenu !== undefined) {
      const index = this.#pendingMenu;
      this.#pendingMenu = undefined;
      const menu = this.#callback('MENU', index);
      if (menu !== 'ok') return menu;
    }
    this.#evals.runAll(this.#script);
    this.#ticCount++;
    return 'ok';
  }

  #afterTic(tic: CallResult | 'missing', frame: CompactFrameWriter, audio: Int16Array): StepResult {
    if (tic === 'missing') return this.#fail("'function TIC()...' isn't found :(");
    const ticResult = this.#outcome(tic);
    if (ticResult !== 'ok') return ticResult;
    const overlay = this.#overlay();
    if (overlay !== 'ok') return overlay;
    this.#input.endFrame();
    // A headless host that takes no audio gets silence: its samples would only be thrown away.
    if (this.#options.output?.audio !== false) this.#sound.synthesize(audio);
    const blit = this.#blit(frame);
    if (blit !== 'ok') return blit;
    // The wasm memory's maximum stops a runaway frame; this keeps a cart that catches its
    // allocation errors with pcall from living at the limit.
    this.luaMemory = this.#script.memoryInUse();
    if (this.luaMemory > this.#shared.memoryLimitBytes) return this.#outOfMemory();
    return this.#exitRequested ? 'exit' : 'ok';
  }

  /** OVR (deprecated but on in TIC-80): drawn on vbank 1, cleared to colour 0 first. */
  #overlay(): StepResult {
    if (!this.#script.isFunction('OVR')) return 'ok';
    const cursor = this.ram[CURSOR_ADDR];
    const previous = this.#video.vbank(1);
    this.ram[CURSOR_ADDR] = cursor;
    this.#video.cls(0);
    const result = this.#callback('OVR');
    this.#video.vbank(previous);
    return result;
  }

  #blit(frame: CompactFrameWriter): StepResult {
    const hasBdr = this.#script.isFunction('BDR');
    const hasScn = this.#script.isFunction('SCN');
    const hasScanline = this.#script.isFunction('scanline');
    if (!hasBdr && !hasScn && !hasScanline) {
      this.#video.blit(frame);
      return 'ok';
    }
    let failure: StepResult = 'ok';
    const row = (name: CallbackName) => (n: number) => {
      if (failure === 'ok') failure = this.#callback(name, n);
    };
    const bdr = row('BDR');
    const scn = row('SCN');
    const scanline = row('scanline');
    this.#video.blit(frame, {
      ...(hasBdr ? { bdr } : {}),
      ...(hasScn || hasScanline
        ? {
            scn: (n: number) => {
              if (hasScn) scn(n);
              if (hasScanline) scanline(n);
            },
          }
        : {}),
    });
    return failure;
  }

  /** Calls an optional callback; a missing one is fine. */
  #callback(name: CallbackName, arg?: number): StepResult {
    const result = this.#script.call(name, arg);
    return result === 'missing' ? 'ok' : this.#outcome(result);
  }

  #outcome(result: CallResult): StepResult {
    if (result === 'ok') return 'ok';
    if (result === 'out-of-memory') return this.#outOfMemory();
    const { message, line, traceback } = this.#script.failure ?? { message: 'error' };
    this.#events.send({ type: 'error', message: clipText(message), ...(line ? { line } : {}), ...(traceback ? { traceback: clipText(traceback) } : {}) });
    return 'error';
  }

  #outOfMemory(): 'error' {
    const limitMb = Math.round(this.#shared.memoryLimitBytes / (1024 * 1024));
    return this.#fail(`${this.#cart.name}: out of memory: the cart's Lua heap reached its limit of ${limitMb} MB`);
  }

  #fail(message: string): 'error' {
    this.#events.send({ type: 'error', message: clipText(message) });
    return 'error';
  }
}
