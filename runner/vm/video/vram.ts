import {
  BLIT_SEGMENT_ADDR,
  BORDER_COLOR_ADDR,
  CURSOR_ADDR,
  PALETTE_ADDR,
  PALETTE_MAP_ADDR,
  PALETTE_BYTES,
  SCREEN_OFFSET_X_ADDR,
  SCREEN_OFFSET_Y_ADDR,
} from '../../common/memory-map.js';
// The default palette and the per-bank VRAM reset (reference §0, §3).

/** SWEETIE-16, the default palette (§3.2), as 16 x (R, G, B). */
export const SWEETIE_16 = new Uint8Array([
  0x1a, 0x1c, 0x2c, 0x5d, 0x27, 0x5d, 0xb1, 0x3e, 0x53, 0xef, 0x7d, 0x57,
  0xff, 0xcd, 0x75, 0xa7, 0xf0, 0x70, 0x38, 0xb7, 0x64, 0x25, 0x71, 0x79,
  0x29, 0x36, 0x6f, 0x3b, 0x5d, 0xc9, 0x41, 0xa6, 0xf6, 0x73, 0xef, 0xf7,
  0xf4, 0xf4, 0xf4, 0x94, 0xb0, 0xc2, 0x56, 0x6c, 0x86, 0x33, 0x3c, 0x57,
]);

/** Palette map bytes that map every colour to itself. */
const IDENTITY_PALETTE_MAP = [0x10, 0x32, 0x54, 0x76, 0x98, 0xba, 0xdc, 0xfe];
const DEFAULT_BLIT_SEGMENT = 2;
/** Sprite 0 with the system-cursor flag (bit 7) set. */
const DEFAULT_CURSOR = 0x80;

/**
 * Resets the registers of one VRAM bank (`bank` is a 16 KB view): border/transparent colour,
 * screen offsets, cursor, identity palette map, the given palette and blit segment 2. The screen
 * pixels are left as they are.
 */
export function resetVramBank(bank: Uint8Array, palette: Uint8Array): void {
  bank[BORDER_COLOR_ADDR] = 0;
  bank[SCREEN_OFFSET_X_ADDR] = 0;
  bank[SCREEN_OFFSET_Y_ADDR] = 0;
  bank[CURSOR_ADDR] = DEFAULT_CURSOR;
  bank.set(IDENTITY_PALETTE_MAP, PALETTE_MAP_ADDR);
  bank.set(palette.subarray(0, PALETTE_BYTES), PALETTE_ADDR);
  bank[BLIT_SEGMENT_ADDR] = (bank[BLIT_SEGMENT_ADDR] & 0xf0) | DEFAULT_BLIT_SEGMENT;
}
