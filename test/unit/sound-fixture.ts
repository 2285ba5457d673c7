// Shared helpers for the sound tests: a RAM with a sound chip, writers for waveforms, sfx samples,
// patterns and tracks in TIC-80's byte layout, frame rendering and signal measurements.
import {
  MUSIC_PATTERNS_ADDR,
  MUSIC_TRACKS_ADDR,
  RAM_BYTES,
  SFX_ADDR,
  SFX_STATE_ADDR,
  SOUND_REGISTERS_ADDR,
  STEREO_VOLUME_ADDR,
  WAVEFORMS_ADDR,
} from '../../runner/common/memory-map.js';
import { SoundChip } from '../../runner/vm/sound/sound-chip.js';

export const FRAME_SAMPLES = 735;
export const SAMPLE_RATE = 44100;

export function soundMachine(): { chip: SoundChip; ram: Uint8Array } {
  const ram = new Uint8Array(RAM_BYTES);
  const chip = new SoundChip(ram);
  chip.reset();
  return { chip, ram };
}

/** Waveform w from 32 samples 0..15 (low nibble first). */
export function putWaveform(ram: Uint8Array, w: number, samples: number[]): void {
  for (let i = 0; i < 16; i++) ram[WAVEFORMS_ADDR + 16 * w + i] = (samples[2 * i] & 15) | ((samples[2 * i + 1] & 15) << 4);
}

export const SQUARE = [...Array<number>(16).fill(15), ...Array<number>(16).fill(0)];
export const SAW = Array.from({ length: 32 }, (_, i) => i >> 1);

export interface SampleSpec {
  /** Per tick (30): waveform index, volume 0..15 (written inverted), arpeggio 0..15, pitch -8..7. */
  wave?: number | number[];
  volume?: number | number[];
  arpeggio?: number | number[];
  pitch?: number | number[];
  octave?: number;
  note?: number;
  speed?: number;
  pitch16x?: boolean;
  reverse?: boolean;
  muteLeft?: boolean;
  muteRight?: boolean;
  /** [start, size] of the wave, volume, arpeggio and pitch loops. */
  loops?: [number, number][];
}

const at = (v: number | number[] | undefined, i: number, fallback: number): number =>
  v === undefined ? fallback : Array.isArray(v) ? (v[i] ?? v[v.length - 1]) : v;

export function putSample(ram: Uint8Array, id: number, spec: SampleSpec): void {
  const base = SFX_ADDR + 66 * id;
  for (let t = 0; t < 30; t++) {
    const volume = at(spec.volume, t, 15);
    ram[base + 2 * t] = (15 - volume) | (at(spec.wave, t, 0) << 4);
    ram[base + 2 * t + 1] = at(spec.arpeggio, t, 0) | ((at(spec.pitch, t, 0) & 15) << 4);
  }
  ram[base + 60] = (spec.octave ?? 0) | (spec.pitch16x ? 8 : 0) | (((spec.speed ?? 0) & 7) << 4) | (spec.reverse ? 0x80 : 0);
  ram[base + 61] = (spec.note ?? 0) | (spec.muteLeft ? 0x10 : 0) | (spec.muteRight ? 0x20 : 0);
  const loops = spec.loops ?? [];
  for (let e = 0; e < 4; e++) {
    const [start, size] = loops[e] ?? [0, 0];
    ram[base + 62 + e] = start | (size << 4);
  }
}

export interface RowSpec {
  /** 'off' for note-off, otherwise a note index 0..95 (note + 12 * octave). */
  note?: number | 'off';
  sfx?: number;
  /** Command number (1 M, 2 C, 3 J, 4 S, 5 P, 6 V, 7 D) and its parameters. */
  command?: number;
  x?: number;
  y?: number;
}

/** Writes row r of pattern id (1..60). */
export function putRow(ram: Uint8Array, id: number, r: number, row: RowSpec): void {
  const base = MUSIC_PATTERNS_ADDR + 192 * (id - 1) + 3 * r;
  const note = row.note === undefined ? 0 : row.note === 'off' ? 1 : (row.note % 12) + 4;
  const octave = typeof row.note === 'number' ? Math.floor(row.note / 12) : 0;
  const sfx = row.sfx ?? 0;
  ram[base] = note | ((row.x ?? 0) << 4);
  ram[base + 1] = (row.y ?? 0) | ((row.command ?? 0) << 4) | ((sfx >> 5) << 7);
  ram[base + 2] = (sfx & 31) | (octave << 5);
}

