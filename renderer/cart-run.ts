// The open cart's run: starting it in a runner through the RunnerLink, Break, Resume and Stop, and
// the runner's messages followed through the states the toolbar and status line show. What happens
// goes to the studio through CartRunEvents; the run touches no part of the page itself.
import { cartSourceOf } from '../runner/common/cart/index.js';
import { pmemKeyOf } from '../runner/common/pmem/pmem-key.js';
import { pmemSlot, type KeyValueStorage, type PmemSlot } from '../runner/common/pmem/pmem-store.js';
import type { InputSnapshot, MessageOf, RunnerMessage, SandboxState, StackFrame } from '../runner/common/protocol.js';
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
  paused(line: number | undefined, stack: StackFrame[]): void;
}

/** What the status line shows of the run: its last second of frames and its Lua heap. */
export interface RunStats {
  cartFps: number;
  cpuMs: number;
  /** null before the run's first frame. */
  luaMemory: number | null;
}

export class CartRun {
  readonly #link: RunnerLink;
  readonly #storage: KeyValueStorage;
  readonly #events: CartRunEvents;
  readonly #frames = new SlidingWindow();
  #state: StudioState = 'idle';
  /** The cart of the current run: its name, and whether it came from elsewhere (see CartDocument). */
  #cart = { name: '', fromElsewhere: false };
  /** Where the running cart's persistent memory is kept (reference 4.2). */
  #pmem: PmemSlot | null = null;
  #pmemSaveFailed = false;
  #luaMemory: number | null = null;

  /** storage: where carts' persistent memory is kept. */
  constructor(link: RunnerLink, storage: KeyValueStorage, events: CartRunEvents) {
    this.#link = link;
    this.#storage = storage;
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

  /** Ends any previous run and starts this cart in a fresh runner. */
  start(doc: Pick<CartDocument, 'cart' | 'name' | 'fromElsewhere'>): void {
    const { cart, name, fromElsewhere } = doc;
    this.#cart = { name, fromElsewhere };
    this.#frames.clear();
    this.#luaMemory = null;
    // The key is taken once per run, from the cart as it starts, like TIC-80's initRun. In the
    // desktop app the studio's localStorage lives in the app's data folder (Electron keeps the
    // page's storage under its userData folder), which is where pmem belongs.
    this.#pmem = pmemSlot(this.#storage, pmemKeyOf(cart));
    this.#link.start(cartSourceOf(cart, name), { deterministic: false, pacing: 'realtime', compactFrames: true }, this.#pmem.initial);
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
        this.#events.paused(msg.line, msg.stack);
        this.#setState('paused');
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
    if (!ready.sandbox.on && this.#cart.fromElsewhere) {
      this.#events.warn(
        `${this.#cart.name} did not come from this studio, and it runs without the kernel sandbox (${ready.sandbox.detail}). Run carts you do not trust only where the status line says the kernel sandbox is on.`,
      );
    }
  }

  #onFrame(frame: FrameMessage): void {
    if (!isLive(this.#state)) return;
    this.#events.frame(frame);
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

  #savePmem(bytes: Uint8Array): void {
    const saved = this.#pmem?.save(bytes) ?? true;
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
