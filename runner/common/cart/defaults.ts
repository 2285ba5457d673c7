// Data TIC-80 puts in a bank for the DEFAULT chunk, and the palette of ancient carts (reference 3.2, 5.a).
import { CART_SECTION_BYTES } from '../protocol.js';
import { SWEETIE_16 } from '../default-palette.js';
import { equalBytes, isAllZero } from './bytes.js';
import type { CartBank } from './cart.js';

const VBANK_PALETTE_BYTES = 48;

function hexBytes(hex: string, size = hex.length / 2): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < hex.length / 2; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** Square, triangle and sawtooth; waves 3-15 are zero. */
export const DEFAULT_WAVEFORMS = hexBytes(
  '00000000ffffffff00000000ffffffff' + '1032547698badcfeefcdab8967452301' + '1032547698badcfe1032547698badcfe',
  CART_SECTION_BYTES.waveforms,
);

/** SWEETIE-16 in vbank 0, zeros in vbank 1. */
export const DEFAULT_PALETTES = new Uint8Array(CART_SECTION_BYTES.palette);
DEFAULT_PALETTES.set(SWEETIE_16);

/** DB16, which carts saved before TIC-80 wrote palettes were drawn with. */
export const DB16 = hexBytes(
  '140c1c 442434 30346d 4e4a4e 854c30 346524 d04648 757161 597dce d27d2c 8595a1 6daa2c d2aa99 6dc2ca dad45e deeed6'.replace(/ /g, ''),
);

/** A bank saved as a DEFAULT chunk: both palettes and all waveforms are the defaults. */
export function hasDefaultPaletteAndWaves(palette: Uint8Array, waveforms: Uint8Array): boolean {
  return equalBytes(palette, DEFAULT_PALETTES) && equalBytes(waveforms, DEFAULT_WAVEFORMS);
}

/**
 * The palettes bank 0 runs with: its own, or the console's when it has none (all zero, as a text
 * cart without a PALETTE section), as a run loads it (runner/vm/cart-loader.ts). What a picture
 * of the cart shows and a .tic saves: no palettes there would read back as an ancient cart's DB16.
 */
export function runningPalettes(bank0: CartBank): Uint8Array {
  return isAllZero(bank0.palette) ? DEFAULT_PALETTES : bank0.palette;
}

/** What a DEFAULT chunk does on load: only vbank 0's palette and waves 0-2 are written. */
export function applyDefaultChunk(bank: CartBank): void {
  bank.palette.set(SWEETIE_16);
  bank.waveforms.set(DEFAULT_WAVEFORMS.subarray(0, 48));
}

/** Carts from before palettes were saved have none; TIC-80 then gives bank 0 DB16. */
export function applyAncientPalette(bank0: CartBank): void {
  if (isAllZero(bank0.palette.subarray(0, VBANK_PALETTE_BYTES))) bank0.palette.set(DB16);
}
