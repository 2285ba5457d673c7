// Counts and averages of timestamped samples over the last second (or another window).
export class SlidingWindow {
  readonly #windowMs: number;
  #times: number[] = [];
  #values: number[] = [];

  constructor(windowMs = 1000) {
    this.#windowMs = windowMs;
  }

  add(now: number, value = 0): void {
    this.#times.push(now);
    this.#values.push(value);
    this.#expire(now);
  }

  /** Samples taken within the window ending at now. */
  count(now: number): number {
    this.#expire(now);
    return this.#times.length;
  }

  /** Mean of the values within the window, 0 when there are none. */
  mean(now: number): number {
    this.#expire(now);
    if (this.#values.length === 0) return 0;
    return this.#values.reduce((sum, v) => sum + v, 0) / this.#values.length;
  }

  clear(): void {
    this.#times = [];
    this.#values = [];
  }

  #expire(now: number): void {
    let drop = 0;
    while (drop < this.#times.length && this.#times[drop] <= now - this.#windowMs) drop++;
    if (drop > 0) {
      this.#times.splice(0, drop);
      this.#values.splice(0, drop);
    }
  }
}
