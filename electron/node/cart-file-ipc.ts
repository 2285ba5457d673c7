// What crosses IPC when the studio opens and saves cart files in the desktop app, and the checks
// main applies to every argument a renderer sends (the preload checks them too, before sending).

/** Larger files are refused before they are read: the biggest real cart is far smaller. */
export const MAX_CART_FILE_BYTES = 16 * 1024 * 1024;
const MAX_NAME_LENGTH = 255;
const MAX_PATH_LENGTH = 4096;

export interface OpenedCartFile {
  /** The file's base name, e.g. "game.tic"; its extension tells its format. */
  name: string;
  path: string;
  bytes: Uint8Array;
}

export interface SaveTarget {
  name: string;
  path: string;
}

export interface RecentCart {
  name: string;
  path: string;
}

/** How main answers an invoke: a rejection's message would carry Electron's own prefix, so errors travel as data. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: string };

export interface SaveTargetRequest {
  /** The name the studio suggests (its cart's name, with the extension that picks the format). */
  name: string;
  /** Where the cart was opened from or last saved to, if anywhere. */
  currentPath: string | null;
  /** Always ask, even when the cart has a place. */
  saveAs: boolean;
}

export interface WriteRequest {
  path: string;
  bytes: Uint8Array;
}

/** A bare file name: no folders, no NUL, not empty. */
export function isFileName(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_NAME_LENGTH && !/[\\/\0]/.test(value) && value !== '.' && value !== '..';
}

export function isFilePath(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_PATH_LENGTH && !value.includes('\0');
}

function isCartBytes(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array && value.length <= MAX_CART_FILE_BYTES;
}

export function parseSaveTargetRequest(name: unknown, currentPath: unknown, saveAs: unknown): SaveTargetRequest | null {
  if (!isFileName(name) || typeof saveAs !== 'boolean') return null;
  if (currentPath !== null && !isFilePath(currentPath)) return null;
  return { name, currentPath, saveAs };
}

export function parseWriteRequest(path: unknown, bytes: unknown): WriteRequest | null {
  return isFilePath(path) && isCartBytes(bytes) ? { path, bytes: new Uint8Array(bytes) } : null;
}
