// Audio frames (interleaved stereo s16, see protocol.ts) joined into one run of samples, in order.
export function concatSamples(parts: readonly Int16Array[]): Int16Array {
  const all = new Int16Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}
