// zlib streams as TIC-80 writes them (compress2, level 9), and inflating with a size limit so that
// a small hostile file cannot expand into gigabytes. The Adler-32 checksum at the end of a stream
// is checked here and reported, not enforced: zlib's uncompress(), which TIC-80 calls, has already
// written out the data when it finds the checksum missing or wrong, and packed carts leave it out.
import { Inflate, zlibSync } from 'fflate';
import { concatBytes } from './bytes.js';
import { CartFormatError } from './errors.js';

/** Input is fed in slices this big, so one step can expand to about 8 MB at most. */
const INFLATE_STEP = 8192;
const HEADER_BYTES = 2;
const CHECKSUM_BYTES = 4;
const DEFLATE_METHOD = 8;
/** CINFO: log2 of the window size minus 8; zlib refuses windows over 32 KB. */
const MAX_WINDOW_BITS_CODE = 7;
const PRESET_DICTIONARY = 0x20;
const ADLER_MOD = 65521;
/** Bytes summed before reducing modulo ADLER_MOD, small enough that the sums stay exact. */
const ADLER_BLOCK = 5552;

export interface Inflated {
  data: Uint8Array;
  /** The stream ends with the Adler-32 of its data; false when it is missing, cut short or wrong. */
  checksumOk: boolean;
}

export function deflateZlib(data: Uint8Array): Uint8Array {
  return zlibSync(data, { level: 9 });
}

/** Inflates a zlib stream, or throws CartFormatError saying what was wrong with its header or data. */
export function inflateZlib(data: Uint8Array, maxBytes: number, what: string, fileName: string): Inflated {
  const invalid = (why: string) => new CartFormatError(fileName, `${what} is not valid zlib data (${why})`);
  if (data.length < HEADER_BYTES) throw invalid('it ends early');
  const [cmf, flg] = data;
  if ((cmf & 0x0f) !== DEFLATE_METHOD || cmf >> 4 > MAX_WINDOW_BITS_CODE || ((cmf << 8) | flg) % 31 !== 0) throw invalid('invalid zlib header');
  if (flg & PRESET_DICTIONARY) throw invalid('it needs a preset dictionary');
  const parts: Uint8Array[] = [];
  let total = 0;
  const stream = new Inflate((part) => {
    total += part.length;
    if (total > maxBytes) throw new CartFormatError(fileName, `${what} inflates to more than ${maxBytes} bytes`);
    parts.push(part);
  });
  // The deflate data stops itself at its last block; whatever follows it (the checksum) is ignored.
  const deflated = data.subarray(HEADER_BYTES);
  try {
    if (deflated.length === 0) stream.push(deflated, true);
    for (let i = 0; i < deflated.length; i += INFLATE_STEP) stream.push(deflated.subarray(i, i + INFLATE_STEP), i + INFLATE_STEP >= deflated.length);
  } catch (err) {
    if (err instanceof CartFormatError) throw err;
    const message = (err as Error).message;
    throw invalid(message === 'unexpected EOF' ? 'it ends early' : message);
  }
  const inflated = concatBytes(parts);
  const end = data.length;
  const stored = end >= HEADER_BYTES + CHECKSUM_BYTES ? new DataView(data.buffer, data.byteOffset + end - CHECKSUM_BYTES, CHECKSUM_BYTES).getUint32(0) : -1;
  return { data: inflated, checksumOk: stored === adler32(inflated) };
}

function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let start = 0; start < data.length; start += ADLER_BLOCK) {
    const stop = Math.min(start + ADLER_BLOCK, data.length);
    for (let i = start; i < stop; i++) {
      a += data[i];
      b += a;
    }
    a %= ADLER_MOD;
    b %= ADLER_MOD;
  }
  return ((b << 16) | a) >>> 0;
}
