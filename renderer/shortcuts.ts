// Studio-wide keys: Ctrl+R runs the cart (instead of reloading the page), Esc stops it.

export interface ShortcutActions {
  run(): void;
  stop(): void;
}

export function installShortcuts(actions: ShortcutActions): void {
  // Capture phase: seen before the editor or the screen, and kept from both.
  window.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'r') {
      e.preventDefault();
      e.stopPropagation();
      if (!e.repeat) actions.run();
    }
  }, { capture: true });
  // Bubble phase: Esc that closed an editor popup was already handled (and prevented) there.
  window.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !e.defaultPrevented) actions.stop();
  });
}
