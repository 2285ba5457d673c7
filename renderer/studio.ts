// Wires the studio together: the open cart, its editor and autosave, the file commands, the
// toolbar and shortcuts, the screen and input, the console and status line, and the cart's run,
// whose events they show; and the library and player over it (renderer/library/).
import { cartSourceOf, codeBytes, runningPalettes } from '../runner/common/cart/index.js';
import type { StepKind } from '../runner/common/debug-types.js';
import type { CartSection, MessageOf, RunnerMessage } from '../runner/common/protocol.js';
import workletUrl from './audio/frame-player.worklet.ts?worker&url';
import { framePixels } from '../runner/common/compose-frame.js';
import { StudioAudio } from './audio/studio-audio.js';
import { installAutomationHook } from './automation-hook.js';
import { Autosaver } from './autosave/autosaver.js';
import type { AutosaveStore } from './autosave/autosave-store.js';
import { createAutosaveStore } from './autosave/create-autosave-store.js';
import { restoreAutosave, type RestoredCart } from './autosave/restore-autosave.js';
import { capabilitiesPage } from './capabilities/capabilities-page.js';
import { controlsPage } from './controls/controls-page.js';
import { loadKeyBindings, saveKeyBindings, type KeyBindings } from './controls/key-bindings.js';
import { loadCaptureSettings, saveCaptureSettings, type CaptureSettings } from './captures/capture-settings.js';
import { Captures, type CapturesHost } from './captures/captures.js';
import { capturesPage } from './captures/captures-page.js';
import { CapabilityPrompt } from './capabilities/capability-prompt.js';
import { GrantStore } from './capabilities/grant-store.js';
import { cartIdentity, documentTitle, OpenCart } from './cart-document.js';
import { installCartDrop } from './cart-drop.js';
import { normaliseCartName } from './cart-name.js';
import { CartRun, type CartRunEvents, type FrameMessage } from './cart-run.js';
import { newCartDocument } from './cart-template.js';
import { CodeEditor } from './code-editor.js';
import { ConsolePane } from './console-pane.js';
import { installDebugKeys } from './debugger/debug-keys.js';
import { LiveCoding } from './debugger/live-coding.js';
import type { InspectionResult } from './debugger/value-tree.js';
import { CommandLine } from './console-commands/command-line.js';
import { ConsoleCommands } from './console-commands/console-commands.js';
import { pickPng } from './console-commands/pick-png.js';
import { byId } from './dom.js';
import { showCartFrame } from './cursor-overlay.js';
import { EditorTabs } from './editors/editor-tabs.js';
import type { EditorHost } from './editors/editor-host.js';
import { createMapEditor } from './editors/map/map-editor.js';
import { createSpriteEditor } from './editors/sprite/sprite-editor.js';
import { createSfxEditor } from './editors/sfx/sfx-editor.js';
import { createMusicEditor } from './editors/music/music-editor.js';
import { FileCommands } from './file-commands.js';
import { GameMenu, menuItems } from './game-menu.js';
import { download } from './files/browser-cart-files.js';
import { exportGame, gameFileName } from './files/game-export.js';
import { createCartFileAccess } from './files/create-cart-file-access.js';
import { cartDigest } from './files/cart-digest.js';
import { SavedCarts } from './files/saved-carts.js';
import { InputCapture } from './input-capture.js';
import { PlayArea } from './library/play-area.js';
import { cartGivenToPlay } from './library/cart-to-play.js';
import { createRunnerLink, runnersInPage } from './runner-link/create-runner-link.js';
import { SharedRunnerLink } from './runner-link/shared-link.js';
import { Screen } from './screen.js';
import { SettingsDialog } from './settings/settings-dialog.js';
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
  readonly #audio = new StudioAudio(workletUrl);
  readonly #grants = new GrantStore(localStorage);
  readonly #settings = new SettingsDialog(document.body);
  readonly #prompt: CapabilityPrompt;
  #captureSettings: CaptureSettings = loadCaptureSettings(localStorage);
  #keyBindings: KeyBindings = loadKeyBindings(localStorage);
  readonly #captures = this.#newCaptures();
  readonly #screenLabel = byId('screen-label');
  #lastStatus = 0;
  #saveFailed = false;
  /** Inspections asked of the paused cart, by request number, and RAM reads, waiting for their answers. */
  readonly #inspections = new Map<number, (result: InspectionResult) => void>();
  #ramReads: ((ram: Uint8Array) => void)[] = [];
  readonly #live: LiveCoding;
  readonly #playArea: PlayArea;
  readonly #playerCaptures: Captures;
  readonly #savedCarts = new SavedCarts(localStorage);

  static async create(): Promise<Studio> {
    // The kept cart is read before anything is shown, so the editor never shows the template first.
    const store = createAutosaveStore();
    const [screen, restored] = await Promise.all([Screen.create(byId('screen')), restoreAutosave(store, localStorage)]);
    return new Studio(screen, new SharedRunnerLink(createRunnerLink()), store, restored);
  }

  private constructor(screen: Screen, link: SharedRunnerLink, store: AutosaveStore, restored: RestoredCart) {
    this.#screen = screen;
    this.#cart = new OpenCart(restored.doc ?? newCartDocument());
    this.#autosaver = this.#newAutosaver(store);
    this.#prompt = new CapabilityPrompt(byId('screen').parentElement ?? document.body);
    this.#run = new CartRun(link.view(), localStorage, this.#grants, this.#runEvents());
    this.#addSettingsPages();
    this.#playArea = new PlayArea(link.view(), {
      openInEditor: (file) => this.#files.opened(file),
      identity: (bytes) => (this.#savedCarts.wroteHere(bytes) ? null : cartDigest(bytes)),
      error: (message) => this.#console.error(message),
      grants: this.#grants,
      keyBindings: () => this.#keyBindings,
    });
    this.#playerCaptures = this.#newPlayerCaptures();
    this.#addPlayerEntries();
    this.#toolbar = new Toolbar(byId('toolbar'), this.#toolbarActions(), newCartShortcut(window.nibbleElectron !== undefined));
    this.#console = new ConsolePane(byId('console'), {
      revealLine: (line) => this.#editor.revealLine(line),
      breakCart: () => this.#run.breakCart(),
      resumeCart: () => this.#run.resume(),
      stopCart: () => this.stop(),
      step: (kind) => this.#step(kind),
      inspect: (target) => this.#inspect(this.#run.inspect(target)),
      readRam: () => this.#readRam(),
    });
    this.#status = new StatusLine(byId('status'));
    this.#editor = new CodeEditor(byId('editor'), {
      code: this.#cart.doc.cart.code,
      onChange: (code) => this.#cart.editCode(code),
      valueOf: async (expression) => {
        if (this.#run.state !== 'paused') return null;
        const result = await this.#inspect(this.#run.inspect({ expression, frame: 0 }));
        return result.entries[0]?.value ?? null;
      },
    });
    this.#editor.breakpoints.onChange((breakpoints) => this.#run.setBreakpoints(breakpoints));
    this.#live = new LiveCoding(byId('toolbar'), {
      code: () => this.#cart.doc.cart.code,
      sections: () => this.#cart.doc.cart.banks[0],
      reload: (code, data) => this.#run.reload(code, data),
    });
    this.#cart.onChange(() => this.#live.edited());
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
      keyBindings: () => this.#keyBindings,
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
    this.#playGivenCarts();
  }

  /** The cart given to the studio to play (`nibble play`, the desktop app's "open with"), now and later. */
  #playGivenCarts(): void {
    const play = (): void =>
      void cartGivenToPlay()
        .then((file) => {
          if (file) this.#playArea.play(file);
        })
        .catch((err: unknown) => this.#console.error((err as Error).message));
    play();
    window.nibbleElectron?.onCartToPlay(play);
  }

  run(): void {
    this.#autosaver.flush();
    this.#editor.clearErrors();
    const { name } = this.#cart.doc;
    this.#console.setCartName(name);
    this.#console.info(`— run ${name} —`);
    this.#screen.clear();
    this.#input.reset();
    this.#run.start(this.#cart.doc, cartIdentity(this.#cart.doc));
    this.#live.started();
    this.#screen.element.focus();
  }

  stop(): void {
    this.#gameMenu.close();
    this.#run.stop();
  }

  /** Esc: a cart with a game menu gets its menu (or leaves it); any other cart stops. */
  #escape(): void {
    // Esc closes an open settings dialog (the browser does), and does nothing to the cart.
    if (this.#settings.isOpen) return;
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
      paused: (line, stack, details) => {
        this.#console.showPaused(line, stack, details.globals);
        this.#editor.setPausedLine(line ?? null);
      },
      inspection: (answer) => this.#answered(answer),
      ram: (bytes) => {
        for (const read of this.#ramReads.splice(0)) read(bytes);
      },
      reloaded: (error, line) => {
        if (error === undefined) return this.#editor.clearErrors();
        this.#console.error(`live reload: ${error} (the cart runs on with its old code)`, line);
        if (line !== undefined) this.#editor.showError(error, line);
      },
      ask: (question) => this.#prompt.ask(question),
      cartWrite: (bank, data) => {
        for (const [section, bytes] of Object.entries(data) as [CartSection, Uint8Array][]) this.#cart.editSection(bank, section, bytes);
      },
    };
  }

  #step(kind: StepKind): void {
    if (this.#run.state === 'paused') this.#run.step(kind);
  }

  #inspect(request: number): Promise<InspectionResult> {
    return new Promise((resolve) => this.#inspections.set(request, resolve));
  }

  #answered(answer: MessageOf<RunnerMessage, 'inspection'>): void {
    const resolve = this.#inspections.get(answer.request);
    this.#inspections.delete(answer.request);
    resolve?.({ entries: answer.entries, more: answer.more, ...(answer.error !== undefined ? { error: answer.error } : {}) });
  }

  #readRam(): Promise<Uint8Array> {
    return new Promise((resolve) => {
      this.#ramReads.push(resolve);
      this.#run.readRam();
    });
  }

  /** Console `resume reload`: the code and data as edited go into the cart, which then goes on. */
  #resume(reload: boolean): void {
    const { code, data } = cartSourceOf(this.#cart.doc.cart, this.#cart.doc.name);
    if (reload && !this.#run.reload(code, data)) {
      this.#console.error('resume reload: no cart is running (run it first)');
      return;
    }
    this.#run.resume();
  }

  #showFrame(frame: FrameMessage): void {
    this.#input.setRelative(frame.relativeMouse);
    if (this.#run.state === 'running') this.#showScreenLabel(this.#input.wantsLock ? 'click the screen to give the cart the mouse · Esc releases it' : '');
    const pointer = frame.relativeMouse ? null : this.#input.pointer();
    const compact = showCartFrame(this.#screen, frame, pointer, this.#cart.doc.cart);
    this.#audio.push(frame.audio);
    this.#captures.frame(frame.index, () => framePixels(compact));
  }

  #newCaptures(): Captures {
    return new Captures({
      ...this.#captureSaving(),
      lastFrame: () => this.#screen.lastFrame(),
      cartName: () => this.#cart.doc.name,
      cartPalette: () => runningPalettes(this.#cart.doc.cart.banks[0]),
      setCover: (screen) => this.#cart.editSection(0, 'screen', screen),
      recording: (on) => {
        const pane = this.#screen.element.parentElement;
        if (pane) pane.dataset.recording = String(on);
      },
    });
  }

  /**
   * The player's captures: of the game it plays, named after its file; a cover goes into the
   * played cart (bank 0's screen section), which F1 then opens in the editor to save.
   */
  #newPlayerCaptures(): Captures {
    const player = this.#playArea.player;
    return new Captures({
      ...this.#captureSaving(),
      lastFrame: () => player.view?.lastFrame() ?? null,
      cartName: () => player.view?.game.name ?? 'cart',
      cartPalette: () => (player.view ? runningPalettes(player.view.game.cart.banks[0]) : new Uint8Array(0)),
      setCover: (screen) => player.setCover(screen),
      recording: (on) => {
        if (player.view) player.view.element.dataset.recording = String(on);
      },
    });
  }

  /** Where captures go and what they tell, the same for the studio's screen and its player. */
  #captureSaving(): Pick<CapturesHost, 'settings' | 'save' | 'info' | 'error'> {
    return {
      settings: () => this.#captureSettings,
      save: async (name, bytes) => {
        const electron = window.nibbleElectron;
        if (electron) return electron.saveCapture(name, bytes);
        download(name, bytes);
        return `${name}, downloaded`;
      },
      info: (text) => this.#console.info(text),
      error: (text) => this.#console.error(text),
    };
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
    // The last frame stays on the screen, dimmed, while the cart is paused.
    this.#screen.element.classList.toggle('screen-paused', state === 'paused');
    if (state !== 'paused') this.#inspections.clear();
    // Silence rather than a stuttering loop while the cart is not producing frames.
    if (state !== 'running') this.#audio.silence();
    if (state !== 'busy') this.#console.hideBusy();
    if (state !== 'paused') {
      this.#console.hidePaused();
      this.#editor.setPausedLine(null);
    }
    if (!isLive(state)) {
      this.#captures.stopGif();
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

  /** The studio's keys do nothing while the library or the player covers it (they have their own). */
  #whileInStudio(actions: ShortcutActions): ShortcutActions {
    const guarded = {} as ShortcutActions;
    for (const [name, action] of Object.entries(actions) as [keyof ShortcutActions, () => void][]) {
      guarded[name] = () => {
        if (!this.#playArea.isOpen) action();
      };
    }
    return guarded;
  }

  #openLibrary(): void {
    this.stop();
    this.#playArea.openLibrary();
  }

  /** A dropped folder or .zip goes to the library when it is open; a cart file anywhere else opens in the editor. */
  async #dropped(file: File, data: DataTransfer): Promise<void> {
    if (await this.#playArea.takeDrop(data)) return;
    if (!this.#playArea.isOpen) await this.#openDropped(file);
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
      openLibrary: () => this.#openLibrary(),
      exportGame: () => void this.#exportGame(),
      run: () => this.run(),
      stop: () => this.stop(),
      breakCart: () => this.#run.breakCart(),
      resume: () => this.#run.resume(),
      rename: (name) => this.#rename(name),
      setVolume: (volume) => this.#audio.setVolume(volume),
      setMuted: (muted) => this.#audio.setMuted(muted),
      openSettings: () => this.#settings.show(),
    };
  }

  /** New, Open, Save and Save As, as the toolbar and the shortcuts offer them. */
  #fileActions(): Omit<ShortcutActions, 'run' | 'stop' | 'setCover' | 'screenshot' | 'toggleGif'> {
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
        savedCarts: this.#savedCarts,
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

  /** The studio's own entries in the player's system menu: its settings pages and the captures. */
  #addPlayerEntries(): void {
    this.#playArea.addMenuEntry({ label: 'Controls', action: () => this.#settings.show('controls') });
    this.#playArea.addMenuEntry({ label: 'Capabilities', action: () => this.#settings.show('capabilities') });
    this.#playArea.addMenuEntry({ label: 'Screenshot (F8)', action: () => this.#playerCaptures.screenshot() });
    this.#playArea.addMenuEntry({ label: 'Record GIF (F9)', action: () => this.#playerCaptures.toggleGif() });
    this.#playArea.addMenuEntry({ label: 'Set cover (F7)', action: () => this.#playerCaptures.setCover() });
    this.#playArea.player.onFrame((index, rgba) => this.#playerCaptures.frame(index, rgba));
    // A recording of the game ends with it, and is saved, as the studio's does when its cart stops.
    this.#playArea.player.onStop(() => this.#playerCaptures.stopGif());
  }

  #addSettingsPages(): void {
    this.#settings.add(capabilitiesPage(this.#grants));
    this.#settings.add(
      controlsPage(
        () => this.#keyBindings,
        (bindings) => {
          this.#keyBindings = bindings;
          if (!saveKeyBindings(localStorage, bindings))
            this.#console.error('The controls could not be kept (storage full or disabled); they last until the studio closes.');
          this.#settings.refresh();
        },
      ),
    );
    this.#settings.add(
      capturesPage(
        () => this.#captureSettings,
        (settings) => {
          this.#captureSettings = settings;
          if (!saveCaptureSettings(localStorage, settings))
            this.#console.error('The capture settings could not be kept (storage full or disabled); they last until the studio closes.');
        },
      ),
    );
    this.#grants.onChange(() => this.#settings.refresh());
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
    const studioKeys = this.#whileInStudio({
      ...this.#fileActions(),
      run: () => this.run(),
      stop: () => this.#escape(),
      setCover: () => this.#captures.setCover(),
      screenshot: () => this.#captures.screenshot(),
      toggleGif: () => {
        if (this.#captures.recording || this.#run.running) this.#captures.toggleGif();
        else this.#console.error('No GIF: the cart is not running. Run it, then press F9.');
      },
    });
    // The capture keys take the player's game while the player is shown.
    const inPlayer = (player: () => void, studio: () => void) => () => (this.#playArea.player.isOpen ? player() : studio());
    installShortcuts({
      ...studioKeys,
      setCover: inPlayer(() => this.#playerCaptures.setCover(), studioKeys.setCover),
      screenshot: inPlayer(() => this.#playerCaptures.screenshot(), studioKeys.screenshot),
      toggleGif: inPlayer(() => this.#playerCaptures.toggleGif(), studioKeys.toggleGif),
    });
    installDebugKeys(window, { paused: () => this.#run.state === 'paused', resume: () => this.#run.resume(), step: (kind) => this.#step(kind) });
    installCartDrop((file, data) => void this.#dropped(file, data));
    window.addEventListener('beforeunload', () => this.#autosaver.flush());
    installAutomationHook({
      lastFrame: () => this.#screen.lastFrame(),
      studioFps: () => this.#screen.studioFps(),
      state: () => this.#run.state,
      audioPeak: () => this.#audio.outputPeak(),
      cartBytes: (section, bank) => this.#cart.doc.cart.banks[bank][section].slice(),
      editor: {
        getCode: () => this.#editor.getCode(),
        setCode: (code) => this.#editor.setCode(code),
        setBreakpoint: (breakpoint) => this.#editor.breakpoints.set(breakpoint),
        breakpoints: () => this.#editor.breakpoints.list(),
      },
      player: {
        lastFrame: () => this.#playArea.player.view?.lastFrame() ?? null,
        state: () => this.#playArea.player.view?.state ?? null,
        framesShown: () => this.#playArea.player.view?.framesShown ?? 0,
      },
    });
  }

  /** The open cart as a one-file HTML game, downloaded (the desktop app asks where to save downloads). */
  async #exportGame(name?: string): Promise<void> {
    const { cart, name: cartName } = this.#cart.doc;
    const file = gameFileName(cartName, name);
    try {
      const bytes = await exportGame(cart, cartName);
      download(file, bytes);
      this.#console.info(`exported the game to ${file} (${Math.round(bytes.length / 1024)} KB): open it in any browser to play`);
    } catch (err) {
      this.#console.error(`export html: ${(err as Error).message}`);
    }
  }

  /** The console's command line (reference 8.2). */
  #commandLine(): CommandLine {
    const commands = new ConsoleCommands({
      run: () => this.run(),
      resume: (reload) => this.#resume(reload),
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
      exportGame: (name) => this.#exportGame(name),
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
