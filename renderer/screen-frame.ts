// What draws the cart's frames on the screen: the compact frame the runner sent, and the mouse
// cursor over it. With WebGL a shader applies the colours (palette-frame.ts); pixi's canvas
// renderer, used where WebGL is emulated in software, gets RGBA composed here.
import { CanvasSource, Container, Sprite, Texture } from 'pixi.js';
import type { CompactFrame } from '../runner/common/compact-frame.js';
import { composeFrame } from '../runner/common/compose-frame.js';
import { FRAME_BYTES, FRAME_HEIGHT, FRAME_WIDTH } from '../runner/common/protocol.js';
import { stampCursor, type CursorImage } from './cursor-overlay.js';
import { PaletteScreenFrame } from './palette-frame.js';

export interface ScreenFrame {
  /** What to add to the stage: FRAME_WIDTH x FRAME_HEIGHT at scale 1. */
  readonly view: Container;
  /** Shows the frame (null: a blank screen) with the cursor (if any) over it. */
  show(frame: CompactFrame | null, cursor: CursorImage | null): void;
}

/**
 * pixi's canvas renderer converts a buffer source to a canvas once and reuses that copy until the
 * source is resized (update() does not invalidate it), so there the frame goes through a 2D
 * canvas of our own, which it draws directly.
 */
class CanvasScreenFrame implements ScreenFrame {
  readonly view: Container;
  readonly #context: CanvasRenderingContext2D;
  readonly #image: ImageData;
  readonly #source: CanvasSource;
  readonly #pixels = new Uint8Array(FRAME_BYTES);

  constructor() {
    const canvas = document.createElement('canvas');
    canvas.width = FRAME_WIDTH;
    canvas.height = FRAME_HEIGHT;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas context for the screen');
    this.#context = context;
    this.#image = context.createImageData(FRAME_WIDTH, FRAME_HEIGHT);
    this.#source = new CanvasSource({ resource: canvas, scaleMode: 'nearest' });
    this.view = new Sprite(new Texture({ source: this.#source }));
  }

  show(frame: CompactFrame | null, cursor: CursorImage | null): void {
    const pixels = this.#pixels;
    if (frame) composeFrame(frame, pixels);
    else pixels.fill(0);
    if (cursor) stampCursor(pixels, cursor);
    this.#image.data.set(pixels);
    this.#context.putImageData(this.#image, 0, 0);
    this.#source.update();
  }
}

export function createScreenFrame(rendererName: string): ScreenFrame {
  return rendererName === 'canvas' ? new CanvasScreenFrame() : new PaletteScreenFrame();
}
