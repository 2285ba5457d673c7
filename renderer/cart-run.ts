// The open cart's run: starting it in a runner through the RunnerLink, Break, Resume and Stop, and
// the runner's messages followed through the states the toolbar and status line show. What happens
// goes to the studio through CartRunEvents; the run touches no part of the page itself.
import { cartSourceOf } from '../runner/common/cart/index.js';
import { pmemKeyOf } from '../runner/common/pmem/pmem-key.js';
import { pmemSlot, type KeyValueStorage, type PmemSlot } from '../runner/common/pmem/pmem-store.js';
import type { Breakpoint, InspectTarget, PauseReason, StepKind } from '../runner/common/debug-types.js';
import type { Capability } from './capabilities/capability.js';
import type { GrantStore } from './capabilities/grant-store.js';
import { RunGrants, type CapabilityQuestion } from './capabilities/run-grants.js';
import type { CartData, InputSnapshot, MessageOf, RunnerMessage, SandboxState, StackFrame } from '../runner/common/protocol.js';
import { unreachable } from '../runner/common/unreachable.js';
import type { CartDocument } from './cart-document.js';
import type { RunnerLink } from './runner-link/runner-link.js';
import { SlidingWindow } from './sliding-window.js';
import { isLive, type StudioState } from './studio-state.js';

/** A frame running this long is reported as busy (the notice, the spinner, the 'busy' state). */
export const BUSY_NOTICE_MS = 250;

export type FrameMessage = MessageOf<RunnerMessage, 'compact-frame'>;

/** What a run tells the studio, as it happens. */
export interface CartRunEvents {
  /** The run's state changed (the toolbar, the status line, the screen and the console follow it). */
  stateChanged(state: StudioState): void;
  /** A frame of the live run, to show and play. */
  frame(frame: FrameMessage): void;
  /** The runner is up, with (or without) its kernel sandbox. */
  sandbox(sandbox: SandboxState): void;
  /** The cart's trace() output, and the results of console code. */
  trace(text: string, color: number): void;
  info(text: string): void;
  warn(text: string): void;
  /** A problem that does not end the run. */
  error(text: string): void;
  /** The error that ended the run, at its cart line when known. */
  failed(message: string, line?: number, traceback?: string): void;
  /** The current frame has run for ms milliseconds (at least BUSY_NOTICE_MS), at line when known. */
  busy(ms: number, line?: number): void;
  /** The cart is paused at line (when known), with its call stack. */
  paused(line: number | undefined, stack: StackFrame[], details: PauseDetails): void;
  /** The answer to an inspection (see CartRun.inspect). */
  inspection(answer: MessageOf<RunnerMessage, 'inspection'>): void;
  /** The console's RAM, as CartRun.readRam asked. */
  ram(bytes: Uint8Array): void;
  /** The live cart took new code, or kept its old code because the new did not load (error, at line when known). */
  reloaded(error?: string, line?: number): void;
  /** The cart's sync() wrote these sections of bank `bank` into the cart, with the capability to: keep them in the open cart. */
  cartWrite(bank: number, data: CartData): void;
  /** A cart from elsewhere wants a capability the player has not answered for: ask, without pausing it. */
  ask(question: CapabilityQuestion): void;
}

/** Why the cart paused, and the handle on its globals for inspections. */
export interface PauseDetails {
  reason?: PauseReason;
  globals?: number;
}

/** What the status line shows of the run: its last second of frames and its Lua heap. */
export interface RunStats {
  cartFps: number;
  cpuMs: number;
  /** null before the run's first frame. */
  luaMemory: number | null;
}

const heldKey = (hash: string | null, pmemKey: string) => `${hash}:${pmemKey}`;

export class CartRun {
  readonly #link: RunnerLink;
  readonly #storage: KeyValueStorage;
  readonly #events: CartRunEvents;
  readonly #frames = new SlidingWindow();
  #state: StudioState = 'idle';
  readonly #grantStore: GrantStore;
  /** The current run's cart and capabilities. */
  #grants: RunGrants | null = null;
  /** Where the running cart's persistent memory is kept (reference 4.2). */
  #pmem: PmemSlot | null = null;
  /** What the current run's sync() wrote into the cart while write-to-cart was not granted, by bank. */
  #heldCartWrites = new Map<number, CartData>();
  /**
   * pmem written by carts without the save capability, by cart hash and pmem key: the cart gets it
   * back at its next run in this page, and storage gets it only if the player grants the capability.
   */
  readonly #heldPmem = new Map<string, { hash: string | null; pmemKey: string; bytes: Uint8Array }>();
  #pmemSaveFailed = false;
  #luaMemory: number | null = null;
  #breakpoints: Breakpoint[] = [];
  #nextRequest = 1;

