// The carts in a .zip file dropped or picked for the library: every .lua, .tic and .png inside it,
// at any depth (macOS's __MACOSX copies and files too big for a cart left out).
import { unzipSync } from 'fflate';
import { isCartFileName, MAX_LIBRARY_CART_BYTES } from '../../runner/common/cart-library.js';

export interface ArchivedCart {
  /** Its path inside the archive. */
  path: string;
  bytes: Uint8Array;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Throws Error with a message naming the archive when it is not a zip file. */
export function cartsInZip(zipName: string, bytes: Uint8Array): ArchivedCart[] {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => isCartFileName(baseName(file.name)) && !file.name.split('/').includes('__MACOSX') && file.originalSize <= MAX_LIBRARY_CART_BYTES,
    });
  } catch (err) {
    throw new Error(`${zipName} could not be read as a zip file (${err instanceof Error ? err.message : String(err)})`);
  }
  return Object.entries(entries)
    .map(([path, data]) => ({ path, bytes: data }))
    .sort((a, b) => a.path.localeCompare(b.path));
}
