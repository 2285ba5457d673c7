import {
  MUSIC_PATTERNS_ADDR,
  MUSIC_STATE_ADDR,
  MUSIC_TRACKS_ADDR,
  SFX_ADDR,
  SFX_STATE_ADDR,
  SOUND_REGISTERS_ADDR,
  STEREO_VOLUME_ADDR,
  WAVEFORMS_ADDR,
} from '../../common/memory-map.js';
// Where the sound chip's data lives in RAM and how its bit fields are packed (reference §4, §6.1,
// §6.2, §6.5). The chip reads everything straight from RAM each frame, so a cart that pokes a sample,
// a pattern or the music state changes what plays, as in TIC-80.

export const SOUND_CHANNELS = 4;
export const SFX_COUNT = 64;
export const MUSIC_TRACKS = 8;
export const MUSIC_FRAMES = 16;
export const PATTERN_ROWS = 64;
export const MAX_VOLUME = 15;
/** Envelope steps per sample (wave, volume, arpeggio, pitch each have 30). */
export const SFX_TICKS = 30;
export const NOTES_PER_OCTAVE = 12;
export const REGISTER_SIZE = 18;
export const WAVEFORM_SIZE = 16;

export const registerAddr = (channel: number): number => SOUND_REGISTERS_ADDR + REGISTER_SIZE * channel;
export const sfxStateAddr = (channel: number): number => SFX_STATE_ADDR + 4 * channel;
export const waveformAddr = (wave: number): number => WAVEFORMS_ADDR + WAVEFORM_SIZE * wave;

const SAMPLE_SIZE = 66;
const sampleAddr = (id: number): number => SFX_ADDR + SAMPLE_SIZE * id;

const signed3 = (v: number): number => ((v & 7) ^ 4) - 4;
const signed4 = (v: number): number => ((v & 15) ^ 8) - 8;
const signed8 = (v: number): number => ((v & 255) ^ 128) - 128;

/** One sfx sample's fields (66 bytes: 30 ticks x 2, then flags, note and 4 loops). */
export const sample = {
  wave: (ram: Uint8Array, id: number, step: number): number => ram[sampleAddr(id) + 2 * step] >> 4,
  /** Stored inverted: 0 is the loudest. */
  storedVolume: (ram: Uint8Array, id: number, step: number): number => ram[sampleAddr(id) + 2 * step] & 15,
  arpeggio: (ram: Uint8Array, id: number, step: number): number => ram[sampleAddr(id) + 2 * step + 1] & 15,
  pitch: (ram: Uint8Array, id: number, step: number): number => signed4(ram[sampleAddr(id) + 2 * step + 1] >> 4),
  octave: (ram: Uint8Array, id: number): number => ram[sampleAddr(id) + 60] & 7,
  pitch16x: (ram: Uint8Array, id: number): boolean => (ram[sampleAddr(id) + 60] & 8) !== 0,
  speed: (ram: Uint8Array, id: number): number => signed3(ram[sampleAddr(id) + 60] >> 4),
  reverse: (ram: Uint8Array, id: number): boolean => (ram[sampleAddr(id) + 60] & 0x80) !== 0,
  note: (ram: Uint8Array, id: number): number => ram[sampleAddr(id) + 61] & 15,
  muteLeft: (ram: Uint8Array, id: number): boolean => (ram[sampleAddr(id) + 61] & 0x10) !== 0,
  muteRight: (ram: Uint8Array, id: number): boolean => (ram[sampleAddr(id) + 61] & 0x20) !== 0,
  /** Envelope e (0 wave, 1 volume, 2 arpeggio, 3 pitch): low nibble loop start, high nibble size. */
  loop: (ram: Uint8Array, id: number, envelope: number): number => ram[sampleAddr(id) + 62 + envelope],
};

/** The default note index of a sample: its note plus 12 per (0-based) octave. */
export const sampleNoteIndex = (ram: Uint8Array, id: number): number => sample.note(ram, id) + NOTES_PER_OCTAVE * sample.octave(ram, id);

/** Signed 3-bit speeds (-4..3) are a sample's own; anything else falls back to it (reference §1.3). */
export const fitsSfxSpeed = (speed: number): boolean => speed >= -4 && speed <= 3;

const TRACK_SIZE = 51;
const trackAddr = (track: number): number => MUSIC_TRACKS_ADDR + TRACK_SIZE * track;