export interface TrackSpec {
  /** Per frame, the pattern ids of channels 0..3. */
  frames: number[][];
  tempo?: number;
  speed?: number;
  rows?: number;
}

export function putTrack(ram: Uint8Array, t: number, spec: TrackSpec): void {
  const base = MUSIC_TRACKS_ADDR + 51 * t;
  spec.frames.forEach((ids, f) => {
    const packed = ids.reduce((acc, id, c) => acc | (id << (6 * c)), 0);
    ram[base + 3 * f] = packed & 255;
    ram[base + 3 * f + 1] = (packed >> 8) & 255;
    ram[base + 3 * f + 2] = (packed >> 16) & 255;
  });
  ram[base + 48] = ((spec.tempo ?? 150) - 150) & 255;
  ram[base + 49] = 64 - (spec.rows ?? 64);
  ram[base + 50] = ((spec.speed ?? 6) - 6) & 255;
}

/** Register of a channel: frequency, volume and the 32 waveform samples. */
export function register(ram: Uint8Array, channel: number): { freq: number; volume: number; wave: number[] } {
  const r = SOUND_REGISTERS_ADDR + 18 * channel;
  const wave: number[] = [];
  for (let i = 0; i < 32; i++) wave.push((ram[r + 2 + (i >> 1)] >> ((i & 1) * 4)) & 15);
  return { freq: ram[r] | ((ram[r + 1] & 15) << 8), volume: ram[r + 1] >> 4, wave };
}

export function stereo(ram: Uint8Array, channel: number): { left: number; right: number } {
  const b = ram[STEREO_VOLUME_ADDR + channel];
  return { left: b & 15, right: b >> 4 };
}

export function sfxState(ram: Uint8Array, channel: number): number[] {
  return Array.from(new Int8Array(ram.buffer, SFX_STATE_ADDR + 4 * channel, 4));
}

/** Runs frames (tick, then synthesize) and returns all samples, interleaved left/right. */
export function render(chip: SoundChip, frames: number): Int16Array {
  const all = new Int16Array(frames * 2 * FRAME_SAMPLES);
  const frame = new Int16Array(2 * FRAME_SAMPLES);
  for (let f = 0; f < frames; f++) {
    chip.tick();
    chip.synthesize(frame);
    all.set(frame, f * frame.length);
  }
  return all;
}

/** One side (0 left, 1 right) of interleaved samples, from sample frame `from` on. */
export function side(samples: Int16Array, which: 0 | 1, from = 0): Float64Array {
  const out = new Float64Array(samples.length / 2 - from);
  for (let i = 0; i < out.length; i++) out[i] = samples[2 * (from + i) + which];
  return out;
}

/** Frequency in Hz from the rising zero crossings (linearly interpolated) of a zero-mean signal. */
export function measureFrequency(signal: Float64Array): number {
  const mean = signal.reduce((a, b) => a + b, 0) / signal.length;
  const crossings: number[] = [];
  for (let i = 1; i < signal.length; i++) {
    const a = signal[i - 1] - mean;
    const b = signal[i] - mean;
    if (a < 0 && b >= 0) crossings.push(i - 1 + a / (a - b));
  }
  if (crossings.length < 2) return 0;
  return ((crossings.length - 1) * SAMPLE_RATE) / (crossings[crossings.length - 1] - crossings[0]);
}

export function peak(signal: Float64Array): number {
  return signal.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
}

export function rms(signal: Float64Array): number {
  return Math.sqrt(signal.reduce((s, v) => s + v * v, 0) / signal.length);
}

/** Power in `bands` equal-width frequency bands from 0 to 22 050 Hz (plain DFT over the signal). */
export function bandPowers(signal: Float64Array, bands: number): number[] {
  const n = signal.length;
  const powers = new Array<number>(bands).fill(0);
  const bins = n >> 1;
  for (let k = 1; k < bins; k++) {
    let re = 0;
    let im = 0;
    const w = (2 * Math.PI * k) / n;
    for (let i = 0; i < n; i++) {
      re += signal[i] * Math.cos(w * i);
      im -= signal[i] * Math.sin(w * i);
    }
    powers[Math.min(bands - 1, Math.floor((k * bands) / bins))] += re * re + im * im;
  }
  return powers;
}

/** A machine with waveform 0 = square, 1 = saw, and sample 0 = square at full volume. */
export function squareSawMachine(): { chip: SoundChip; ram: Uint8Array } {
  const m = soundMachine();
  putWaveform(m.ram, 0, SQUARE);
  putWaveform(m.ram, 1, SAW);
  putSample(m.ram, 0, { wave: 0, volume: 15 });
  return m;
}
