// The code's size as TIC-80 counts it. TIC-80 keeps the code as a C string of bytes and its code
// editor shows strlen() of it, "size N/65536", in red past 65,536 (MAX_CODE, one bank, in free
// builds), where it takes no more typing and cuts pastes short. TIC-80 itself loads and runs code
// up to the cart's MAX_CODE_BYTES from .tic, .png and .lua files alike (checked with tic80-native),
// so a longer code is no reason to refuse a save: the user is told what TIC-80 will make of it.
import { CODE_CHUNK_BYTES, MAX_CODE_BYTES } from './cart.js';

/** What TIC-80's code editor (free build) takes: one 64 KB bank. */
export const TIC80_EDITOR_CODE_BYTES = CODE_CHUNK_BYTES;

/** The code's length in bytes as a cart stores it: UTF-8, a lone surrogate as U+FFFD (3 bytes). */
export function codeBytes(code: string): number {
  let bytes = 0;
  for (let i = 0; i < code.length; i++) {
    const unit = code.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit < 0xdc00 && i + 1 < code.length && (code.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const count = (n: number) => n.toLocaleString('en-US');

/** Said after saving a cart whose code is longer than TIC-80's code editor takes; undefined otherwise. */
export function codeSizeWarning(code: string, fileName: string): string | undefined {
  const bytes = codeBytes(code);
  if (bytes <= TIC80_EDITOR_CODE_BYTES) return undefined;
  return (
    `${fileName}: the code is ${count(bytes)} bytes, over the ${count(TIC80_EDITOR_CODE_BYTES)} that TIC-80's code editor takes. ` +
    `TIC-80 loads and runs the cart, but its code editor shows the size in red and takes no more typing, ` +
    `and pastes are cut short; only TIC-80 PRO edits code this long (up to ${count(MAX_CODE_BYTES)} bytes). ` +
    `Shorten the code to keep the cart editable in TIC-80.`
  );
}
