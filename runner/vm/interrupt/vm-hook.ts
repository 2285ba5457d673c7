// The VM thread's side of interrupts: the count hook that the watchdog arms from outside (or that
// stays on, to count a frame's instructions against a budget), and the bookkeeping that tells the
// watchdog which coroutine runs. The hook pauses the VM thread in place
// (it blocks inside the hook) instead of yielding: that works at any instruction, including inside
// Lua functions called back from C (sort comparators, gsub callbacks), where a yield is impossible,
// and nothing is thrown that a cart's pcall could catch.
import type { StackFrame } from '../../common/protocol.js';
import { DEBUG_CURRENT_LINE, DEBUG_INFO_SIZE, DEBUG_NAME, DEBUG_SHORT_SRC, LUA_REGISTRYINDEX, LUA_TYPE_NAMES, LuaBridge, LuaType } from '../lua/lua-bridge.js';
import type { LuaState } from '../lua/lua-wasm.js';
import { Request, Slot } from '../../common/vm-link/control-block.js';
import { armHook, LUA_MASKCOUNT, type StateLayout } from '../../common/vm-link/hook-fields.js';
import { discoverStateLayout } from './state-layout.js';

const ALWAYS_ON_COUNT = 1000;
const MAX_STACK_FRAMES = 64;
const MAX_LOCALS = 64;
const MAX_VALUE_TEXT = 80;

/** lua_Debug field offsets; the start-up self-test checks them by reading back a known line. */
const AR = { name: DEBUG_NAME, currentLine: DEBUG_CURRENT_LINE, shortSrc: DEBUG_SHORT_SRC, size: DEBUG_INFO_SIZE };

export interface HookEvents {
  paused(line: number | undefined, stack: StackFrame[]): void;
  resumed(): void;
}

export interface HookOptions {
  /** The VM's memory is shared, so the watchdog can arm the hook from its thread. */
  memoryShared: boolean;
  /** Keep the count hook on all the time instead of arming it on demand. */
  alwaysOn: boolean;
  /** Lua instructions a frame may run, counted in steps of ALWAYS_ON_COUNT; 0 for no budget. */
  instructionBudget: number;
  /** No thread watches this one's memory (VmThreadInit.heartbeat): no hook at all. */
  unwatched: boolean;
}

export class VmHook {
  readonly fn: number;
  readonly layout: StateLayout | null;
  /** Whether the count hook is set on the cart's state all the time. */
  readonly alwaysOn: boolean;
  readonly note: string | undefined;
  readonly #ar: number;
  /** What the Lua hook runs: #serveHook, except while the self-test puts its own probe here. */
  #onHook: (L: LuaState) => void = (L) => this.#serveHook(L);
  #anchors: number[] = [];
  #mainThread: LuaState = 0;
  /** What the runner called into the cart last: 'main chunk', 'TIC', 'BOOT', ... */
  entry = 'main chunk';
  #pausedTotal = 0;
  readonly #budget: number;
  /** Instructions run since beginFrame, in whole steps of the hook's count. */
  #spent = 0;

