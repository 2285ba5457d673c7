// Rewrites a WebAssembly binary so that its own (non-imported) linear memory is declared shared.
// A shared memory lets a second thread (the runner's watchdog) write a Lua state's hook fields while
// the VM thread is busy running the cart. It is one flag byte in the memory section.

const MEMORY_SECTION = 5;
const LIMITS_HAS_MAX = 0x01;
const LIMITS_SHARED = 0x02;

export class WasmPatchError extends Error {}

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

/** Returns a copy of `wasm` whose first memory is shared. Throws when that cannot be done safely. */
export function makeMemoryShared(wasm: Uint8Array): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(wasm);
  const magic = bytes[0] === 0 && bytes[1] === 0x61 && bytes[2] === 0x73 && bytes[3] === 0x6d;
  if (!magic) throw new WasmPatchError('not a WebAssembly binary');
  let pos = 8;
  while (pos < bytes.length) {
    const id = bytes[pos++];
    const size = readLeb(bytes, pos);
    const start = size.next;
    if (id === MEMORY_SECTION) {
      const count = readLeb(bytes, start);
      if (count.value < 1) throw new WasmPatchError('the module defines no memory');
      const flagsAt = count.next;
      const flags = bytes[flagsAt];
      if ((flags & LIMITS_SHARED) !== 0) return bytes;
      // Shared memories must declare a maximum; one without cannot be shared by flipping a bit.
      if (flags !== LIMITS_HAS_MAX) throw new WasmPatchError(`unexpected memory limits flags 0x${flags.toString(16)}`);
      bytes[flagsAt] = LIMITS_HAS_MAX | LIMITS_SHARED;
      return bytes;
    }
    pos = start + size.value;
  }
  throw new WasmPatchError('the module has no memory section (its memory is imported)');
}
