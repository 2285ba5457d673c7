// Number conversions as TIC-80's C code performs them on x86-64.

const INT_MIN = -2147483648;

/**
 * A double converted to a C s32: truncation toward zero. NaN, infinities and values outside the
 * s32 range become INT_MIN, as the x86-64 conversion instruction yields; every drawing routine
 * then treats them as far off screen.
 */
export function toS32(v: number): number {
  return v > -2147483649 && v < 2147483648 ? v | 0 : INT_MIN;
}

/** A double rounded to a C float (line, tri and trib take float coordinates). */
export const toF32 = Math.fround;
