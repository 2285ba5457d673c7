// A picture the editor writes pixel by pixel and pixi draws: a 2D canvas of ImageData words,
// shown through a canvas texture (which pixi's canvas renderer draws directly and a GPU renderer
// uploads on update()).
import { CanvasSource, Texture } from 'pixi.js';

export class CanvasImage {
  readonly texture: Texture;
  /** The pixels as ImageData words; change them, then call flush(). */
  readonly words: Uint32Array;
  readonly #context: CanvasRenderingContext2D;
  readonly #image: ImageData;
  readonly #source: CanvasSource;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas context for the map editor');
    this.#context = context;
    this.#image = context.createImageData(width, height);
    this.words = new Uint32Array(this.#image.data.buffer);
    this.#source = new CanvasSource({ resource: canvas, scaleMode: 'nearest' });
    this.texture = new Texture({ source: this.#source });
  }

  /** Shows the changed words inside the rectangle (the whole picture by default). */
  flush(x = 0, y = 0, width = this.width, height = this.height): void {
    this.#context.putImageData(this.#image, 0, 0, x, y, width, height);
    this.#source.update();
  }
}
