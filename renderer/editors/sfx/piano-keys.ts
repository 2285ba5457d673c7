// TIC-80's piano keys: the bottom letter row Z S X D C V G B H N J M is one octave from C (the
// white keys on Z X C V B N M, the black ones above them), and Q 2 W 3 E R 5 T 6 Y 7 U the octave
// above. Physical key positions (KeyboardEvent.code), so other layouts keep the piano shape.

const LOWER_OCTAVE = ['KeyZ', 'KeyS', 'KeyX', 'KeyD', 'KeyC', 'KeyV', 'KeyG', 'KeyB', 'KeyH', 'KeyN', 'KeyJ', 'KeyM'];
const UPPER_OCTAVE = ['KeyQ', 'Digit2', 'KeyW', 'Digit3', 'KeyE', 'KeyR', 'Digit5', 'KeyT', 'Digit6', 'KeyY', 'Digit7', 'KeyU'];

export const NOTE_NAMES = ['C-', 'C#', 'D-', 'D#', 'E-', 'F-', 'F#', 'G-', 'G#', 'A-', 'A#', 'B-'];

/** Semitones above the played octave's C (0..23) for a piano key, or null for any other key. */
export function pianoSemitone(code: string): number | null {
  const lower = LOWER_OCTAVE.indexOf(code);
  if (lower >= 0) return lower;
  const upper = UPPER_OCTAVE.indexOf(code);
  return upper >= 0 ? 12 + upper : null;
}

/** A key event that belongs to a field taking text (a number box, a list) rather than to the piano. */
export function isTyping(e: KeyboardEvent): boolean {
  const target = e.target;
  if (target instanceof HTMLInputElement) return target.type !== 'checkbox' && target.type !== 'button';
  return target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
}
