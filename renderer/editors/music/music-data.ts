// The bytes the Music editor edits (reference 6.5, 5.b): the tracks section (8 tracks of 51 bytes:
// 16 frames x 3 bytes of four 6-bit pattern ids, then tempo, rows and speed) and the patterns
// section (60 patterns of 64 rows x 3 bytes).

export const TRACK_COUNT = 8;
export const FRAME_COUNT = 16;
export const CHANNEL_COUNT = 4;
export const PATTERN_COUNT = 60;
export const PATTERN_ROWS = 64;
export const SFX_IDS = 64;
export const OCTAVES = 8;

const TRACK_BYTES = 51;
const PATTERN_BYTES = 3 * PATTERN_ROWS;
const TEMPO_BYTE = 48;
const ROWS_BYTE = 49;
const SPEED_BYTE = 50;

/** The ranges TIC-80's music editor allows. */
export const TEMPO_RANGE = { min: 40, max: 250 } as const;
export const SPEED_RANGE = { min: 1, max: 31 } as const;
export const ROWS_RANGE = { min: 1, max: PATTERN_ROWS } as const;

const signed8 = (v: number): number => ((v & 255) ^ 128) - 128;

export function patternId(tracks: Uint8Array, track: number, frame: number, channel: number): number {
  const at = TRACK_BYTES * track + 3 * frame;
  const packed = tracks[at] | (tracks[at + 1] << 8) | (tracks[at + 2] << 16);
  return (packed >> (6 * channel)) & 63;
}

export function setPatternId(tracks: Uint8Array, track: number, frame: number, channel: number, id: number): void {
  const at = TRACK_BYTES * track + 3 * frame;
  const packed = tracks[at] | (tracks[at + 1] << 8) | (tracks[at + 2] << 16);
  const shift = 6 * channel;
  const next = (packed & ~(63 << shift)) | ((id & 63) << shift);
  tracks[at] = next & 255;
  tracks[at + 1] = (next >> 8) & 255;
  tracks[at + 2] = (next >> 16) & 255;
}

export interface TrackSettings {
  tempo: number;
  speed: number;
  rows: number;
}

export function trackSettings(tracks: Uint8Array, track: number): TrackSettings {
  const at = TRACK_BYTES * track;
  return { tempo: 150 + signed8(tracks[at + TEMPO_BYTE]), speed: 6 + signed8(tracks[at + SPEED_BYTE]), rows: PATTERN_ROWS - tracks[at + ROWS_BYTE] };
}

export function setTrackSettings(tracks: Uint8Array, track: number, s: TrackSettings): void {
  const at = TRACK_BYTES * track;
  tracks[at + TEMPO_BYTE] = (s.tempo - 150) & 255;
  tracks[at + SPEED_BYTE] = (s.speed - 6) & 255;
  tracks[at + ROWS_BYTE] = PATTERN_ROWS - s.rows;
}

/** Row note values: 0 nothing, 1 note-off, 4..15 C..B. */
export const NO_NOTE = 0;
export const NOTE_OFF = 1;
export const FIRST_NOTE = 4;

/** The commands' letters, index = command number (0 = none). */
export const COMMAND_LETTERS = ['-', 'M', 'C', 'J', 'S', 'P', 'V', 'D'];

export interface PatternRow {
  note: number;
  /** 0-based; shown 1-based. */
  octave: number;
  sfx: number;
  command: number;
  x: number;
  y: number;
}

/** A row of pattern `id` (1..60). */
export function patternRow(patterns: Uint8Array, id: number, row: number): PatternRow {
  const at = PATTERN_BYTES * (id - 1) + 3 * row;
  const [b0, b1, b2] = [patterns[at], patterns[at + 1], patterns[at + 2]];
  return { note: b0 & 15, x: b0 >> 4, y: b1 & 15, command: (b1 >> 4) & 7, sfx: (b2 & 31) | ((b1 >> 7) << 5), octave: b2 >> 5 };
}

export function setPatternRow(patterns: Uint8Array, id: number, row: number, r: PatternRow): void {
  const at = PATTERN_BYTES * (id - 1) + 3 * row;
  patterns[at] = (r.note & 15) | ((r.x & 15) << 4);
  patterns[at + 1] = (r.y & 15) | ((r.command & 7) << 4) | ((r.sfx >> 5) << 7);
  patterns[at + 2] = (r.sfx & 31) | ((r.octave & 7) << 5);
}