  /** storage: where carts' persistent memory is kept; grants: the player's answers to carts from elsewhere. */
  constructor(link: RunnerLink, storage: KeyValueStorage, grants: GrantStore, events: CartRunEvents) {
    this.#link = link;
    this.#storage = storage;
    this.#grantStore = grants;
    this.#events = events;
    link.onMessage((msg) => this.#onRunnerMessage(msg));
  }

  get state(): StudioState {
    return this.#state;
  }

  /** The cart is stepping frames (running or busy): it takes input and opens its game menu. */
  get running(): boolean {
    return this.#state === 'running' || this.#state === 'busy';
  }

  /**
   * Ends any previous run and starts this cart in a fresh runner. hash: the SHA-256 of the bytes of
   * a cart from elsewhere (cartIdentity), null for the studio's own.
   */
  start(doc: Pick<CartDocument, 'cart' | 'name'>, hash: string | null): void {
    const { cart, name } = doc;
    const grants = new RunGrants(
      this.#grantStore,
      { name, hash },
      (question) => this.#events.ask(question),
      (capability) => this.#decided(grants, capability),
    );
    this.#grants = grants;
    this.#heldCartWrites = new Map();
    this.#frames.clear();
    this.#luaMemory = null;
    // The key is taken once per run, from the cart as it starts, like TIC-80's initRun. In the
    // desktop app the studio's localStorage lives in the app's data folder (Electron keeps the
    // page's storage under its userData folder), which is where pmem belongs.
    this.#pmem = pmemSlot(this.#storage, pmemKeyOf(cart));
    const held = this.#heldPmem.get(heldKey(hash, this.#pmem.key))?.bytes;
    this.#link.start(cartSourceOf(cart, name), { deterministic: false, pacing: 'realtime', compactFrames: true }, held ?? this.#pmem.initial);
    // Sent right after start: the runner takes them before the cart's first line runs.
    if (this.#breakpoints.length > 0) this.#link.send({ type: 'breakpoints', breakpoints: this.#breakpoints });
    this.#setState('running');
  }

  /** Ends the runner; its 'gone' moves the run to 'stopped'. */
  stop(): void {
    this.#link.stop();
  }

  breakCart(): void {
    this.#link.send({ type: 'break' });
  }

  resume(): void {
    this.#link.send({ type: 'resume' });
  }

  step(kind: StepKind): void {
    this.#link.send({ type: 'step', kind });
  }

  /** The cart's breakpoints; kept for the next runs too. */
  setBreakpoints(breakpoints: Breakpoint[]): void {
    this.#breakpoints = breakpoints;
    if (isLive(this.#state)) this.#link.send({ type: 'breakpoints', breakpoints });
  }

  /** Asks the paused cart for a value; the answer comes to the inspection event with this request number. */
  inspect(target: InspectTarget): number {
    const request = this.#nextRequest++;
    this.#link.send({ type: 'inspect', request, target });
    return request;
  }

  readRam(): void {
    this.#link.send({ type: 'read-ram' });
  }

  /** Live coding: new code and data sections for the running cart; false when no cart is live. */
  reload(code: string | undefined, data?: CartData): boolean {
    if (!isLive(this.#state)) return false;
    this.#link.send({ type: 'reload', ...(code !== undefined ? { code } : {}), ...(data ? { data } : {}) });
    return true;
  }

  sendInput(input: InputSnapshot): void {
    this.#link.send({ type: 'input', input });
  }

  pickMenuItem(index: number): void {
    this.#link.send({ type: 'menu', index });
  }

  /** Sends console code to the live cart; false when no cart is live to run it. */
  evaluate(code: string): boolean {
    if (!isLive(this.#state)) return false;
    this.#link.send({ type: 'eval', code });
    return true;
  }

  stats(now: number): RunStats {
    return { cartFps: this.#frames.count(now), cpuMs: this.#frames.mean(now), luaMemory: this.#luaMemory };
  }

  #onRunnerMessage(msg: RunnerMessage): void {
    switch (msg.type) {
      case 'ready':
        this.#onReady(msg);
        break;
      case 'compact-frame':
        this.#onFrame(msg);
        break;
      case 'trace':
        this.#events.trace(msg.text, msg.color);
        break;
      case 'pmem':
        this.#savePmem(msg.bytes);
        break;
      case 'cart':
        this.#writeCart(msg.bank, msg.data);
        break;
      case 'error':
      case 'hung':
        this.#fail(msg.message, msg.line, msg.type === 'error' ? msg.traceback : undefined);
        break;
      case 'busy':
        if (msg.ms >= BUSY_NOTICE_MS && this.running) {
          this.#events.busy(msg.ms, msg.line);
          this.#setState('busy');
        }
        break;
      case 'paused':
        this.#events.paused(msg.line, msg.stack, { ...(msg.reason ? { reason: msg.reason } : {}), ...(msg.globals ? { globals: msg.globals } : {}) });
        this.#setState('paused');
        break;
      case 'inspection':
        this.#events.inspection(msg);
        break;
      case 'ram':
        this.#events.ram(msg.bytes);
        break;
      case 'reloaded':
        this.#events.reloaded(msg.error, msg.line);
        break;
      case 'resumed':
        this.#setState('running');
        break;
      case 'exit':
        this.#events.info('The cart called exit().');
        this.#link.stop();
        break;
      case 'done':
        this.#events.info(`Done: ${msg.frames} frames, ${msg.msPerFrame.toFixed(2)} ms per frame.`);
        this.#link.stop();
        break;
      case 'gone':
        this.#onGone(msg);
        break;
      case 'tick':
      case 'frame':
        // Only for hosts that name RunOptions.output or take RGBA frames: the studio gets every frame whole, compact.
        break;
      default:
        unreachable(msg);
    }
  }

  #onReady(ready: MessageOf<RunnerMessage, 'ready'>): void {
    if (ready.note) this.#events.info(ready.note);
    this.#events.sandbox(ready.sandbox);
    const cart = this.#grants?.cart;
    if (!ready.sandbox.on && cart && cart.hash !== null) {
      this.#events.warn(
        `${cart.name} did not come from this studio, and it runs without the kernel sandbox (${ready.sandbox.detail}). Run carts you do not trust only where the status line says the kernel sandbox is on.`,
      );
    }
  }

  #onFrame(frame: FrameMessage): void {
    if (!isLive(this.#state)) return;
    // Relative mouse mode reaches the page only with the capability: otherwise the pointer stays free.
    if (frame.relativeMouse && !this.#grants?.granted('mouse-lock')) {
      this.#grants?.request('mouse-lock');
      this.#events.frame({ ...frame, relativeMouse: false });
    } else {
      this.#events.frame(frame);
    }
    this.#frames.add(performance.now(), frame.stats.cpuMs);
    this.#luaMemory = frame.stats.luaMemory;
    if (this.#state === 'busy') this.#setState('running');
  }

  /** An error or a hung cart. Like TIC-80, an error ends the run: the process has nothing left to do. */
  #fail(message: string, line?: number, traceback?: string): void {
    this.#events.failed(message, line, traceback);
    this.#setState('error');
    this.#link.stop();
  }

  #onGone(gone: MessageOf<RunnerMessage, 'gone'>): void {
    if (!isLive(this.#state)) return;
    if (gone.reason === 'crashed') {
      const how = gone.signal ? `signal ${gone.signal}` : gone.code !== null ? `exit code ${gone.code}` : 'connection lost';
      this.#events.failed(`The runner ended unexpectedly (${how}).`);
      this.#setState('error');
    } else {
      this.#events.info('Stopped.');
      this.#setState('stopped');
    }
  }

  /** pmem reaches storage only with the save capability; until then it is held in memory. */
  #savePmem(bytes: Uint8Array): void {
    const grants = this.#grants;
    const slot = this.#pmem;
    if (!grants || !slot) return;
    if (!grants.granted('save')) {
      this.#heldPmem.set(heldKey(grants.cart.hash, slot.key), { hash: grants.cart.hash, pmemKey: slot.key, bytes });
      grants.request('save');
      return;
    }
    this.#storePmem(slot, bytes);
  }

  /** Writes into the cart reach the open cart only with the write-to-cart capability; until then the run holds them. */
  #writeCart(bank: number, data: CartData): void {
    const grants = this.#grants;
    if (!grants || !isLive(this.#state)) return;
    if (grants.granted('cart-write')) {
      this.#events.cartWrite(bank, data);
      return;
    }
    this.#heldCartWrites.set(bank, { ...this.#heldCartWrites.get(bank), ...data });
    grants.request('cart-write');
  }

  /**
   * An answer to a run's question: granted save moves what that cart's runs held to storage;
   * granted write-to-cart gives the open cart what the live run wrote.
   */
  #decided(grants: RunGrants, capability: Capability): void {
    if (!grants.granted(capability)) return;
    if (capability === 'cart-write') {
      // Only into the cart still running: a stopped run's cart may no longer be the open one.
      if (grants !== this.#grants || !isLive(this.#state)) return;
      for (const [bank, data] of this.#heldCartWrites) this.#events.cartWrite(bank, data);
      this.#heldCartWrites.clear();
      return;
    }
    if (capability !== 'save') return;
    for (const [at, held] of this.#heldPmem) {
      if (held.hash !== grants.cart.hash) continue;
      this.#heldPmem.delete(at);
      this.#storePmem(pmemSlot(this.#storage, held.pmemKey), held.bytes);
    }
  }

  #storePmem(slot: PmemSlot, bytes: Uint8Array): void {
    const saved = slot.save(bytes);
    if (!saved && !this.#pmemSaveFailed) {
      this.#events.error("The browser refused to keep the cart's persistent memory (storage full or disabled).");
    }
    this.#pmemSaveFailed = !saved;
  }

  #setState(state: StudioState): void {
    this.#state = state;
    this.#events.stateChanged(state);
  }
}
