// The RAM viewer's names for the console's 96 KB, from the memory map's addresses and sizes.
import * as map from '../../runner/common/memory-map.js';

export interface RamRegion {
  name: string;
  address: number;
  bytes: number;
}

export const RAM_REGIONS: readonly RamRegion[] = [
  { name: 'screen', address: map.SCREEN_ADDR, bytes: map.SCREEN_BYTES },
  { name: 'palette', address: map.PALETTE_ADDR, bytes: map.PALETTE_BYTES },
  { name: 'palette map', address: map.PALETTE_MAP_ADDR, bytes: map.BORDER_COLOR_ADDR - map.PALETTE_MAP_ADDR },
  { name: 'border, offsets, cursor, blit segment', address: map.BORDER_COLOR_ADDR, bytes: map.TILES_ADDR - map.BORDER_COLOR_ADDR },
  { name: 'tiles', address: map.TILES_ADDR, bytes: map.TILES_BYTES },
  { name: 'sprites', address: map.SPRITES_ADDR, bytes: map.SPRITES_BYTES },
  { name: 'map', address: map.MAP_ADDR, bytes: map.MAP_BYTES },
  { name: 'gamepads', address: map.GAMEPADS_ADDR, bytes: map.GAMEPADS_BYTES },
  { name: 'mouse', address: map.MOUSE_ADDR, bytes: map.KEYBOARD_ADDR - map.MOUSE_ADDR },
  { name: 'keyboard', address: map.KEYBOARD_ADDR, bytes: map.KEYBOARD_BYTES },
  { name: 'sfx state', address: map.SFX_STATE_ADDR, bytes: map.SOUND_REGISTERS_ADDR - map.SFX_STATE_ADDR },
  { name: 'sound registers', address: map.SOUND_REGISTERS_ADDR, bytes: map.SOUND_REGISTERS_BYTES },
  { name: 'waveforms', address: map.WAVEFORMS_ADDR, bytes: map.WAVEFORMS_BYTES },
  { name: 'sfx', address: map.SFX_ADDR, bytes: map.SFX_BYTES },
  { name: 'music patterns', address: map.MUSIC_PATTERNS_ADDR, bytes: map.MUSIC_PATTERNS_BYTES },
  { name: 'music tracks', address: map.MUSIC_TRACKS_ADDR, bytes: map.MUSIC_TRACKS_BYTES },
  { name: 'music state', address: map.MUSIC_STATE_ADDR, bytes: map.STEREO_VOLUME_ADDR - map.MUSIC_STATE_ADDR },
  { name: 'stereo volume', address: map.STEREO_VOLUME_ADDR, bytes: map.PMEM_ADDR - map.STEREO_VOLUME_ADDR },
  { name: 'persistent memory', address: map.PMEM_ADDR, bytes: map.PMEM_BYTES },
  { name: 'sprite flags', address: map.SPRITE_FLAGS_ADDR, bytes: map.SPRITE_FLAGS_BYTES },
  { name: 'font', address: map.FONT_ADDR, bytes: map.ALT_FONT_ADDR - map.FONT_ADDR },
  { name: 'alt font', address: map.ALT_FONT_ADDR, bytes: map.BUTTON_MAPPING_ADDR - map.ALT_FONT_ADDR },
  { name: 'button mapping', address: map.BUTTON_MAPPING_ADDR, bytes: map.BUTTON_MAPPING_BYTES },
  { name: 'PCM', address: map.PCM_ADDR, bytes: map.PCM_BYTES },
  { name: 'free', address: map.FREE_ADDR, bytes: map.RAM_BYTES - map.FREE_ADDR },
];
