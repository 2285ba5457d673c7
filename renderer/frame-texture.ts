// The texture the cart's 256x144 RGBA frames are written into.
import { BufferImageSource, CanvasSource, Texture } from 'pixi.js';
import { FRAME_HEIGHT, FRAME_WIDTH } from '../runner/common/protocol.js';

export interface FrameTexture {
  readonly texture: Texture;
  /** Copies one RGBA frame (FRAME_BYTES bytes) into the texture. */
  write(pixels: Uint8Array): void;
}

/** GPU renderers: the bytes are uploaded as they are, RGBA order, sampled nearest. */
function bufferFrameTexture(): FrameTexture {
  const bytes = new Uint8Array(FRAME_WIDTH * FRAME_HEIGHT * 4);
  const source = new BufferImageSource({
    resource: bytes,
    width: FRAME_WIDTH,
    height: FRAME_HEIGHT,
    format: 'rgba8unorm',
    scaleMode: 'nearest',
  });
  return {
    texture: new Texture({ source }),
    write(pixels) {
      bytes.set(pixels);
      source.update();
    },
  };
}

/**
 * pixi's canvas renderer converts a buffer source to a canvas once and reuses that copy until the
 * source is resized (update() does not invalidate it), so there the frame goes through a 2D
 * canvas of our own, which it draws directly.
 */
function canvasFrameTexture(): FrameTexture {
  const canvas = document.createElement('canvas');
  canvas.width = FRAME_WIDTH;
  canvas.height = FRAME_HEIGHT;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas context for the screen');
  const image = context.createImageData(FRAME_WIDTH, FRAME_HEIGHT);
  const source = new CanvasSource({ resource: canvas, scaleMode: 'nearest' });
  return {
    texture: new Texture({ source }),
    write(pixels) {
      image.data.set(pixels);
      context.putImageData(image, 0, 0);
      source.update();
    },
  };
}

export function createFrameTexture(rendererName: string): FrameTexture {
  return rendererName === 'canvas' ? canvasFrameTexture() : bufferFrameTexture();
}
