// A pixi canvas for pixel art: a picture `width` x `height` logical pixels, shown at a whole
// number of device pixels per pixel, drawn only when asked (at most once per display frame).
import { Application, Container } from 'pixi.js';
import { screenRendererPreference } from '../../renderer-choice.js';

export interface LogicalPoint {
  x: number;
  y: number;
}

export class PixelCanvas {
  /** Draw here in logical pixels; it is scaled to the canvas. */
  readonly stage = new Container();
  /** Draw here in device pixels (for one-pixel lines such as grids). */
  readonly overlay = new Container();
  readonly #app: Application;
  #scale = 0;
  #pending = false;

  static async create(width: number, height: number): Promise<PixelCanvas> {
    const app = new Application();
    await app.init({
      width,
      height,
      background: '#000000',
      antialias: false,
      resolution: 1,
      autoDensity: false,
      autoStart: false,
      preference: screenRendererPreference(),
    });
    return new PixelCanvas(app, width, height);
  }

  private constructor(
    app: Application,
    readonly width: number,
    readonly height: number,
  ) {
    this.#app = app;
    app.stage.addChild(this.stage, this.overlay);
  }

  get element(): HTMLCanvasElement {
    return this.#app.canvas;
  }

  /** Device pixels per logical pixel. */
  get scale(): number {
    return this.#scale;
  }

  /** Shows the picture at `cssScale` CSS pixels per pixel, rounded down to whole device pixels. */
  setScale(cssScale: number): void {
    const dpr = window.devicePixelRatio || 1;
    const scale = Math.max(1, Math.floor(cssScale * dpr));
    if (scale !== this.#scale) {
      this.#scale = scale;
      this.#app.renderer.resize(this.width * scale, this.height * scale);
      this.stage.scale.set(scale);
    }
    this.element.style.width = `${(this.width * scale) / dpr}px`;
    this.element.style.height = `${(this.height * scale) / dpr}px`;
    this.requestDraw();
  }

  /** A page position in logical pixels (fractional; may lie outside the picture). */
  toLogical(clientX: number, clientY: number): LogicalPoint {
    const rect = this.element.getBoundingClientRect();
    return { x: ((clientX - rect.left) / rect.width) * this.width, y: ((clientY - rect.top) / rect.height) * this.height };
  }

  /** Draws once before the next display frame, however often it is asked. */
  requestDraw(): void {
    if (this.#pending) return;
    this.#pending = true;
    requestAnimationFrame(() => {
      this.#pending = false;
      this.#app.render();
    });
  }
}
