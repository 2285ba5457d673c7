// A pixi canvas showing a small indexed image at a whole-number zoom, with an overlay drawn in
// screen pixels (frames, grid). It renders only when told to: nothing here animates.
import 'pixi.js/unsafe-eval';
import { Application, CanvasSource, Graphics, Rectangle, Sprite, Texture } from 'pixi.js';
import { screenRendererPreference } from '../../renderer-choice.js';

export interface ImagePoint {
  x: number;
  y: number;
}

export class PixelSurface {
  readonly canvas: HTMLCanvasElement;
  /** Drawn on top of the image, in the surface's own pixels (image pixel × scale). */
  readonly overlay = new Graphics();
  readonly #app: Application;
  readonly #image: HTMLCanvasElement;
  readonly #context: CanvasRenderingContext2D;
  readonly #source: CanvasSource;
  readonly #sprite: Sprite;
  #width = 0;
  #height = 0;
  #scale = 1;
  #boxWidth = 0;
  #boxHeight = 0;

  /** maxWidth x maxHeight: the largest image it will show. */
  static async create(maxWidth: number, maxHeight: number, label: string): Promise<PixelSurface> {
    const app = new Application();
    await app.init({
      width: maxWidth,
      height: maxHeight,
      background: '#000000',
      antialias: false,
      roundPixels: true,
      resolution: 1,
      autoDensity: false,
      autoStart: false,
      preference: screenRendererPreference(),
      failIfMajorPerformanceCaveat: true,
    });
    return new PixelSurface(app, maxWidth, maxHeight, label);
  }

  private constructor(app: Application, maxWidth: number, maxHeight: number, label: string) {
    this.#app = app;
    this.canvas = app.canvas;
    this.canvas.classList.add('pixel-surface');
    this.canvas.setAttribute('aria-label', label);
    this.#image = document.createElement('canvas');
    this.#image.width = maxWidth;
    this.#image.height = maxHeight;
    const context = this.#image.getContext('2d');
    if (!context) throw new Error('no 2D canvas context for the sprite editor');
    this.#context = context;
    this.#source = new CanvasSource({ resource: this.#image, scaleMode: 'nearest' });
    this.#sprite = new Sprite(Texture.EMPTY);
    app.stage.addChild(this.#sprite, this.overlay);
  }

  get scale(): number {
    return this.#scale;
  }

  /** Shows a width x height RGBA image (its pixel data) at the current scale. */
  show(width: number, height: number, rgba: Uint8ClampedArray<ArrayBuffer>): void {
    this.#context.putImageData(new ImageData(rgba, width, height), 0, 0);
    this.#source.update();
    if (width !== this.#width || height !== this.#height) {
      const old = this.#sprite.texture;
      this.#sprite.texture = new Texture({ source: this.#source, frame: new Rectangle(0, 0, width, height) });
      if (old !== Texture.EMPTY) old.destroy(false);
      this.#width = width;
      this.#height = height;
      this.#resize();
    }
  }

  /** Zooms the image by the largest whole number at which it fits in width x height CSS pixels. */
  fit(width: number, height: number): void {
    this.#boxWidth = width;
    this.#boxHeight = height;
    this.#resize();
  }

  /** The image pixel under a page position (outside the image when the pointer is). */
  toImagePoint(clientX: number, clientY: number): ImagePoint {
    const rect = this.canvas.getBoundingClientRect();
    return {
      x: Math.floor(((clientX - rect.left) / rect.width) * this.#width),
      y: Math.floor(((clientY - rect.top) / rect.height) * this.#height),
    };
  }

  render(): void {
    this.#app.render();
  }

  #resize(): void {
    if (this.#width === 0) return;
    const dpr = window.devicePixelRatio || 1;
    this.#scale = Math.max(1, Math.floor(Math.min((this.#boxWidth * dpr) / this.#width, (this.#boxHeight * dpr) / this.#height)));
    this.#sprite.scale.set(this.#scale);
    const width = this.#width * this.#scale;
    const height = this.#height * this.#scale;
    if (width !== this.#app.renderer.width || height !== this.#app.renderer.height) this.#app.renderer.resize(width, height);
    this.canvas.style.width = `${width / dpr}px`;
    this.canvas.style.height = `${height / dpr}px`;
  }
}
