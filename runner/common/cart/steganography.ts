// Cart data hidden in the low bits of a PNG's RGBA bytes, TIC-80's older way of storing carts in
// PNGs (reference 5.c). The first 8 bytes carry a 4-byte header in their low 4 bits: bits per
// carrier byte, then the payload size (u24 LE). The payload follows, `bits` bits per byte, LSB first.

const HEADER_BITS = 4;
const HEADER_BYTES = 4;
/** Carrier bytes holding the header. */
const HEADER_CARRIERS = (HEADER_BYTES * 8) / HEADER_BITS;
const MAX_BITS = 8;

function getBit(bytes: Uint8Array, bit: number): number {
  return (bytes[bit >> 3] >> (bit & 7)) & 1;
}

function setBit(bytes: Uint8Array, bit: number, value: number): void {
  const mask = 1 << (bit & 7);
  bytes[bit >> 3] = value ? bytes[bit >> 3] | mask : bytes[bit >> 3] & ~mask;
}

/** Copies `count` bits from `from` (a bit index in src) to `to` (a bit index in dst). */
function copyBits(dst: Uint8Array, to: number, src: Uint8Array, from: number, count: number): void {
  for (let i = 0; i < count; i++) setBit(dst, to + i, getBit(src, from + i));
}

/** The hidden payload, or undefined when the header does not describe one that fits. */
export function findHiddenPayload(rgba: Uint8Array): Uint8Array | undefined {
  if (rgba.length < HEADER_CARRIERS) return undefined;
  const header = new Uint8Array(HEADER_BYTES);
  for (let i = 0; i < HEADER_CARRIERS; i++) copyBits(header, i * HEADER_BITS, rgba, i * 8, HEADER_BITS);
  const bits = header[0];
  const size = header[1] | (header[2] << 8) | (header[3] << 16);
  if (bits < 1 || bits > MAX_BITS || size === 0) return undefined;
  if (size > Math.floor((rgba.length * bits) / 8) - HEADER_CARRIERS) return undefined;
  const payload = new Uint8Array(size);
  const carriers = rgba.subarray(HEADER_CARRIERS);
  const totalBits = size * 8;
  for (let i = 0; i * bits < totalBits; i++) copyBits(payload, i * bits, carriers, i * 8, Math.min(bits, totalBits - i * bits));
  return payload;
}

/**
 * Hides a payload in an RGBA image in place, as TIC-80 does only when it fits at one bit per
 * carrier byte; returns whether it did. Carrier bytes past the payload get pseudo-random bits
 * (fixed seed, so saving the same cart twice gives the same file) so the hidden area does not show.
 */
export function hidePayload(rgba: Uint8Array, payload: Uint8Array): boolean {
  const available = rgba.length - HEADER_CARRIERS;
  const payloadBits = payload.length * 8;
  if (payload.length === 0 || payload.length >= 1 << 24 || available < payloadBits) return false;
  const header = Uint8Array.of(1, payload.length & 0xff, (payload.length >> 8) & 0xff, payload.length >> 16);
  for (let i = 0; i < HEADER_CARRIERS; i++) copyBits(rgba, i * 8, header, i * HEADER_BITS, HEADER_BITS);
  const carriers = rgba.subarray(HEADER_CARRIERS);
  for (let i = 0; i < payloadBits; i++) copyBits(carriers, i * 8, payload, i, 1);
  let state = 0x2545f491;
  for (let i = payloadBits; i < available; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    carriers[i] = (carriers[i] & 0xfe) | (state & 1);
  }
  return true;
}
