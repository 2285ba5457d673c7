// What a key typed into a tracker row field does to the row (TIC-80's tracker entry): piano keys
// write a note at the entry octave with the entry sfx, A or 1 a note-off; digits set the octave
// (1-8) and the two decimal sfx digits; M C J S P V D pick a command; hex digits set X and Y.
import { pianoSemitone } from '../sfx/piano-keys.js';
import { COMMAND_LETTERS, FIRST_NOTE, NOTE_OFF, NO_NOTE, OCTAVES, SFX_IDS, type PatternRow } from './music-data.js';

export const Field = { Note: 0, Octave: 1, SfxTens: 2, SfxOnes: 3, Command: 4, X: 5, Y: 6 } as const;
export type Field = (typeof Field)[keyof typeof Field];
export const FIELD_COUNT = 7;

/** The octave (0-based) and sfx a new note gets. */
export interface EntryDefaults {
  octave: number;
  sfx: number;
}

const NOTE_OFF_KEYS = ['KeyA', 'Digit1'];

/** The row after typing a key (KeyboardEvent code and key) in a field, or null when the key means nothing there. */
export function typeInField(row: PatternRow, field: Field, code: string, key: string, defaults: EntryDefaults): PatternRow | null {
  const digit = /^[0-9]$/.test(key) ? Number(key) : null;
  switch (field) {
    case Field.Note: {
      if (NOTE_OFF_KEYS.includes(code)) return { ...row, note: NOTE_OFF, octave: 0, sfx: 0 };
      const semitone = pianoSemitone(code);
      if (semitone === null) return null;
      const octave = Math.min(OCTAVES - 1, defaults.octave + Math.floor(semitone / 12));
      return { ...row, note: FIRST_NOTE + (semitone % 12), octave, sfx: defaults.sfx };
    }
    case Field.Octave:
      if (digit === null || digit < 1 || digit > OCTAVES || row.note < FIRST_NOTE) return null;
      return { ...row, octave: digit - 1 };
    case Field.SfxTens:
      if (digit === null || row.note < FIRST_NOTE) return null;
      return { ...row, sfx: Math.min(SFX_IDS - 1, digit * 10 + (row.sfx % 10)) };
    case Field.SfxOnes:
      if (digit === null || row.note < FIRST_NOTE) return null;
      return { ...row, sfx: Math.min(SFX_IDS - 1, Math.floor(row.sfx / 10) * 10 + digit) };
    case Field.Command: {
      const command = COMMAND_LETTERS.indexOf(key.toUpperCase());
      return command > 0 ? { ...row, command } : null;
    }
    case Field.X:
    case Field.Y: {
      if (!/^[0-9a-f]$/i.test(key)) return null;
      const value = parseInt(key, 16);
      return field === Field.X ? { ...row, x: value } : { ...row, y: value };
    }
  }
}

/** Delete in a field: the note fields clear the note, the command fields clear the command. */
export function clearField(row: PatternRow, field: Field): PatternRow {
  if (field <= Field.SfxOnes) return { ...row, note: NO_NOTE, octave: 0, sfx: 0 };
  return { ...row, command: 0, x: 0, y: 0 };
}
