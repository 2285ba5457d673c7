// The game view of a player: the screen filling its element at integer scale, the keyboard, up to
// four gamepads and the mouse, the sound, the system menu on Esc, fullscreen, and the screens shown
// when the game ends (exit(), an error, a game that stopped answering). It runs the cart through
// any RunnerLink and keeps its pmem in the storage it is given, as the studio does (CartRun). The
// exported game's page holds one game for good; the studio's player loads one game after another,
// adds its own menu entries and buttons, and hides the view between games.
import type { Cart } from '../../runner/common/cart/index.js';
import { framePixels } from '../../runner/common/compose-frame.js';
import type { KeyValueStorage } from '../../runner/common/pmem/pmem-store.js';
import { StudioAudio } from '../audio/studio-audio.js';
import { GrantStore } from '../capabilities/grant-store.js';
import type { CapabilityQuestion } from '../capabilities/run-grants.js';
import { CartRun, type CartRunEvents, type FrameMessage } from '../cart-run.js';
import { DEFAULT_KEY_BINDINGS, type KeyBindings } from '../controls/key-bindings.js';
import { showCartFrame } from '../cursor-overlay.js';
import { button, el } from '../dom.js';
import { menuItems } from '../game-menu.js';
import { InputCapture } from '../input-capture.js';
import type { RunnerLink } from '../runner-link/runner-link.js';
import { Screen } from '../screen.js';
import type { StudioState } from '../studio-state.js';
import { EndScreen } from './end-screen.js';
import { isFullscreenKey, toggleFullscreen } from './fullscreen.js';
import { SystemMenu, type HostMenuEntry } from './system-menu.js';

/** A frame busy this long means the game stopped answering: the player ends it and offers a restart. */
export const HUNG_AFTER_MS = 2000;

export interface PlayerGame {
  cart: Cart;
  /** The cart's file name, for messages. */
  name: string;
  /** The line under the screen: title, author, description. */
  info: string;
  /**
   * The SHA-256 of the bytes of a cart from elsewhere (cartDigest), whose capabilities are asked
   * for (PlayerHost.ask); absent or null for the page's own cart, which has them all.
   */
  hash?: string | null;
}

/** What the studio gives its player; an exported game's page gives none of it. */
export interface PlayerHost {
  /** The menu's Close: the host ends the game (see PlayerView.stop) and hides the view. */
  close?(): void;
  /** The answers given to carts from elsewhere (the studio's, which its Capabilities page lists). */
  grants?: GrantStore;
  /** Asks about a capability a cart from elsewhere uses for the first time (see CapabilityPrompt). */
  ask?(question: CapabilityQuestion): void;
  /** The keys of players 1-4 (the studio's Controls); TIC-80's defaults without. */
  keyBindings?(): KeyBindings;
}

export class PlayerView {
  readonly element: HTMLElement;
  #game: PlayerGame;
  readonly #info: HTMLElement;
  readonly #bar: HTMLElement;
  readonly #screen: Screen;
  readonly #run: CartRun;
  readonly #input: InputCapture;
  readonly #audio: StudioAudio;
  readonly #menu: SystemMenu;
  readonly #end: EndScreen;
  /** The player ended the run because it stopped answering (its 'stopped' is not the cart's exit()). */
  #hung: { ms: number; line: number | undefined } | null = null;
  #failure = '';
  /** The host ended the game (stop()): no end screen for that. */
  #stopped = false;
  #framesShown = 0;
  /** The host's listeners to each frame shown (the studio's captures). */
  readonly #frameListeners: ((index: number, rgba: () => Uint8Array) => void)[] = [];

