// Wires the studio together: the open cart, its editor and autosave, the file commands, the
// toolbar and shortcuts, the screen and input, the console and status line, and the cart's run,
// whose events they show.
import { codeBytes } from '../runner/common/cart/index.js';
import { CompactFrame } from '../runner/common/compact-frame.js';
import { StudioAudio } from './audio/studio-audio.js';
import { installAutomationHook } from './automation-hook.js';
import { Autosaver } from './autosave/autosaver.js';
import type { AutosaveStore } from './autosave/autosave-store.js';
import { createAutosaveStore } from './autosave/create-autosave-store.js';
import { restoreAutosave, type RestoredCart } from './autosave/restore-autosave.js';
import { documentTitle, OpenCart } from './cart-document.js';
import { installCartDrop } from './cart-drop.js';
import { normaliseCartName } from './cart-name.js';
import { CartRun, type CartRunEvents, type FrameMessage } from './cart-run.js';
import { newCartDocument } from './cart-template.js';
import { CodeEditor } from './code-editor.js';
import { ConsolePane } from './console-pane.js';
import { CommandLine } from './console-commands/command-line.js';
import { ConsoleCommands } from './console-commands/console-commands.js';
import { pickPng } from './console-commands/pick-png.js';
import { byId } from './dom.js';
import { cartUsesMouse, cursorImage } from './cursor-overlay.js';
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
import { installShortcuts, newCartShortcut, type ShortcutActions } from './shortcuts.js';
import { StatusLine } from './status-line.js';
import { isLive, type StudioState } from './studio-state.js';
import { Toolbar, type ToolbarActions } from './toolbar.js';

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
  readonly #screen: Screen;
  readonly #cart: OpenCart;
  readonly #autosaver: Autosaver;
  readonly #run: CartRun;
  readonly #toolbar: Toolbar;
  readonly #console: ConsolePane;
  readonly #status: StatusLine;
  readonly #editor: CodeEditor;
  readonly #files: FileCommands;
  readonly #input: InputCapture;
  readonly #gameMenu: GameMenu;
  readonly #audio = new StudioAudio();
  readonly #screenLabel = byId('screen-label');
  #lastStatus = 0;
  #saveFailed = false;

  static async create(): Promise<Studio> {
    // The kept cart is read before anything is shown, so the editor never shows the template first.
    const store = createAutosaveStore();
    const [screen, restored] = await Promise.all([Screen.create(byId('screen')), restoreAutosave(store, localStorage)]);
    return new Studio(screen, createRunnerLink(), store, restored);
  }

  private constructor(screen: Screen, link: RunnerLink, store: AutosaveStore, restored: RestoredCart) {
    this.#screen = screen;
    this.#cart = new OpenCart(restored.doc ?? newCartDocument());
    this.#autosaver = this.#newAutosaver(store);
    this.#run = new CartRun(link, localStorage, this.#runEvents());
    this.#toolbar = new Toolbar(byId('toolbar'), this.#toolbarActions(), newCartShortcut(window.nibbleElectron !== undefined));
    this.#console = new ConsolePane(byId('console'), {
      revealLine: (line) => this.#editor.revealLine(line),
      breakCart: () => this.#run.breakCart(),
      resumeCart: () => this.#run.resume(),
      stopCart: () => this.stop(),
    });
    this.#status = new StatusLine(byId('status'));
    this.#editor = new CodeEditor(byId('editor'), { code: this.#cart.doc.cart.code, onChange: (code) => this.#cart.editCode(code) });
    this.#cart.onChange(() => this.#showCart());
    this.#cart.onChange((doc) => this.#autosaver.changed(doc));
    this.#showCart();
    this.#addEditorTabs();
    this.#files = this.#newFileCommands();
    byId('console').append(this.#commandLine().element);
    this.#input = new InputCapture({
      target: screen.element,
      toFramePoint: (x, y) => screen.toFramePoint(x, y),
      pixelScale: () => screen.pixelScale(),
      isLive: () => this.#run.running && !this.#gameMenu.isOpen,
      send: (input) => this.#run.sendInput(input),
    });
    this.#gameMenu = new GameMenu(screen.element.parentElement ?? screen.element, {
      pick: (index) => this.#run.pickMenuItem(index),
      reset: () => this.run(),
      close: () => this.stop(),
    });
    this.#installPageHooks();

    this.#console.info(`${window.nibbleElectron ? 'Desktop' : 'Web'} studio ready. Ctrl+R runs the cart, Esc stops it.`);
    if (restored.problem) this.#console.error(restored.problem);
    this.#showState(this.#run.state);
  }

  run(): void {
    this.#autosaver.flush();
    this.#editor.clearErrors();
    const { name } = this.#cart.doc;
    this.#console.setCartName(name);
    this.#console.info(`— run ${name} —`);
    this.#screen.clear();
    this.#input.reset();
    this.#run.start(this.#cart.doc);
    this.#screen.element.focus();
  }

  stop(): void {
    this.#gameMenu.close();
    this.#run.stop();
  }

  /** Esc: a cart with a game menu gets its menu (or leaves it); any other cart stops. */
  #escape(): void {
    if (this.#gameMenu.isOpen) {
      this.#gameMenu.close();
      this.#screen.element.focus();
      return;
    }
    const items = menuItems(this.#cart.doc.cart.code);
    if (items && this.#run.running) this.#gameMenu.open(items);
    else this.stop();
  }

  /** How the page shows what the run tells it. */
  #runEvents(): CartRunEvents {
    return {
      stateChanged: (state) => this.#showState(state),
      frame: (frame) => this.#showFrame(frame),
      sandbox: (sandbox) => this.#status.setSandbox(sandbox, runnersInPage()),
      trace: (text, color) => this.#console.trace(text, color),
      info: (text) => this.#console.info(text),
      warn: (text) => this.#console.warn(text),
      error: (text) => this.#console.error(text),
      failed: (message, line, traceback) => {
        this.#console.error(message, line, traceback);
        if (line !== undefined) this.#editor.showError(message, line);
      },
      busy: (ms, line) => this.#console.showBusy(ms, line),
      paused: (line, stack) => {
        this.#console.showPaused(line, stack);
        this.#editor.setPausedLine(line ?? null);
      },
    };
  }

  #showFrame(frame: FrameMessage): void {
    this.#input.setRelative(frame.relativeMouse);
    if (this.#run.state === 'running') this.#showScreenLabel(this.#input.wantsLock ? 'click the screen to give the cart the mouse · Esc releases it' : '');
    const pointer = frame.relativeMouse ? null : this.#input.pointer();
    const cart = this.#cart.doc.cart;
    const cursor = pointer && cartUsesMouse(cart.code);
    this.#screen.element.classList.toggle('cart-cursor', Boolean(cursor));
    this.#screen.showFrame(CompactFrame.of(frame.compact), cursor ? cursorImage(frame.cursor, pointer, cart) : null);
    this.#audio.push(frame.audio);
  }

  #showScreenLabel(text: string): void {
    if (this.#screenLabel.textContent === text && this.#screenLabel.hidden === (text === '')) return;
    this.#screenLabel.textContent = text;
    this.#screenLabel.hidden = text === '';
  }

  /** The toolbar, the screen, the sound, the console and the status line follow the run's state. */
  #showState(state: StudioState): void {
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
    this.#status.update({ ...this.#run.stats(now), state: this.#run.state, renderer: this.#screen.rendererName });
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

  /** An autosave failure is told once, until a save succeeds again. */
  #newAutosaver(store: AutosaveStore): Autosaver {
    return new Autosaver(store, {
      failed: (message) => {
        if (!this.#saveFailed) this.#console.error(`The cart could not be autosaved: ${message}. Save it to a file to keep your changes.`);
        this.#saveFailed = true;
      },
      saved: () => {
        this.#saveFailed = false;
      },
    });
  }

  #toolbarActions(): ToolbarActions {
    return {
      ...this.#fileActions(),
      openRecent: (id) => this.#files.openRecent(id),
      run: () => this.run(),
      stop: () => this.stop(),
      breakCart: () => this.#run.breakCart(),
      resume: () => this.#run.resume(),
      rename: (name) => this.#rename(name),
      setVolume: (volume) => this.#audio.setVolume(volume),
      setMuted: (muted) => this.#audio.setMuted(muted),
    };
  }

  /** New, Open, Save and Save As, as the toolbar and the shortcuts offer them. */
  #fileActions(): Omit<ShortcutActions, 'run' | 'stop'> {
    return {
      newCart: () => this.#files.newCart(),
      open: () => this.#files.open(),
      save: () => void this.#files.save(false),
      saveAs: () => void this.#files.save(true),
    };
  }

  #newFileCommands(): FileCommands {
    return new FileCommands(
      {
        openCart: this.#cart,
        savedCarts: new SavedCarts(localStorage),
        loadEditor: (code) => this.#editor.load(code),
        leavingCart: () => this.stop(),
        confirm: (question) => window.confirm(question),
        info: (message) => this.#console.info(message),
        error: (message) => this.#console.error(message),
        showRecent: (entries) => this.#toolbar.setRecent(entries),
      },
      createCartFileAccess,
    );
  }

  /** The code editor's tab (F1) and the data editors' (F2 to F5). */
  #addEditorTabs(): void {
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
  }

  /** The window's part: sound unlocking, the screen's ticker, keys, dropped files, the last autosave and the automation hook. */
  #installPageHooks(): void {
    this.#audio.unlockOn(window);
    this.#screen.onTick((now) => this.#tick(now));
    installShortcuts({ ...this.#fileActions(), run: () => this.run(), stop: () => this.#escape() });
    installCartDrop((file) => void this.#openDropped(file));
    window.addEventListener('beforeunload', () => this.#autosaver.flush());
    installAutomationHook({
      lastFrame: () => this.#screen.lastFrame(),
      studioFps: () => this.#screen.studioFps(),
      state: () => this.#run.state,
      audioPeak: () => this.#audio.outputPeak(),
      cartBytes: (section, bank) => this.#cart.doc.cart.banks[bank][section].slice(),
      editor: { getCode: () => this.#editor.getCode(), setCode: (code) => this.#editor.setCode(code) },
    });
  }

  /** The console's command line (reference 8.2). */
  #commandLine(): CommandLine {
    const commands = new ConsoleCommands({
      run: () => this.run(),
      resume: () => this.#run.resume(),
      newCart: () => this.#files.newCart(),
      save: (name) => {
        if (name !== undefined) this.#rename(name);
        void this.#files.save(false);
      },
      pickCart: () => this.#files.open(),
      recentCarts: () => this.#files.recent,
      openRecent: (id) => this.#files.openRecent(id),
      evaluate: (code) => this.#run.evaluate(code),
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
