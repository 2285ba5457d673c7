// Wires the studio together: the editor and its autosave, the toolbar and shortcuts, the screen
// and input, the console and status line, and the runner link whose messages drive the state.
import type { CartSource, MessageOf, RunnerMessage } from '../runner/common/protocol.js';
import { cartSourceOf, readTextCart } from '../runner/common/cart/index.js';
import { StudioAudio } from './audio/studio-audio.js';
import { installAutomationHook } from './automation-hook.js';
import { loadOpenCart, normaliseCartName, saveOpenCart } from './autosave.js';
import { NEW_CART } from './cart-template.js';
import { CodeEditor } from './code-editor.js';
import { ConsolePane } from './console-pane.js';
import { byId } from './dom.js';
import { InputCapture } from './input-capture.js';
import { createRunnerLink } from './runner-link/create-runner-link.js';
import type { RunnerLink } from './runner-link/runner-link.js';
import { Screen } from './screen.js';
import { installShortcuts } from './shortcuts.js';
import { SlidingWindow } from './sliding-window.js';
import { StatusLine } from './status-line.js';
import { isLive, type StudioState } from './studio-state.js';
import { Toolbar } from './toolbar.js';

/** A frame running this long is reported as busy (the notice, the spinner, the 'busy' state). */
const BUSY_NOTICE_MS = 250;
const STATUS_INTERVAL_MS = 250;

const SCREEN_LABELS: Readonly<Record<StudioState, string>> = {
  idle: 'Ctrl+R to run',
  running: '',
  busy: '',
  paused: 'paused',
  stopped: 'stopped · Ctrl+R to run',
  error: 'error · see the console',
};

export class Studio {
  readonly #link: RunnerLink;
  readonly #editor: CodeEditor;
  readonly #screen: Screen;
  readonly #console: ConsolePane;
  readonly #toolbar: Toolbar;
  readonly #status: StatusLine;
  readonly #input: InputCapture;
  readonly #screenLabel: HTMLElement;
  readonly #frames = new SlidingWindow();
  readonly #audio = new StudioAudio();
  #cart: CartSource;
  #state: StudioState = 'idle';
  #luaMemory: number | null = null;
  #lastStatus = 0;
  #saveFailed = false;

  static async create(): Promise<Studio> {
    const screen = await Screen.create(byId('screen'));
    return new Studio(screen, createRunnerLink());
  }

