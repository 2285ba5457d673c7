// The mouse cursor TIC-80's studio draws over the output frame (reference 3.5, blitCursor): only
// for carts whose input includes the mouse, not in relative mode. With the cursor byte's system
// flag set, sprite 0, 1 or 2 is the console's own arrow, hand or I-beam; with it clear, sprite id
// (0 = none) comes from the cart's bank-0 sprites (its data, not RAM), colour 0 transparent, in the
// cart's vbank-0 palette.
import { DEFAULT_PALETTES, type Cart } from '../runner/common/cart/index.js';
import { FRAME_WIDTH, FRAME_HEIGHT } from '../runner/common/protocol.js';
import { metaTag } from '../runner/common/cart/meta-tags.js';
import type { FramePoint } from './screen.js';

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
  const own = cart.banks[0].palette.subarray(0, 48);
  return own.some((b) => b !== 0) ? own : DEFAULT_PALETTES.subarray(0, 48);
}

/** Draws the cursor for `cursorByte` at frame point `at` into a copy of `frame`. */
export function withCursor(frame: Uint8Array, cursorByte: number, at: FramePoint, cart: Cart): Uint8Array {
  const out = frame.slice();
  const palette = paletteOf(cart);
  const plot = (x: number, y: number, colour: number) => {
    if (x < 0 || y < 0 || x >= FRAME_WIDTH || y >= FRAME_HEIGHT) return;
    const i = (y * FRAME_WIDTH + x) * 4;
    out[i] = palette[colour * 3];
    out[i + 1] = palette[colour * 3 + 1];
    out[i + 2] = palette[colour * 3 + 2];
    out[i + 3] = 255;
  };
  const id = cursorByte & 0x7f;
  if (cursorByte & SYSTEM_FLAG) {
    const cursor = SYSTEM_CURSORS[id];
    if (!cursor) return out;
    cursor.rows.forEach((row, y) =>
      [...row].forEach((ch, x) => ch in SYSTEM_COLOURS && plot(at.x - cursor.hotX + x, at.y - cursor.hotY + y, SYSTEM_COLOURS[ch])),
    );
    return out;
  }
  if (id === 0) return out;
  const sprite = cart.banks[0].sprites.subarray(id * SPRITE_BYTES, (id + 1) * SPRITE_BYTES);
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) {
      const byte = sprite[y * 4 + (x >> 1)];
      const colour = x & 1 ? byte >> 4 : byte & 15;
      if (colour !== 0) plot(at.x + x, at.y + y, colour);
    }
  }
  return out;
}
