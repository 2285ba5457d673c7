// The console's help topics: the API list, the RAM map (reference section 4) and the key codes
// (reference section 7), as lines of text.
import {
  ALT_FONT_ADDR,
  ALT_FONT_PARAMS_ADDR,
  BLIT_SEGMENT_ADDR,
  BORDER_COLOR_ADDR,
  BUTTON_MAPPING_ADDR,
  CURSOR_ADDR,
  FONT_ADDR,
  FONT_PARAMS_ADDR,
  FREE_ADDR,
  GAMEPADS_ADDR,
  KEYBOARD_ADDR,
  MAP_ADDR,
  MOUSE_ADDR,
  MUSIC_PATTERNS_ADDR,
  MUSIC_STATE_ADDR,
  MUSIC_TRACKS_ADDR,
  PALETTE_ADDR,
  PALETTE_MAP_ADDR,
  PCM_ADDR,
  PMEM_ADDR,
  RAM_BYTES,
  SCREEN_ADDR,
  SCREEN_OFFSET_X_ADDR,
  SFX_ADDR,
  SFX_STATE_ADDR,
  SOUND_REGISTERS_ADDR,
  SPRITES_ADDR,
  SPRITE_FLAGS_ADDR,
  STEREO_VOLUME_ADDR,
  TILES_ADDR,
  WAVEFORMS_ADDR,
} from '../../runner/common/memory-map.js';
import { API_DOCS, type ApiCategory } from '../../runner/common/api-docs.js';

export const HELP_TOPICS = ['api', 'ram', 'keys'] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

/** The regions in address order: each runs up to the next one, the last to the end of RAM. */
const RAM_REGIONS: readonly [address: number, what: string][] = [
  [SCREEN_ADDR, 'SCREEN'],
  [PALETTE_ADDR, 'PALETTE'],
  [PALETTE_MAP_ADDR, 'PALETTE MAP'],
  [BORDER_COLOR_ADDR, 'BORDER COLOR'],
  [SCREEN_OFFSET_X_ADDR, 'SCREEN OFFSET'],
  [CURSOR_ADDR, 'MOUSE CURSOR'],
  [BLIT_SEGMENT_ADDR, 'BLIT SEGMENT'],
  [TILES_ADDR, 'TILES'],
  [SPRITES_ADDR, 'SPRITES'],
  [MAP_ADDR, 'MAP'],
  [GAMEPADS_ADDR, 'GAMEPADS'],
  [MOUSE_ADDR, 'MOUSE'],
  [KEYBOARD_ADDR, 'KEYBOARD'],
  [SFX_STATE_ADDR, 'SFX STATE'],
  [SOUND_REGISTERS_ADDR, 'SOUND REGISTERS'],
  [WAVEFORMS_ADDR, 'WAVEFORMS'],
  [SFX_ADDR, 'SFX'],
  [MUSIC_PATTERNS_ADDR, 'MUSIC PATTERNS'],
  [MUSIC_TRACKS_ADDR, 'MUSIC TRACKS'],
  [MUSIC_STATE_ADDR, 'MUSIC STATE'],
  [STEREO_VOLUME_ADDR, 'STEREO VOLUME'],
  [PMEM_ADDR, 'PERSISTENT MEMORY'],
  [SPRITE_FLAGS_ADDR, 'SPRITE FLAGS'],
  [FONT_ADDR, 'SYSTEM FONT'],
  [FONT_PARAMS_ADDR, 'FONT PARAMS'],
  [ALT_FONT_ADDR, 'ALT FONT'],
  [ALT_FONT_PARAMS_ADDR, 'ALT FONT PARAMS'],
  [BUTTON_MAPPING_ADDR, 'BUTTONS MAPPING'],
  [PCM_ADDR, 'PCM BUFFER'],
  [FREE_ADDR, 'FREE'],
];

const KEY_NAMES: readonly string[] = [
  ...Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i)),
  ...Array.from({ length: 10 }, (_, i) => String(i)),
  'MINUS',
  'EQUALS',
  'LEFTBRACKET',
  'RIGHTBRACKET',
  'BACKSLASH',
  'SEMICOLON',
  'APOSTROPHE',
  'GRAVE',
  'COMMA',
  'PERIOD',
  'SLASH',
  'SPACE',
  'TAB',
  'RETURN',
  'BACKSPACE',
  'DELETE',
  'INSERT',
  'PAGEUP',
  'PAGEDOWN',
  'HOME',
  'END',
  'UP',
  'DOWN',
  'LEFT',
  'RIGHT',
  'CAPSLOCK',
  'CTRL',
  'SHIFT',
  'ALT',
  'ESC',
  ...Array.from({ length: 12 }, (_, i) => `F${i + 1}`),
  ...Array.from({ length: 10 }, (_, i) => `NUM${i}`),
  'NUMPLUS',
  'NUMMINUS',
  'NUMMULTIPLY',
  'NUMDIVIDE',
  'NUMENTER',
  'NUMPERIOD',
];

const CATEGORY_ORDER: readonly ApiCategory[] = ['callback', 'graphics', 'input', 'sound', 'memory', 'system'];

const hex = (n: number): string => n.toString(16).toUpperCase().padStart(5, '0');

export function isHelpTopic(word: string): word is HelpTopic {
  return (HELP_TOPICS as readonly string[]).includes(word);
}

export function helpLines(topic: HelpTopic): string[] {
  switch (topic) {
    case 'api':
      return CATEGORY_ORDER.map(
        (category) =>
          `${category}: ${API_DOCS.filter((e) => e.category === category)
            .map((e) => e.name)
            .join(' ')}`,
      );
    case 'ram':
      return [
        'ADDR  INFO              BYTES',
        ...RAM_REGIONS.map(([address, what], i) => `${hex(address)} ${what.padEnd(17)} ${(RAM_REGIONS[i + 1]?.[0] ?? RAM_BYTES) - address}`),
      ];
    case 'keys': {
      const lines: string[] = [];
      for (let code = 1; code <= KEY_NAMES.length; code += 6) {
        lines.push(
          KEY_NAMES.slice(code - 1, code + 5)
            .map((name, i) => `${String(code + i).padStart(2)} ${name.padEnd(12)}`)
            .join('')
            .trimEnd(),
        );
      }
      return lines;
    }
  }
}
