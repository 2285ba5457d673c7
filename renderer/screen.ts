// The console's screen: the cart's latest frame at the largest integer scale that fits, drawn by
// the studio's own ticker at the display rate whatever the cart is doing, with a busy spinner
// over it while the cart is stuck in a long frame.
import 'pixi.js/unsafe-eval';
import { Application, Container, Graphics } from 'pixi.js';
import type { CompactFrame } from '../runner/common/compact-frame.js';
import { framePixels } from '../runner/common/compose-frame.js';
import { FRAME_HEIGHT, FRAME_WIDTH } from '../runner/common/protocol.js';
import { stampCursor, type CursorImage } from './cursor-overlay.js';
import { screenRendererPreference } from './renderer-choice.js';
import { createScreenFrame, type ScreenFrame } from './screen-frame.js';
import { SlidingWindow } from './sliding-window.js';

const SPINNER_DOTS = 8;
const SPINNER_RADIUS = 14;
const SPINNER_DOT = 4;
const SPINNER_COLOR = 0xffcd75;
/** Dots per second the spinner's head advances. */
const SPINNER_SPEED = 12;

export interface FramePoint {
  x: number;
  y: number;
}

export class Screen {
  readonly element: HTMLElement;
  readonly #app: Application;
  readonly #frame: ScreenFrame;
  readonly #layer = new Container();
  readonly #busyLayer = new Container();
  readonly #spinner = new Graphics();
  readonly #draws = new SlidingWindow();
  /** The frame shown and its cursor, null before one. */
  #shown: { frame: CompactFrame; cursor: CursorImage | null } | null = null;
  /** The shown frame as RGBA, composed when first asked for. */
  #shownPixels: Uint8Array | null = null;
  #scale = 1;
  #busySince = 0;

  static async create(host: HTMLElement): Promise<Screen> {
    const app = new Application();
    await app.init({
      width: FRAME_WIDTH,
      height: FRAME_HEIGHT,
      background: '#000000',
      antialias: false,
      roundPixels: true,
      resolution: 1,
      autoDensity: false,
      preference: screenRendererPreference(),
      failIfMajorPerformanceCaveat: true,
    });
    return new Screen(host, app);
  }

  private constructor(host: HTMLElement, app: Application) {
    this.element = host;
    this.#app = app;
    this.#frame = createScreenFrame(app.renderer.name);
    this.#frame.show(null, null);

    app.canvas.classList.add('screen-canvas');
    host.append(app.canvas);

    this.#layer.addChild(this.#frame.view);
    const dim = new Graphics().rect(0, 0, FRAME_WIDTH, FRAME_HEIGHT).fill({ color: 0x000000, alpha: 0.45 });
    this.#busyLayer.addChild(dim, this.#spinner);
    this.#busyLayer.visible = false;
    this.#layer.addChild(this.#busyLayer);
    app.stage.addChild(this.#layer);

    app.ticker.add(() => this.#tick(performance.now()));
    new ResizeObserver(() => this.#fit()).observe(host);
    this.#fit();
  }

  /** Runs cb once per studio frame, after the frame count is taken. */
  onTick(cb: (now: number) => void): void {
    this.#app.ticker.add(() => cb(performance.now()));
  }

  /** Which pixi renderer is drawing ('webgl', 'webgpu' or 'canvas'). */
  get rendererName(): string {
    return this.#app.renderer.name;
  }

  /** Shows a frame the runner sent, with the mouse cursor (if any) over it. */
  showFrame(frame: CompactFrame, cursor: CursorImage | null = null): void {
    this.#frame.show(frame, cursor);
    this.#shown = { frame, cursor };
    this.#shownPixels = null;
  }

  /** Blank screen, and no last frame: a new run starts from nothing. */
  clear(): void {
    this.#frame.show(null, null);
    this.#shown = null;
    this.#shownPixels = null;
  }

  /** A copy of the last frame shown as 256x144 RGBA, cursor included, or null before one. */
  lastFrame(): Uint8Array | null {
    const shown = this.#shown;
    if (!shown) return null;
    if (!this.#shownPixels) {
      this.#shownPixels = framePixels(shown.frame);
      if (shown.cursor) stampCursor(this.#shownPixels, shown.cursor);
    }
    return this.#shownPixels.slice();
  }

  setBusy(busy: boolean): void {
    if (busy === this.#busyLayer.visible) return;
    this.#busyLayer.visible = busy;
    this.#busySince = performance.now();
  }

  /** Frames the studio drew in the last second. */
  studioFps(): number {
    return this.#draws.count(performance.now());
  }

  /** How many page pixels one frame pixel takes (for turning pointer movement into frame pixels). */
  pixelScale(): number {
    return this.#app.canvas.getBoundingClientRect().width / FRAME_WIDTH || 1;
  }

  /** A page position in 256x144 frame coordinates, clamped to the frame. */
  toFramePoint(clientX: number, clientY: number): FramePoint {
    const rect = this.#app.canvas.getBoundingClientRect();
    const x = Math.floor(((clientX - rect.left) / rect.width) * FRAME_WIDTH);
    const y = Math.floor(((clientY - rect.top) / rect.height) * FRAME_HEIGHT);
    return { x: Math.min(Math.max(x, 0), FRAME_WIDTH - 1), y: Math.min(Math.max(y, 0), FRAME_HEIGHT - 1) };
  }

  #tick(now: number): void {
    this.#draws.add(now);
    if (this.#busyLayer.visible) this.#drawSpinner(now);
  }

  #drawSpinner(now: number): void {
    const head = Math.floor(((now - this.#busySince) / 1000) * SPINNER_SPEED) % SPINNER_DOTS;
    const cx = FRAME_WIDTH / 2;
    const cy = FRAME_HEIGHT / 2;
    this.#spinner.clear();
    for (let k = 0; k < SPINNER_DOTS; k++) {
      const angle = (k / SPINNER_DOTS) * Math.PI * 2;
      const age = (head - k + SPINNER_DOTS) % SPINNER_DOTS;
      const x = Math.round(cx + Math.cos(angle) * SPINNER_RADIUS - SPINNER_DOT / 2);
      const y = Math.round(cy + Math.sin(angle) * SPINNER_RADIUS - SPINNER_DOT / 2);
      this.#spinner.rect(x, y, SPINNER_DOT, SPINNER_DOT).fill({ color: SPINNER_COLOR, alpha: 1 - age / SPINNER_DOTS });
    }
  }

  /** Integer scale in device pixels, so every cart pixel is a whole square of screen pixels. */
  #fit(): void {
    const dpr = window.devicePixelRatio || 1;
    const width = this.element.clientWidth * dpr;
    const height = this.element.clientHeight * dpr;
    const scale = Math.max(1, Math.floor(Math.min(width / FRAME_WIDTH, height / FRAME_HEIGHT)));
    if (scale !== this.#scale || this.#app.renderer.width !== FRAME_WIDTH * scale) {
      this.#scale = scale;
      this.#app.renderer.resize(FRAME_WIDTH * scale, FRAME_HEIGHT * scale);
      this.#layer.scale.set(scale);
    }
    const canvas = this.#app.canvas;
    canvas.style.width = `${(FRAME_WIDTH * scale) / dpr}px`;
    canvas.style.height = `${(FRAME_HEIGHT * scale) / dpr}px`;
  }
}
