import { PMEM_BYTES } from '../memory-map.js';
// Persistent memory kept in a Web Storage (the studio's localStorage), one entry per pmem key.
// The entry is the 1 KB as lowercase hex.

/** The part of the Web Storage API this store uses. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const PREFIX = 'nibble.pmem.';
const HEX_ROW = new RegExp(`^[0-9a-f]{${PMEM_BYTES * 2}}$`);

/** What was kept under the key, or undefined when nothing (readable) was. */
export function loadPmem(storage: KeyValueStorage, key: string): Uint8Array | undefined {
  let text: string | null;
  try {
    text = storage.getItem(PREFIX + key);
  } catch {
    return undefined;
  }
  if (text === null || !HEX_ROW.test(text)) return undefined;
  const bytes = new Uint8Array(PMEM_BYTES);
  for (let i = 0; i < PMEM_BYTES; i++) bytes[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** False when the storage refused it (full or disabled). */
export function savePmem(storage: KeyValueStorage, key: string, bytes: Uint8Array): boolean {
  let text = '';
  for (const byte of bytes) text += byte.toString(16).padStart(2, '0');
  try {
    storage.setItem(PREFIX + key, text);
    return true;
  } catch {
    return false;
  }
}

/** A run's persistent memory: what it starts with, and where each change the runner reports goes. */
export interface PmemSlot {
  key: string;
  initial: Uint8Array | undefined;
  /** False when the storage refused it. */
  save(bytes: Uint8Array): boolean;
}

/** The slot of the cart with this pmem key (pmemKeyOf), in this storage. */
export function pmemSlot(storage: KeyValueStorage, key: string): PmemSlot {
  return { key, initial: loadPmem(storage, key), save: (bytes) => savePmem(storage, key, bytes) };
}
