// The autosave as earlier versions kept it, in localStorage (which Chromium puts on disk only
// seconds after a write, so a crash lost the last edits): read once, to move it into the durable
// store, then forgotten. Version 2 is a text cart (code and data sections), or a .tic in base64 for
// code a text cart cannot hold, with the cart's name, place and unsaved flag; version 1 was
// { name, code }, where the code could hold the data sections as text.
import { emptyCart, readTextCart, readTicCart, type Cart } from '../../runner/common/cart/index.js';
import { base64ToBytes } from '../../runner/common/base64.js';
import type { CartDocument } from '../cart-document.js';

const V2_KEY = 'nibble.open-cart.v2';
const V1_KEY = 'nibble.open-cart.v1';

function parseJson(text: string | null): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text ?? 'null');
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function v2Cart(stored: Record<string, unknown>, name: string): Cart | null {
  try {
    if (typeof stored.text === 'string') return readTextCart(stored.text, name);
    const tic = typeof stored.tic === 'string' ? base64ToBytes(stored.tic) : null;
    return tic ? readTicCart(tic, name) : null;
  } catch {
    return null;
  }
}

/** Version 1's text as a cart; text that does not parse stays whole in the code, so nothing is lost. */
function v1Cart(code: string, name: string): Cart {
  try {
    return readTextCart(code, name);
  } catch {
    return { ...emptyCart(), code };
  }
}

export function readLegacyAutosave(storage: Storage): CartDocument | null {
  const stored = parseJson(storage.getItem(V2_KEY));
  if (stored && typeof stored.name === 'string') {
    const cart = v2Cart(stored, stored.name);
    if (cart) {
      const location = typeof stored.location === 'string' ? stored.location : null;
      return { cart, name: stored.name, location, dirty: stored.dirty === true, fromElsewhere: false };
    }
  }
  const v1 = parseJson(storage.getItem(V1_KEY));
  if (v1 && typeof v1.name === 'string' && typeof v1.code === 'string') {
    // It never was in a file, so it counts as unsaved.
    return { cart: v1Cart(v1.code, v1.name), name: v1.name, location: null, dirty: true, fromElsewhere: false };
  }
  return null;
}

export function forgetLegacyAutosave(storage: Storage): void {
  storage.removeItem(V2_KEY);
  storage.removeItem(V1_KEY);
}
