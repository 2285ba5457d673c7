// Where each cart section lives in RAM (reference 4 and 4.1). The palette is not here: it lives in
// each VRAM bank, not at one address.
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
} from '../common/memory-map.js';
import type { CartSection } from '../common/protocol.js';

export type RamSection = Exclude<CartSection, 'palette'>;

export const SECTION_ADDRESS: Readonly<Record<RamSection, number>> = {
  tiles: TILES_ADDR,
  sprites: SPRITES_ADDR,
  map: MAP_ADDR,
  waveforms: WAVEFORMS_ADDR,
  sfx: SFX_ADDR,
  patterns: MUSIC_PATTERNS_ADDR,
  tracks: MUSIC_TRACKS_ADDR,
  flags: SPRITE_FLAGS_ADDR,
  screen: SCREEN_ADDR,
};
