// The library's picture of a cart: a .png cart's own picture, else its cover screen (bank 0's
// screen section), else its first frame rendered headless, else none.
import type { Cart } from '../../runner/common/cart/index.js';
import { screenPicture } from '../../runner/common/cart/screen-picture.js';
import { SCREEN_HEIGHT, SCREEN_WIDTH } from '../../runner/common/memory-map.js';
import { FRAME_HEIGHT, FRAME_WIDTH } from '../../runner/common/protocol.js';
import type { FirstFrames } from './first-frame.js';

export type CoverSource = 'png' | 'screen' | 'first-frame' | 'none';

export interface Cover {
  /** An image URL (blob: or data:); empty for 'none'. */
  url: string;
  source: CoverSource;
}

function rgbaUrl(rgba: Uint8Array, width: number, height: number): string {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return '';
  context.putImageData(new ImageData(new Uint8ClampedArray(rgba), width, height), 0, 0);
  return canvas.toDataURL('image/png');
}

export async function cartCover(name: string, bytes: Uint8Array, cart: Cart, firstFrames: FirstFrames): Promise<Cover> {
  if (/\.png$/i.test(name)) return { url: URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' })), source: 'png' };
  const screen = screenPicture(cart);
  if (screen) return { url: rgbaUrl(screen, SCREEN_WIDTH, SCREEN_HEIGHT), source: 'screen' };
  const frame = await firstFrames.render(cart, name);
  if (frame) return { url: rgbaUrl(frame, FRAME_WIDTH, FRAME_HEIGHT), source: 'first-frame' };
  return { url: '', source: 'none' };
}
