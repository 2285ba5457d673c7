// The PNG container at chunk level: finding the caRt chunk and adding one. Pixels are encoded and
// decoded by fast-png, which does not expose unknown chunks.
import CRC32 from 'crc-32';
import { concatBytes } from './bytes.js';
import { hasPngSignature, PNG_SIGNATURE } from './cart-format.js';
import { CartFormatError } from './errors.js';

const LENGTH_BYTES = 4;
const TYPE_BYTES = 4;
const CRC_BYTES = 4;

export interface PngChunk {
  type: string;
  /** Offset of the chunk's length field in the file. */
  at: number;
  data: Uint8Array;
  /** The CRC stored in the file matches the type and data. */
  crcOk: boolean;
}

/** Every chunk up to and including IEND. Throws CartFormatError when a chunk runs past the end. */
export function readPngChunks(bytes: Uint8Array, fileName: string): PngChunk[] {
  if (!hasPngSignature(bytes)) throw new CartFormatError(fileName, 'not a PNG file (no PNG signature)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: PngChunk[] = [];
  for (let at = PNG_SIGNATURE.length; ;) {
    if (at === bytes.length) throw new CartFormatError(fileName, 'PNG file ends without its IEND chunk');
    if (bytes.length - at < LENGTH_BYTES + TYPE_BYTES) throw new CartFormatError(fileName, `truncated PNG chunk header at byte ${at}`);
    const length = view.getUint32(at);
    const typeBytes = bytes.subarray(at + LENGTH_BYTES, at + LENGTH_BYTES + TYPE_BYTES);
    const type = String.fromCharCode(...typeBytes);
    const dataStart = at + LENGTH_BYTES + TYPE_BYTES;
    const end = dataStart + length + CRC_BYTES;
    if (end > bytes.length) {
      throw new CartFormatError(fileName, `PNG chunk ${JSON.stringify(type)} at byte ${at} says it holds ${length} bytes, past the end of the file`);
    }
    const data = bytes.subarray(dataStart, dataStart + length);
    const crcOk = view.getUint32(dataStart + length) === chunkCrc(typeBytes, data);
    chunks.push({ type, at, data, crcOk });
    if (type === 'IEND') return chunks;
    at = end;
  }
}

function chunkCrc(typeBytes: Uint8Array, data: Uint8Array): number {
  return CRC32.buf(data, CRC32.buf(typeBytes)) >>> 0;
}

/** Returns a copy of a PNG file with one more chunk placed just before IEND. */
export function insertBeforeIend(png: Uint8Array, type: string, data: Uint8Array, fileName: string): Uint8Array {
  const iend = readPngChunks(png, fileName).at(-1)!;
  const typeBytes = Uint8Array.from(type, (c) => c.charCodeAt(0));
  const chunk = new Uint8Array(LENGTH_BYTES + TYPE_BYTES + data.length + CRC_BYTES);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(typeBytes, LENGTH_BYTES);
  chunk.set(data, LENGTH_BYTES + TYPE_BYTES);
  view.setUint32(LENGTH_BYTES + TYPE_BYTES + data.length, chunkCrc(typeBytes, data));
  return concatBytes([png.subarray(0, iend.at), chunk, png.subarray(iend.at)]);
}
