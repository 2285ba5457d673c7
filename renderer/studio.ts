// Wires the studio together: the open cart, its editor and autosave, the file commands, the
// toolbar and shortcuts, the screen and input, the console and status line, and the runner link
// whose messages drive the state.
import type { MessageOf, RunnerMessage } from '../runner/common/protocol.js';
import { cartSourceOf, codeBytes } from '../runner/common/cart/index.js';
import { pmemKeyOf } from '../runner/common/pmem/pmem-key.js';
import { pmemSlot, type PmemSlot } from '../runner/common/pmem/pmem-store.js';
import { StudioAudio } from './audio/studio-audio.js';
import { installAutomationHook } from './automation-hook.js';
import { Autosaver } from './autosave/autosaver.js';
import type { AutosaveStore } from './autosave/autosave-store.js';
import { createAutosaveStore } from './autosave/create-autosave-store.js';
import { restoreAutosave, type RestoredCart } from './autosave/restore-autosave.js';
import { documentTitle, OpenCart, type CartDocument } from './cart-document.js';
import { installCartDrop } from './cart-drop.js';
import { normaliseCartName } from './cart-name.js';
import { NEW_CART_NAME, newCart } from './cart-template.js';
import { CodeEditor } from './code-editor.js';
import { ConsolePane } from './console-pane.js';
import { CommandLine } from './console-commands/command-line.js';
import { ConsoleCommands } from './console-commands/console-commands.js';
import { pickPng } from './console-commands/pick-png.js';
import { byId } from './dom.js';
import { cartUsesMouse, withCursor } from './cursor-overlay.js';
import { EditorTabs } from './editors/editor-tabs.js';
import type { EditorHost } from './editors/editor-host.js';
import { createMapEditor } from './editors/map/map-editor.js';
import { createSpriteEditor } from './editors/sprite/sprite-editor.js';
import { createSfxEditor } from './editors/sfx/sfx-editor.js';
import { createMusicEditor } from './editors/music/music-editor.js';
import { FileCommands } from './file-commands.js';
import { GameMenu, menuItems } from './game-menu.js';
import { download } from './files/browser-cart-files.js';
import { createCartFileAccess } from './files/create-cart-file-access.js';
import { SavedCarts } from './files/saved-carts.js';
import { InputCapture } from './input-capture.js';
import { createRunnerLink, runnersInPage } from './runner-link/create-runner-link.js';
import type { RunnerLink } from './runner-link/runner-link.js';
import { Screen } from './screen.js';
import { installShortcuts, newCartShortcut } from './shortcuts.js';
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
  readonly #gameMenu: GameMenu;
  readonly #cart: OpenCart;
  readonly #files: FileCommands;
  readonly #autosaver: Autosaver;
  #state: StudioState = 'idle';
  /** Where the running cart's persistent memory is kept (reference 4.2). */
  #pmem: PmemSlot | null = null;
  #pmemSaveFailed = false;
  #luaMemory: number | null = null;
  #lastStatus = 0;
  #saveFailed = false;
  /** The cart of the current run: its name, and whether it came from elsewhere (see CartDocument). */
  #run = { name: '', fromElsewhere: false };

  static async create(): Promise<Studio> {
    // The kept cart is read before anything is shown, so the editor never shows the template first.
    const store = createAutosaveStore();
    const [screen, restored] = await Promise.all([Screen.create(byId('screen')), restoreAutosave(store, localStorage)]);
    return new Studio(screen, createRunnerLink(), store, restored);
  }

  private constructor(screen: Screen, link: RunnerLink, store: AutosaveStore, restored: RestoredCart) {
    this.#screen = screen;
    this.#link = link;
    const template: CartDocument = { cart: newCart(), name: NEW_CART_NAME, location: null, dirty: false, fromElsewhere: false };
    this.#cart = new OpenCart(restored.doc ?? template);
    this.#autosaver = new Autosaver(store, {
      failed: (message) => {
        if (!this.#saveFailed) this.#console.error(`The cart could not be autosaved: ${message}. Save it to a file to keep your changes.`);
        this.#saveFailed = true;
      },
      saved: () => {
        this.#saveFailed = false;
      },
    });
    this.#screenLabel = byId('screen-label');

    const files = {
      newCart: () => this.#files.newCart(),
      open: () => this.#files.open(),
      save: () => void this.#files.save(false),
      saveAs: () => void this.#files.save(true),
    };
    this.#toolbar = new Toolbar(byId('toolbar'), {
      ...files,
      openRecent: (id) => this.#files.openRecent(id),
      run: () => this.run(),
      stop: () => this.stop(),
      breakCart: () => this.#link.send({ type: 'break' }),
      resume: () => this.#link.send({ type: 'resume' }),
      rename: (name) => this.#rename(name),
      setVolume: (volume) => this.#audio.setVolume(volume),
      setMuted: (muted) => this.#audio.setMuted(muted),
    }, newCartShortcut(window.nibbleElectron !== undefined));
    this.#console = new ConsolePane(byId('console'), {
      revealLine: (line) => this.#editor.revealLine(line),
      breakCart: () => this.#link.send({ type: 'break' }),
      resumeCart: () => this.#link.send({ type: 'resume' }),
      stopCart: () => this.stop(),
    });
    this.#status = new StatusLine(byId('status'));
    this.#editor = new CodeEditor(byId('editor'), {
      code: this.#cart.doc.cart.code,
      onChange: (code) => this.#cart.editCode(code),
    });
    this.#cart.onChange(() => this.#showCart());
    this.#cart.onChange((doc) => this.#autosaver.changed(doc));
    this.#showCart();
    const tabs = new EditorTabs(byId('editor').parentElement ?? document.body);
    tabs.add({ id: 'code', title: 'Code', shortcut: 'F1', element: byId('editor'), shown: () => {}, hidden: () => {} });
    const host: EditorHost = {
      cart: () => this.#cart.doc.cart,
      setSection: (bank, section, bytes) => this.#cart.editSection(bank, section, bytes),
      onCartChange: (listener) => this.#cart.onChange(listener),
      onCartReplaced: (listener) => this.#cart.onReplaced(listener),
      audio: this.#audio,
    };
    tabs.add(createSpriteEditor(host));
    tabs.add(createMapEditor(host));
    tabs.add(createSfxEditor(host));
    tabs.add(createMusicEditor(host));
    this.#files = new FileCommands({
      openCart: this.#cart,
      savedCarts: new SavedCarts(localStorage),
      loadEditor: (code) => this.#editor.load(code),
      leavingCart: () => this.stop(),
      confirm: (question) => window.confirm(question),
      info: (message) => this.#console.info(message),
      error: (message) => this.#console.error(message),
      showRecent: (entries) => this.#toolbar.setRecent(entries),
    }, createCartFileAccess);
    byId('console').append(this.#commandLine().element);
    this.#input = new InputCapture({
      target: screen.element,
      toFramePoint: (x, y) => screen.toFramePoint(x, y),
      pixelScale: () => screen.pixelScale(),
      isLive: () => (this.#state === 'running' || this.#state === 'busy') && !this.#gameMenu.isOpen,
      send: (input) => this.#link.send({ type: 'input', input }),
    });

    this.#audio.unlockOn(window);
    link.onMessage((msg) => this.#onRunnerMessage(msg));
    screen.onTick((now) => this.#tick(now));
    this.#gameMenu = new GameMenu(screen.element.parentElement ?? screen.element, {
      pick: (index) => this.#link.send({ type: 'menu', index }),
      reset: () => this.run(),
      close: () => this.stop(),
    });
    installShortcuts({ ...files, run: () => this.run(), stop: () => this.#escape() });
    installCartDrop((file) => void this.#openDropped(file));
    window.addEventListener('beforeunload', () => this.#autosaver.flush());
    installAutomationHook({
      lastFrame: () => this.#screen.lastFrame(),
      studioFps: () => this.#screen.studioFps(),
      state: () => this.#state,
      audioPeak: () => this.#audio.outputPeak(),
      cartBytes: (section, bank) => this.#cart.doc.cart.banks[bank]![section].slice(),
      editor: { getCode: () => this.#editor.getCode(), setCode: (code) => this.#editor.setCode(code) },
    });

    this.#console.info(`${window.nibbleElectron ? 'Desktop' : 'Web'} studio ready. Ctrl+R runs the cart, Esc stops it.`);
    if (restored.problem) this.#console.error(restored.problem);
    this.#setState('idle');
  }

  run(): void {
    this.#autosaver.flush();
    this.#editor.clearErrors();
    this.#editor.setPausedLine(null);
    this.#console.hideBusy();
    this.#console.hidePaused();
    const { cart, name, fromElsewhere } = this.#cart.doc;
    this.#run = { name, fromElsewhere };
    this.#console.setCartName(name);
    this.#console.info(`— run ${name} —`);
    this.#screen.clear();
    this.#screen.setBusy(false);
    this.#frames.clear();
    this.#luaMemory = null;
    this.#input.reset();
    // The key is taken once per run, from the cart as it starts, like TIC-80's initRun. In the
    // desktop app this localStorage lives in the app's data folder (Electron keeps the page's
    // storage under its userData folder), which is where pmem belongs.
    this.#pmem = pmemSlot(localStorage, pmemKeyOf(cart));
    this.#link.start(cartSourceOf(cart, name), { deterministic: false, pacing: 'realtime' }, this.#pmem.initial);
    this.#setState('running');
    this.#screen.element.focus();
  }

  stop(): void {
    this.#gameMenu.close();
    this.#link.stop();
  }

  /** Esc: a cart with a game menu gets its menu (or leaves it); any other cart stops. */
  #escape(): void {
    if (this.#gameMenu.isOpen) {
      this.#gameMenu.close();
      this.#screen.element.focus();
      return;
    }
    const items = menuItems(this.#cart.doc.cart.code);
    if (items && (this.#state === 'running' || this.#state === 'busy')) this.#gameMenu.open(items);
    else this.stop();
  }

  #onRunnerMessage(msg: RunnerMessage): void {
    switch (msg.type) {
      case 'ready':
        if (msg.note) this.#console.info(msg.note);
        this.#status.setSandbox(msg.sandbox, runnersInPage());
        if (!msg.sandbox.on && this.#run.fromElsewhere) {
          this.#console.warn(`${this.#run.name} did not come from this studio, and it runs without the kernel sandbox (${msg.sandbox.detail}). Run carts you do not trust only where the status line says the kernel sandbox is on.`);
        }
        break;
      case 'frame':
        this.#onFrame(msg);
        break;
      case 'trace':
        this.#console.trace(msg.text, msg.color);
        break;
      case 'pmem':
        this.#savePmem(msg.bytes);
        break;
      case 'error':
        this.#console.error(msg.message, msg.line, msg.traceback);
        if (msg.line !== undefined) this.#editor.showError(msg.message, msg.line);
        this.#setState('error');
        // Like TIC-80, an error ends the run; the process has nothing left to do.
        this.#link.stop();
        break;
      case 'hung':
        this.#console.error(msg.message, msg.line);
        if (msg.line !== undefined) this.#editor.showError(msg.message, msg.line);
        this.#setState('error');
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
    this.#input.setRelative(frame.relativeMouse);
    if (this.#state === 'running') this.#showScreenLabel(this.#input.wantsLock ? 'click the screen to give the cart the mouse · Esc releases it' : '');
    const pointer = frame.relativeMouse ? null : this.#input.pointer();
    const cart = this.#cart.doc.cart;
    const cursor = pointer && cartUsesMouse(cart.code);
    this.#screen.element.classList.toggle('cart-cursor', Boolean(cursor));
    this.#screen.showFrame(cursor ? withCursor(frame.pixels, frame.cursor, pointer, cart) : frame.pixels);
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

  #showScreenLabel(text: string): void {
    if (this.#screenLabel.textContent === text && this.#screenLabel.hidden === (text === '')) return;
    this.#screenLabel.textContent = text;
    this.#screenLabel.hidden = text === '';
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
    if (!isLive(state)) {
      this.#input.releaseAll();
      this.#screen.element.classList.remove('cart-cursor');
    }
    this.#showScreenLabel(SCREEN_LABELS[state]);
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

  #savePmem(bytes: Uint8Array): void {
    const saved = this.#pmem?.save(bytes) ?? true;
    if (!saved && !this.#pmemSaveFailed) {
      this.#console.error("The browser refused to keep the cart's persistent memory (storage full or disabled).");
    }
    this.#pmemSaveFailed = !saved;
  }

  #rename(name: string): void {
    this.#cart.rename(normaliseCartName(name));
    // Also when the name did not change: the box shows the normalised name, not what was typed.
    this.#showCart();
  }

  /** The name box, the unsaved-changes dot and the window title follow the open cart. */
  #showCart(): void {
    const { name, dirty } = this.#cart.doc;
    this.#toolbar.setCart(name, dirty);
    this.#status.setCodeSize(codeBytes(this.#cart.doc.cart.code));
    document.title = documentTitle(this.#cart.doc);
  }

  async #openDropped(file: File): Promise<void> {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (err) {
      this.#console.error(`${file.name}: the dropped file could not be read (${(err as Error).message})`);
      return;
    }
    this.#files.opened({ name: file.name, bytes, location: null });
  }

  /** The console's command line (reference 8.2). */
  #commandLine(): CommandLine {
    const commands = new ConsoleCommands({
      run: () => this.run(),
      resume: () => this.#link.send({ type: 'resume' }),
      newCart: () => this.#files.newCart(),
      save: (name) => {
        if (name !== undefined) this.#rename(name);
        void this.#files.save(false);
      },
      pickCart: () => this.#files.open(),
      recentCarts: () => this.#files.recent,
      openRecent: (id) => this.#files.openRecent(id),
      evaluate: (code) => {
        if (!isLive(this.#state)) return false;
        this.#link.send({ type: 'eval', code });
        return true;
      },
      clear: () => this.#console.clear(),
      print: (text) => this.#console.trace(text, 12),
      error: (text) => this.#console.error(text),
      cart: () => this.#cart.doc.cart,
      setSection: (section, bytes) => this.#cart.editSection(0, section, bytes),
      download,
      pickPng,
    });
    return new CommandLine({
      execute: (line) => {
        this.#console.info(`> ${line}`);
        void commands.execute(line);
      },
      completions: (line) => commands.completions(line),
      showChoices: (choices) => this.#console.info(choices.join('  ')),
    });
  }
}
