// SWEETIE-16, TIC-80's default palette, as CSS colours for the studio's console and editor.
import { SWEETIE_16 as SWEETIE_16_RGB } from '../runner/common/default-palette.js';

export const SWEETIE_16: readonly string[] = Array.from(
  { length: 16 },
  (_, i) => `#${[...SWEETIE_16_RGB.subarray(i * 3, i * 3 + 3)].map((c) => c.toString(16).padStart(2, '0')).join('')}`,
);

/** trace() colours wrap like the console's: only the low 4 bits count. */
export function paletteColor(index: number): string {
  return SWEETIE_16[index & 15] ?? SWEETIE_16[15];
}

/** The console's background (theme.css --panel). */
const CONSOLE_BACKGROUND = '#12131e';

function relativeLuminance(hex: string): number {
  const channel = (offset: number): number => {
    const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio between two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Dark palette colours (black, purple, dark blue, dark grey: 15 is trace's default) are unreadable on
 * the console's own background, so the console sets them on light grey (palette colour 13).
 */
export function needsLightBackdrop(index: number): boolean {
  return contrast(paletteColor(index), CONSOLE_BACKGROUND) < 3;
}
