// A cart's persistent memory in a file of its own (`nibble run --pmem FILE`): the 1024 bytes as
// RAM holds them, as TIC-80 writes its .local/<md5> files.
import { readFileSync, writeFileSync } from 'node:fs';
import { PMEM_BYTES } from '../common/memory-map.js';

/** The saved pmem, or undefined when the file does not exist yet (the cart starts from zero). */
export function readPmemFile(path: string): Uint8Array | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`cannot read the pmem file ${path}: ${(err as Error).message}`);
  }
  if (bytes.length !== PMEM_BYTES) throw new Error(`${path}: a pmem file holds exactly ${PMEM_BYTES} bytes, this one has ${bytes.length}`);
  return new Uint8Array(bytes);
}

export function writePmemFile(path: string, bytes: Uint8Array): void {
  try {
    writeFileSync(path, bytes);
  } catch (err) {
    throw new Error(`cannot write the pmem file ${path}: ${(err as Error).message}`);
  }
}
