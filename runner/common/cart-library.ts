// What a library folder may hold, the same for the desktop app's folders and the browser's picked,
// dropped or zipped ones; and where the web studio fetches the cart `nibble play` gave it.

/** A folder's carts past this many are left out (and the library says so). */
export const MAX_LIBRARY_CARTS = 500;

/** Larger files are not read as carts: the biggest real cart is far smaller. */
export const MAX_LIBRARY_CART_BYTES = 16 * 1024 * 1024;

/** A cart file, by its name's extension: one of TIC-80's three formats. */
export function isCartFileName(name: string): boolean {
  return /\.(lua|tic|png)$/i.test(name) && !name.startsWith('.');
}

/** The web server's address for the cart it was started to play (the page asks for it with ?play). */
export const PLAY_CART_PATH = '/play-cart';

/** The response header naming that cart's file (URI-encoded). */
export const PLAY_CART_NAME_HEADER = 'X-Cart-Name';
