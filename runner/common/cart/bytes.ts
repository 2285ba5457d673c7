// Small byte-array helpers shared by the cart formats.

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function isAllZero(bytes: Uint8Array): boolean {
  // A word at a time between the unaligned ends: every cart load checks each of bank 0's sections
  // (about 100 KB), mostly before any of this code is optimized.
  const head = Math.min(bytes.length, (4 - (bytes.byteOffset & 3)) & 3);
  const wordCount = (bytes.length - head) >> 2;
  for (let i = 0; i < head; i++) if (bytes[i] !== 0) return false;
  if (wordCount > 0) {
    const words = new Int32Array(bytes.buffer, bytes.byteOffset + head, wordCount);
    for (let i = 0; i < wordCount; i++) if (words[i] !== 0) return false;
  }
  for (let i = head + wordCount * 4; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
