// `nibble run --input SPEC`: scripted input in tic80-native's `-i` syntax, extended to the other
// gamepads, the keyboard and the mouse. Items are separated by commas:
//   FROM[-TO]:MASK              gamepad 1 (tic80-native's form): bits 1 up, 2 down, 4 left, 8 right,
//                               16 A, 32 B, 64 X, 128 Y
//   pN:FROM[-TO]:MASK           gamepad N (1-4), same bits
//   key:FROM[-TO]:CODE          a TIC-80 key code (1-94) held
//   mouse:FROM[-TO]:X,Y[,BTNS]  the mouse at screen (X, Y) as mouse() reports it (0-239, 0-135),
//                               buttons 1 left, 2 middle, 4 right
// Frames are 1-based and inclusive. A mouse item's Y and buttons are the comma-separated numbers
// after it: every item starts with a colon-bearing part, so they cannot be taken for one.
import { KEY_CODE_COUNT, MARGIN_LEFT, MARGIN_TOP, SCREEN_HEIGHT, SCREEN_WIDTH } from '../../common/memory-map.js';
import type { InputSpan } from '../../common/protocol.js';

const GAMEPADS = 4;
const BUTTON_BITS = 8;
const MOUSE_BUTTONS_MAX = 7;

/** Thrown with a message naming the item at fault; the CLI reports it as a usage error. */
export class InputSpecError extends Error {}

function fail(item: string, why: string): never {
  throw new InputSpecError(`--input item ${JSON.stringify(item)}: ${why}`);
}

function number(item: string, text: string | undefined, what: string, min: number, max: number): number {
  const n = Number(text);
  if (text === undefined || !/^\d+$/.test(text) || n < min || n > max)
    fail(item, `${what} must be a whole number from ${min} to ${max}, got ${JSON.stringify(text ?? '')}`);
  return n;
}

function frames(item: string, text: string): { from: number; to: number } {
  const [fromText, toText, extra] = text.split('-');
  if (extra !== undefined) fail(item, `frames are FROM or FROM-TO, got ${JSON.stringify(text)}`);
  const from = number(item, fromText, 'the first frame', 1, Number.MAX_SAFE_INTEGER);
  const to = toText === undefined ? from : number(item, toText, 'the last frame', 1, Number.MAX_SAFE_INTEGER);
  if (to < from) fail(item, `the last frame (${to}) comes before the first (${from})`);
  return { from, to };
}

/** Splits at commas; a part without a colon continues the item before it (a mouse item's Y and buttons). */
function items(spec: string): string[][] {
  const result: string[][] = [];
  for (const part of spec.split(',')) {
    if (part.includes(':') || result.length === 0) result.push([part]);
    else result[result.length - 1].push(part);
  }
  return result;
}

function span(parts: string[]): InputSpan {
  const item = parts.join(',');
  const fields = parts[0].split(':');
  const [device, range, value] = fields.length === 2 ? ['p1', fields[0], fields[1]] : fields;
  if (fields.length < 2 || fields.length > 3 || device === undefined || range === undefined || value === undefined) {
    fail(item, 'expected FROM[-TO]:MASK, pN:FROM[-TO]:MASK, key:FROM[-TO]:CODE or mouse:FROM[-TO]:X,Y[,BUTTONS]');
  }
  const held = frames(item, range);
  const extra = parts.slice(1);
  if (device === 'mouse') {
    if (extra.length < 1 || extra.length > 2) fail(item, 'the mouse needs X,Y or X,Y,BUTTONS');
    const x = number(item, value, 'X', 0, SCREEN_WIDTH - 1);
    const y = number(item, extra[0], 'Y', 0, SCREEN_HEIGHT - 1);
    const buttons = extra.length === 2 ? number(item, extra[1], 'BUTTONS', 0, MOUSE_BUTTONS_MAX) : 0;
    return { ...held, gamepads: 0, keys: [], mouse: { x: x + MARGIN_LEFT, y: y + MARGIN_TOP, buttons } };
  }
  if (extra.length > 0) fail(item, `only a mouse item takes more than one value`);
  if (device === 'key') return { ...held, gamepads: 0, keys: [number(item, value, 'CODE', 1, KEY_CODE_COUNT - 1)] };
  const player = /^p([1-4])$/.exec(device);
  if (!player) fail(item, `unknown device ${JSON.stringify(device)}: use p1-p${GAMEPADS}, key or mouse`);
  const mask = number(item, value, 'MASK', 0, (1 << BUTTON_BITS) - 1);
  return { ...held, gamepads: (mask << (BUTTON_BITS * (Number(player[1]) - 1))) >>> 0, keys: [] };
}

/** The spans of one --input SPEC, in order. Throws InputSpecError naming the first bad item. */
export function parseInputSpec(spec: string): InputSpan[] {
  if (spec.trim() === '') throw new InputSpecError('--input needs a SPEC such as 1-30:8 (gamepad 1 right on frames 1 to 30)');
  return items(spec).map(span);
}
