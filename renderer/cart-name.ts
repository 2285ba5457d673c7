// Cart file names as the studio accepts them from the name box or a "save as" prompt.

const MAX_NAME_LENGTH = 128;

/** A usable file name: trimmed, no folders, never empty or overlong, ".lua" when it has no extension. */
export function normaliseCartName(name: string): string {
  const trimmed = name.trim().replace(/[\\/]/g, '_').slice(0, MAX_NAME_LENGTH);
  if (trimmed === '') return 'cart.lua';
  return /\.[A-Za-z0-9]+$/.test(trimmed) ? trimmed : `${trimmed}.lua`;
}
