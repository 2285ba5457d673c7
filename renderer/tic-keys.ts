// Browser keys in TIC-80 terms (reference section 7): key codes and the default P1 gamepad map.

const NAMED_KEYS: Readonly<Record<string, number>> = {
  Minus: 37,
  Equal: 38,
  BracketLeft: 39,
  BracketRight: 40,
  Backslash: 41,
  Semicolon: 42,
  Quote: 43,
  Backquote: 44,
  Comma: 45,
  Period: 46,
  Slash: 47,
  Space: 48,
  Tab: 49,
  Enter: 50,
  Backspace: 51,
  Delete: 52,
  Insert: 53,
  PageUp: 54,
  PageDown: 55,
  Home: 56,
  End: 57,
  ArrowUp: 58,
  ArrowDown: 59,
  ArrowLeft: 60,
  ArrowRight: 61,
  CapsLock: 62,
  ControlLeft: 63,
  ControlRight: 63,
  ShiftLeft: 64,
  ShiftRight: 64,
  AltLeft: 65,
  AltRight: 65,
  Escape: 66,
  NumpadAdd: 89,
  NumpadSubtract: 90,
  NumpadMultiply: 91,
  NumpadDivide: 92,
  NumpadEnter: 93,
  NumpadDecimal: 94,
};

/** The TIC-80 key code (1..94) of a physical key (KeyboardEvent.code), or null. */
export function ticKeyCode(code: string): number | null {
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter) return letter[1].charCodeAt(0) - 64;
  const digit = /^Digit([0-9])$/.exec(code);
  if (digit) return 27 + Number(digit[1]);
  const fn = /^F([0-9]{1,2})$/.exec(code);
  if (fn && Number(fn[1]) >= 1 && Number(fn[1]) <= 12) return 66 + Number(fn[1]);
  const numpad = /^Numpad([0-9])$/.exec(code);
  if (numpad) return 79 + Number(numpad[1]);
  return NAMED_KEYS[code] ?? null;
}

/**
 * TIC-80's default keys of player 1's buttons up, down, left, right, A, B, X, Y (bits 0..7):
 * arrows, Z, X, A, S (tic_sys_default_mapping). It maps no keys for players 2 to 4.
 */
export const TIC80_P1_KEYS: readonly string[] = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'KeyZ', 'KeyX', 'KeyA', 'KeyS'];
