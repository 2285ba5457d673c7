// SWEETIE-16, TIC-80's default palette (reference section 3.2), as CSS colours.
export const SWEETIE_16: readonly string[] = [
  '#1a1c2c', '#5d275d', '#b13e53', '#ef7d57', '#ffcd75', '#a7f070', '#38b764', '#257179',
  '#29366f', '#3b5dc9', '#41a6f6', '#73eff7', '#f4f4f4', '#94b0c2', '#566c86', '#333c57',
];

/** trace() colours wrap like the console's: only the low 4 bits count. */
export function paletteColor(index: number): string {
  return SWEETIE_16[index & 15] ?? SWEETIE_16[15]!;
}

/** The console's background (style.css --panel). */
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
