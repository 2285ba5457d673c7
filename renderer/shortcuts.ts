// Studio-wide keys: Ctrl+R runs the cart (instead of reloading the page), Esc stops it; Ctrl+O
// opens, Ctrl+S saves, Ctrl+Shift+S saves as, Ctrl+N (or Alt+N) starts a new cart; F7 sets the
// cover, F8 takes a screenshot, F9 starts or stops a GIF (as in TIC-80, not the cart's), except in
// the code editor, where F9 is the breakpoint key (debugger/breakpoints.ts). They are taken
// in the capture phase, before monaco (which binds none of them) or the page's own defaults.
// Browsers keep Ctrl+N for a new window and never hand it to the page, hence Alt+N there.

export interface ShortcutActions {
  run: () => void;
  stop: () => void;
  newCart: () => void;
  open: () => void;
  save: () => void;
  saveAs: () => void;
  setCover: () => void;
  screenshot: () => void;
  toggleGif: () => void;
}

const CAPTURE_KEYS: Readonly<Record<string, keyof ShortcutActions>> = { F7: 'setCover', F8: 'screenshot', F9: 'toggleGif' };

/** The key that starts a new cart, as the toolbar shows it. */
export function newCartShortcut(desktop: boolean): string {
  return desktop ? 'Ctrl+N' : 'Alt+N';
}

const inCodeEditor = (e: KeyboardEvent): boolean => e.target instanceof Element && e.target.closest('.monaco-editor') !== null;

function commandFor(e: KeyboardEvent, actions: ShortcutActions): (() => void) | undefined {
  const key = e.key.toLowerCase();
  if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.code === 'KeyN') return actions.newCart;
  const capture = CAPTURE_KEYS[e.code];
  if (capture && !e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && !inCodeEditor(e)) return actions[capture];
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return undefined;
  if (e.shiftKey) return key === 's' ? actions.saveAs : undefined;
  switch (key) {
    case 'r':
      return actions.run;
    case 'o':
      return actions.open;
    case 's':
      return actions.save;
    case 'n':
      return actions.newCart;
    default:
      return undefined;
  }
}

export function installShortcuts(actions: ShortcutActions): void {
  window.addEventListener(
    'keydown',
    (e) => {
      const command = commandFor(e, actions);
      if (!command) return;
      e.preventDefault();
      e.stopPropagation();
      if (!e.repeat) command();
    },
    { capture: true },
  );
  // Bubble phase: Esc that closed an editor popup was already handled (and prevented) there.
  window.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !e.defaultPrevented) actions.stop();
  });
}
