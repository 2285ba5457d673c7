// The gamepad mappings of this page's storage, one copy for the Controls page that sets them and
// the input that reads them every frame, so a pad set up in Settings plays at once.
import type { KeyValueStorage } from '../../runner/common/pmem/pmem-store.js';
import { loadPadMappings, savePadMappings, type PadMappings } from './pad-mappings.js';

let current: PadMappings | null = null;

/** The page's localStorage, or null where the page may not have one (an opaque origin). */
function storage(): KeyValueStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function savedPadMappings(): PadMappings {
  if (!current) {
    const store = storage();
    current = store ? loadPadMappings(store) : {};
  }
  return current;
}

/** False when the storage refused them: they then last until the page closes. */
export function keepPadMappings(mappings: PadMappings): boolean {
  current = mappings;
  const store = storage();
  return store !== null && savePadMappings(store, mappings);
}
