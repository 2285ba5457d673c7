// The cartridge as TIC-80 holds it (reference 4.1, 5): code, eight banks of data, a WASM binary
// and a language id. Every section has its full size; whatever a file did not hold is zero.
import { CART_SECTION_BYTES, type CartSection } from '../protocol.js';
import { CartFormatError } from './errors.js';

export const BANK_COUNT = 8;
/** One CODE or BINARY chunk holds at most 64 KB. */
export const CODE_CHUNK_BYTES = 0x10000;
/** TIC-80's 512 KB code buffer also holds the C string's closing NUL. */
export const MAX_CODE_BYTES = BANK_COUNT * CODE_CHUNK_BYTES - 1;
/** The binary is loaded from banks 0-3 only, so the largest one must fit below bank 4. */
export const BINARY_BANKS = 4;
export const MAX_BINARY_BYTES = BINARY_BANKS * CODE_CHUNK_BYTES - 1;

/**
 * One bank's data, keyed like the protocol's sections. palette is vbank 0's 48 bytes followed by
 * vbank 1's; waveforms and sfx are the two halves of TIC-80's sfx block, patterns and tracks the
 * two halves of its music block.
 */
export type CartBank = Record<CartSection, Uint8Array>;

/** Sections in the order of TIC-80's tic_bank (reference 4.1). */
export const BANK_SECTIONS: readonly CartSection[] = ['screen', 'tiles', 'sprites', 'map', 'waveforms', 'sfx', 'patterns', 'tracks', 'flags', 'palette'];

export interface Cart {
  code: string;
  /** Always BANK_COUNT banks. */
  banks: CartBank[];
  /** WASM binary, 0 to MAX_BINARY_BYTES bytes. */
  binary: Uint8Array;
  /** Script id (reference 9); 0 when the cart names none. */
  lang: number;
}

export function emptyBank(): CartBank {
  const bank = {} as CartBank;
  for (const section of BANK_SECTIONS) bank[section] = new Uint8Array(CART_SECTION_BYTES[section]);
  return bank;
}

export function emptyCart(): Cart {
  return { code: '', banks: Array.from({ length: BANK_COUNT }, emptyBank), binary: new Uint8Array(0), lang: 0 };
}

/** Writers call this first: a cart built by hand may have the wrong shape. */
export function assertCartShape(cart: Cart, fileName: string): void {
  const problem = shapeProblem(cart);
  if (problem) throw new CartFormatError(fileName, `cannot save: ${problem}`);
}

/** Whether a value that came from outside (storage, another process) is a whole cart of the right shape. */
export function isCart(value: unknown): value is Cart {
  const cart = value as Partial<Cart> | null;
  return (
    typeof cart === 'object' &&
    cart !== null &&
    typeof cart.code === 'string' &&
    typeof cart.lang === 'number' &&
    cart.binary instanceof Uint8Array &&
    Array.isArray(cart.banks) &&
    cart.banks.every((bank: unknown) => typeof bank === 'object' && bank !== null) &&
    shapeProblem(cart as Cart) === undefined
  );
}

function shapeProblem(cart: Cart): string | undefined {
  if (cart.banks.length !== BANK_COUNT) return `a cart has ${BANK_COUNT} banks, this one has ${cart.banks.length}`;
  for (let b = 0; b < BANK_COUNT; b++) {
    for (const section of BANK_SECTIONS) {
      const bytes = cart.banks[b][section];
      if (!(bytes instanceof Uint8Array) || bytes.length !== CART_SECTION_BYTES[section]) {
        return `bank ${b} ${section} must be ${CART_SECTION_BYTES[section]} bytes`;
      }
    }
  }
  if (!Number.isInteger(cart.lang) || cart.lang < 0 || cart.lang > 255) return `the language id ${cart.lang} is not a byte`;
  if (cart.binary.length > MAX_BINARY_BYTES) return `the binary is ${cart.binary.length} bytes; a cart holds at most ${MAX_BINARY_BYTES}`;
  return undefined;
}
