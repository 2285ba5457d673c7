// The 96 KB RAM map of the cart machine (reference §4, VRAM details §3.1). VRAM starts at 0, so
// the VRAM addresses are also offsets inside one 16 KB VRAM bank.

export const RAM_SIZE = 0x18000;

// VRAM (current bank)
export const VRAM_ADDR = 0x00000;
export const VRAM_SIZE = 0x4000;
export const SCREEN_ADDR = 0x00000;
/** 240 x 136 pixels at 4 bpp; even x in the low nibble. */
export const SCREEN_SIZE = 16320;
/** 16 x (R, G, B). */
export const PALETTE_ADDR = 0x03fc0;
export const PALETTE_SIZE = 48;
/** 16 nibbles, nibble i at byte i >> 1, low nibble for even i. */
export const PALETTE_MAP_ADDR = 0x03ff0;
export const PALETTE_MAP_SIZE = 8;
/** Low nibble: border colour (bank 0) or transparent colour of the overlay (bank 1). */
export const BORDER_COLOR_ADDR = 0x03ff8;
/** s8 each. */
export const SCREEN_OFFSET_X_ADDR = 0x03ff9;
export const SCREEN_OFFSET_Y_ADDR = 0x03ffa;
/** Bits 0-6 sprite id, bit 7 system cursor. */
export const CURSOR_ADDR = 0x03ffb;
/** Low nibble: blit segment (§3.6). */
export const BLIT_SEGMENT_ADDR = 0x03ffc;

export const TILES_ADDR = 0x04000;
export const TILES_SIZE = 0x2000;
export const SPRITES_ADDR = 0x06000;
export const SPRITES_SIZE = 0x2000;
export const MAP_ADDR = 0x08000;
export const MAP_SIZE = 32640;
export const MAP_WIDTH = 240;
export const MAP_HEIGHT = 136;

export const GAMEPADS_ADDR = 0x0ff80;
export const MOUSE_ADDR = 0x0ff84;
export const KEYBOARD_ADDR = 0x0ff88;
export const SFX_STATE_ADDR = 0x0ff8c;
export const SOUND_REGISTERS_ADDR = 0x0ff9c;
export const SOUND_REGISTERS_SIZE = 72;
export const WAVEFORMS_ADDR = 0x0ffe4;
export const WAVEFORMS_SIZE = 256;
export const SFX_ADDR = 0x100e4;
export const SFX_SIZE = 4224;
export const MUSIC_PATTERNS_ADDR = 0x11164;
export const MUSIC_PATTERNS_SIZE = 11520;
export const MUSIC_TRACKS_ADDR = 0x13e64;
export const MUSIC_TRACKS_SIZE = 408;
export const MUSIC_STATE_ADDR = 0x13ffc;
export const STEREO_VOLUME_ADDR = 0x14000;
export const PERSISTENT_ADDR = 0x14004;
export const PERSISTENT_SIZE = 1024;
export const SPRITE_FLAGS_ADDR = 0x14404;
export const SPRITE_FLAGS_SIZE = 512;
/** 127 glyphs x 8 bytes, 1 bpp, one byte per row, bit 0 = leftmost pixel. */
export const FONT_ADDR = 0x14604;
export const FONT_SIZE = 1016;
/** Byte 0 width, byte 1 height. */
export const FONT_PARAMS_ADDR = 0x149fc;
export const FONT_PARAMS_SIZE = 8;
export const ALT_FONT_ADDR = 0x14a04;
export const ALT_FONT_PARAMS_ADDR = 0x14dfc;
export const BUTTON_MAPPING_ADDR = 0x14e04;
export const BUTTON_MAPPING_SIZE = 32;
export const PCM_ADDR = 0x14e24;
export const PCM_SIZE = 128;
export const FREE_ADDR = 0x14ea4;
