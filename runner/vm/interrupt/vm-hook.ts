// The VM thread's side of interrupts: the count hook that the watchdog arms from outside (or that
// stays on, to count a frame's instructions against a budget), the line hook that breakpoints and
// steps arm (only while there are any, so a cart without them pays nothing), and the bookkeeping
// that tells the watchdog which coroutine runs. The hook pauses the VM thread in place
// (it blocks inside the hook) instead of yielding: that works at any instruction, including inside
// Lua functions called back from C (sort comparators, gsub callbacks), where a yield is impossible,
// and nothing is thrown that a cart's pcall could catch.
import { now } from '../../common/clock.js';
import type { Breakpoint, PauseReason, StepKind } from '../../common/debug-types.js';
import type { RunnerMessage } from '../../common/protocol.js';
import { DEBUG_CURRENT_LINE, DEBUG_INFO_SIZE, DEBUG_SHORT_SRC, LUA_REGISTRYINDEX, LuaBridge } from '../lua/lua-bridge.js';
import type { LuaState } from '../lua/lua-wasm.js';
import { Request, Slot } from '../../common/vm-link/control-block.js';
import { MailboxReader, type DebugCommand } from '../../common/vm-link/debug-mailbox.js';
import { armHook, LUA_MASKCOUNT, type StateLayout } from '../../common/vm-link/hook-fields.js';
import { Inspector } from './inspector.js';
import { discoverStateLayout } from './state-layout.js';

const ALWAYS_ON_COUNT = 1000;
/** A preemption that came where the cart cannot yield (in its own coroutine, in a callback from C) is tried again this often. */
const PREEMPT_RETRY_COUNT = 100;
export const STOP_MESSAGE = 'the cart was stopped by its host';
const MAX_STACK_FRAMES = 64;
const LUA_MASKLINE = 1 << 2;
const LUA_HOOKLINE = 2;
/** trace() colour of logpoints' messages (the API's default). */
const LOG_COLOR = 15;

/** lua_Debug field offsets; the start-up self-test checks them by reading back a known line. */
const AR = { event: 0, currentLine: DEBUG_CURRENT_LINE, shortSrc: DEBUG_SHORT_SRC, size: DEBUG_INFO_SIZE };

export interface HookEvents {
  /** 'paused', 'resumed' and the debugger's answers. */
  send(msg: RunnerMessage): void;
  /** A logpoint's message. */
  trace(text: string, color: number): void;
}

/** Where a step started: it ends at the first cart line that is where its kind goes. */
interface Step {
  kind: StepKind;
  /** Coroutine nesting and stack depth where it started. */
  coroutines: number;
  depth: number;
  /** The control block's SEQ: another callback of the runner's (SCN after TIC) is always a new line. */
  seq: number;
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
  /** The layout found and proven on another instance of the same wasm module (a farm's earlier cart): not looked for again. */
  provenLayout?: StateLayout;
}

export class VmHook {
  readonly fn: number;
  readonly layout: StateLayout | null;
  /** Whether the count hook is set on the cart's state all the time. */
  readonly alwaysOn: boolean;
  readonly note: string | undefined;
  readonly #ar: number;
  /** What the Lua hook runs: #serveHook, except while the self-test puts its own probe here. */
  #onHook: (L: LuaState, ar: number) => void = (L, ar) => this.#serveHook(L, ar);
  #anchors: number[] = [];
  #mainThread: LuaState = 0;
  /** What the runner called into the cart last: 'main chunk', 'TIC', 'BOOT', ... */
  entry = 'main chunk';
  #pausedTotal = 0;
  readonly #budget: number;
  /** Instructions run since beginFrame, in whole steps of the hook's count. */
  #spent = 0;
  readonly #inspector: Inspector;
  /** Absent where no debugger speaks to this VM (a cart farm). */
  readonly #mailbox: MailboxReader | undefined;
  #breakpoints = new Map<number, Breakpoint>();
  #step: Step | undefined;
  /** Coroutines resumed and not yet returned from, for steps. */
  #coroutines = 0;
  /** Set once breakpoints or steps were used: from then on coroutines get the line hook as they are resumed. */
  #lineHookUsed = false;
  readonly #depthAr: number;
  /** The coroutine a preemptible callback runs in (CartScript.start), 0 when none runs. */
  #frameThread: LuaState = 0;
  /** Set when the hook yielded the frame coroutine for a PREEMPT request; the script clears it. */
  preempted = false;

