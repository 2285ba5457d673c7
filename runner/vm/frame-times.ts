// The median cost of a run's frames once it is warm, measured as TIC-80's own timing (tic80 -t)
// measures its frames: frames 61 on. The first frames of a run pay for the JIT compiling the cart's
// and the VM's code; the median past them is the frame's steady cost. Kept as a histogram of bins
// BIN_RATIO wide, so a run of any length costs the same few kilobytes, and the median is within
// half a bin (0.25 %) of the exact one.

/** Frames left out, as tic80 -t leaves them out. */
export const WARMUP_FRAMES = 60;
const BIN_RATIO = 1.005;
/** The bins span 0.1 us to 100 s a frame; times outside go in the end bins. */
const LOWEST_MS = 1e-4;
const HIGHEST_MS = 1e5;
const LOG_RATIO = Math.log(BIN_RATIO);
const BINS = Math.ceil(Math.log(HIGHEST_MS / LOWEST_MS) / LOG_RATIO);

export class FrameTimes {
  readonly #bins = new Uint32Array(BINS);
  #frames = 0;

  /** The cost of the run's next frame, in ms. */
  add(ms: number): void {
    this.#frames++;
    if (this.#frames <= WARMUP_FRAMES) return;
    const bin = Math.floor(Math.log(Math.max(ms, LOWEST_MS) / LOWEST_MS) / LOG_RATIO);
    this.#bins[Math.min(bin, BINS - 1)]++;
  }

  /** The median of frames WARMUP_FRAMES + 1 on (the middle of its bin); undefined until there is one. */
  median(): number | undefined {
    const counted = this.#frames - WARMUP_FRAMES;
    if (counted <= 0) return undefined;
    let seen = 0;
    for (let bin = 0; bin < BINS; bin++) {
      seen += this.#bins[bin];
      if (seen * 2 >= counted) return LOWEST_MS * Math.pow(BIN_RATIO, bin + 0.5);
    }
    return undefined;
  }
}
