// Which of the three cart formats a file is, from its name and first bytes (reference 5). Kept apart
// from the readers so that a host can tell a text cart without loading the binary formats' code.
import { CartFormatError } from './errors.js';

export type CartFormat = 'text' | 'tic' | 'png';

const EXTENSIONS: Readonly<Record<string, CartFormat>> = { '.lua': 'text', '.tic': 'tic', '.png': 'png' };

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

export function hasPngSignature(bytes: Uint8Array): boolean {
  return bytes.length >= PNG_SIGNATURE.length && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

function extensionOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** The format a file name's extension stands for. Throws CartFormatError for any other name. */
export function cartFormatOf(fileName: string): CartFormat {
  const extension = extensionOf(fileName);
  const format = EXTENSIONS[extension];
  if (!format) {
    const what = extension ? `unknown cart extension ${JSON.stringify(extension)}` : 'no file extension';
    throw new CartFormatError(fileName, `${what}: carts are .lua (text), .tic or .png files`);
  }
  return format;
}

/**
 * The format a cart file is read as: PNG data is a PNG cart whatever the name (TIC-80 accepts it
 * anywhere); otherwise the extension decides.
 */
export function formatOfFile(bytes: Uint8Array, fileName: string): CartFormat {
  return hasPngSignature(bytes) ? 'png' : cartFormatOf(fileName);
}