  private constructor(screen: Screen, link: RunnerLink) {
    this.#screen = screen;
    this.#link = link;
    this.#cart = loadOpenCart(localStorage) ?? NEW_CART;
    this.#screenLabel = byId('screen-label');

    this.#toolbar = new Toolbar(byId('toolbar'), {
      run: () => this.run(),
      stop: () => this.stop(),
      breakCart: () => this.#link.send({ type: 'break' }),
      resume: () => this.#link.send({ type: 'resume' }),
      rename: (name) => this.#rename(name),
      setVolume: (volume) => this.#audio.setVolume(volume),
      setMuted: (muted) => this.#audio.setMuted(muted),
    });
    this.#toolbar.setCartName(this.#cart.name);
    this.#console = new ConsolePane(byId('console'), {
      revealLine: (line) => this.#editor.revealLine(line),
      breakCart: () => this.#link.send({ type: 'break' }),
      resumeCart: () => this.#link.send({ type: 'resume' }),
      stopCart: () => this.stop(),
    });
    this.#status = new StatusLine(byId('status'));
    this.#editor = new CodeEditor(byId('editor'), {
      code: this.#cart.code,
      onChange: (code) => {
        this.#cart = { ...this.#cart, code };
        this.#save();
      },
    });
    this.#input = new InputCapture({
      target: screen.element,
      toFramePoint: (x, y) => screen.toFramePoint(x, y),
      isLive: () => this.#state === 'running' || this.#state === 'busy',
      send: (input) => this.#link.send({ type: 'input', input }),
    });

    this.#audio.unlockOn(window);
    link.onMessage((msg) => this.#onRunnerMessage(msg));
    screen.onTick((now) => this.#tick(now));
    installShortcuts({ run: () => this.run(), stop: () => this.stop() });
    window.addEventListener('beforeunload', () => this.#save());
    installAutomationHook({
      lastFrame: () => this.#screen.lastFrame(),
      studioFps: () => this.#screen.studioFps(),
      state: () => this.#state,
      editor: { getCode: () => this.#editor.getCode(), setCode: (code) => this.#editor.setCode(code) },
    });

    this.#console.info(`${window.nibbleElectron ? 'Desktop' : 'Web'} studio ready. Ctrl+R runs the cart, Esc stops it.`);
    this.#setState('idle');
  }

  run(): void {
    this.#save();
    this.#editor.clearErrors();
    this.#editor.setPausedLine(null);
    this.#console.hideBusy();
    this.#console.hidePaused();
    this.#console.setCartName(this.#cart.name);
    this.#console.info(`— run ${this.#cart.name} —`);
    this.#screen.clear();
    this.#screen.setBusy(false);
    this.#frames.clear();
    this.#luaMemory = null;
    this.#input.reset();
    let cart: CartSource;
    try {
      cart = cartSourceOf(readTextCart(this.#cart.code, this.#cart.name), this.#cart.name);
    } catch (err) {
      this.#console.error((err as Error).message);
      this.#setState('error');
      return;
    }
    this.#link.start(cart, { deterministic: false, pacing: 'realtime' });
    this.#setState('running');
    this.#screen.element.focus();
  }

  stop(): void {
    this.#link.stop();
  }

  #onRunnerMessage(msg: RunnerMessage): void {
    switch (msg.type) {
      case 'ready':
        if (msg.note) this.#console.info(msg.note);
        break;
      case 'frame':
        this.#onFrame(msg);
        break;
      case 'trace':
        this.#console.trace(msg.text, msg.color);
        break;
      case 'error':
        this.#console.error(msg.message, msg.line, msg.traceback);
        if (msg.line !== undefined) this.#editor.showError(msg.message, msg.line);
        this.#setState('error');
        // Like TIC-80, an error ends the run; the process has nothing left to do.
        this.#link.stop();
        break;
      case 'busy':
        if (msg.ms >= BUSY_NOTICE_MS && (this.#state === 'running' || this.#state === 'busy')) {
          this.#console.showBusy(msg.ms, msg.line);
          this.#setState('busy');
        }
        break;
      case 'paused':
        this.#console.showPaused(msg.line, msg.stack);
        this.#editor.setPausedLine(msg.line ?? null);
        this.#setState('paused');
        break;
      case 'resumed':
        this.#console.hidePaused();
        this.#editor.setPausedLine(null);
        this.#setState('running');
        break;
      case 'exit':
        this.#console.info('The cart called exit().');
        this.#link.stop();
        break;
      case 'done':
        this.#console.info(`Done: ${msg.frames} frames, ${msg.msPerFrame.toFixed(2)} ms per frame.`);
        this.#link.stop();
        break;
      case 'gone':
        this.#onGone(msg);
        break;
    }
  }

  #onFrame(frame: MessageOf<RunnerMessage, 'frame'>): void {
    if (!isLive(this.#state)) return;
    this.#screen.showFrame(frame.pixels);
    this.#audio.push(frame.audio);
    this.#frames.add(performance.now(), frame.stats.cpuMs);
    this.#luaMemory = frame.stats.luaMemory;
    if (this.#state === 'busy') this.#setState('running');
  }

  #onGone(gone: MessageOf<RunnerMessage, 'gone'>): void {
    if (!isLive(this.#state)) return;
    if (gone.reason === 'crashed') {
      const how = gone.signal ? `signal ${gone.signal}` : gone.code !== null ? `exit code ${gone.code}` : 'connection lost';
      this.#console.error(`The runner ended unexpectedly (${how}).`);
      this.#setState('error');
    } else {
      this.#console.info('Stopped.');
      this.#setState('stopped');
    }
  }

  #setState(state: StudioState): void {
    this.#state = state;
    this.#toolbar.setState(state);
    this.#screen.setBusy(state === 'busy');
    // Silence rather than a stuttering loop while the cart is not producing frames.
    if (state !== 'running') this.#audio.silence();
    if (state !== 'busy') this.#console.hideBusy();
    if (state !== 'paused') {
      this.#console.hidePaused();
      this.#editor.setPausedLine(null);
    }
    if (!isLive(state)) this.#input.releaseAll();
    this.#screenLabel.textContent = SCREEN_LABELS[state];
    this.#screenLabel.hidden = SCREEN_LABELS[state] === '';
    this.#screenLabel.dataset.state = state;
    this.#updateStatus(performance.now());
  }

  #tick(now: number): void {
    this.#input.poll();
    if (now - this.#lastStatus >= STATUS_INTERVAL_MS) this.#updateStatus(now);
  }

  #updateStatus(now: number): void {
    this.#lastStatus = now;
    this.#status.update({
      cartFps: this.#frames.count(now),
      cpuMs: this.#frames.mean(now),
      luaMemory: this.#luaMemory,
      state: this.#state,
      renderer: this.#screen.rendererName,
    });
  }

  #rename(name: string): void {
    this.#cart = { ...this.#cart, name: normaliseCartName(name) };
    this.#toolbar.setCartName(this.#cart.name);
    this.#save();
  }

  #save(): void {
    const saved = saveOpenCart(localStorage, this.#cart);
    if (!saved && !this.#saveFailed) {
      this.#console.error('The browser refused to save the cart (storage full or disabled): copy your code somewhere safe.');
    }
    this.#saveFailed = !saved;
  }
}
