// Metadata comments in a cart's code, such as "-- title: My game" (reference 5.b).

const MAX_VALUE_LENGTH = 127;

/** The value of the first "-- key:" comment anywhere in the code, trimmed; undefined if there is none. */
export function metaTag(code: string, key: string): string | undefined {
  const marker = `-- ${key}:`;
  const at = code.indexOf(marker);
  if (at < 0) return undefined;
  const start = at + marker.length;
  const end = code.indexOf('\n', start);
  const value = code.slice(start, end < 0 ? code.length : end).trim();
  return value.slice(0, MAX_VALUE_LENGTH);
}
