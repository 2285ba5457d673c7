// The cart machine's 96 KB RAM map (reference §4, VRAM details §3.1) and the screen, map and
// keyboard sizes it is laid out from: the one definition of every address and size, for the VM,
// the cart files, the protocol and the studio. VRAM starts at 0, so the VRAM addresses are also
// offsets inside one 16 KB VRAM bank.

export const RAM_BYTES = 0x18000;

/** The screen in pixels, 4 bpp; even x in the low nibble. */
export const SCREEN_WIDTH = 240;
export const SCREEN_HEIGHT = 136;
export const SCREEN_PIXELS = SCREEN_WIDTH * SCREEN_HEIGHT;
/** Where the screen sits in the output frame (FRAME_WIDTH x FRAME_HEIGHT): the border is around it. */
export const MARGIN_LEFT = 8;
export const MARGIN_TOP = 4;

/** A tile is TILE_SIZE x TILE_SIZE pixels. */
export const TILE_SIZE = 8;
/** The map in cells (one tile id each), row-major. */
export const MAP_COLUMNS = 240;
export const MAP_ROWS = 136;
/** The map in pixels, as ttri and textri read it. */
export const MAP_PIXEL_WIDTH = MAP_COLUMNS * TILE_SIZE;
export const MAP_PIXEL_HEIGHT = MAP_ROWS * TILE_SIZE;

/** Key codes are 1..94 (0 means "no key"); this one (tic_keys_count) is the first invalid code. */
export const KEY_CODE_COUNT = 95;

// VRAM (current bank)
export const VRAM_BYTES = 0x4000;
export const SCREEN_ADDR = 0x00000;
export const SCREEN_BYTES = SCREEN_PIXELS / 2;
/** 16 x (R, G, B). */
export const PALETTE_ADDR = 0x03fc0;
export const PALETTE_BYTES = 48;
/** 16 nibbles, nibble i at byte i >> 1, low nibble for even i. */
export const PALETTE_MAP_ADDR = 0x03ff0;
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
export const TILES_BYTES = 0x2000;
export const SPRITES_ADDR = 0x06000;
export const SPRITES_BYTES = 0x2000;
export const MAP_ADDR = 0x08000;
export const MAP_BYTES = MAP_COLUMNS * MAP_ROWS;

/** 32 bits: byte p = player p, bits up, down, left, right, A, B, X, Y. */
export const GAMEPADS_ADDR = 0x0ff80;
export const GAMEPADS_BYTES = 4;
/** x, y (u8 each), then 16 bits of buttons, scroll and the relative-mode flag (§7). */
export const MOUSE_ADDR = 0x0ff84;
/** Each scroll axis of the mouse word is a signed 6-bit field. */
export const MOUSE_SCROLL_MIN = -32;
export const MOUSE_SCROLL_MAX = 31;
/** One key code a byte: up to 4 keys down. */
export const KEYBOARD_ADDR = 0x0ff88;
export const KEYBOARD_BYTES = 4;
/** For each channel, 4 x s8: the current step of its wave, volume, arpeggio and pitch envelopes. */
export const SFX_STATE_ADDR = 0x0ff8c;
export const SOUND_REGISTERS_ADDR = 0x0ff9c;
export const SOUND_REGISTERS_BYTES = 72;
export const WAVEFORMS_ADDR = 0x0ffe4;
export const WAVEFORMS_BYTES = 256;
export const SFX_ADDR = 0x100e4;
export const SFX_BYTES = 4224;
export const MUSIC_PATTERNS_ADDR = 0x11164;
export const MUSIC_PATTERNS_BYTES = 11520;
export const MUSIC_TRACKS_ADDR = 0x13e64;
export const MUSIC_TRACKS_BYTES = 408;
export const MUSIC_STATE_ADDR = 0x13ffc;
/** One byte per channel: low nibble left, high nibble right. */
export const STEREO_VOLUME_ADDR = 0x14000;
/** Persistent memory (pmem, §4.2): 256 u32 slots, little-endian. */
export const PMEM_ADDR = 0x14004;
export const PMEM_BYTES = 1024;
/** One byte per sprite 0..511. */
export const SPRITE_FLAGS_ADDR = 0x14404;
export const SPRITE_FLAGS_BYTES = 512;
/** 127 glyphs x 8 bytes, 1 bpp, one byte per row, bit 0 = leftmost pixel. */
export const FONT_ADDR = 0x14604;
/** Byte 0 width, byte 1 height. */
export const FONT_PARAMS_ADDR = 0x149fc;
export const FONT_PARAMS_BYTES = 8;
/** The small font, in the same format. */
export const ALT_FONT_ADDR = 0x14a04;
export const ALT_FONT_PARAMS_ADDR = 0x14dfc;
/** One key code per gamepad bit (player * 8 + button); 0 = unmapped. */
export const BUTTON_MAPPING_ADDR = 0x14e04;
export const BUTTON_MAPPING_BYTES = 32;
export const PCM_ADDR = 0x14e24;
export const PCM_BYTES = 128;
/** Unused up to the end of RAM. */
export const FREE_ADDR = 0x14ea4;
