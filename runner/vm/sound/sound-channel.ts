// One playing sfx on one of the 4 channels, and its per-frame step (reference §6.3): walk the
// sample's envelopes and write frequency, volume, waveform and stereo into the channel's register.
// Both sfx() channels and music channels are made of these.
import { NOTE_FREQS } from './note-freqs.js';
import { MAX_VOLUME, SFX_TICKS, WAVEFORM_SIZE, fitsSfxSpeed, registerAddr, sample, setStereo, waveformAddr } from './sound-layout.js';

/** The envelopes in the order of their loops and of the sfx state bytes. */
const WAVE_ENVELOPE = 0;
const VOLUME_ENVELOPE = 1;
const ARPEGGIO_ENVELOPE = 2;
const PITCH_ENVELOPE = 3;
const ENVELOPES = 4;

export class SoundChannel {
  /** Sample id; negative means idle. */
  index = -1;
  /** Note index (note + 12 * octave); clamped only when played, so -1 plays the lowest note. */
  note = 0;
  /** Frames left; -1 (or any negative) plays forever. */
  duration = -1;
  speed = 0;
  left = 0;
  right = 0;
  #tick = -1;

  /**
   * @param positions where the current envelope steps are published (wave, volume, arpeggio, pitch;
   * -1 when idle): the RAM sfx state for sfx() channels, private bytes for music channels.
   */
  readonly #positions: Int8Array;
  constructor(positions: Int8Array) {
    this.#positions = positions;
  }

  /** The idle channel of a freshly reset machine. */
  reset(): void {
    this.index = -1;
    this.note = 0;
    this.duration = -1;
    this.speed = 0;
    this.left = 0;
    this.right = 0;
    this.#resetPositions();
  }

  /**
   * Starts a sample (or idles the channel when index < 0), as TIC-80's setChannelData does.
   * `speed` outside -4..3, or null, means the sample's own speed.
   */
  start(ram: Uint8Array, index: number, note: number, duration: number, left: number, right: number, speed: number | null): void {
    this.left = left;
    this.right = right;
    if (index >= 0) this.speed = speed !== null && fitsSfxSpeed(speed) ? speed : sample.speed(ram, index);
    this.note = note;
    this.duration = duration;
    this.index = index;
    this.#resetPositions();
  }

  /** Sets the channel volumes (music command M); they apply from the next step. */
  setVolume(left: number, right: number): void {
    this.left = left;
    this.right = right;
  }

  #resetPositions(): void {
    this.#positions.fill(-1);
    this.#tick = -1;
  }

  /**
   * One frame of the sample on register `channel`. `note` and `pitch` (Hz) include the music
   * commands' chord, slide, vibrato and fine pitch; sfx() channels pass their own note and 0.
   */
  step(ram: Uint8Array, channel: number, note: number, pitch: number): void {
    if (this.duration > 0) this.duration--;
    if (this.index < 0 || this.duration === 0) {
      this.#resetPositions();
      return;
    }
    const id = this.index;
    this.#tick++;
    const pos = this.speed > 0 ? this.#tick * (1 + this.speed) : Math.trunc(this.#tick / (1 - this.speed));
    for (let e = 0; e < ENVELOPES; e++) this.#positions[e] = envelopeStep(sample.loop(ram, id, e), pos);

    const volume = MAX_VOLUME - sample.storedVolume(ram, id, this.#positions[VOLUME_ENVELOPE]);
    if (volume <= 0) return;

    const arpeggio = sample.arpeggio(ram, id, this.#positions[ARPEGGIO_ENVELOPE]);
    const played = clamp(note + (sample.reverse(ram, id) ? -arpeggio : arpeggio), 0, NOTE_FREQS.length - 1);
    const envelopePitch = sample.pitch(ram, id, this.#positions[PITCH_ENVELOPE]) * (sample.pitch16x(ram, id) ? 16 : 1);
    // The register holds 12 bits: larger or negative frequencies wrap (reference §6.1).
    const freq = (NOTE_FREQS[played] + envelopePitch + pitch) & 0xfff;

    const reg = registerAddr(channel);
    ram[reg] = freq & 255;
    ram[reg + 1] = (freq >> 8) | (volume << 4);
    const wave = waveformAddr(sample.wave(ram, id, this.#positions[WAVE_ENVELOPE]));
    ram.copyWithin(reg + 2, wave, wave + WAVEFORM_SIZE);

    const left = sample.muteLeft(ram, id) ? 0 : this.left & 15;
    const right = sample.muteRight(ram, id) ? 0 : this.right & 15;
    setStereo(ram, channel, left, right);
  }
}

/**
 * An envelope's step at position pos: without a loop it stops at the last step; with one it runs
 * from 0 to the loop's end, then cycles from the loop's start (closed form of TIC-80's walk).
 */
export function envelopeStep(loop: number, pos: number): number {
  const start = loop & 15;
  const size = loop >> 4;
  if (size === 0) return Math.min(pos, SFX_TICKS - 1);
  const end = start + size - 1;
  if (pos <= end) return pos;
  return start + ((pos - end - 1) % size);
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
