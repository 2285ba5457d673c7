// A cart's cover screen (bank 0's screen section, which TIC-80 keeps as the cart's cover) as a
// 240 x 136 RGBA picture in the palette the cart runs with; null when the section is empty (all colour 0).
import { SCREEN_HEIGHT, SCREEN_WIDTH } from '../memory-map.js';
import type { Cart } from './cart.js';
import { runningPalettes } from './defaults.js';

export function screenPicture(cart: Cart): Uint8Array | null {
  const { screen } = cart.banks[0];
  const palette = runningPalettes(cart.banks[0]);
  if (screen.every((byte) => byte === 0)) return null;
  const rgba = new Uint8Array(SCREEN_WIDTH * SCREEN_HEIGHT * 4);
  for (let i = 0; i < SCREEN_WIDTH * SCREEN_HEIGHT; i++) {
    // Even x is the low nibble (reference 3.1).
    const color = (screen[i >> 1] >> ((i & 1) * 4)) & 0x0f;
    rgba.set(palette.subarray(color * 3, color * 3 + 3), i * 4);
    rgba[i * 4 + 3] = 0xff;
  }
  return rgba;
}
