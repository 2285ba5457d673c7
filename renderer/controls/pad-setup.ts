// Settings' gamepad setup: for each connected pad, "Set up" asks for the button of Up, Down, Left,
// Right, A, B, X, Y in turn (polling the Gamepad API, which has no button events) and keeps the
// answer under the pad's id; Esc cancels and keeps what it had. A pad the browser gives no standard
// mapping is read only once set up.
import { button, el } from '../dom.js';
import { connectedPads, type PadState } from '../gamepads.js';
import { BUTTON_NAMES } from './key-bindings.js';
import { newlyPressed, withMapping } from './pad-mappings.js';
import { keepPadMappings, savedPadMappings } from './saved-pad-mappings.js';

const pressedOf = (pad: PadState): boolean[] => pad.buttons.map((b) => b.pressed);

export function padSetupSection(): HTMLElement {
  const section = el('div', 'pad-setup');
  let note = '';

  const draw = (): void => {
    const pads = connectedPads().filter((pad): pad is PadState => pad !== null);
    const saved = savedPadMappings();
    const rows = pads.map((pad) => {
      const id = pad.id ?? '';
      const how = saved[id] ? 'set up' : pad.mapping === 'standard' ? 'standard' : 'not set up: not read';
      const setUp = button('Set up', 'btn pad-setup-start', () => setUpPad(pad));
      const forget = button('Forget', 'btn btn-quiet', () => keep(withMapping(savedPadMappings(), id, null)), 'Read it as the browser maps it');
      forget.disabled = !saved[id];
      return el(
        'tr',
        undefined,
        el('th', undefined, `Player ${pad.index + 1}`),
        el('td', undefined, id),
        el('td', 'pad-setup-how', how),
        el('td', undefined, setUp, forget),
      );
    });
    section.replaceChildren(
      el('p', 'settings-note', pads.length ? 'Gamepads:' : 'No gamepad yet: press a button on one, then look again.'),
      el('table', 'pad-list', el('tbody', undefined, ...rows)),
      button('Look again', 'btn btn-quiet', draw),
      el('p', 'settings-note pad-setup-note', note),
    );
  };

  const keep = (mappings: ReturnType<typeof savedPadMappings>): void => {
    note = keepPadMappings(mappings) ? '' : 'The gamepad setup could not be kept (storage full or disabled); it lasts until the studio closes.';
    draw();
  };

  const setUpPad = (start: PadState): void => {
    const id = start.id ?? '';
    const taken: number[] = [];
    let held = pressedOf(start);
    const prompt = el('p', 'pad-setup-prompt');
    const ask = (): void => {
      prompt.textContent = `Press the button for ${BUTTON_NAMES[taken.length]} on ${id} (Esc cancels)`;
    };
    const end = (): void => {
      window.removeEventListener('keydown', onKey, true);
      draw();
    };
    const onKey = (e: KeyboardEvent): void => {
      if (e.code !== 'Escape') return;
      // Esc ends the setup, not the dialog.
      e.preventDefault();
      e.stopPropagation();
      end();
    };
    const poll = (): void => {
      // The dialog closed or redrew: the setup ends with it.
      if (!prompt.isConnected) return window.removeEventListener('keydown', onKey, true);
      const pad = connectedPads().find((p) => p?.index === start.index && p.id === start.id);
      if (pad) {
        const pressed = pressedOf(pad);
        const index = newlyPressed(held, pressed, taken);
        held = pressed;
        if (index !== null) {
          taken.push(index);
          if (taken.length === BUTTON_NAMES.length) {
            window.removeEventListener('keydown', onKey, true);
            keep(withMapping(savedPadMappings(), id, taken));
            return;
          }
          ask();
        }
      }
      requestAnimationFrame(poll);
    };
    window.addEventListener('keydown', onKey, true);
    ask();
    section.replaceChildren(prompt);
    requestAnimationFrame(poll);
  };

  draw();
  return section;
}
