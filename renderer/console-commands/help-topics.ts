// The console's help topics: the API list, the RAM map (reference section 4) and the key codes
// (reference section 7), as lines of text.
import { API_DOCS, type ApiCategory } from '../api-docs.js';

export const HELP_TOPICS = ['api', 'ram', 'keys'] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

const RAM_MAP: readonly [address: number, bytes: number, what: string][] = [
  [0x00000, 16320, 'SCREEN'],
  [0x03fc0, 48, 'PALETTE'],
  [0x03ff0, 8, 'PALETTE MAP'],
  [0x03ff8, 1, 'BORDER COLOR'],
  [0x03ff9, 2, 'SCREEN OFFSET'],
  [0x03ffb, 1, 'MOUSE CURSOR'],
  [0x03ffc, 4, 'BLIT SEGMENT'],
  [0x04000, 8192, 'TILES'],
  [0x06000, 8192, 'SPRITES'],
  [0x08000, 32640, 'MAP'],
  [0x0ff80, 4, 'GAMEPADS'],
  [0x0ff84, 4, 'MOUSE'],
  [0x0ff88, 4, 'KEYBOARD'],
  [0x0ff8c, 16, 'SFX STATE'],
  [0x0ff9c, 72, 'SOUND REGISTERS'],
  [0x0ffe4, 256, 'WAVEFORMS'],
  [0x100e4, 4224, 'SFX'],
  [0x11164, 11520, 'MUSIC PATTERNS'],
  [0x13e64, 408, 'MUSIC TRACKS'],
  [0x13ffc, 4, 'MUSIC STATE'],
  [0x14000, 4, 'STEREO VOLUME'],
  [0x14004, 1024, 'PERSISTENT MEMORY'],
  [0x14404, 512, 'SPRITE FLAGS'],
  [0x14604, 1016, 'SYSTEM FONT'],
  [0x149fc, 8, 'FONT PARAMS'],
  [0x14a04, 1016, 'ALT FONT'],
  [0x14dfc, 8, 'ALT FONT PARAMS'],
  [0x14e04, 32, 'BUTTONS MAPPING'],
  [0x14e24, 128, 'PCM BUFFER'],
  [0x14ea4, 12636, 'FREE'],
];

const KEY_NAMES: readonly string[] = [
  ...Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i)),
  ...Array.from({ length: 10 }, (_, i) => String(i)),
  'MINUS', 'EQUALS', 'LEFTBRACKET', 'RIGHTBRACKET', 'BACKSLASH', 'SEMICOLON', 'APOSTROPHE', 'GRAVE',
  'COMMA', 'PERIOD', 'SLASH', 'SPACE', 'TAB', 'RETURN', 'BACKSPACE', 'DELETE', 'INSERT', 'PAGEUP',
  'PAGEDOWN', 'HOME', 'END', 'UP', 'DOWN', 'LEFT', 'RIGHT', 'CAPSLOCK', 'CTRL', 'SHIFT', 'ALT', 'ESC',
  ...Array.from({ length: 12 }, (_, i) => `F${i + 1}`),
  ...Array.from({ length: 10 }, (_, i) => `NUM${i}`),
  'NUMPLUS', 'NUMMINUS', 'NUMMULTIPLY', 'NUMDIVIDE', 'NUMENTER', 'NUMPERIOD',
];

const CATEGORY_ORDER: readonly ApiCategory[] = ['callback', 'graphics', 'input', 'sound', 'memory', 'system'];

const hex = (n: number): string => n.toString(16).toUpperCase().padStart(5, '0');

export function isHelpTopic(word: string): word is HelpTopic {
  return (HELP_TOPICS as readonly string[]).includes(word);
}

export function helpLines(topic: HelpTopic): string[] {
  switch (topic) {
    case 'api':
      return CATEGORY_ORDER.map((category) => `${category}: ${API_DOCS.filter((e) => e.category === category).map((e) => e.name).join(' ')}`);
    case 'ram':
      return ['ADDR  INFO              BYTES', ...RAM_MAP.map(([address, bytes, what]) => `${hex(address)} ${what.padEnd(17)} ${bytes}`)];
    case 'keys': {
      const lines: string[] = [];
      for (let code = 1; code <= KEY_NAMES.length; code += 6) {
        lines.push(KEY_NAMES.slice(code - 1, code + 5).map((name, i) => `${String(code + i).padStart(2)} ${name.padEnd(12)}`).join('').trimEnd());
      }
      return lines;
    }
  }
}
