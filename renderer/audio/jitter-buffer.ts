// The frame player's buffer: s16 stereo frames go in as the runner sends them, float samples come
// out at the audio device's pace. Playback starts (and restarts after an underrun) only once about
// 3 frames are queued, so a late frame does not cut the sound; when the queue runs dry or is told
// to be silent, the output fades to 0 in a few milliseconds instead of clicking or looping. A queue
// grown past its bound drops its oldest samples, which keeps the latency bounded when the runner
// runs slightly faster than the audio clock.

import { AUDIO_FRAME_SAMPLES as FRAME_SAMPLES } from '../../runner/common/protocol.js';

/** Queued pairs needed to start playing: 3 frames, about 50 ms. */
const START_LEVEL = 3 * FRAME_SAMPLES;
/** Past this the oldest samples are dropped, down to START_LEVEL. */
const MAX_LEVEL = 8 * FRAME_SAMPLES;
/** Fade-out length in output samples after an underrun or a silence request. */
const FADE_SAMPLES = 128;

export class JitterBuffer {
  /** Ring of interleaved left/right floats. */
  readonly #ring = new Float32Array(2 * (MAX_LEVEL + FRAME_SAMPLES));
  #readPos = 0;
  #level = 0;
  /** Fractional read position between the two pairs at readPos, for a device rate other than 44 100 Hz. */
  #fraction = 0;
  #playing = false;
  #lastLeft = 0;
  #lastRight = 0;
  #fadeRemaining = 0;

  /**
   * @param step input pairs consumed per output sample: 44 100 / the device's sample rate
   */
  readonly #step: number;
  constructor(step: number) {
    this.#step = step;
  }

  /** Queues one frame of interleaved s16 pairs. */
  push(samples: Int16Array): void {
    const pairs = samples.length >> 1;
    if (this.#level + pairs > MAX_LEVEL) this.#drop(this.#level + pairs - START_LEVEL);
    const ring = this.#ring;
    const size = ring.length >> 1;
    let write = (this.#readPos + this.#level) % size;
    for (let i = 0; i < pairs; i++) {
      ring[2 * write] = samples[2 * i] / 32768;
      ring[2 * write + 1] = samples[2 * i + 1] / 32768;
      write = write + 1 === size ? 0 : write + 1;
    }
    this.#level += pairs;
  }

  /** Drops everything queued and fades out. */
  silence(): void {
    this.#drop(this.#level);
    this.#stop();
  }

  /**
   * Fills left and right with the next output samples, times a gain that moves linearly from
   * gainFrom to gainTo over the block (so volume changes do not click).
   */
  read(left: Float32Array, right: Float32Array, gainFrom: number, gainTo: number): void {
    const n = left.length;
    if (!this.#playing && this.#level >= START_LEVEL) this.#playing = true;
    const ring = this.#ring;
    const size = ring.length >> 1;
    for (let i = 0; i < n; i++) {
      let l = 0;
      let r = 0;
      // Two pairs are needed to interpolate between them.
      if (this.#playing && this.#level < 2) this.#stop();
      if (this.#playing) {
        const a = this.#readPos;
        const b = a + 1 === size ? 0 : a + 1;
        const f = this.#fraction;
        l = ring[2 * a] + (ring[2 * b] - ring[2 * a]) * f;
        r = ring[2 * a + 1] + (ring[2 * b + 1] - ring[2 * a + 1]) * f;
        this.#lastLeft = l;
        this.#lastRight = r;
        this.#advance();
      } else if (this.#fadeRemaining > 0) {
        const k = --this.#fadeRemaining / FADE_SAMPLES;
        l = this.#lastLeft * k;
        r = this.#lastRight * k;
      }
      const gain = gainFrom + ((gainTo - gainFrom) * (i + 1)) / n;
      left[i] = l * gain;
      right[i] = r * gain;
    }
  }

  #advance(): void {
    this.#fraction += this.#step;
    const whole = Math.floor(this.#fraction);
    this.#fraction -= whole;
    this.#drop(whole);
  }

  #drop(pairs: number): void {
    const n = Math.min(pairs, this.#level);
    this.#readPos = (this.#readPos + n) % (this.#ring.length >> 1);
    this.#level -= n;
  }

  #stop(): void {
    if (this.#playing) this.#fadeRemaining = FADE_SAMPLES;
    this.#playing = false;
    this.#fraction = 0;
  }
}
