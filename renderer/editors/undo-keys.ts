// The keys of an editor's undo stack.
import type { UndoStack } from './undo-stack.js';

/** Ctrl+Z undoes, Ctrl+Y or Ctrl+Shift+Z redoes, while focus is inside `element`. */
export function bindUndoKeys(element: HTMLElement, undo: UndoStack): void {
  element.addEventListener('keydown', (e) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const key = e.key.toLowerCase();
    const handled = key === 'z' && !e.shiftKey ? undo.undo() || true : key === 'y' || (key === 'z' && e.shiftKey) ? undo.redo() || true : false;
    if (handled) e.preventDefault();
  });
}
