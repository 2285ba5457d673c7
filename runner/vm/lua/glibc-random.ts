// glibc's random() and srandom(), bit for bit: TIC-80 on Linux runs Lua 5.3, whose math.random
// draws from random() (reference §10), so carts that seed it build the same levels here as there.
// This is glibc's default TYPE_3 generator: an additive feedback generator over 31 words,
// r[i] = r[i-31] + r[i-3] (mod 2^32), returning r[i] >> 1.

/** RAND_MAX: random() returns 0..2^31-1. */
export const GLIBC_RAND_MAX = 0x7fffffff;
const DEGREE = 31;
const SEPARATION = 3;
/** srandom() discards this many outputs after filling the state. */
const WARM_UP = 10 * DEGREE;
/** Park and Miller's minimal standard generator, used to fill the state from the seed. */
const LCG_MULTIPLIER = 16807;
const LCG_MODULUS = 2147483647;
const SCHRAGE_Q = 127773;
const SCHRAGE_R = 2836;

export class GlibcRandom {
  readonly #state = new Int32Array(DEGREE);
  #front = SEPARATION;
  #rear = 0;

  /** A generator as srandom(seed) leaves it; glibc starts as if seeded with 1. */
  constructor(seed: number) {
    this.seed(seed);
  }

  /** srandom(seed): seed is an unsigned int (taken modulo 2^32); 0 means 1. */
  seed(seed: number): void {
    const s = this.#state;
    let word = seed >>> 0 || 1;
    // state[] holds int32_t, and glibc carries the word in an int32_t too.
    word |= 0;
    s[0] = word;
    for (let i = 1; i < DEGREE; i++) {
      // word = 16807 * word mod (2^31 - 1), by Schrage's method as glibc computes it (C division truncates).
      const hi = Math.trunc(word / SCHRAGE_Q);
      const lo = word % SCHRAGE_Q;
      word = LCG_MULTIPLIER * lo - SCHRAGE_R * hi;
      if (word < 0) word += LCG_MODULUS;
      s[i] = word;
    }
    this.#front = SEPARATION;
    this.#rear = 0;
    for (let i = 0; i < WARM_UP; i++) this.next();
  }

  /** random(): 0..GLIBC_RAND_MAX. */
  next(): number {
    const s = this.#state;
    const value = (s[this.#front] + s[this.#rear]) | 0;
    s[this.#front] = value;
    if (++this.#front >= DEGREE) {
      this.#front = 0;
      this.#rear++;
    } else if (++this.#rear >= DEGREE) {
      this.#rear = 0;
    }
    return value >>> 1;
  }
}
