// Renders one video frame of audio from the sound registers, stereo volumes and PCM bytes in RAM
// (reference §6.4): 4 tone/noise channels and the PCM stream clocked at 2 088 960 Hz, fed as
// amplitude steps into a band-limited buffer and read out as 735 stereo s16 frames at 44 100 Hz.
import { PCM_ADDR, PCM_BYTES, STEREO_VOLUME_ADDR } from '../../common/memory-map.js';
import { AUDIO_FRAME_SAMPLES, AUDIO_SAMPLE_RATE } from '../../common/protocol.js';
import { StereoStepBuffer } from './band-limited-steps.js';
import { MAX_VOLUME, SOUND_CHANNELS, WAVEFORM_SIZE, registerAddr } from './sound-layout.js';

export const SAMPLE_RATE = AUDIO_SAMPLE_RATE;
/** Stereo frames per video frame at 60 fps. */
export const FRAME_SAMPLES = AUDIO_FRAME_SAMPLES;
export const CLOCK_RATE = 2088960;
/** Clock ticks per video frame (34 816): exactly FRAME_SAMPLES output samples. */
export const FRAME_CLOCKS = CLOCK_RATE / 60;

const WAVE_STEPS = 32;
const MIN_PERIOD = 10;
const MAX_PERIOD = 4096;
/** CLOCK_RATE * 2 / 32: one waveform cycle is 32 steps, and tone frequencies are doubled. */
const PERIOD_RATE = 130560;
const AMP_MAX = 32767;
/** Every source is divided by 5 (4 channels and PCM) so their sum fits in s16. */
const SOURCES = SOUND_CHANNELS + 1;
const PCM_PERIOD = FRAME_CLOCKS / PCM_BYTES;
/** Feedback taps of the noise LFSR for all-0xFF and all-0x00 waveforms. */
const NOISE_TAPS_FF = 0x14;
const NOISE_TAPS_00 = 0x12000;

function period(freq: number): number {
  if (freq === 0) return MAX_PERIOD;
  const p = Math.floor(PERIOD_RATE / freq) - 1;
  return p < MIN_PERIOD ? MIN_PERIOD : p > MAX_PERIOD ? MAX_PERIOD : p;
}

/** getAmp: a level scaled by a volume 0..15, then by 1/5; integer divisions left to right. */
function scale(level: number, volume: number): number {
  return Math.floor(Math.floor((level * volume) / MAX_VOLUME) / SOURCES);
}

/** A channel's level for its loudest waveform step at this stereo volume and volume. */
function loudest(stereo: number, volume: number): number {
  return scale(Math.floor((AMP_MAX * stereo) / MAX_VOLUME), volume);
}

/** The level of each PCM byte value, on both sides. */
const PCM_LEVELS = Int32Array.from({ length: 256 }, (_, b) => scale(Math.floor((b * AMP_MAX) / 255), MAX_VOLUME));

/**
 * A waveform plays noise when all 16 bytes are equal and 0x00 or 0xFF (quirk 10: so an empty
 * waveform is noise).
 */
function isNoise(ram: Uint8Array, wave: number): boolean {
  const first = ram[wave];
  if (first !== 0 && first !== 0xff) return false;
  for (let i = 1; i < WAVEFORM_SIZE; i++) if (ram[wave + i] !== first) return false;
  return true;
}

export class Synthesizer {
  readonly #buffer = new StereoStepBuffer(FRAME_CLOCKS, FRAME_SAMPLES);
  /** Per channel: clock of the next step in this frame, waveform phase or LFSR, current levels. */
  readonly #time = new Int32Array(SOUND_CHANNELS);
  readonly #phase = new Int32Array(SOUND_CHANNELS);
  readonly #ampLeft = new Int32Array(SOUND_CHANNELS);
  readonly #ampRight = new Int32Array(SOUND_CHANNELS);
  #pcmAmp = 0;
  readonly #levelsLeft = new Int32Array(16);
  readonly #levelsRight = new Int32Array(16);
  readonly #samples = new Uint8Array(WAVE_STEPS);

  /** Renders one frame into out: FRAME_SAMPLES interleaved left/right s16 pairs. */
  render(ram: Uint8Array, out: Int16Array): void {
    if (out.length < 2 * FRAME_SAMPLES) throw new RangeError(`the output needs ${2 * FRAME_SAMPLES} samples`);
    for (let c = 0; c < SOUND_CHANNELS; c++) {
      const stereo = ram[STEREO_VOLUME_ADDR + c];
      const reg = registerAddr(c);
      if (isNoise(ram, reg + 2)) this.#renderNoise(ram, c, stereo & 15, stereo >> 4);
      else this.#renderTone(ram, c, stereo & 15, stereo >> 4);
      this.#time[c] -= FRAME_CLOCKS;
    }
    this.#renderPcm(ram);
    this.#buffer.readFrame(out);
  }

