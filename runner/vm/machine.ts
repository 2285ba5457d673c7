// One cart machine: its RAM, its devices and its Lua VM, stepping one frame at a time in TIC-80's
// order (input, TIC, OVR, blit with BDR/SCN). Host-agnostic: it runs on whichever thread hosts it.
import type { CartSource, InputSnapshot, RunOptions, RunnerMessage } from '../common/protocol.js';
import { graphicsApi } from './api/graphics-api.js';
import { inputApi } from './api/input-api.js';
import { memoryApi } from './api/memory-api.js';
import { soundApi } from './api/sound-api.js';
import { systemApi } from './api/system-api.js';
import type { ApiContext } from './api/context.js';
import { loadCartIntoRam } from './cart-loader.js';
import { Input, writeDefaultKeyMapping } from './input.js';
import { VmHook } from './interrupt/vm-hook.js';
import { LuaBridge, LuaType, LUA_ERRMEM, LUA_OK } from './lua/lua-bridge.js';
import type { LuaState, LuaWasm } from './lua/lua-wasm.js';
import { installSandbox, type Sandbox } from './lua/sandbox.js';
import { RAM_SIZE, CURSOR_ADDR } from './ram-map.js';
import { SoundChip } from './sound/sound-chip.js';
import type { VmThreadInit } from './thread-messages.js';
import { Video } from './video/video.js';

const FRAME_MS = 1000 / 60;
const MAX_TRACES_PER_FRAME = 100;
const MAX_TRACE_CHARS = 4096;

export type StepResult = 'ok' | 'error' | 'exit';

export interface MachineEvents {
  send(msg: RunnerMessage): void;
}

export class CartMachine {
  readonly ram: Uint8Array;
  readonly hook: VmHook;
  private readonly lua: LuaBridge;
  private readonly L: LuaState;
  private readonly video: Video;
  private readonly input: Input;
  private readonly sound: SoundChip;
  private readonly sandbox: Sandbox;
  private readonly chunkName: string;
  private readonly tracebackFn: number;
  private ticCount = 0;
  private startedAt = 0;
  private exitRequested = false;
  private tracesThisFrame = 0;
  private tracesDropped = 0;

  constructor(
    wasm: LuaWasm,
    private readonly shared: VmThreadInit,
    private readonly cart: CartSource,
    private readonly options: RunOptions,
    private readonly events: MachineEvents,
  ) {
    this.lua = new LuaBridge(wasm);
    this.ram = new Uint8Array(shared.ram, 0, RAM_SIZE);
    this.video = new Video(this.ram);
    this.input = new Input(this.ram);
    this.sound = new SoundChip(this.ram);
    this.chunkName = cart.name;
    this.L = this.lua.x.luaL_newstate();
    this.hook = new VmHook(this.lua, this.L, shared.control, this.chunkName, {
      paused: (line, stack) => this.events.send({ type: 'paused', ...(line ? { line } : {}), stack }),
      resumed: () => this.events.send({ type: 'resumed' }),
    }, wasm.shared, shared.alwaysOnHook);
    this.sandbox = installSandbox(this.lua, this.L, {
      enter: (S) => this.hook.enter(S),
      leave: (S) => this.hook.leave(S),
    }, options.deterministic);
    this.tracebackFn = this.lua.addFunction((S) => this.traceback(S));
    this.registerApi();
  }

  private registerApi(): void {
    const ctx: ApiContext = {
      lua: this.lua,
      ram: this.ram,
      video: this.video,
      input: this.input,
      time: () => this.time(),
      trace: (text, color) => this.trace(text, color),
      requestExit: () => {
        this.exitRequested = true;
      },
    };
    for (const api of [graphicsApi(ctx), inputApi(ctx), memoryApi(ctx), soundApi(ctx, this.sound), systemApi(ctx)]) {
      for (const { name, fn } of api) this.lua.setGlobalFunction(this.L, name, fn);
    }
  }

