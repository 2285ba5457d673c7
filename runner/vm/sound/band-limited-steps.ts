// Band-limited step synthesis in the manner of blargg's blip_buf (reference §10): amplitude changes
// arrive as deltas at clock times; each delta adds a band-limited step (a windowed-sinc impulse,
// 16 taps, 32 phases with linear interpolation between them) to an accumulation buffer; reading
// integrates the buffer into samples through a one-pole high-pass (bass shift 9) that removes
// the DC of the unipolar channels. Everything is integer arithmetic held exactly in doubles, so the
// output is deterministic.

const HALF_WIDTH = 8;
const TAPS = 2 * HALF_WIDTH;
const PHASE_BITS = 5;
const PHASES = 1 << PHASE_BITS;
/** Fraction bits between two kernel phases, for the linear interpolation. */
const INTERP_BITS = 15;
const FRACTION_BITS = PHASE_BITS + INTERP_BITS;
/** Each kernel row sums to 1 << DELTA_BITS. */
const DELTA_BITS = 15;
const BASS_SHIFT = 9;
/** Multiplying by these powers of two divides exactly (integers held in doubles), and costs less. */
const INTERP_UNIT = 2 ** -INTERP_BITS;
const DELTA_UNIT = 2 ** -DELTA_BITS;
/** Cutoff as a fraction of the Nyquist frequency, and the Kaiser window's shape. */
const CUTOFF = 0.85;
const KAISER_BETA = 6;

/**
 * The kernel: PHASES + 1 rows of TAPS integer weights. Row p is the impulse for a step p/32 of a
 * sample after a sample boundary; the output lags the input by HALF_WIDTH - 1 samples.
 */
const KERNEL = buildKernel();

function buildKernel(): Float64Array {
  const kernel = new Float64Array((PHASES + 1) * TAPS);
  for (let p = 0; p <= PHASES; p++) {
    const row = new Float64Array(TAPS);
    let sum = 0;
    for (let j = 0; j < TAPS; j++) {
      const x = j - (HALF_WIDTH - 1) - p / PHASES;
      row[j] = sinc(CUTOFF * x) * kaiser(x / HALF_WIDTH);
      sum += row[j];
    }
    // Integer weights that sum to exactly one delta unit, so a step settles at exactly its size.
    let total = 0;
    let peak = 0;
    for (let j = 0; j < TAPS; j++) {
      row[j] = Math.round((row[j] * (1 << DELTA_BITS)) / sum);
      total += row[j];
      if (row[j] > row[peak]) peak = j;
    }
    row[peak] += (1 << DELTA_BITS) - total;
    kernel.set(row, p * TAPS);
  }
  return kernel;
}

function sinc(x: number): number {
  return x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
}

/** Kaiser window over -1..1 (zero outside). */
function kaiser(u: number): number {
  if (u <= -1 || u >= 1) return 0;
  return besselI0(KAISER_BETA * Math.sqrt(1 - u * u)) / besselI0(KAISER_BETA);
}

function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 32; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
  }
  return sum;
}

/** Two channels (left, right) of band-limited steps, one frame at a time. */
export class StereoStepBuffer {
  /** Interleaved left/right accumulators: this frame's samples plus the kernel's overhang. */
  readonly #acc: Float64Array;
  readonly #clocksToFixed: number;
  #sumLeft = 0;
  #sumRight = 0;
  /** Accumulators from this one on are all zero. */
  #usedEnd = 0;

  /**
   * @param clocksPerFrame input clock ticks per frame
   * @param samplesPerFrame output samples per frame; the ratio is exact, so no drift accumulates
   */
  readonly #clocksPerFrame: number;
  readonly #samplesPerFrame: number;
  constructor(clocksPerFrame: number, samplesPerFrame: number) {
    this.#samplesPerFrame = samplesPerFrame;
    this.#clocksPerFrame = clocksPerFrame;
    this.#acc = new Float64Array(2 * (samplesPerFrame + TAPS + 1));
    this.#clocksToFixed = samplesPerFrame * 2 ** FRACTION_BITS;
  }

  /** Adds steps of dLeft and dRight at a clock time 0 <= clock < clocksPerFrame of this frame. */
  addDelta(clock: number, dLeft: number, dRight: number): void {
    const fixed = Math.floor((clock * this.#clocksToFixed) / this.#clocksPerFrame);
    const sample = fixed >>> FRACTION_BITS;
    const phase = (fixed >>> INTERP_BITS) & (PHASES - 1);
    const interp = fixed & ((1 << INTERP_BITS) - 1);
    // Split each delta between the two nearest kernel phases.
    const left2 = Math.floor(dLeft * interp * INTERP_UNIT);
    const left1 = dLeft - left2;
    const right2 = Math.floor(dRight * interp * INTERP_UNIT);
    const right1 = dRight - right2;
    const acc = this.#acc;
    const k1 = phase * TAPS;
    const k2 = k1 + TAPS;
    let o = 2 * sample;
    if (dLeft === dRight) {
      // A centred step (the usual case) weighs the same on both sides: the same sums, made once.
      for (let j = 0; j < TAPS; j++, o += 2) {
        const step = KERNEL[k1 + j] * left1 + KERNEL[k2 + j] * left2;
        acc[o] += step;
        acc[o + 1] += step;
      }
    } else {
      for (let j = 0; j < TAPS; j++, o += 2) {
        const w1 = KERNEL[k1 + j];
        const w2 = KERNEL[k2 + j];
        acc[o] += w1 * left1 + w2 * left2;
        acc[o + 1] += w1 * right1 + w2 * right2;
      }
    }
    if (o > this.#usedEnd) this.#usedEnd = o;
  }

  /** Integrates this frame into out (samplesPerFrame interleaved s16 pairs) and starts the next. */
  readFrame(out: Int16Array): void {
    const acc = this.#acc;
    const n = this.#samplesPerFrame;
    let sumLeft = this.#sumLeft;
    let sumRight = this.#sumRight;
    if (this.#usedEnd === 0 && isResting(sumLeft) && isResting(sumRight)) {
      // No step pending and both sums read as 0 without leaking: the frame is silent, and so stays.
      out.fill(0, 0, 2 * n);
      return;
    }
    for (let i = 0; i < 2 * n; i += 2) {
      sumLeft += acc[i];
      sumRight += acc[i + 1];
      const left = clampS16(Math.floor(sumLeft * DELTA_UNIT));
      const right = clampS16(Math.floor(sumRight * DELTA_UNIT));
      out[i] = left;
      out[i + 1] = right;
      // High-pass: leak 1/512 of the output per sample.
      sumLeft -= left * (1 << (DELTA_BITS - BASS_SHIFT));
      sumRight -= right * (1 << (DELTA_BITS - BASS_SHIFT));
    }
    this.#sumLeft = sumLeft;
    this.#sumRight = sumRight;
    acc.copyWithin(0, 2 * n);
    acc.fill(0, acc.length - 2 * n);
    this.#usedEnd = Math.max(0, this.#usedEnd - 2 * n);
  }
}

/** An integrator sum that reads as sample 0, so the high-pass takes nothing from it. */
function isResting(sum: number): boolean {
  return sum >= 0 && sum < 1 << DELTA_BITS;
}

function clampS16(v: number): number {
  return v < -32768 ? -32768 : v > 32767 ? 32767 : v;
}
