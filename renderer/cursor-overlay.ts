// The mouse cursor TIC-80's studio draws over the output frame (reference 3.5, blitCursor): only
// for carts whose input includes the mouse, not in relative mode. With the cursor byte's system
// flag set, sprite 0, 1 or 2 is the console's own arrow, hand or I-beam; with it clear, sprite id
// (0 = none) comes from the cart's bank-0 sprites (its data, not RAM), colour 0 transparent, in the
// cart's vbank-0 palette.
import { runningPalettes, type Cart } from '../runner/common/cart/index.js';
import { FRAME_WIDTH, FRAME_HEIGHT } from '../runner/common/protocol.js';
import { metaTag } from '../runner/common/cart/meta-tags.js';
import { CompactFrame } from '../runner/common/compact-frame.js';
import type { FramePoint, Screen } from './screen.js';

const SYSTEM_FLAG = 0x80;
const SPRITE_BYTES = 32;

/** The console's cursors: '.' transparent, '#' dark outline (colour 0), 'o' white (colour 12). */
const SYSTEM_CURSORS: { rows: string[]; hotX: number; hotY: number }[] = [
  { hotX: 0, hotY: 0, rows: ['#.......', '##......', '#o#.....', '#oo#....', '#ooo#...', '#oo##...', '##.#o#..', '.....#..'] },
  { hotX: 3, hotY: 0, rows: ['...#....', '..#o#...', '..#o###.', '.##oooo#', '#o#oooo#', '#ooooo#.', '.#ooo#..', '..###...'] },
  { hotX: 2, hotY: 3, rows: ['#####...', '..#.....', '..#.....', '..#.....', '..#.....', '..#.....', '..#.....', '#####...'] },
];
const SYSTEM_COLOURS: Record<string, number> = { '#': 0, o: 12 };

/** Whether the cart's `-- input:` tag lets it use the mouse (any value but gamepad or keyboard). */
export function cartUsesMouse(code: string): boolean {
  const input = metaTag(code, 'input');
  return input !== 'gamepad' && input !== 'keyboard';
}

function paletteOf(cart: Cart): Uint8Array {
  return runningPalettes(cart.banks[0]).subarray(0, 48);
}

/** Edge of a cursor's picture: every cursor is 8 x 8 pixels. */
export const CURSOR_SIZE = 8;

/** A cursor's picture placed over the frame: RGBA, alpha 0 (all bytes 0) where it is transparent. */
export interface CursorImage {
  /** The picture's top left corner in frame pixels (it may hang over the frame's edges). */
  x: number;
  y: number;
  /** CURSOR_SIZE x CURSOR_SIZE RGBA pixels. */
  pixels: Uint8Array;
}

/** The cursor for `cursorByte` at frame point `at`, or null when the byte names none. */
export function cursorImage(cursorByte: number, at: FramePoint, cart: Cart): CursorImage | null {
  const palette = paletteOf(cart);
  const pixels = new Uint8Array(CURSOR_SIZE * CURSOR_SIZE * 4);
  const plot = (x: number, y: number, colour: number) => {
    const i = (y * CURSOR_SIZE + x) * 4;
    pixels[i] = palette[colour * 3];
    pixels[i + 1] = palette[colour * 3 + 1];
    pixels[i + 2] = palette[colour * 3 + 2];
    pixels[i + 3] = 255;
  };
  const id = cursorByte & 0x7f;
  if (cursorByte & SYSTEM_FLAG) {
    const cursor = SYSTEM_CURSORS[id];
    if (!cursor) return null;
    cursor.rows.forEach((row, y) => [...row].forEach((ch, x) => ch in SYSTEM_COLOURS && plot(x, y, SYSTEM_COLOURS[ch])));
    return { x: at.x - cursor.hotX, y: at.y - cursor.hotY, pixels };
  }
  if (id === 0) return null;
  const sprite = cart.banks[0].sprites.subarray(id * SPRITE_BYTES, (id + 1) * SPRITE_BYTES);
  for (let y = 0; y < CURSOR_SIZE; y++) {
    for (let x = 0; x < CURSOR_SIZE; x++) {
      const byte = sprite[y * 4 + (x >> 1)];
      const colour = x & 1 ? byte >> 4 : byte & 15;
      if (colour !== 0) plot(x, y, colour);
    }
  }
  return { x: at.x, y: at.y, pixels };
}

/** Draws the cursor's opaque pixels into the RGBA frame, clipped to it. */
export function stampCursor(frame: Uint8Array, cursor: CursorImage): void {
  for (let y = 0; y < CURSOR_SIZE; y++) {
    for (let x = 0; x < CURSOR_SIZE; x++) {
      const from = (y * CURSOR_SIZE + x) * 4;
      const fx = cursor.x + x;
      const fy = cursor.y + y;
      if (cursor.pixels[from + 3] === 0 || fx < 0 || fy < 0 || fx >= FRAME_WIDTH || fy >= FRAME_HEIGHT) continue;
      frame.set(cursor.pixels.subarray(from, from + 4), (fy * FRAME_WIDTH + fx) * 4);
    }
  }
}

/**
 * Shows a runner's compact frame with the cart's own cursor over it where the pointer is on the
 * screen and the cart reads the mouse (the page's pointer is hidden there); returns the frame read.
 */
export function showCartFrame(screen: Screen, frame: { compact: Uint8Array; cursor: number }, pointer: FramePoint | null, cart: Cart): CompactFrame {
  const cursor = pointer && cartUsesMouse(cart.code);
  screen.element.classList.toggle('cart-cursor', Boolean(cursor));
  const compact = CompactFrame.of(frame.compact);
  screen.showFrame(compact, cursor ? cursorImage(frame.cursor, pointer, cart) : null);
  return compact;
}