  /** trace() output, limited per frame so that a cart tracing in a loop cannot flood the host. */
  private trace(text: string, color: number): void {
    if (this.tracesThisFrame >= MAX_TRACES_PER_FRAME) {
      this.tracesDropped++;
      return;
    }
    this.tracesThisFrame++;
    const line = text.length > MAX_TRACE_CHARS ? `${text.slice(0, MAX_TRACE_CHARS)}…` : text;
    this.events.send({ type: 'trace', text: line, color });
  }

  private endTraceFrame(): void {
    if (this.tracesDropped > 0) {
      this.events.send({ type: 'trace', text: `… ${this.tracesDropped} more trace lines this frame were dropped (at most ${MAX_TRACES_PER_FRAME} a frame)`, color: 14 });
    }
    this.tracesThisFrame = 0;
    this.tracesDropped = 0;
  }

  /** time() as the cart sees it: real time less pauses, or exactly 1000/60 ms per frame. */
  private time(): number {
    if (this.options.deterministic) return Math.max(0, this.ticCount - 1) * FRAME_MS;
    return performance.now() - this.startedAt - this.hook.pausedMs;
  }

  /** Lua heap in use after the last frame, in bytes. */
  luaMemory = 0;

  private outOfMemory(): 'error' {
    const limitMb = Math.round(this.shared.memoryLimitBytes / (1024 * 1024));
    return this.fail(`${this.chunkName}: out of memory: the cart's Lua heap reached its limit of ${limitMb} MB`);
  }

  /** Resets RAM, runs the cart's top level and BOOT. */
  boot(): StepResult {
    loadCartIntoRam(this.ram, this.video, this.cart.data ?? {});
    writeDefaultKeyMapping(this.ram);
    this.sound.reset();
    this.startedAt = performance.now();
    if (this.cart.code.trim() === '') return this.fail('the code is empty');
    const x = this.lua.x;
    const L = this.L;
    x.lua_settop(L, 0);
    if (this.lua.load(L, this.cart.code, `=${this.chunkName}`) !== LUA_OK) {
      const message = this.lua.toText(L, -1) ?? 'syntax error';
      x.lua_settop(L, 0);
      return this.fail(message);
    }
    const status = this.protectedCall(0);
    if (status !== 'ok') return status;
    const boot = this.callGlobal('BOOT');
    return boot === 'missing' ? 'ok' : boot;
  }

  /**
   * One frame in TIC-80's order: the sound tick and input, TIC (and OVR), then the frame's audio
   * from the sound registers as TIC left them, then the blit with BDR and SCN.
   */
  step(snapshot: InputSnapshot, frame: Uint8Array, audio: Int16Array): StepResult {
    const result = this.runFrame(snapshot, frame, audio);
    this.endTraceFrame();
    return result;
  }

  private runFrame(snapshot: InputSnapshot, frame: Uint8Array, audio: Int16Array): StepResult {
    this.sound.tick();
    this.input.beginFrame(snapshot);
    this.ticCount++;
    const tic = this.callGlobal('TIC');
    if (tic === 'missing') return this.fail("'function TIC()...' isn't found :(");
    if (tic !== 'ok') return tic;
    const overlay = this.overlay();
    if (overlay !== 'ok') return overlay;
    this.input.endFrame();
    this.sound.synthesize(audio);
    const blit = this.blit(frame);
    if (blit !== 'ok') return blit;
    // The wasm memory's maximum stops a runaway frame; this keeps a cart that catches its
    // allocation errors with pcall from living at the limit.
    this.luaMemory = this.sandbox.memoryInUse();
    if (this.luaMemory > this.shared.memoryLimitBytes) return this.outOfMemory();
    return this.exitRequested ? 'exit' : 'ok';
  }

  /** OVR (deprecated but on in TIC-80): drawn on vbank 1, cleared to colour 0 first. */
  private overlay(): StepResult {
    if (!this.isFunction('OVR')) return 'ok';
    const cursor = this.ram[CURSOR_ADDR];
    const previous = this.video.vbank(1);
    this.ram[CURSOR_ADDR] = cursor;
    this.video.cls(0);
    const result = this.callGlobal('OVR');
    this.video.vbank(previous);
    return result === 'missing' ? 'ok' : result;
  }

