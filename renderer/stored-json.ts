// Settings and lists the page keeps as JSON in its storage (localStorage), read back whatever was
// left there: a value that is missing or does not parse reads as null, and each caller checks the
// shape of what it gets.
import type { KeyValueStorage } from '../runner/common/pmem/pmem-store.js';

export function readStoredJson(storage: KeyValueStorage, key: string): unknown {
  try {
    return JSON.parse(storage.getItem(key) ?? 'null') as unknown;
  } catch {
    return null;
  }
}

/** False when the storage refused it (full or disabled): the value then lasts until the page closes. */
export function writeStoredJson(storage: KeyValueStorage, key: string, value: unknown): boolean {
  try {
    storage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}
