// The host's Lua chunks as bytecode, dumped at build time (build-host-chunks.ts, run by `npm run
// compile`) and given to each runner's VM thread (vm-worker.ts) so that it loads them without
// parsing them (runner/vm/lua/sandbox.ts, seedHostChunks).
import { readFileSync } from 'node:fs';
import type { DumpedChunk } from '../vm/lua/sandbox.js';

/** Beside the runner's modules in dist/, from where they are built. */
export const HOST_CHUNK_FILE = new URL('../host-chunks.json', import.meta.url);

interface HostChunkFile {
  chunks: { source: string; bytecode: string }[];
}

export function encodeHostChunks(chunks: readonly DumpedChunk[]): string {
  const file: HostChunkFile = { chunks: chunks.map(({ source, bytecode }) => ({ source, bytecode: Buffer.from(bytecode).toString('base64') })) };
  return JSON.stringify(file);
}

/** The chunks the build dumped; none where the file is missing or not one the build wrote (each VM then parses them). */
export function readHostChunks(): DumpedChunk[] {
  let file: unknown;
  try {
    file = JSON.parse(readFileSync(HOST_CHUNK_FILE, 'utf8'));
  } catch {
    return [];
  }
  const chunks = (file as Partial<HostChunkFile> | null)?.chunks;
  if (!Array.isArray(chunks) || !chunks.every((c) => typeof c?.source === 'string' && typeof c?.bytecode === 'string')) return [];
  return chunks.map(({ source, bytecode }) => ({ source, bytecode: new Uint8Array(Buffer.from(bytecode, 'base64')) }));
}