  /**
   * A channel whose every level is 0 at this volume and stereo, and which already rests at 0, adds
   * no step this frame: only its clock and phase move on.
   */
  #isSilent(c: number, volume: number, stereoLeft: number, stereoRight: number): boolean {
    if (this.#ampLeft[c] !== 0 || this.#ampRight[c] !== 0) return false;
    return loudest(stereoLeft, volume) === 0 && loudest(stereoRight, volume) === 0;
  }

  /** Steps of period `step` from the channel's clock to the frame's end. */
  #stepsLeft(c: number, step: number): number {
    const t = this.#time[c];
    return t < FRAME_CLOCKS ? Math.ceil((FRAME_CLOCKS - t) / step) : 0;
  }

  #renderTone(ram: Uint8Array, c: number, stereoLeft: number, stereoRight: number): void {
    const reg = registerAddr(c);
    const volume = ram[reg + 1] >> 4;
    const step = period(2 * (ram[reg] | ((ram[reg + 1] & 15) << 8)));
    if (this.#isSilent(c, volume, stereoLeft, stereoRight)) {
      const steps = this.#stepsLeft(c, step);
      this.#phase[c] = (this.#phase[c] + steps) & (WAVE_STEPS - 1);
      this.#time[c] += steps * step;
      return;
    }
    const levelsLeft = this.#levelsLeft;
    const levelsRight = this.#levelsRight;
    for (let s = 0; s < 16; s++) {
      const level = Math.floor((s * AMP_MAX) / MAX_VOLUME);
      levelsLeft[s] = scale(Math.floor((level * stereoLeft) / MAX_VOLUME), volume);
      levelsRight[s] = scale(Math.floor((level * stereoRight) / MAX_VOLUME), volume);
    }
    const samples = this.#samples;
    for (let i = 0; i < WAVE_STEPS; i++) samples[i] = (ram[reg + 2 + (i >> 1)] >> ((i & 1) * 4)) & 15;

    const buffer = this.#buffer;
    let t = this.#time[c];
    let phase = this.#phase[c];
    let left = this.#ampLeft[c];
    let right = this.#ampRight[c];
    for (; t < FRAME_CLOCKS; t += step) {
      const s = samples[phase & (WAVE_STEPS - 1)];
      const newLeft = levelsLeft[s];
      const newRight = levelsRight[s];
      if (newLeft !== left || newRight !== right) {
        buffer.addDelta(t, newLeft - left, newRight - right);
        left = newLeft;
        right = newRight;
      }
      phase = (phase + 1) & (WAVE_STEPS - 1);
    }
    this.#time[c] = t;
    this.#phase[c] = phase;
    this.#ampLeft[c] = left;
    this.#ampRight[c] = right;
  }

  #renderNoise(ram: Uint8Array, c: number, stereoLeft: number, stereoRight: number): void {
    const reg = registerAddr(c);
    const volume = ram[reg + 1] >> 4;
    const step = period(ram[reg] | ((ram[reg + 1] & 15) << 8));
    const taps = ram[reg + 2] !== 0 ? NOISE_TAPS_FF : NOISE_TAPS_00;
    // The LFSR must never be zero; a channel switching from a tone may hold phase 0.
    let lfsr = this.#phase[c] === 0 ? 1 : this.#phase[c];
    if (this.#isSilent(c, volume, stereoLeft, stereoRight)) {
      // Silent noise still runs its LFSR, so that it sounds the same once it is heard again.
      const steps = this.#stepsLeft(c, step);
      for (let n = 0; n < steps; n++) lfsr = ((lfsr & 1) * taps) ^ (lfsr >>> 1);
      this.#time[c] += steps * step;
      this.#phase[c] = lfsr;
      return;
    }
    const onLeft = loudest(stereoLeft, volume);
    const onRight = loudest(stereoRight, volume);

    const buffer = this.#buffer;
    let t = this.#time[c];
    let left = this.#ampLeft[c];
    let right = this.#ampRight[c];
    for (; t < FRAME_CLOCKS; t += step) {
      const on = lfsr & 1;
      const newLeft = on ? onLeft : 0;
      const newRight = on ? onRight : 0;
      if (newLeft !== left || newRight !== right) {
        buffer.addDelta(t, newLeft - left, newRight - right);
        left = newLeft;
        right = newRight;
      }
      lfsr = (on * taps) ^ (lfsr >>> 1);
    }
    this.#time[c] = t;
    this.#phase[c] = lfsr;
    this.#ampLeft[c] = left;
    this.#ampRight[c] = right;
  }

  /** The 128 PCM bytes, 272 clocks each, on both sides; restarts at each frame's start. */
  #renderPcm(ram: Uint8Array): void {
    let amp = this.#pcmAmp;
    for (let i = 0; i < PCM_BYTES; i++) {
      const level = PCM_LEVELS[ram[PCM_ADDR + i]];
      if (level !== amp) {
        this.#buffer.addDelta(i * PCM_PERIOD, level - amp, level - amp);
        amp = level;
      }
    }
    this.#pcmAmp = amp;
  }
}
