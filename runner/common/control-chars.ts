// Cart text shown in a terminal or written to a log: control characters other than newline and tab
// (C0, DEL and C1) become visible escapes, so a cart cannot send a terminal its own commands (set
// the window title, clear the screen, move the cursor).

const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function hexEscape(char: string): string {
  return `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

/** The text with each control character but \n and \t written as \xHH. */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, hexEscape);
}

/**
 * JSON text of a value with no raw control character in it: JSON.stringify escapes C0 already, and
 * DEL and C1 become \u escapes here, so the value parses back unchanged.
 */
export function jsonWithoutControls(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
