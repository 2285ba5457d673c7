// The studio's keyboard in TIC-80 terms (reference 7): the code key() sees for a physical key, and
// the player-1 button a key presses.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { ticKeyCode } from '../../renderer/tic-keys.js';
import { DEFAULT_KEY_BINDINGS } from '../../renderer/controls/key-bindings.js';

/** KeyboardEvent.code of the keys in TIC-80's key table, by code (reference 7, 37..66 and 89..94). */
const NAMED: Readonly<Record<number, string>> = {
  37: 'Minus',
  38: 'Equal',
  39: 'BracketLeft',
  40: 'BracketRight',
  41: 'Backslash',
  42: 'Semicolon',
  43: 'Quote',
  44: 'Backquote',
  45: 'Comma',
  46: 'Period',
  47: 'Slash',
  48: 'Space',
  49: 'Tab',
  50: 'Enter',
  51: 'Backspace',
  52: 'Delete',
  53: 'Insert',
  54: 'PageUp',
  55: 'PageDown',
  56: 'Home',
  57: 'End',
  58: 'ArrowUp',
  59: 'ArrowDown',
  60: 'ArrowLeft',
  61: 'ArrowRight',
  62: 'CapsLock',
  63: 'ControlLeft',
  64: 'ShiftLeft',
  65: 'AltLeft',
  66: 'Escape',
  89: 'NumpadAdd',
  90: 'NumpadSubtract',
  91: 'NumpadMultiply',
  92: 'NumpadDivide',
  93: 'NumpadEnter',
  94: 'NumpadDecimal',
};

describe('tic keys: key codes', () => {
  it('gives letters 1-26, digits 27-36, F1-F12 67-78 and the numpad digits 79-88', () => {
    assert.deepEqual(['KeyA', 'KeyZ', 'Digit0', 'Digit9', 'F1', 'F12', 'Numpad0', 'Numpad9'].map(ticKeyCode), [1, 26, 27, 36, 67, 78, 79, 88]);
  });

  it("gives every named key its code in TIC-80's table, both sides of Ctrl, Shift and Alt alike", () => {
    for (const [code, key] of Object.entries(NAMED)) assert.equal(ticKeyCode(key), Number(code), key);
    assert.deepEqual(['ControlRight', 'ShiftRight', 'AltRight'].map(ticKeyCode), [63, 64, 65]);
  });

  it('reaches every code from 1 to 94 with some key', () => {
    const keys = [
      ...Array.from({ length: 26 }, (_, i) => `Key${String.fromCharCode(65 + i)}`),
      ...Array.from({ length: 10 }, (_, i) => `Digit${i}`),
      ...Array.from({ length: 12 }, (_, i) => `F${i + 1}`),
      ...Array.from({ length: 10 }, (_, i) => `Numpad${i}`),
      ...Object.values(NAMED),
    ];
    const codes = new Set(keys.map(ticKeyCode));
    assert.deepEqual(
      [...codes].sort((a, b) => a! - b!),
      Array.from({ length: 94 }, (_, i) => i + 1),
    );
  });

  it('has no code for keys TIC-80 does not know', () => {
    assert.deepEqual(['F13', 'F0', 'MetaLeft', 'ContextMenu', 'IntlBackslash', 'Keya', ''].map(ticKeyCode), [null, null, null, null, null, null, null]);
  });
});

describe('tic keys: player 1 buttons', () => {
  it('maps arrows to up/down/left/right and Z, X, A, S to A, B, X, Y, as TIC-80 does', () => {
    const bitOf = (code: string) => {
      const id = DEFAULT_KEY_BINDINGS.indexOf(code);
      return id < 0 ? null : id;
    };
    assert.deepEqual(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'KeyZ', 'KeyX', 'KeyA', 'KeyS'].map(bitOf), [0, 1, 2, 3, 4, 5, 6, 7]);
    assert.equal(bitOf('KeyQ'), null);
    assert.equal(bitOf('Space'), null);
    assert.deepEqual(DEFAULT_KEY_BINDINGS.slice(8), new Array(24).fill(null), 'no keys for players 2 to 4');
  });
});
