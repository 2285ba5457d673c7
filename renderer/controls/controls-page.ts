// Settings' Controls page: the key of each button of players 1 to 4. Click a button's key, then
// press the new one (Esc leaves it as it was); × leaves the button without a key. One key holds
// one button: taking a key from another button leaves that one without. Below, the gamepads' setup.
import { button, el } from '../dom.js';
import type { SettingsPage } from '../settings/settings-dialog.js';
import { padSetupSection } from './pad-setup.js';
import { BUTTON_NAMES, BUTTONS_PER_PLAYER, DEFAULT_KEY_BINDINGS, PLAYERS, bind, isBindableKey, type KeyBindings } from './key-bindings.js';

const ARROWS: Readonly<Record<string, string>> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→' };

/** A key as a player reads it: Z, 1, ↑, Space. */
export function keyLabel(code: string | null): string {
  if (code === null) return '—';
  return ARROWS[code] ?? code.replace(/^Key|^Digit/, '');
}

export function controlsPage(bindings: () => KeyBindings, change: (bindings: KeyBindings) => void): SettingsPage {
  const keyButton = (id: number): HTMLElement => {
    const code = bindings()[id];
    const pick = button(keyLabel(code), 'btn key-binding', () => {
      pick.textContent = 'press a key…';
      pick.classList.add('waiting');
    });
    pick.dataset.button = String(id);
    pick.addEventListener('keydown', (e) => {
      if (!pick.classList.contains('waiting')) return;
      e.preventDefault();
      e.stopPropagation();
      pick.classList.remove('waiting');
      if (e.code === 'Escape' || !isBindableKey(e.code)) pick.textContent = keyLabel(bindings()[id]);
      else change(bind(bindings(), id, e.code));
    });
    pick.addEventListener('blur', () => {
      pick.classList.remove('waiting');
      pick.textContent = keyLabel(bindings()[id]);
    });
    const clear = button('×', 'btn btn-quiet', () => change(bind(bindings(), id, null)), 'No key for this button');
    return el('td', undefined, pick, clear);
  };
  return {
    id: 'controls',
    title: 'Controls',
    render: () => {
      const head = el('tr', undefined, el('th', undefined, ''), ...BUTTON_NAMES.map((name) => el('th', undefined, name)));
      const rows = Array.from({ length: PLAYERS }, (_, player) =>
        el('tr', undefined, el('th', undefined, `Player ${player + 1}`), ...BUTTON_NAMES.map((_, b) => keyButton(player * BUTTONS_PER_PLAYER + b))),
      );
      return el(
        'div',
        'controls-page',
        el('p', 'settings-note', 'The keys that hold each player’s gamepad buttons while the screen has the focus.'),
        el('table', 'key-bindings', el('thead', undefined, head), el('tbody', undefined, ...rows)),
        button('TIC-80’s keys', 'btn', () => change(DEFAULT_KEY_BINDINGS), 'Player 1 on the arrows, Z, X, A and S; no keys for the others'),
        padSetupSection(),
      );
    },
  };
}
