// What a runner needs to start a cart: its code and bank 0's data (protocol.ts).
import type { CartData, CartSource } from '../protocol.js';
import { isAllZero } from './bytes.js';
import { BANK_SECTIONS, type Cart } from './cart.js';

/**
 * Bank 0's sections for the runner. All-zero sections are left out, so the runner gives them the
 * console's defaults: a code-only text cart runs with SWEETIE-16 and the default waveforms.
 */
export function cartSourceOf(cart: Cart, name: string): CartSource {
  const data: CartData = {};
  const bank0 = cart.banks[0];
  for (const section of BANK_SECTIONS) if (!isAllZero(bank0[section])) data[section] = bank0[section].slice();
  return { name, code: cart.code, ...(Object.keys(data).length ? { data } : {}) };
}
