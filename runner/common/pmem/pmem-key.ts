// The name TIC-80 files a cart's persistent memory under (reference 4.2): the lowercase hex MD5 of
// the cart's `saveid:` value when it has one, else of its bank-0 data. Carts share pmem only when
// they share this key.
import { md5 } from '@noble/hashes/legacy.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { BANK_SECTIONS, type Cart } from '../cart/cart.js';
import { CART_SECTION_BYTES } from '../protocol.js';

const SAVE_ID_TAG = 'saveid:';
/** TIC-80 keeps the value in a 64-byte C string. */
const MAX_SAVE_ID_BYTES = 63;
/** TIC-80 trims every byte up to and including the space, as its C code compares `<= ' '`. */
const TRIMMED = /^[\x00-\x20]+|[\x00-\x20]+$/g;

/** tic_bank's size (reference 4.1). */
export const TIC_BANK_BYTES = BANK_SECTIONS.reduce((sum, section) => sum + CART_SECTION_BYTES[section], 0);

/**
 * The `saveid:` value as the bytes TIC-80 hashes, or undefined when the code has none. The tag is
 * matched as plain text anywhere in the code, with no comment prefix (reference 4.2).
 */
function saveIdBytes(code: string): Uint8Array | undefined {
  const at = code.indexOf(SAVE_ID_TAG);
  if (at < 0) return undefined;
  const start = at + SAVE_ID_TAG.length;
  const end = code.indexOf('\n', start);
  const value = code.slice(start, end < 0 ? code.length : end).replace(TRIMMED, '');
  return new TextEncoder().encode(value).subarray(0, MAX_SAVE_ID_BYTES);
}

/** Bank 0 laid out as TIC-80's tic_bank, section after section (reference 4.1). */
function bank0Bytes(cart: Cart): Uint8Array {
  const bytes = new Uint8Array(TIC_BANK_BYTES);
  let at = 0;
  for (const section of BANK_SECTIONS) {
    bytes.set(cart.banks[0][section], at);
    at += CART_SECTION_BYTES[section];
  }
  return bytes;
}

/** The cart's pmem key. The code takes part only through `saveid:` (reference quirk 7). */
export function pmemKeyOf(cart: Cart): string {
  return bytesToHex(md5(saveIdBytes(cart.code) ?? bank0Bytes(cart)));
}