  readonly #lua: LuaBridge;
  readonly #control: Int32Array;
  readonly #cartSource: string;
  readonly #events: HookEvents;
  constructor(lua: LuaBridge, control: Int32Array, cartSource: string, events: HookEvents, options: HookOptions) {
    this.#events = events;
    this.#cartSource = cartSource;
    this.#control = control;
    this.#lua = lua;
    this.#ar = lua.x.malloc(AR.size);
    this.fn = lua.addHookFunction((L) => this.#onHook(L));
    this.#budget = options.instructionBudget;
    let layout: StateLayout | null = null;
    let note: string | undefined;
    if (options.unwatched && this.#budget === 0 && !options.alwaysOn) {
      note = 'this page cannot share memory between threads (it is not cross-origin isolated): a hung frame can be stopped, not paused';
    } else if (this.#budget > 0) note = `a budget of ${this.#budget} instructions a frame keeps the count hook on`;
    else if (options.alwaysOn) note = 'the host asked for an always-on hook';
    else if (!options.memoryShared) note = 'the VM memory could not be shared with the watchdog';
    else {
      // The layout is the build's, the same for every state: find and prove it on a scratch one.
      const scratch = lua.x.luaL_newstate();
      layout = discoverStateLayout(lua, scratch, this.fn);
      if (!layout) note = 'the lua_State hook fields were not where Lua 5.4 keeps them';
      else if (!this.#selfTest(scratch, layout)) {
        note = 'arming the hook from outside did not interrupt a test loop';
        layout = null;
      }
      lua.x.lua_close(scratch);
    }
    this.layout = layout;
    this.alwaysOn = !layout && !(options.unwatched && this.#budget === 0 && !options.alwaysOn);
    this.note = note;
  }

  /** The cart's (new) main Lua state: the thread the watchdog arms between coroutines. */
  attach(L: LuaState): void {
    this.#mainThread = L;
    Atomics.store(this.#control, Slot.THREAD, L);
    if (this.alwaysOn) this.#lua.x.lua_sethook(L, this.fn, LUA_MASKCOUNT, ALWAYS_ON_COUNT);
  }

  /** Milliseconds the cart has spent paused, to leave out of time(). */
  get pausedMs(): number {
    return this.#pausedTotal;
  }

  /** A frame (or the boot: top level and BOOT) starts, with a full instruction budget. */
  beginFrame(): void {
    this.#spent = 0;
  }

  /** With a budget: the share of it this frame has run so far, in steps of the hook's count. */
  budgetShare(): number | undefined {
    return this.#budget > 0 ? this.#spent / this.#budget : undefined;
  }

  /** The cart's code starts running (top level, BOOT, a frame). */
  beginCode(): void {
    Atomics.add(this.#control, Slot.SEQ, 1);
    Atomics.store(this.#control, Slot.PHASE, 1);
  }

  /** The cart's code has returned control to the runner. */
  endCode(): void {
    Atomics.store(this.#control, Slot.PHASE, 0);
    Atomics.store(this.#control, Slot.THREAD, this.#mainThread);
    // The watchdog may be writing into a coroutine it read from THREAD just before; that coroutine
    // stays anchored (so its memory stays valid) until the watchdog is done.
    while (Atomics.load(this.#control, Slot.ARMING) !== 0) Atomics.wait(this.#control, Slot.ARMING, 1, 5);
    if (this.#anchors.length > 0) {
      for (const ref of this.#anchors) this.#lua.x.luaL_unref(this.#mainThread, LUA_REGISTRYINDEX, ref);
      this.#anchors = [];
    }
  }

  /** coroutine.resume is about to run the coroutine at index 1 of L's stack. */
  enter(L: LuaState): number {
    const co = this.#lua.x.lua_tothread(L, 1);
    if (co !== 0) {
      this.#lua.x.lua_pushvalue(L, 1);
      this.#anchors.push(this.#lua.x.luaL_ref(L, LUA_REGISTRYINDEX));
      Atomics.store(this.#control, Slot.THREAD, co);
    }
    return 0;
  }

  /** Control is back in L after a resume; passes its arguments through. */
  leave(L: LuaState): number {
    Atomics.store(this.#control, Slot.THREAD, L);
    return this.#lua.x.lua_gettop(L);
  }

  #serveHook(L: LuaState): void {
    if (this.layout) this.#lua.x.lua_sethook(L, 0, 0, 0);
    else if (this.#budget > 0) {
      this.#spent += ALWAYS_ON_COUNT;
      if (this.#spent > this.#budget) this.#overBudget(L);
    }
    const request = Atomics.load(this.#control, Slot.REQUEST);
    if (request === Request.NONE) return;
    const line = this.#cartLine(L);
    Atomics.store(this.#control, Slot.LINE, line ?? 0);
    if (request === Request.BREAK) this.#pause(L, line);
    Atomics.store(this.#control, Slot.REQUEST, Request.NONE);
    Atomics.add(this.#control, Slot.ACK, 1);
    Atomics.notify(this.#control, Slot.ACK);
  }

  /**
   * Ends the frame for good: the line goes to the watchdog, which ends this thread. Waiting here
   * rather than raising an error leaves the cart's pcall nothing to catch.
   */
  #overBudget(L: LuaState): never {
    Atomics.store(this.#control, Slot.LINE, this.#cartLine(L) ?? 0);
    Atomics.store(this.#control, Slot.OVER_BUDGET, 1);
    for (;;) Atomics.wait(this.#control, Slot.OVER_BUDGET, 1);
  }

  #pause(L: LuaState, line: number | undefined): void {
    this.#events.paused(line, this.#captureStack(L));
    Atomics.store(this.#control, Slot.PAUSED, 1);
    const started = performance.now();
    while (Atomics.load(this.#control, Slot.RESUME) === 0) Atomics.wait(this.#control, Slot.RESUME, 0, 1000);
    Atomics.store(this.#control, Slot.RESUME, 0);
    Atomics.store(this.#control, Slot.PAUSED, 0);
    this.#pausedTotal += performance.now() - started;
    this.#events.resumed();
  }

  /** The line of the innermost active function that belongs to the cart's own code. */
  #cartLine(L: LuaState): number | undefined {
    for (let level = 0; level < MAX_STACK_FRAMES; level++) {
      if (!this.#lua.x.lua_getstack(L, level, this.#ar)) return undefined;
      this.#lua.x.lua_getinfo(L, this.#lua.name('Sl'), this.#ar);
      if (this.#shortSource() === this.#cartSource) return this.#lua.view(this.#ar + AR.size).getInt32(this.#ar + AR.currentLine, true);
    }
    return undefined;
  }

  #shortSource(): string {
    return this.#lua.readCString(this.#ar + AR.shortSrc, 60);
  }

  #captureStack(L: LuaState): StackFrame[] {
    const x = this.#lua.x;
    const frames: StackFrame[] = [];
    for (let level = 0; level < MAX_STACK_FRAMES && x.lua_getstack(L, level, this.#ar); level++) {
      x.lua_getinfo(L, this.#lua.name('nSl'), this.#ar);
      const source = this.#shortSource();
      if (source === '[nibble]') continue;
      const view = this.#lua.view(this.#ar + AR.size);
      const namePtr = view.getUint32(this.#ar + AR.name, true);
      const frame: StackFrame = {
        name: namePtr ? this.#lua.readCString(namePtr, 200) : '?',
        source,
        line: view.getInt32(this.#ar + AR.currentLine, true),
        locals: [],
      };
      for (let n = 1; n <= MAX_LOCALS; n++) {
        const namePtrLocal = x.lua_getlocal(L, this.#ar, n);
        if (namePtrLocal === 0) break;
        const name = this.#lua.readCString(namePtrLocal, 200);
        if (!name.startsWith('(')) frame.locals.push({ name, value: this.#describe(L, -1) });
        x.lua_settop(L, -2);
      }
      frames.push(frame);
    }
    // Lua cannot name a function the host called; the runner knows which callback that was.
    const outermost = frames.at(-1);
    if (outermost && outermost.name === '?' && outermost.source === this.#cartSource) outermost.name = this.entry;
    return frames;
  }

  /** A short text for a value, without running any metamethod (the cart's code must not run here). */
  #describe(L: LuaState, idx: number): string {
    const x = this.#lua.x;
    switch (x.lua_type(L, idx)) {
      case LuaType.NIL:
        return 'nil';
      case LuaType.BOOLEAN:
        return x.lua_toboolean(L, idx) ? 'true' : 'false';
      case LuaType.NUMBER:
        return x.lua_isinteger(L, idx) ? x.lua_tointegerx(L, idx, 0).toString() : formatFloat(x.lua_tonumberx(L, idx, 0));
      case LuaType.STRING: {
        const text = this.#lua.toText(L, idx) ?? '';
        return JSON.stringify(text.length > MAX_VALUE_TEXT ? `${text.slice(0, MAX_VALUE_TEXT)}…` : text);
      }
      default: {
        const typeName = LUA_TYPE_NAMES[x.lua_type(L, idx)] ?? 'value';
        return `${typeName}: 0x${x.lua_topointer(L, idx).toString(16).padStart(8, '0')}`;
      }
    }
  }

  /**
   * Proves the layout on this build: a C function called from a Lua loop arms the hook by writing
   * the fields directly (as the watchdog will), and the loop must then be interrupted at its line.
   */
  #selfTest(L: LuaState, layout: StateLayout): boolean {
    const x = this.#lua.x;
    let firedAt: number | undefined;
    const saved = this.#onHook;
    this.#onHook = (S) => {
      x.lua_sethook(S, 0, 0, 0);
      firedAt = this.#cartLineOf(S, '[nibble-selftest]');
    };
    const arm = this.#lua.addFunction((S) => {
      armHook(this.#lua.view(S + 512), layout, S, this.fn);
      return 0;
    });
    try {
      x.lua_pushcclosure(L, arm, 0);
      x.lua_setglobal(L, this.#lua.name('__nibble_arm'));
      const code = 'local arm = __nibble_arm\nlocal n = 0\narm()\nfor i = 1, 1000 do n = n + i end\nreturn n';
      if (this.#lua.load(L, code, '=[nibble-selftest]') !== 0) return false;
      const status = x.lua_pcallk(L, 0, 0, 0, 0, 0);
      x.lua_settop(L, 0);
      return status === 0 && firedAt !== undefined && firedAt >= 3 && firedAt <= 4;
    } finally {
      x.lua_pushnil(L);
      x.lua_setglobal(L, this.#lua.name('__nibble_arm'));
      x.lua_sethook(L, 0, 0, 0);
      this.#onHook = saved;
    }
  }

  #cartLineOf(L: LuaState, source: string): number | undefined {
    if (!this.#lua.x.lua_getstack(L, 0, this.#ar)) return undefined;
    this.#lua.x.lua_getinfo(L, this.#lua.name('Sl'), this.#ar);
    return this.#shortSource() === source ? this.#lua.view(this.#ar + AR.size).getInt32(this.#ar + AR.currentLine, true) : undefined;
  }
}

function formatFloat(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return `${n}.0`;
  return String(Number(n.toPrecision(14)));
}
