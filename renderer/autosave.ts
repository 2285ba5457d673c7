// The open cart lives in localStorage, so a reload, a crash or a closed tab never loses an edit.
// It is kept as a text cart (code and data sections), with its name, place and unsaved flag. Code a
// text cart cannot hold (a line starting with "-- <", quirk 9) or a WASM binary is kept as a .tic
// in base64 instead. In the desktop app this localStorage lives in the app's data folder.
import { CartFormatError, emptyCart, readTextCart, readTicCart, writeTextCart, writeTicCart, type Cart } from '../runner/common/cart/index.js';
import { base64ToBytes, bytesToBase64 } from './base64.js';
import type { CartDocument } from './cart-document.js';

const STORAGE_KEY = 'nibble.open-cart.v2';
/** Before carts had data sections in the model: { name, code }, where code could hold them as text. */
const LEGACY_KEY = 'nibble.open-cart.v1';

interface StoredCart {
  name: string;
  location: string | null;
  dirty: boolean;
  fromElsewhere?: boolean;
  text?: string;
  tic?: string;
}

function parseJson(text: string | null): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text ?? 'null');
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function storedCart(stored: Record<string, unknown>, name: string): Cart | null {
  try {
    if (typeof stored.text === 'string') return readTextCart(stored.text, name);
    const tic = typeof stored.tic === 'string' ? base64ToBytes(stored.tic) : null;
    return tic ? readTicCart(tic, name) : null;
  } catch {
    return null;
  }
}

/** The old format's text as a cart; text that does not parse stays whole in the code, so nothing is lost. */
function legacyCart(code: string, name: string): Cart {
  try {
    return readTextCart(code, name);
  } catch {
    return { ...emptyCart(), code };
  }
}

export function loadOpenCart(storage: Storage): CartDocument | null {
  const stored = parseJson(storage.getItem(STORAGE_KEY));
  if (stored && typeof stored.name === 'string') {
    const cart = storedCart(stored, stored.name);
    if (cart) {
      const location = typeof stored.location === 'string' ? stored.location : null;
      return { cart, name: stored.name, location, dirty: stored.dirty === true, fromElsewhere: stored.fromElsewhere === true };
    }
  }
  const legacy = parseJson(storage.getItem(LEGACY_KEY));
  if (legacy && typeof legacy.name === 'string' && typeof legacy.code === 'string') {
    // It never was in a file, so it counts as unsaved.
    return { cart: legacyCart(legacy.code, legacy.name), name: legacy.name, location: null, dirty: true, fromElsewhere: false };
  }
  return null;
}

function encode(doc: CartDocument): StoredCart {
  const { name, location, dirty, fromElsewhere } = doc;
  try {
    return { name, location, dirty, fromElsewhere, text: writeTextCart(doc.cart, name) };
  } catch (err) {
    if (!(err instanceof CartFormatError)) throw err;
    return { name, location, dirty, fromElsewhere, tic: bytesToBase64(writeTicCart(doc.cart, name)) };
  }
}

/** False when the cart could not be stored (storage full or disabled, or a cart no format holds). */
export function saveOpenCart(storage: Storage, doc: CartDocument): boolean {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(encode(doc)));
    storage.removeItem(LEGACY_KEY);
    return true;
  } catch {
    return false;
  }
}
