// Rewrites the memory declaration of a WebAssembly binary (its own, non-imported memory):
// - shared: a shared memory lets a second thread (the runner's watchdog) write a Lua state's hook
//   fields while the VM thread is busy running the cart;
// - growPages: a lower maximum size caps what the cart's Lua heap can ever take from the host.

import { leb } from './wasm-leb.js';

const MEMORY_SECTION = 5;
const LIMITS_HAS_MAX = 0x01;
const LIMITS_SHARED = 0x02;
const WASM_PAGE = 65536;

export class WasmPatchError extends Error {}

export interface MemoryPatch {
  shared: boolean;
  /** How many 64 KiB pages the memory may grow beyond its initial size (never past the module's own maximum). */
  growPages?: number;
}

export const bytesToPages = (bytes: number) => Math.ceil(bytes / WASM_PAGE);

function readLeb(bytes: Uint8Array, at: number): { value: number; next: number } {
  let value = 0;
  let shift = 0;
  let pos = at;
  for (;;) {
    if (pos >= bytes.length) throw new WasmPatchError('truncated LEB128 number');
    const byte = bytes[pos++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if ((byte & 0x80) === 0) return { value, next: pos };
    if (shift > 35) throw new WasmPatchError('LEB128 number too long');
  }
}

/** Returns a patched copy of `wasm`. Throws when the module's memory cannot be patched safely. */
export function patchMemory(wasm: Uint8Array, patch: MemoryPatch): Uint8Array<ArrayBuffer> {
  const magic = wasm[0] === 0 && wasm[1] === 0x61 && wasm[2] === 0x73 && wasm[3] === 0x6d;
  if (!magic) throw new WasmPatchError('not a WebAssembly binary');
  let pos = 8;
  while (pos < wasm.length) {
    const sectionAt = pos;
    const id = wasm[pos++];
    const size = readLeb(wasm, pos);
    const start = size.next;
    const end = start + size.value;
    if (id !== MEMORY_SECTION) {
      pos = end;
      continue;
    }
    const count = readLeb(wasm, start);
    if (count.value < 1) throw new WasmPatchError('the module defines no memory');
    const flags = wasm[count.next];
    // A memory without a maximum cannot be shared; one with other flags (64-bit) is not ours to touch.
    if (flags !== LIMITS_HAS_MAX && flags !== (LIMITS_HAS_MAX | LIMITS_SHARED)) {
      throw new WasmPatchError(`unexpected memory limits flags 0x${flags.toString(16)}`);
    }
    const min = readLeb(wasm, count.next + 1);
    const max = readLeb(wasm, min.next);
    const newMax = patch.growPages === undefined ? max.value : Math.min(max.value, min.value + patch.growPages);
    const content = [
      ...leb(count.value),
      patch.shared ? LIMITS_HAS_MAX | LIMITS_SHARED : LIMITS_HAS_MAX,
      ...leb(min.value),
      ...leb(newMax),
      ...wasm.subarray(max.next, end),
    ];
    const section = [id, ...leb(content.length), ...content];
    const out = new Uint8Array(wasm.length - (end - sectionAt) + section.length);
    out.set(wasm.subarray(0, sectionAt), 0);
    out.set(section, sectionAt);
    out.set(wasm.subarray(end), sectionAt + section.length);
    return out;
  }
  throw new WasmPatchError('the module has no memory section (its memory is imported)');
}