  readonly #lua: LuaBridge;
  readonly #control: Int32Array;
  readonly #cartSource: string;
  readonly #events: HookEvents;
  constructor(lua: LuaBridge, control: Int32Array, debugMailbox: SharedArrayBuffer | undefined, cartSource: string, events: HookEvents, options: HookOptions) {
    this.#events = events;
    this.#cartSource = cartSource;
    this.#control = control;
    this.#lua = lua;
    this.#ar = lua.x.malloc(AR.size);
    this.#depthAr = lua.x.malloc(AR.size);
    this.#inspector = new Inspector(lua, cartSource);
    this.#mailbox = debugMailbox ? new MailboxReader(debugMailbox) : undefined;
    this.fn = lua.addHookFunction((L, ar) => this.#onHook(L, ar));
    this.#budget = options.instructionBudget;
    let layout: StateLayout | null = null;
    let note: string | undefined;
    if (options.unwatched && this.#budget === 0 && !options.alwaysOn) {
      note = 'this page cannot share memory between threads (it is not cross-origin isolated): a hung frame can be stopped, not paused';
    } else if (this.#budget > 0) note = `a budget of ${this.#budget} instructions a frame keeps the count hook on`;
    else if (options.alwaysOn) note = 'the host asked for an always-on hook';
    else if (!options.memoryShared) note = 'the VM memory could not be shared with the watchdog';
    else if (options.provenLayout) layout = options.provenLayout;
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
    this.#coroutines = 0;
    Atomics.store(this.#control, Slot.THREAD, L);
    this.#applyHook(L);
  }

  /** The runner has set up a fresh state's globals: what is there now is the console's, not the cart's. */
  globalsReady(L: LuaState): void {
    this.#inspector.rememberPristineGlobals(L);
  }

  /** The hook a thread should have now: the count hook when it stays on, the line hook while breakpoints or a step need it. */
  #applyHook(L: LuaState): void {
    const line = this.#breakpoints.size > 0 || this.#step !== undefined;
    // With a line hook, Lua decrements the hook count at every instruction, so the watchdog's write
    // of it could be lost; the count hook then stays on too, and serves the watchdog by itself.
    const mask = (this.alwaysOn || line ? LUA_MASKCOUNT : 0) | (line ? LUA_MASKLINE : 0);
    if (this.#lua.x.lua_gethookmask(L) === mask) return;
    this.#lua.x.lua_sethook(L, mask === 0 ? 0 : this.fn, mask, ALWAYS_ON_COUNT);
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
    this.#takeCommands(this.#mainThread);
  }

  /** The cart's code has returned control to the runner. */
  endCode(): void {
    // A farm's preemption that came too late to be served: the retries the hook set up end here.
    if (Atomics.load(this.#control, Slot.REQUEST) === Request.PREEMPT) {
      Atomics.store(this.#control, Slot.REQUEST, Request.NONE);
      if (this.layout) this.#lua.x.lua_sethook(this.#mainThread, 0, 0, 0);
    }
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

  /** A preemptible callback starts or goes on in coroutine T (between beginCode and endCode). */
  enterFrameThread(T: LuaState): void {
    this.#frameThread = T;
    Atomics.store(this.#control, Slot.THREAD, T);
    // A request armed on the thread THREAD named just before (the main thread) is served here.
    const request = Atomics.load(this.#control, Slot.REQUEST);
    if (request === Request.STOP || request === Request.PREEMPT) this.#lua.x.lua_sethook(T, this.fn, LUA_MASKCOUNT, 1);
  }

  /** The preemptible callback has yielded or ended. */
  leaveFrameThread(): void {
    this.#frameThread = 0;
  }

  /** coroutine.resume is about to run the coroutine at index 1 of L's stack. */
  enter(L: LuaState): number {
    const co = this.#lua.x.lua_tothread(L, 1);
    if (co !== 0) {
      if (this.#lineHookUsed) this.#applyHook(co);
      this.#coroutines++;
      this.#lua.x.lua_pushvalue(L, 1);
      this.#anchors.push(this.#lua.x.luaL_ref(L, LUA_REGISTRYINDEX));
      Atomics.store(this.#control, Slot.THREAD, co);
    }
    return 0;
  }

  /** Control is back in L after a resume; passes its arguments through. */
  leave(L: LuaState): number {
    Atomics.store(this.#control, Slot.THREAD, L);
    if (this.#coroutines > 0) this.#coroutines--;
    if (this.#lineHookUsed) this.#applyHook(L);
    // A farm's request that the coroutine could not serve goes on in the thread that resumed it.
    const request = Atomics.load(this.#control, Slot.REQUEST);
    if (request === Request.PREEMPT || request === Request.STOP) this.#lua.x.lua_sethook(L, this.fn, LUA_MASKCOUNT, 1);
    return this.#lua.x.lua_gettop(L);
  }

  #serveHook(L: LuaState, ar: number): void {
    if (this.#lua.view(ar + 4).getInt32(ar + AR.event, true) === LUA_HOOKLINE) {
      this.#onLine(L, ar);
      return;
    }
    if (this.layout) this.#applyHook(L);
    else if (this.#budget > 0) {
      this.#spent += ALWAYS_ON_COUNT;
      if (this.#spent > this.#budget) this.#overBudget(L);
    }
    this.#takeCommands(L);
    const request = Atomics.load(this.#control, Slot.REQUEST);
    if (request === Request.NONE) return;
    if (request === Request.PREEMPT) {
      this.#preempt(L);
      return;
    }
    if (request === Request.STOP) this.#stop(L);
    // DEBUG is served like SAMPLE: a sample the watchdog armed meanwhile waits for this ACK.
    const line = this.#cartLine(L);
    Atomics.store(this.#control, Slot.LINE, line ?? 0);
    if (request === Request.BREAK) this.#pause(L, line, 'break');
    Atomics.store(this.#control, Slot.REQUEST, Request.NONE);
    Atomics.add(this.#control, Slot.ACK, 1);
    Atomics.notify(this.#control, Slot.ACK);
  }

  /** A new line of some function runs: a step may end here, or a breakpoint be hit. */
  #onLine(L: LuaState, ar: number): void {
    const line = this.#lua.view(ar + AR.size).getInt32(ar + AR.currentLine, true);
    if (!this.#step && !this.#breakpoints.has(line)) return;
    this.#lua.x.lua_getinfo(L, this.#lua.name('S'), ar);
    if (this.#lua.readCString(ar + AR.shortSrc, 60) !== this.#cartSource) return;
    if (this.#step && this.#stepEndsHere(L, this.#step)) {
      this.#step = undefined;
      this.#applyHook(L);
      this.#applyHook(this.#mainThread);
      this.#pause(L, line, 'step');
      return;
    }
    const breakpoint = this.#breakpoints.get(line);
    if (!breakpoint) return;
    if (breakpoint.condition !== undefined && !this.#conditionHolds(L, line, breakpoint.condition)) return;
    if (breakpoint.log !== undefined) {
      this.#events.trace(this.#inspector.formatLog(L, breakpoint.log), LOG_COLOR);
      return;
    }
    this.#pause(L, line, 'breakpoint');
  }

  /** A breakpoint's condition, in the innermost frame; one that fails is told of, and pauses. */
  #conditionHolds(L: LuaState, line: number, condition: string): boolean {
    const result = this.#inspector.evaluate(L, 0, condition);
    if (!result.ok) {
      this.#events.trace(`${this.#cartSource}:${line}: the breakpoint's condition failed: ${result.error}`, 2);
      return true;
    }
    const holds = this.#lua.x.lua_toboolean(L, -1) !== 0;
    this.#lua.x.lua_settop(L, -2);
    return holds;
  }

  #stepEndsHere(L: LuaState, step: Step): boolean {
    if (step.kind === 'into' || Atomics.load(this.#control, Slot.SEQ) !== step.seq) return true;
    if (this.#coroutines !== step.coroutines) return this.#coroutines < step.coroutines;
    const depth = this.#depth(L);
    return step.kind === 'over' ? depth <= step.depth : depth < step.depth;
  }

  /** Lua stack levels of L. */
  #depth(L: LuaState): number {
    let depth = 0;
    while (depth < 100000 && this.#lua.x.lua_getstack(L, depth, this.#depthAr)) depth++;
    return depth;
  }

  /** Takes the debugger's commands waiting in the mailbox (the cart running, not paused). */
  #takeCommands(L: LuaState): void {
    for (let command = this.#mailbox?.take(); command; command = this.#mailbox?.take()) this.#command(L, command, false);
  }

  /** Carries out one debugger command; true when it lets a paused cart go on (a step). */
  #command(L: LuaState, command: DebugCommand, paused: boolean): boolean {
    switch (command.type) {
      case 'breakpoints':
        this.#breakpoints = new Map(command.breakpoints.map((b) => [b.line, b]));
        this.#lineHookUsed ||= this.#breakpoints.size > 0;
        this.#applyHook(L);
        this.#applyHook(this.#mainThread);
        return false;
      case 'step':
        if (!paused) return false;
        this.#step = { kind: command.kind, coroutines: this.#coroutines, depth: this.#depth(L), seq: Atomics.load(this.#control, Slot.SEQ) };
        this.#lineHookUsed = true;
        return true;
      case 'inspect': {
        const answer = { type: 'inspection', request: command.request } as const;
        if (!paused) {
          this.#events.send({ ...answer, entries: [], more: false, error: 'the cart is not paused' });
          return false;
        }
        const target = command.target;
        if ('handle' in target) {
          const result = this.#inspector.expand(target.handle, target.offset);
          this.#events.send('error' in result ? { ...answer, entries: [], more: false, error: result.error } : { ...answer, ...result });
          return false;
        }
        const level = this.#inspector.levelOf(target.frame);
        const result = level === undefined ? { ok: false as const, error: 'no such frame' } : this.#inspector.evaluate(L, level, target.expression);
        if (!result.ok) {
          this.#events.send({ ...answer, entries: [], more: false, error: result.error });
          return false;
        }
        this.#events.send({ ...answer, entries: [this.#inspector.describe(L, -1, target.expression)], more: false });
        this.#lua.x.lua_settop(L, -2);
        return false;
      }
    }
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

  /**
   * Yields the frame coroutine (hooks may yield with no values: resuming continues at this very
   * instruction). Elsewhere it cannot yield, so the hook looks again soon, and leave() passes the
   * request on to the thread that resumes a coroutine.
   */
  #preempt(L: LuaState): void {
    const x = this.#lua.x;
    if (L === this.#frameThread && x.lua_isyieldable(L)) {
      Atomics.store(this.#control, Slot.REQUEST, Request.NONE);
      Atomics.add(this.#control, Slot.ACK, 1);
      this.preempted = true;
      x.lua_yieldk(L, 0, 0, 0);
      return;
    }
    x.lua_sethook(L, this.fn, LUA_MASKCOUNT, this.layout ? PREEMPT_RETRY_COUNT : ALWAYS_ON_COUNT);
  }

  /**
   * Raises an error now and at every instruction after it, whatever catches it (the cart's pcall,
   * a coroutine), until the cart's code has returned to the host, which then ends the cart.
   */
  #stop(L: LuaState): never {
    if (Atomics.load(this.#control, Slot.LINE) === 0) Atomics.store(this.#control, Slot.LINE, this.#cartLine(L) ?? 0);
    this.#lua.x.lua_sethook(L, this.fn, LUA_MASKCOUNT, 1);
    this.#lua.error(L, STOP_MESSAGE);
  }

  /** Blocks in the hook until resumed or stepped, answering the debugger meanwhile. */
  #pause(L: LuaState, line: number | undefined, reason: PauseReason): void {
    this.#lua.x.lua_checkstack(L, 32);
    this.#inspector.begin(L);
    const stack = this.#inspector.captureStack(this.entry);
    const globals = this.#inspector.globalsHandle();
    this.#events.send({ type: 'paused', ...(line ? { line } : {}), stack, reason, globals });
    Atomics.store(this.#control, Slot.PAUSED, 1);
    const started = now();
    for (;;) {
      const wake = Atomics.load(this.#control, Slot.WAKE);
      if (Atomics.load(this.#control, Slot.RESUME) !== 0) break;
      const command = this.#mailbox?.take();
      if (command) {
        if (this.#command(L, command, true)) break;
        continue;
      }
      Atomics.wait(this.#control, Slot.WAKE, wake, 1000);
    }
    Atomics.store(this.#control, Slot.RESUME, 0);
    Atomics.store(this.#control, Slot.PAUSED, 0);
    this.#inspector.release();
    this.#applyHook(L);
    this.#applyHook(this.#mainThread);
    this.#pausedTotal += now() - started;
    this.#events.send({ type: 'resumed' });
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
