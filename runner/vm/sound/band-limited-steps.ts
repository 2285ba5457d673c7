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
/** Multiplying by this power of two divides exactly (integers held in doubles), and costs less. */
const INTERP_UNIT = 2 ** -INTERP_BITS;
/** Sums from which a sample reads as the s16 limits. */
const S16_TOP_SUM = 32767 * 2 ** DELTA_BITS;
const S16_BOTTOM_SUM = -32768 * 2 ** DELTA_BITS;
/** Cutoff as a fraction of the Nyquist frequency, and the Kaiser window's shape. */
const CUTOFF = 0.85;
const KAISER_BETA = 6;
/** The Kaiser window's denominator, the same for every tap. */
const I0_OF_BETA = besselI0(KAISER_BETA);

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
  return besselI0(KAISER_BETA * Math.sqrt(1 - u * u)) / I0_OF_BETA;
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

/**
 * Two channels (left, right) of band-limited steps, one frame at a time. A step of the same size
 * on both sides (a centred channel, the usual case) goes into one shared accumulator, so it is
 * computed and stored once; steps that differ go into per-side accumulators. Every accumulator holds
 * exact integers, so summing them in any order gives the same samples.
 */
export class StereoStepBuffer {
  /** Accumulators of this frame's samples plus the kernel's overhang: both sides, left, right. */
  readonly #both: Float64Array;
  readonly #left: Float64Array;
  readonly #right: Float64Array;
  readonly #clocksToFixed: number;
  #sumLeft = 0;
  #sumRight = 0;
  /** Accumulators from these on are all zero: the shared one, and the per-side ones. */
  #bothEnd = 0;
  #sidesEnd = 0;

  /**
   * @param clocksPerFrame input clock ticks per frame
   * @param samplesPerFrame output samples per frame; the ratio is exact, so no drift accumulates
   */
  readonly #clocksPerFrame: number;
  readonly #samplesPerFrame: number;
  constructor(clocksPerFrame: number, samplesPerFrame: number) {
    this.#samplesPerFrame = samplesPerFrame;
    this.#clocksPerFrame = clocksPerFrame;
    const length = samplesPerFrame + TAPS + 1;
    this.#both = new Float64Array(length);
    this.#left = new Float64Array(length);
    this.#right = new Float64Array(length);
    this.#clocksToFixed = samplesPerFrame * 2 ** FRACTION_BITS;
  }

  /** Adds steps of dLeft and dRight at a clock time 0 <= clock < clocksPerFrame of this frame. */
  addDelta(clock: number, dLeft: number, dRight: number): void {
    const fixed = Math.floor((clock * this.#clocksToFixed) / this.#clocksPerFrame);
    const sample = fixed >>> FRACTION_BITS;
    const phase = (fixed >>> INTERP_BITS) & (PHASES - 1);
    const interp = fixed & ((1 << INTERP_BITS) - 1);
    const k1 = phase * TAPS;
    // Split each delta between the two nearest kernel phases.
    if (dLeft === dRight) {
      const end = addSteps(this.#both, sample, k1, dLeft, interp);
      if (end > this.#bothEnd) this.#bothEnd = end;
      return;
    }
    addSteps(this.#left, sample, k1, dLeft, interp);
    const end = addSteps(this.#right, sample, k1, dRight, interp);
    if (end > this.#sidesEnd) this.#sidesEnd = end;
  }

  /** Integrates this frame into out (samplesPerFrame interleaved s16 pairs) and starts the next. */
  readFrame(out: Int16Array): void {
    const n = this.#samplesPerFrame;
    let sumLeft = this.#sumLeft;
    let sumRight = this.#sumRight;
    const sides = this.#sidesEnd > 0;
    if (!sides && this.#bothEnd === 0 && isResting(sumLeft) && isResting(sumRight)) {
      // No step pending and both sums read as 0 without leaking: the frame is silent, and so stays.
      out.fill(0, 0, 2 * n);
      return;
    }
    const both = this.#both;
    if (!sides && sumLeft === sumRight) {
      // Both sides have the same history this frame: one integration serves both.
      for (let i = 0; i < n; i++) {
        sumLeft += both[i];
        const sample = sampleOf(sumLeft);
        out[2 * i] = sample;
        out[2 * i + 1] = sample;
        // High-pass: leak 1/512 of the output per sample.
        sumLeft -= sample * (1 << (DELTA_BITS - BASS_SHIFT));
      }
      sumRight = sumLeft;
    } else {
      const left = this.#left;
      const right = this.#right;
      for (let i = 0; i < n; i++) {
        sumLeft += both[i] + left[i];
        sumRight += both[i] + right[i];
        const l = sampleOf(sumLeft);
        const r = sampleOf(sumRight);
        out[2 * i] = l;
        out[2 * i + 1] = r;
        sumLeft -= l * (1 << (DELTA_BITS - BASS_SHIFT));
        sumRight -= r * (1 << (DELTA_BITS - BASS_SHIFT));
      }
    }
    this.#sumLeft = sumLeft;
    this.#sumRight = sumRight;
    this.#bothEnd = nextFrame(both, n, this.#bothEnd);
    if (sides) {
      nextFrame(this.#left, n, this.#sidesEnd);
      this.#sidesEnd = nextFrame(this.#right, n, this.#sidesEnd);
    }
  }
}

/**
 * Adds one delta's band-limited step to acc from sample on, split between kernel rows k1 and the
 * next by interp; returns the end of what it touched.
 */
function addSteps(acc: Float64Array, sample: number, k1: number, delta: number, interp: number): number {
  const d2 = Math.floor(delta * interp * INTERP_UNIT);
  const d1 = delta - d2;
  const k2 = k1 + TAPS;
  for (let j = 0; j < TAPS; j++) acc[sample + j] += KERNEL[k1 + j] * d1 + KERNEL[k2 + j] * d2;
  return sample + TAPS;
}

/** Moves the overhang past this frame's n samples to the start; returns the new end of what is used. */
function nextFrame(acc: Float64Array, n: number, end: number): number {
  if (end === 0) return 0;
  acc.copyWithin(0, n, end);
  acc.fill(0, Math.max(0, end - n), end);
  return Math.max(0, end - n);
}

/** An integrator sum that reads as sample 0, so the high-pass takes nothing from it. */
function isResting(sum: number): boolean {
  return sum >= 0 && sum < 1 << DELTA_BITS;
}

/**
 * The s16 sample an integrator sum reads as: sum / 2^DELTA_BITS rounded down, clamped. Between the
 * clamps the sum is an integer within 32 bits, where a shift is that exact division.
 */
function sampleOf(sum: number): number {
  return sum >= S16_TOP_SUM ? 32767 : sum < S16_BOTTOM_SUM ? -32768 : sum >> DELTA_BITS;
}
