// The open cart lives in localStorage, so a reload, a crash or a closed tab never loses an edit.
import type { CartSource } from '../runner/common/protocol.js';

const STORAGE_KEY = 'nibble.open-cart.v1';

export function loadOpenCart(storage: Storage): CartSource | null {
  let stored: unknown;
  try {
    stored = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null');
  } catch {
    return null;
  }
  if (typeof stored !== 'object' || stored === null) return null;
  const { name, code } = stored as Record<string, unknown>;
  return typeof name === 'string' && typeof code === 'string' ? { name, code } : null;
}

/** False when the browser refused to store it (storage full or disabled). */
export function saveOpenCart(storage: Storage, cart: CartSource): boolean {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify({ name: cart.name, code: cart.code }));
    return true;
  } catch {
    return false;
  }
}

/** A usable file name: trimmed, never empty, ".lua" when it has no extension. */
export function normaliseCartName(name: string): string {
  const trimmed = name.trim().replace(/[\\/]/g, '_');
  if (trimmed === '') return 'cart.lua';
  return /\.[A-Za-z0-9]+$/.test(trimmed) ? trimmed : `${trimmed}.lua`;
}
