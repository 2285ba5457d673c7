// The per-bank VRAM reset (reference §0, §3).
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
