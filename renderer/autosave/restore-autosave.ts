// The cart the studio opens with: the one the store kept, else one an earlier version kept in
// localStorage, moved into the store (and out of localStorage once the store holds it).
import type { CartDocument } from '../cart-document.js';
import type { AutosaveStore } from './autosave-store.js';
import { forgetLegacyAutosave, readLegacyAutosave } from './legacy-autosave.js';

export interface RestoredCart {
  doc: CartDocument | null;
  /** What went wrong on the way, for the console; the studio still starts. */
  problem: string | null;
}

export async function restoreAutosave(store: AutosaveStore, storage: Storage): Promise<RestoredCart> {
  let problem: string | null = null;
  try {
    const kept = await store.load();
    if (kept) return { doc: kept, problem };
  } catch (err) {
    problem = `The autosaved cart could not be read (${(err as Error).message}).`;
  }
  const legacy = readLegacyAutosave(storage);
  if (!legacy || problem) return { doc: legacy, problem };
  try {
    await store.save(legacy, 'whole');
    forgetLegacyAutosave(storage);
  } catch (err) {
    problem = `The autosaved cart could not be moved to its new store (${(err as Error).message}); it stays where it was.`;
  }
  return { doc: legacy, problem };
}