export const track = {
  /** Pattern id (0 = empty, 1..60) of a channel in a frame; frames outside 0..15 are empty. */
  patternId(ram: Uint8Array, t: number, frame: number, channel: number): number {
    if (frame < 0 || frame >= MUSIC_FRAMES) return 0;
    const at = trackAddr(t) + 3 * frame;
    const packed = ram[at] | (ram[at + 1] << 8) | (ram[at + 2] << 16);
    return (packed >> (6 * channel)) & 63;
  },
  tempo: (ram: Uint8Array, t: number): number => 150 + signed8(ram[trackAddr(t) + 48]),
  rows: (ram: Uint8Array, t: number): number => PATTERN_ROWS - ram[trackAddr(t) + 49],
  speed: (ram: Uint8Array, t: number): number => 6 + signed8(ram[trackAddr(t) + 50]),
};

const PATTERN_SIZE = 3 * PATTERN_ROWS;

/**
 * RAM address of a pattern row. Ids 61..63 fit the 6-bit field but name no pattern; like TIC-80's
 * unchecked array access they read the bytes that follow the patterns.
 */
export const patternRowAddr = (patternId: number, row: number): number => MUSIC_PATTERNS_ADDR + PATTERN_SIZE * (patternId - 1) + 3 * row;

/** Fields of the 3-byte pattern row at an address. */
export const patternRow = {
  /** 0 nothing, 1 note-off, 4..15 C..B. */
  note: (ram: Uint8Array, at: number): number => ram[at] & 15,
  x: (ram: Uint8Array, at: number): number => ram[at] >> 4,
  y: (ram: Uint8Array, at: number): number => ram[at + 1] & 15,
  command: (ram: Uint8Array, at: number): number => (ram[at + 1] >> 4) & 7,
  sfx: (ram: Uint8Array, at: number): number => (ram[at + 2] & 31) | ((ram[at + 1] >> 7) << 5),
  octave: (ram: Uint8Array, at: number): number => ram[at + 2] >> 5,
};

export const NOTE_OFF = 1;
export const FIRST_NOTE = 4;

/** Pattern commands (reference §6.5): M C J S P V D. */
export const MusicCommand = { None: 0, Volume: 1, Chord: 2, Jump: 3, Slide: 4, Pitch: 5, Vibrato: 6, Delay: 7 } as const;

export const MusicStatus = { Stop: 0, PlayFrame: 1, Play: 2 } as const;
export type MusicStatus = (typeof MusicStatus)[keyof typeof MusicStatus];

/** The 4 music-state bytes at 0x13FFC: track, frame, row (s8 each) and flags. */
export const musicState = {
  track: (ram: Uint8Array): number => signed8(ram[MUSIC_STATE_ADDR]),
  frame: (ram: Uint8Array): number => signed8(ram[MUSIC_STATE_ADDR + 1]),
  row: (ram: Uint8Array): number => signed8(ram[MUSIC_STATE_ADDR + 2]),
  loop: (ram: Uint8Array): boolean => (ram[MUSIC_STATE_ADDR + 3] & 1) !== 0,
  status: (ram: Uint8Array): number => (ram[MUSIC_STATE_ADDR + 3] >> 1) & 3,
  sustain: (ram: Uint8Array): boolean => (ram[MUSIC_STATE_ADDR + 3] & 8) !== 0,
  setTrack(ram: Uint8Array, value: number): void {
    ram[MUSIC_STATE_ADDR] = value & 255;
  },
  setFrame(ram: Uint8Array, value: number): void {
    ram[MUSIC_STATE_ADDR + 1] = value & 255;
  },
  setRow(ram: Uint8Array, value: number): void {
    ram[MUSIC_STATE_ADDR + 2] = value & 255;
  },
  setStatus(ram: Uint8Array, status: MusicStatus): void {
    ram[MUSIC_STATE_ADDR + 3] = (ram[MUSIC_STATE_ADDR + 3] & ~6) | (status << 1);
  },
  setFlags(ram: Uint8Array, loop: boolean, sustain: boolean, status: MusicStatus): void {
    ram[MUSIC_STATE_ADDR + 3] = (ram[MUSIC_STATE_ADDR + 3] & 0xf0) | (loop ? 1 : 0) | (status << 1) | (sustain ? 8 : 0);
  },
};

/** Sets the stereo byte of a channel: left volume in the low nibble, right in the high one. */
export function setStereo(ram: Uint8Array, channel: number, left: number, right: number): void {
  ram[STEREO_VOLUME_ADDR + channel] = (left & 15) | ((right & 15) << 4);
}
