// A toggle-like button of the sprite editor (tool, size, sheet, bpp, page): picking it changes the
// editor's state, then tells the editor to show the change.
import { button } from '../../dom.js';

export function choiceButton(label: string, title: string, id: string, pick: () => void, changed: () => void): HTMLButtonElement {
  const b = button(
    label,
    'sprite-choice',
    () => {
      pick();
      changed();
    },
    title,
  );
  b.dataset.choice = id;
  return b;
}
