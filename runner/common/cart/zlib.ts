// zlib streams as TIC-80 writes them (compress2, level 9), and inflating with a size limit so that
// a small hostile file cannot expand into gigabytes.
import { Unzlib, zlibSync } from 'fflate';
import { concatBytes } from './bytes.js';
import { CartFormatError } from './errors.js';

/** Input is fed in slices this big, so one step can expand to about 8 MB at most. */
const INFLATE_STEP = 8192;

export function deflateZlib(data: Uint8Array): Uint8Array {
  return zlibSync(data, { level: 9 });
}

/** Inflates a whole zlib stream, or throws CartFormatError saying what was wrong with it. */
export function inflateZlib(data: Uint8Array, maxBytes: number, what: string, fileName: string): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const stream = new Unzlib((part, final) => {
    total += part.length;
    if (total > maxBytes) throw new CartFormatError(fileName, `${what} inflates to more than ${maxBytes} bytes`);
    parts.push(part);
    if (final) ended = true;
  });
  try {
    if (data.length === 0) stream.push(data, true);
    for (let i = 0; i < data.length; i += INFLATE_STEP) stream.push(data.subarray(i, i + INFLATE_STEP), i + INFLATE_STEP >= data.length);
  } catch (err) {
    if (err instanceof CartFormatError) throw err;
    throw new CartFormatError(fileName, `${what} is not valid zlib data (${(err as Error).message})`);
  }
  if (!ended) throw new CartFormatError(fileName, `${what} is not valid zlib data (it ends early)`);
  return concatBytes(parts);
}
