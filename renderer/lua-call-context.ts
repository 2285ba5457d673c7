// Which function call the cursor is inside, for signature help. Works on the code before the
// cursor: strings and comments are blanked first so their brackets and commas do not count.

export interface CallContext {
  /** The called name as written, e.g. "spr" (a method or field call gives null instead). */
  name: string;
  /** 0-based index of the argument the cursor is in. */
  argIndex: number;
}

/** How far back to look for the opening bracket: a call rarely spans more than this. */
const MAX_LOOKBACK = 4000;

/** The text with every string literal and comment replaced by spaces, same length and lines. */
export function blankStringsAndComments(code: string): string {
  const out = code.split('');
  const blank = (from: number, to: number): void => {
    for (let i = from; i < to && i < out.length; i++) if (out[i] !== '\n') out[i] = ' ';
  };
  let i = 0;
  while (i < code.length) {
    const c = code[i];
    if (c === '-' && code[i + 1] === '-') {
      const long = longBracketAt(code, i + 2);
      const end = long ? closeLongBracket(code, long.contentStart, long.level) : lineEnd(code, i);
      blank(i, end);
      i = end;
    } else if (c === '[') {
      const long = longBracketAt(code, i);
      if (long) {
        const end = closeLongBracket(code, long.contentStart, long.level);
        blank(i, end);
        i = end;
      } else {
        i += 1;
      }
    } else if (c === '"' || c === "'") {
      const end = quotedStringEnd(code, i);
      blank(i, end);
      i = end;
    } else {
      i += 1;
    }
  }
  return out.join('');
}

function lineEnd(code: string, from: number): number {
  const nl = code.indexOf('\n', from);
  return nl < 0 ? code.length : nl;
}

/** A Lua long bracket `[[` or `[==[` starting at i. */
function longBracketAt(code: string, i: number): { level: number; contentStart: number } | null {
  if (code[i] !== '[') return null;
  let j = i + 1;
  while (code[j] === '=') j++;
  return code[j] === '[' ? { level: j - i - 1, contentStart: j + 1 } : null;
}

function closeLongBracket(code: string, from: number, level: number): number {
  const close = `]${'='.repeat(level)}]`;
  const at = code.indexOf(close, from);
  return at < 0 ? code.length : at + close.length;
}

function quotedStringEnd(code: string, start: number): number {
  const quote = code[start];
  let i = start + 1;
  while (i < code.length) {
    const c = code[i];
    if (c === '\\') i += 2;
    else if (c === quote || c === '\n') return i + 1;
    else i += 1;
  }
  return code.length;
}

const IDENT_CHAR = /[A-Za-z0-9_]/;

/** The innermost unclosed call around the end of `before` (the code up to the cursor). */
export function findCallContext(before: string): CallContext | null {
  const text = blankStringsAndComments(before);
  const stop = Math.max(0, text.length - MAX_LOOKBACK);
  let depth = 0;
  let argIndex = 0;
  for (let i = text.length - 1; i >= stop; i--) {
    const c = text[i];
    if (c === ')' || c === ']' || c === '}') {
      depth += 1;
    } else if (c === '(' || c === '[' || c === '{') {
      if (depth > 0) {
        depth -= 1;
        continue;
      }
      if (c !== '(') return null;
      return calledName(text, i, argIndex);
    } else if (c === ',' && depth === 0) {
      argIndex += 1;
    }
  }
  return null;
}

function calledName(text: string, openParen: number, argIndex: number): CallContext | null {
  let end = openParen;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  let start = end;
  while (start > 0 && IDENT_CHAR.test(text[start - 1])) start--;
  if (start === end) return null;
  const before = text[start - 1];
  if (before === '.' || before === ':') return null;
  return { name: text.slice(start, end), argIndex };
}
