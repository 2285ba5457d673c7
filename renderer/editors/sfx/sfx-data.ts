// The bytes the SFX editor edits, read and written as the editor shows them (reference 6.2, 5.b):
// the waveforms section (16 waves of 32 nibbles, low nibble first) and the sfx section (64 samples
// of 66 bytes). Envelope steps are shown as levels 0..15: volume as heard (stored inverted), pitch
// offset by 8 (stored signed -8..7).

export const WAVE_COUNT = 16;
export const WAVE_SAMPLES = 32;
export const WAVE_BYTES = 16;
export const SAMPLE_COUNT = 64;
export const SAMPLE_BYTES = 66;
export const ENVELOPE_TICKS = 30;
export const LEVELS = 16;
export const MAX_LEVEL = 15;

export const Envelope = { Wave: 0, Volume: 1, Arpeggio: 2, Pitch: 3 } as const;
export type Envelope = (typeof Envelope)[keyof typeof Envelope];
export const ENVELOPES: readonly Envelope[] = [Envelope.Wave, Envelope.Volume, Envelope.Arpeggio, Envelope.Pitch];
export const ENVELOPE_NAMES: Readonly<Record<Envelope, string>> = { 0: 'WAVE', 1: 'VOLUME', 2: 'ARPEGGIO', 3: 'PITCH' };

const FLAGS_BYTE = 60;
const NOTE_BYTE = 61;
const LOOPS_BYTE = 62;

const sampleAt = (id: number): number => SAMPLE_BYTES * id;

export function waveLevel(waves: Uint8Array, wave: number, index: number): number {
  const byte = waves[WAVE_BYTES * wave + (index >> 1)];
  return index & 1 ? byte >> 4 : byte & 15;
}

export function setWaveLevel(waves: Uint8Array, wave: number, index: number, level: number): void {
  const at = WAVE_BYTES * wave + (index >> 1);
  waves[at] = index & 1 ? (waves[at] & 0x0f) | (level << 4) : (waves[at] & 0xf0) | level;
}

export function envelopeLevel(sfx: Uint8Array, id: number, envelope: Envelope, tick: number): number {
  const at = sampleAt(id) + 2 * tick;
  switch (envelope) {
    case Envelope.Wave:
      return sfx[at] >> 4;
    case Envelope.Volume:
      return MAX_LEVEL - (sfx[at] & 15);
    case Envelope.Arpeggio:
      return sfx[at + 1] & 15;
    case Envelope.Pitch:
      return (sfx[at + 1] >> 4) ^ 8;
  }
}

export function setEnvelopeLevel(sfx: Uint8Array, id: number, envelope: Envelope, tick: number, level: number): void {
  const at = sampleAt(id) + 2 * tick;
  switch (envelope) {
    case Envelope.Wave:
      sfx[at] = (sfx[at] & 0x0f) | (level << 4);
      break;
    case Envelope.Volume:
      sfx[at] = (sfx[at] & 0xf0) | (MAX_LEVEL - level);
      break;
    case Envelope.Arpeggio:
      sfx[at + 1] = (sfx[at + 1] & 0xf0) | level;
      break;
    case Envelope.Pitch:
      sfx[at + 1] = (sfx[at + 1] & 0x0f) | ((level ^ 8) << 4);
      break;
  }
}

/** A level as the editor labels it: the pitch offset is signed. */
export function levelValue(envelope: Envelope, level: number): number {
  return envelope === Envelope.Pitch ? level - 8 : level;
}

export interface Loop {
  start: number;
  size: number;
}

export function loopOf(sfx: Uint8Array, id: number, envelope: Envelope): Loop {
  const byte = sfx[sampleAt(id) + LOOPS_BYTE + envelope];
  return { start: byte & 15, size: byte >> 4 };
}

export function setLoop(sfx: Uint8Array, id: number, envelope: Envelope, loop: Loop): void {
  sfx[sampleAt(id) + LOOPS_BYTE + envelope] = (loop.start & 15) | ((loop.size & 15) << 4);
}

/** A sample's settings outside its envelopes (bytes 60 and 61). Octave is 0-based here. */
export interface SampleSettings {
  /** -4..3. */
  speed: number;
  /** 0..7; the editor shows it 1-based, as TIC-80 does. */
  octave: number;
  /** 0 = C .. 11 = B. */
  note: number;
  pitch16x: boolean;
  /** The arpeggio goes down (its offsets are subtracted). */
  reverse: boolean;
  muteLeft: boolean;
  muteRight: boolean;
}

export function sampleSettings(sfx: Uint8Array, id: number): SampleSettings {
  const flags = sfx[sampleAt(id) + FLAGS_BYTE];
  const noteByte = sfx[sampleAt(id) + NOTE_BYTE];
  return {
    speed: (((flags >> 4) & 7) ^ 4) - 4,
    octave: flags & 7,
    note: noteByte & 15,
    pitch16x: (flags & 8) !== 0,
    reverse: (flags & 0x80) !== 0,
    muteLeft: (noteByte & 0x10) !== 0,
    muteRight: (noteByte & 0x20) !== 0,
  };
}

export function setSampleSettings(sfx: Uint8Array, id: number, s: SampleSettings): void {
  const at = sampleAt(id);
  sfx[at + FLAGS_BYTE] = (s.octave & 7) | (s.pitch16x ? 8 : 0) | ((s.speed & 7) << 4) | (s.reverse ? 0x80 : 0);
  // Bits 6-7 of the note byte are unused; keep whatever the cart had there.
  sfx[at + NOTE_BYTE] = (sfx[at + NOTE_BYTE] & 0xc0) | (s.note & 15) | (s.muteLeft ? 0x10 : 0) | (s.muteRight ? 0x20 : 0);
}

/** The note index a sample plays by default and its piano keys start from: note + 12 * octave. */
export function sampleNoteIndex(s: SampleSettings): number {
  return s.note + 12 * s.octave;
}
