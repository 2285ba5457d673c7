// The argument rules of TIC-80's Lua sfx() and music() (reference §1.3), as pure functions: the
// Lua binding reads the raw values off the stack and these turn them into SoundChip calls or the
// error text to raise.
import type { StereoVolume } from './sound-chip.js';
import { MAX_VOLUME, MUSIC_TRACKS, NOTES_PER_OCTAVE, SFX_COUNT, SOUND_CHANNELS, sample, sampleNoteIndex } from './sound-layout.js';

export const SOUND_ERRORS = {
  sfxParams: 'invalid sfx params',
  sfxIndex: 'unknown sfx index',
  channel: 'unknown channel',
  note: 'invalid note, should be like C#4',
  musicTrack: 'invalid music track index',
} as const;

const NOTE_NAMES = ['C-', 'C#', 'D-', 'D#', 'E-', 'F-', 'F#', 'G-', 'G#', 'A-', 'A#', 'B-'];

/**
 * A note string as sfx() takes it, e.g. "C#4" -> 49. Quirk 4: the octave digit is 1-based, so
 * "A-5" is 440 Hz. `text` holds the Lua string's bytes as Latin-1 characters. Returns the note
 * index; `fallback` when the name is unknown (TIC-80 keeps the default note); null when the text
 * is not exactly 3 bytes ("invalid note"). The third byte is not checked: "C-0" gives octave -1.
 */
export function parseNote(text: string, fallback: number): number | null {
  if (text.length !== 3) return null;
  const name = NOTE_NAMES.indexOf(text.slice(0, 2));
  if (name < 0) return fallback;
  return name + NOTES_PER_OCTAVE * (text.charCodeAt(2) - 0x31);
}

/** sfx()'s 5th argument: a number, or a table read through quirk 2. */
export type SfxVolumeArg =
  | { kind: 'number'; value: number }
  /** The Lua type codes lua_rawgeti returned for t[1] and t[2] (nil 0, number 3, string 4...). */
  | { kind: 'table'; entryTypes: readonly [number, number] };

/**
 * The raw arguments of a Lua sfx() call, as the binding read them. Values at positions up to
 * `count` that are undefined count as Lua's nil, which reads as 0.
 */
export interface SfxLuaArgs {
  /** lua_gettop. */
  count: number;
  /** Argument 1 as a C int. */
  id: number;
  /**
   * Argument 2: a number when lua_isinteger, the text lua_tolstring gives when it is another
   * string or number (so 14.0 arrives as "14.0" and fails), undefined otherwise (nil, tables...).
   */
  note?: number | string;
  duration?: number;
  channel?: number;
  volume?: SfxVolumeArg;
  speed?: number;
}

export interface SfxCall {
  id: number;
  note: number;
  duration: number;
  channel: number;
  volume: StereoVolume;
  speed: number;
}

export type Resolved<T> = { ok: true; call: T } | { ok: false; error: string };

/**
 * Resolves a Lua sfx() call the way TIC-80's binding does. Arguments past `count` are ignored, and
 * each one is read only if all before it were given.
 */
export function resolveSfxArgs(ram: Uint8Array, args: SfxLuaArgs): Resolved<SfxCall> {
  if (args.count < 1) return { ok: false, error: SOUND_ERRORS.sfxParams };
  const id = args.id;
  if (id >= SFX_COUNT) return { ok: false, error: SOUND_ERRORS.sfxIndex };
  // A stop (id < 0) has no sample to take defaults from; its note and speed are never used.
  const hasSample = id >= 0;
  let note = hasSample ? sampleNoteIndex(ram, id) : 0;
  let speed = hasSample ? sample.speed(ram, id) : 0;
  let duration = -1;
  let channel = 0;
  let volume: StereoVolume = { left: MAX_VOLUME, right: MAX_VOLUME };

  if (args.count >= 2) {
    // Quirk 3: an integer note is taken as is, so -1 is note index -1 (the lowest note when played).
    if (typeof args.note === 'number') note = args.note;
    else if (typeof args.note === 'string') {
      const parsed = parseNote(args.note, note);
      if (parsed === null) return { ok: false, error: SOUND_ERRORS.note };
      note = parsed;
    }
    if (args.count >= 3) {
      duration = args.duration ?? 0;
      if (args.count >= 4) {
        channel = args.channel ?? 0;
        if (args.count >= 5) {
          volume = sfxVolume(args.volume ?? { kind: 'number', value: 0 });
          if (args.count >= 6) speed = args.speed ?? 0;
        }
      }
    }
  }
  if (!(channel >= 0 && channel < SOUND_CHANNELS)) return { ok: false, error: SOUND_ERRORS.channel };
  return { ok: true, call: { id, note, duration, channel, volume, speed } };
}

/** Quirk 2: a volume table stores the type codes of its entries, not their values. */
function sfxVolume(arg: SfxVolumeArg): StereoVolume {
  if (arg.kind === 'number') return { left: arg.value & 15, right: arg.value & 15 };
  return { left: arg.entryTypes[0] & 15, right: arg.entryTypes[1] & 15 };
}

/**
 * The raw arguments of a Lua music() call: numbers as C ints, booleans by lua_toboolean. Values at
 * positions up to `count` that are undefined count as Lua's nil (0 or false).
 */
export interface MusicLuaArgs {
  count: number;
  track?: number;
  frame?: number;
  row?: number;
  loop?: boolean;
  sustain?: boolean;
  tempo?: number;
  speed?: number;
}

export interface MusicCall {
  track: number;
  frame: number;
  row: number;
  loop: boolean;
  sustain: boolean;
  tempo: number;
  speed: number;
}

/** Resolves a Lua music() call: no arguments stop the music (track -1); track > 7 is an error. */
export function resolveMusicArgs(args: MusicLuaArgs): Resolved<MusicCall> {
  const given = (position: number): boolean => args.count >= position;
  const track = given(1) ? (args.track ?? 0) : -1;
  if (track >= MUSIC_TRACKS) return { ok: false, error: SOUND_ERRORS.musicTrack };
  return {
    ok: true,
    call: {
      track,
      frame: given(2) ? (args.frame ?? 0) : -1,
      row: given(3) ? (args.row ?? 0) : -1,
      loop: given(4) ? (args.loop ?? false) : true,
      sustain: given(5) ? (args.sustain ?? false) : false,
      tempo: given(6) ? (args.tempo ?? 0) : -1,
      speed: given(7) ? (args.speed ?? 0) : -1,
    },
  };
}
