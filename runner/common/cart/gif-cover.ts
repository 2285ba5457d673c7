// The deprecated COVER_DEP chunk: a GIF screenshot. A 240 x 136 one becomes bank 0's screen, each
// pixel taking the nearest colour of the cart's palette (reference 5.a).
import { GifReader } from 'omggif';
import { SCREEN_HEIGHT, SCREEN_PIXELS, SCREEN_WIDTH } from '../memory-map.js';
import { screenFromRgba } from './screen-from-rgba.js';

/**
 * Returns the screen bytes, or undefined when the GIF is not 240 x 136 or cannot be decoded:
 * TIC-80 then keeps the screen as it is.
 */
export function screenFromGif(gif: Uint8Array, palette: Uint8Array): Uint8Array | undefined {
  let rgba: Uint8Array;
  try {
    const reader = new GifReader(gif);
    if (reader.width !== SCREEN_WIDTH || reader.height !== SCREEN_HEIGHT || reader.numFrames() < 1) return undefined;
    const frame = reader.frameInfo(0);
    if (frame.x + frame.width > SCREEN_WIDTH || frame.y + frame.height > SCREEN_HEIGHT) return undefined;
    if (!lzwCodesAllowed(gif, frame.data_offset)) return undefined;
    rgba = new Uint8Array(SCREEN_PIXELS * 4);
    reader.decodeAndBlitFrameRGBA(0, rgba);
  } catch {
    return undefined;
  }
  return screenFromRgba(rgba, palette);
}

const MAX_LZW_TABLE = 4096;
const MAX_LZW_CODE_BITS = 12;

/**
 * omggif's LZW decoder loops forever on some damaged streams: a code after a clear code that is
 * not a literal, or a code past the next free table entry, makes it build a table entry that
 * refers to itself. This reads the codes exactly as omggif does (the sub-blocks were already
 * checked by GifReader) and says whether each one is allowed; then the table has no cycles.
 */
function lzwCodesAllowed(gif: Uint8Array, dataOffset: number): boolean {
  let p = dataOffset;
  const minCodeSize = gif[p++];
  const clearCode = 1 << minCodeSize;
  const endCode = clearCode + 1;
  let nextCode = endCode + 1;
  let codeSize = minCodeSize + 1;
  let codeMask = (1 << codeSize) - 1;
  let bits = 0;
  let bitCount = 0;
  let subBlockLeft = gif[p++];
  let afterClear = true;
  for (;;) {
    while (bitCount < 16 && subBlockLeft !== 0) {
      bits |= gif[p++] << bitCount;
      bitCount += 8;
      subBlockLeft = subBlockLeft === 1 ? gif[p++] : subBlockLeft - 1;
    }
    if (bitCount < codeSize) return true;
    const code = bits & codeMask;
    bits >>= codeSize;
    bitCount -= codeSize;
    if (code === clearCode) {
      nextCode = endCode + 1;
      codeSize = minCodeSize + 1;
      codeMask = (1 << codeSize) - 1;
      afterClear = true;
      continue;
    }
    if (code === endCode) return true;
    if (afterClear ? code >= clearCode : code > nextCode) return false;
    if (!afterClear && nextCode < MAX_LZW_TABLE) {
      nextCode++;
      if (nextCode >= codeMask + 1 && codeSize < MAX_LZW_CODE_BITS) {
        codeSize++;
        codeMask = (codeMask << 1) | 1;
      }
    }
    afterClear = false;
  }
}
