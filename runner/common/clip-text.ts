// Texts a runner sends (errors, tracebacks, traces) are cut to the protocol's limits where they are
// made, saying so: a host refuses a message past MESSAGE_LIMITS, and the user would learn nothing.
import { MESSAGE_LIMITS } from './protocol-validate.js';

/** text itself if it fits in `limit` UTF-16 code units; else its beginning and a note that it was cut. */
export function clipText(text: string, limit: number = MESSAGE_LIMITS.textLength): string {
  if (text.length <= limit) return text;
  const note = `… (cut: ${text.length} characters in all, over the limit of ${limit})`;
  let kept = Math.max(0, limit - note.length);
  // Never end on the first half of a surrogate pair.
  const last = text.charCodeAt(kept - 1);
  if (last >= 0xd800 && last <= 0xdbff) kept--;
  return `${text.slice(0, kept)}${note}`;
}
