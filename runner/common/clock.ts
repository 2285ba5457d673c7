// The monotonic clock frame code reads, in milliseconds. Node 20's global `performance` is a getter
// that runs on every access (and gets optimized of its own in every runner); the object it gives is
// taken once here.
const performanceClock = performance;

export function now(): number {
  return performanceClock.now();
}