  /** host: the element the view fills (it should fill the window, or whatever the game gets). */
  /** audioWorkletUrl: the frame-player worklet's module (see StudioAudio). */
  static async create(
    host: HTMLElement,
    game: PlayerGame,
    link: RunnerLink,
    storage: KeyValueStorage,
    audioWorkletUrl: string,
    playerHost: PlayerHost = {},
  ): Promise<PlayerView> {
    const screenHost = el('div', 'player-screen');
    screenHost.tabIndex = 0;
    screenHost.setAttribute('aria-label', `${game.name}: the game's screen`);
    const stage = el('div', 'player-stage', screenHost);
    host.append(stage);
    return new PlayerView(host, stage, await Screen.create(screenHost), game, link, storage, new StudioAudio(audioWorkletUrl), playerHost);
  }

  private constructor(
    host: HTMLElement,
    stage: HTMLElement,
    screen: Screen,
    game: PlayerGame,
    link: RunnerLink,
    storage: KeyValueStorage,
    audio: StudioAudio,
    playerHost: PlayerHost,
  ) {
    this.element = host;
    this.#audio = audio;
    this.#game = game;
    this.#screen = screen;
    // An exported game is the page's own cart (no hash): it runs with every capability, nothing is asked.
    this.#run = new CartRun(link, storage, playerHost.grants ?? new GrantStore(storage), this.#runEvents(playerHost));
    this.#input = new InputCapture({
      target: screen.element,
      toFramePoint: (x, y) => screen.toFramePoint(x, y),
      pixelScale: () => screen.pixelScale(),
      isLive: () => this.#run.running && !this.#menu.isOpen && !this.#end.isOpen,
      send: (input) => this.#run.sendInput(input),
      keyBindings: () => playerHost.keyBindings?.() ?? DEFAULT_KEY_BINDINGS,
    });
    this.#menu = new SystemMenu(stage, {
      resume: () => this.#focus(),
      reset: () => this.start(),
      pick: (index) => {
        this.#run.pickMenuItem(index);
        this.#focus();
      },
      setVolume: (gain) => this.#audio.setVolume(gain),
      setMuted: (muted) => this.#audio.setMuted(muted),
      ...(playerHost.close ? { close: () => playerHost.close?.() } : {}),
    });
    this.#end = new EndScreen(stage, () => this.start());
    const fullscreen = button('⛶', 'player-fullscreen', () => toggleFullscreen(host), 'Fullscreen (F11, Alt+Enter)');
    this.#info = el('span', 'player-info', game.info);
    this.#bar = el('div', 'player-bar', this.#info, fullscreen);
    host.append(this.#bar);
    host.classList.add('player');
    this.#audio.unlockOn(window);
    screen.onTick(() => this.#input.poll());
    screen.element.addEventListener('pointerdown', () => this.#focus());
    window.addEventListener('keydown', (e) => this.#onKey(e));
  }

  /** Another game in the same view: it starts at once. */
  load(game: PlayerGame): void {
    this.#game = game;
    this.#info.textContent = game.info;
    this.#screen.element.setAttribute('aria-label', `${game.name}: the game's screen`);
    this.start();
  }

  /** Ends the game without an end screen (the host is leaving the player). */
  stop(): void {
    this.#stopped = true;
    this.#menu.close();
    this.#end.hide();
    this.#run.stop();
  }

  /** An entry of the host's in the system menu, after the cart's own items. */
  addMenuEntry(entry: HostMenuEntry): void {
    this.#menu.addEntry(entry);
  }

  /** A button of the host's in the bar under the screen, before the fullscreen button. */
  addBarButton(label: string, title: string, action: () => void): HTMLButtonElement {
    const added = button(label, 'player-bar-button', action, title);
    this.#info.after(added);
    return added;
  }

  /** Calls listener with each frame shown: its index and its pixels (RGBA, composed only when asked for). */
  onFrame(listener: (index: number, rgba: () => Uint8Array) => void): void {
    this.#frameListeners.push(listener);
  }

  /** The game being played (or last played). */
  get game(): PlayerGame {
    return this.#game;
  }

  /** Starts the game, or starts it again from the beginning (the link ends a live run without a report). */
  start(): void {
    this.#hung = null;
    this.#stopped = false;
    this.#menu.close();
    this.#end.hide();
    this.#failure = '';
    this.#screen.clear();
    this.#input.reset();
    this.#run.start({ cart: this.#game.cart, name: this.#game.name }, this.#game.hash ?? null);
    this.#focus();
  }

  get state(): StudioState {
    return this.#run.state;
  }

  lastFrame(): Uint8Array | null {
    return this.#screen.lastFrame();
  }

  /** Frames the page drew in the last second, whatever the cart does. */
  screenFps(): number {
    return this.#screen.studioFps();
  }

  /** Frames of the cart shown since the page opened. */
  get framesShown(): number {
    return this.#framesShown;
  }

  #focus(): void {
    this.#screen.element.focus();
  }

  #onKey(e: KeyboardEvent): void {
    // A host that hides the view between games keeps its keys meanwhile.
    if (this.element.hidden) return;
    if (isFullscreenKey(e)) {
      e.preventDefault();
      toggleFullscreen(this.element);
      return;
    }
    if (e.code !== 'Escape' || e.repeat || this.#end.isOpen) return;
    e.preventDefault();
    if (this.#menu.isOpen) {
      this.#menu.close();
      this.#focus();
    } else if (this.#run.running) {
      this.#input.releaseAll();
      this.#menu.open(menuItems(this.#game.cart.code) ?? []);
    }
  }

  #runEvents(playerHost: PlayerHost): CartRunEvents {
    return {
      stateChanged: (state) => this.#showState(state),
      frame: (frame) => this.#showFrame(frame),
      sandbox: () => {},
      trace: (text) => console.log(text),
      info: (text) => console.info(`${this.#game.name}: ${text}`),
      warn: (text) => console.warn(`${this.#game.name}: ${text}`),
      error: (text) => console.error(`${this.#game.name}: ${text}`),
      failed: (message, line) => {
        this.#failure = line === undefined || message.includes(`line ${line}`) ? message : `${message} (line ${line})`;
      },
      busy: (ms, line) => {
        if (ms < HUNG_AFTER_MS || this.#hung) return;
        this.#hung = { ms, line };
        // After the run has taken in this 'busy' (it is telling us of it now).
        queueMicrotask(() => this.#run.stop());
      },
      // The game page has no debugger: nothing asks for these.
      paused: () => {},
      inspection: () => {},
      ram: () => {},
      reloaded: () => {},
      // A page cannot write into the file it was loaded from; a cart's own writes stay in its run.
      cartWrite: () => {},
      ask: (question) => playerHost.ask?.(question),
    };
  }

  #showFrame(frame: FrameMessage): void {
    this.#framesShown += 1;
    this.#input.setRelative(frame.relativeMouse);
    const pointer = frame.relativeMouse ? null : this.#input.pointer();
    const compact = showCartFrame(this.#screen, frame, pointer, this.#game.cart);
    this.#audio.push(frame.audio);
    for (const listener of this.#frameListeners) listener(frame.index, () => framePixels(compact));
  }

  #showState(state: StudioState): void {
    this.#screen.setBusy(state === 'busy');
    if (state !== 'running') this.#audio.silence();
    if (state === 'running' || state === 'busy') return;
    this.#menu.close();
    this.#input.releaseAll();
    this.#screen.element.classList.remove('cart-cursor');
    const hung = this.#hung;
    if (this.#stopped) return;
    if (hung) {
      const where = hung.line ? ` at line ${hung.line}` : '';
      this.#end.show(
        'The game stopped responding',
        `${this.#game.name} was busy in one frame for over ${Math.floor(hung.ms / 1000)} s${where}, so it was stopped.`,
        'Restart',
      );
    } else if (state === 'error') this.#end.show('The game crashed', this.#failure, 'Restart');
    else if (state === 'stopped') this.#end.show('GAME OVER', '', 'Play again');
  }
}
