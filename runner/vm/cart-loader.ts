// Copies a cart's bank-0 data into RAM at start, as TIC-80's core does on its first frame.
// Sections the cart does not have keep the console's defaults (SWEETIE-16, the default waveforms).
import type { CartData, CartSection } from '../common/protocol.js';
import {
  MAP_ADDR,
  MUSIC_PATTERNS_ADDR,
  MUSIC_TRACKS_ADDR,
  SCREEN_ADDR,
  SFX_ADDR,
  SPRITE_FLAGS_ADDR,
  SPRITES_ADDR,
  TILES_ADDR,
  WAVEFORMS_ADDR,
} from './ram-map.js';
import type { Video } from './video/video.js';

const SECTION_ADDRESS: Partial<Record<CartSection, number>> = {
  tiles: TILES_ADDR,
  sprites: SPRITES_ADDR,
  map: MAP_ADDR,
  flags: SPRITE_FLAGS_ADDR,
  sfx: SFX_ADDR,
  patterns: MUSIC_PATTERNS_ADDR,
  tracks: MUSIC_TRACKS_ADDR,
};

/** Square, triangle and sawtooth; waves 3-15 are zero (reference 5.a). */
const DEFAULT_WAVEFORMS = hex('00000000ffffffff00000000ffffffff' + '1032547698badcfeefcdab8967452301' + '1032547698badcfe1032547698badcfe');

function hex(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

export function loadCartIntoRam(ram: Uint8Array, video: Video, data: CartData): void {
  const palette = data.palette;
  if (palette) video.resetRam(palette.subarray(0, 48), palette.subarray(48, 96));
  else video.resetRam();
  for (const [section, address] of Object.entries(SECTION_ADDRESS) as [CartSection, number][]) {
    const bytes = data[section];
    if (bytes) ram.set(bytes, address);
  }
  ram.set(data.waveforms ?? DEFAULT_WAVEFORMS, WAVEFORMS_ADDR);
  // The cover screen is shown only when the cart has one (not all zero).
  if (data.screen?.some((b) => b !== 0)) ram.set(data.screen, SCREEN_ADDR);
}