  private blit(frame: Uint8Array): StepResult {
    const hasBdr = this.isFunction('BDR');
    const hasScn = this.isFunction('SCN');
    const hasScanline = this.isFunction('scanline');
    if (!hasBdr && !hasScn && !hasScanline) {
      this.video.blit(frame);
      return 'ok';
    }
    let failure: StepResult = 'ok';
    const row = (name: string) => (n: number) => {
      if (failure !== 'ok') return;
      const result = this.callGlobal(name, n);
      if (result === 'error' || result === 'exit') failure = result;
    };
    const bdr = row('BDR');
    const scn = row('SCN');
    const scanline = row('scanline');
    this.video.blit(frame, {
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

  private isFunction(name: string): boolean {
    const x = this.lua.x;
    const type = x.lua_getglobal(this.L, this.lua.name(name));
    x.lua_settop(this.L, -2);
    return type === LuaType.FUNCTION;
  }

  /** Calls a global callback if it is a function; errors are reported. */
  private callGlobal(name: string, arg?: number): StepResult | 'missing' {
    const x = this.lua.x;
    const L = this.L;
    x.lua_settop(L, 0);
    if (x.lua_getglobal(L, this.lua.name(name)) !== LuaType.FUNCTION) {
      x.lua_settop(L, 0);
      return 'missing';
    }
    if (arg !== undefined) x.lua_pushinteger(L, BigInt(arg));
    this.hook.entry = name;
    return this.protectedCall(arg !== undefined ? 1 : 0);
  }

  /** Calls the function below nargs arguments with a traceback handler; the stack is left empty. */
  private protectedCall(nargs: number): StepResult {
    const x = this.lua.x;
    const L = this.L;
    const fnIndex = x.lua_gettop(L) - nargs;
    x.lua_pushcclosure(L, this.tracebackFn, 0);
    x.lua_rotate(L, fnIndex, 1);
    this.hook.beginCode();
    const status = x.lua_pcallk(L, nargs, 0, fnIndex, 0, 0);
    this.hook.endCode();
    if (status === LUA_OK) {
      x.lua_settop(L, 0);
      return 'ok';
    }
    if (status === LUA_ERRMEM) {
      x.lua_settop(L, 0);
      return this.outOfMemory();
    }
    const report = this.lua.toText(L, -1) ?? 'error';
    x.lua_settop(L, 0);
    return this.fail(report);
  }

  /** Message handler: the error text followed by Lua's traceback. */
  private traceback(L: LuaState): number {
    const x = this.lua.x;
    const type = x.lua_type(L, 1);
    const message =
      type === LuaType.STRING || type === LuaType.NUMBER
        ? (this.lua.toText(L, 1) ?? '')
        : `(error object is a ${['nil', 'boolean', 'userdata', 'number', 'string', 'table', 'function', 'userdata', 'thread'][type] ?? 'unknown'} value)`;
    this.lua.pushString(L, message);
    x.luaL_traceback(L, L, x.lua_tolstring(L, -1, 0), 1);
    return 1;
  }

  private fail(report: string): 'error' {
    const split = report.indexOf('\nstack traceback:');
    const message = split >= 0 ? report.slice(0, split) : report;
    const traceback = split >= 0 ? report.slice(split + 1) : undefined;
    const line = this.lineOf(message) ?? (traceback ? this.lineOf(traceback) : undefined);
    this.events.send({ type: 'error', message, ...(line ? { line } : {}), ...(traceback ? { traceback } : {}) });
    return 'error';
  }

  /** The first "cart.lua:LINE:" position in a text. */
  private lineOf(text: string): number | undefined {
    const escaped = this.chunkName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const match = new RegExp(`(?:^|\\s)${escaped}:(\\d+):`).exec(text);
    return match ? Number(match[1]) : undefined;
  }
}
