// Checks messages that crossed a process or network boundary against protocol.ts. A message is
// accepted only when every field has its exact type and stays within bounds; the result is a fresh
// copy holding only the protocol's fields. Anything else yields null.

import { BANK_COUNT } from './cart/cart.js';
import { COMPACT_FRAME_MAX_BYTES, CompactFrame } from './compact-frame.js';
import { TICK_FRAMES } from './frame-acks.js';
import { MAX_INPUT_SPANS } from './input-schedule.js';
import { INSPECT_PAGE, PAUSE_REASONS, STEP_KINDS, type Breakpoint, type InspectTarget, type ValueView } from './debug-types.js';
import { KEY_CODE_COUNT, KEYBOARD_BYTES, PMEM_BYTES, RAM_BYTES } from './memory-map.js';
import {
  AUDIO_SAMPLES,
  CART_SECTION_BYTES,
  FRAME_BYTES,
  FRAME_HEIGHT,
  FRAME_WIDTH,
  type CartData,
  type CartSection,
  type CartSource,
  type FrameOutput,
  type FrameStats,
  type HostMessage,
  type HookMode,
  type InputSnapshot,
  type InputSpan,
  type MessageOf,
  type RunOptions,
  type RunnerMessage,
  type SandboxState,
  type StackFrame,
} from './protocol.js';

/** Upper bounds on sizes; string lengths count UTF-16 code units. */
export const MESSAGE_LIMITS = {
  codeLength: 1024 * 1024,
  /** One console line of Lua. */
  evalLength: 64 * 1024,
  nameLength: 256,
  textLength: 64 * 1024,
  localValueLength: 1024,
  stackFrames: 256,
  localsPerFrame: 200,
  keysDown: KEYBOARD_BYTES,
  /** Messages in one batch (a frame's worth is at most about a hundred). */
  batchLength: 100_000,
  /** RunOptions.output's frames: more than a command line's --png-frames can name. */
  pixelFrames: 1_000_000,
  breakpoints: 10_000,
  /** A breakpoint's condition or log text, a watch expression. */
  expressionLength: 4096,
} as const;

const MIN_KEY_CODE = 1;
const MAX_KEY_CODE = KEY_CODE_COUNT - 1;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const UINT32_MAX = 2 ** 32 - 1;
/** Lua reports line -1 where it has none (C functions). */
const MIN_LINE = -1;
const HOOK_MODES: readonly HookMode[] = ['on-demand', 'always-on', 'none'];
/** A `-- menu:` tag holds at most a line of 127 characters, so far fewer items than this. */
const MAX_MENU_INDEX = 127;
const MAX_OTHER_BANKS = 7;
const GONE_REASONS: readonly ('stopped' | 'crashed')[] = ['stopped', 'crashed'];
const PACINGS: readonly RunOptions['pacing'][] = ['realtime', 'fast'];

type Fields = { readonly [key: string]: unknown };

function asFields(value: unknown): Fields | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || ArrayBuffer.isView(value)) return null;
  return value as Fields;
}

/** Reads an own data property only: inherited values and getters are never consulted. */
function field(fields: object, key: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(fields, key);
  return descriptor && 'value' in descriptor ? descriptor.value : undefined;
}

function isString(value: unknown, maxLength: number): value is string {
  return typeof value === 'string' && value.length <= maxLength;
}

function isInt(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isNonNegative(value: unknown): value is number {
  return isFiniteNumber(value) && value >= 0;
}

function isLine(value: unknown): value is number {
  return isInt(value, MIN_LINE, INT32_MAX);
}

function isOneOf<T extends string>(value: unknown, options: readonly T[]): value is T {
  return typeof value === 'string' && (options as readonly string[]).includes(value);
}

/** The typed-array brand check works across realms, unlike instanceof, and cannot be faked by a plain object. */
const typedArrayTagDescriptor: { get?: (this: unknown) => string | undefined } | undefined = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype),
  Symbol.toStringTag,
);
const typedArrayTag = typedArrayTagDescriptor!.get!;

function isUint8Array(value: unknown): value is Uint8Array {
  return typedArrayTag.call(value) === 'Uint8Array';
}

function isPmem(value: unknown): value is Uint8Array {
  return isUint8Array(value) && value.length === PMEM_BYTES;
}

function isInt16Array(value: unknown): value is Int16Array {
  return typedArrayTag.call(value) === 'Int16Array';
}

/** Items of an array of at most maxLength entries, each converted by `parse`; null if any fails. */
function parseList<T>(value: unknown, maxLength: number, parse: (item: unknown) => T | null): T[] | null {
  if (!Array.isArray(value) || value.length > maxLength) return null;
  const items: T[] = [];
  for (let i = 0; i < value.length; i++) {
    const item = parse(field(value, String(i)));
    if (item === null) return null;
    items.push(item);
  }
  return items;
}

/** Absent (or undefined) optional fields stay absent; present ones must pass the check. */
function optional<T>(value: unknown, check: (v: unknown) => v is T): { ok: boolean; value?: T } {
  if (value === undefined) return { ok: true };
  return check(value) ? { ok: true, value } : { ok: false };
}

// Host -> runner ---------------------------------------------------------------------------------

function isExpression(value: unknown): value is string {
  return isString(value, MESSAGE_LIMITS.expressionLength);
}

function parseBreakpoint(value: unknown): Breakpoint | null {
  const fields = asFields(value);
  if (!fields) return null;
  const line = field(fields, 'line');
  const condition = optional(field(fields, 'condition'), isExpression);
  const log = optional(field(fields, 'log'), isExpression);
  if (!isInt(line, 1, INT32_MAX) || !condition.ok || !log.ok) return null;
  return { line, ...(condition.value !== undefined ? { condition: condition.value } : {}), ...(log.value !== undefined ? { log: log.value } : {}) };
}

function parseInspectTarget(value: unknown): InspectTarget | null {
  const fields = asFields(value);
  if (!fields) return null;
  const handle = field(fields, 'handle');
  const offset = field(fields, 'offset');
  if (isInt(handle, 1, INT32_MAX) && isInt(offset, 0, INT32_MAX)) return { handle, offset };
  const expression = field(fields, 'expression');
  const frame = field(fields, 'frame');
  return isExpression(expression) && isInt(frame, 0, MESSAGE_LIMITS.stackFrames) ? { expression, frame } : null;
}

function parseCart(value: unknown): CartSource | null {
  const cart = asFields(value);
  if (!cart) return null;
  const name = field(cart, 'name');
  const code = field(cart, 'code');
  if (!isString(name, MESSAGE_LIMITS.nameLength) || !isString(code, MESSAGE_LIMITS.codeLength)) return null;
  const rawData = field(cart, 'data');
  const rawBanks = field(cart, 'otherBanks');
  const data = rawData === undefined ? undefined : parseCartData(rawData);
  const otherBanks = rawBanks === undefined ? undefined : parseList(rawBanks, MAX_OTHER_BANKS, parseCartData);
  if (data === null || otherBanks === null) return null;
  return { name, code, ...(data ? { data } : {}), ...(otherBanks ? { otherBanks } : {}) };
}

/** Each present section must be a byte array of exactly its size; unknown sections are refused. */
function parseCartData(value: unknown): CartData | null {
  const fields = asFields(value);
  if (!fields) return null;
  const data: CartData = {};
  for (const key of Object.keys(fields)) {
    if (!Object.hasOwn(CART_SECTION_BYTES, key)) return null;
    const section = key as CartSection;
    const bytes = field(fields, key);
    if (!isUint8Array(bytes) || bytes.length !== CART_SECTION_BYTES[section]) return null;
    data[section] = new Uint8Array(bytes);
  }
  return data;
}

function parseOptions(value: unknown): RunOptions | null {
  const options = asFields(value);
  if (!options) return null;
  const deterministic = field(options, 'deterministic');
  const pacing = field(options, 'pacing');
  const maxFrames = optional(field(options, 'maxFrames'), (v): v is number => isInt(v, 0, Number.MAX_SAFE_INTEGER));
  const rawSchedule = field(options, 'inputSchedule');
  const inputSchedule = rawSchedule === undefined ? undefined : parseList(rawSchedule, MAX_INPUT_SPANS, parseInputSpan);
  const rawOutput = field(options, 'output');
  const output = rawOutput === undefined ? undefined : parseFrameOutput(rawOutput);
  if (typeof deterministic !== 'boolean' || !isOneOf(pacing, PACINGS) || !maxFrames.ok || inputSchedule === null || output === null) return null;
  const compactFrames = optional(field(options, 'compactFrames'), (v): v is boolean => typeof v === 'boolean');
  if (!compactFrames.ok) return null;
  const result: RunOptions = { deterministic, pacing };
  if (maxFrames.value !== undefined) result.maxFrames = maxFrames.value;
  if (inputSchedule) result.inputSchedule = inputSchedule;
  if (output) result.output = output;
  if (compactFrames.value !== undefined) result.compactFrames = compactFrames.value;
  return result;
}

function parseFrameOutput(value: unknown): FrameOutput | null {
  const output = asFields(value);
  if (!output) return null;
  const pixelFrames = parseList(field(output, 'pixelFrames'), MESSAGE_LIMITS.pixelFrames, (v) => (isInt(v, 1, Number.MAX_SAFE_INTEGER) ? v : null));
  const audio = field(output, 'audio');
  return pixelFrames && typeof audio === 'boolean' ? { pixelFrames, audio } : null;
}

function parseInputSpan(value: unknown): InputSpan | null {
  const span = asFields(value);
  if (!span) return null;
  const from = field(span, 'from');
  const to = field(span, 'to');
  const gamepads = field(span, 'gamepads');
  const keys = parseList(field(span, 'keys'), MESSAGE_LIMITS.keysDown, parseKeyCode);
  const rawMouse = field(span, 'mouse');
  const mouse = rawMouse === undefined ? undefined : parseSpanMouse(rawMouse);
  if (!isInt(from, 1, Number.MAX_SAFE_INTEGER) || !isInt(to, from, Number.MAX_SAFE_INTEGER)) return null;
  if (!isInt(gamepads, 0, UINT32_MAX) || !keys || mouse === null) return null;
  return mouse ? { from, to, gamepads, keys, mouse } : { from, to, gamepads, keys };
}

function parseSpanMouse(value: unknown): NonNullable<InputSpan['mouse']> | null {
  const mouse = asFields(value);
  if (!mouse) return null;
  const x = field(mouse, 'x');
  const y = field(mouse, 'y');
  const buttons = field(mouse, 'buttons');
  return isInt(x, 0, FRAME_WIDTH - 1) && isInt(y, 0, FRAME_HEIGHT - 1) && isInt(buttons, 0, 7) ? { x, y, buttons } : null;
}

function parseKeyCode(value: unknown): number | null {
  return isInt(value, MIN_KEY_CODE, MAX_KEY_CODE) ? value : null;
}

function parseInput(value: unknown): InputSnapshot | null {
  const input = asFields(value);
  if (!input) return null;
  const gamepads = field(input, 'gamepads');
  const mouseX = field(input, 'mouseX');
  const mouseY = field(input, 'mouseY');
  const mouseButtons = field(input, 'mouseButtons');
  const scrollX = field(input, 'scrollX');
  const scrollY = field(input, 'scrollY');
  const keys = parseList(field(input, 'keys'), MESSAGE_LIMITS.keysDown, parseKeyCode);
  // Bit 31 (player 4's Y) built with JS bit operators comes out negative; both spellings are accepted.
  if (!isInt(gamepads, INT32_MIN, UINT32_MAX)) return null;
  if (!isFiniteNumber(mouseX) || !isFiniteNumber(mouseY) || !isInt(mouseButtons, 0, 7)) return null;
  if (!isFiniteNumber(scrollX) || !isFiniteNumber(scrollY) || !keys) return null;
  return { gamepads: gamepads >>> 0, mouseX, mouseY, mouseButtons, scrollX, scrollY, keys };
}

/** One parser per message type: the record's type makes a missing or extra message type a compile error. */
type Parsers<M extends { type: string }> = { readonly [T in M['type']]: (message: Fields) => MessageOf<M, T> | null };

function parseByType<M extends { type: string }>(parsers: Parsers<M>, value: unknown): M | null {
  const message = asFields(value);
  if (!message) return null;
  const type = field(message, 'type');
  if (typeof type !== 'string' || !Object.hasOwn(parsers, type)) return null;
  return parsers[type as M['type']](message);
}

const HOST_MESSAGES: Parsers<HostMessage> = {
  start: (message) => {
    const cart = parseCart(field(message, 'cart'));
    const options = parseOptions(field(message, 'options'));
    const pmem = optional(field(message, 'pmem'), isPmem);
    if (!cart || !options || !pmem.ok) return null;
    return pmem.value === undefined ? { type: 'start', cart, options } : { type: 'start', cart, options, pmem: new Uint8Array(pmem.value) };
  },
  input: (message) => {
    const input = parseInput(field(message, 'input'));
    return input ? { type: 'input', input } : null;
  },
  menu: (message) => {
    const index = field(message, 'index');
    return isInt(index, 0, MAX_MENU_INDEX) ? { type: 'menu', index } : null;
  },
  eval: (message) => {
    const code = field(message, 'code');
    return isString(code, MESSAGE_LIMITS.evalLength) ? { type: 'eval', code } : null;
  },
  ack: (message) => {
    const frames = field(message, 'frames');
    return isInt(frames, 0, Number.MAX_SAFE_INTEGER) ? { type: 'ack', frames } : null;
  },
  break: () => ({ type: 'break' }),
  resume: () => ({ type: 'resume' }),
  breakpoints: (message) => {
    const breakpoints = parseList(field(message, 'breakpoints'), MESSAGE_LIMITS.breakpoints, parseBreakpoint);
    return breakpoints ? { type: 'breakpoints', breakpoints } : null;
  },
  step: (message) => {
    const kind = field(message, 'kind');
    return isOneOf(kind, STEP_KINDS) ? { type: 'step', kind } : null;
  },
  inspect: (message) => {
    const request = field(message, 'request');
    const target = parseInspectTarget(field(message, 'target'));
    return isInt(request, 0, INT32_MAX) && target ? { type: 'inspect', request, target } : null;
  },
  'read-ram': () => ({ type: 'read-ram' }),
  reload: (message) => {
    const code = optional(field(message, 'code'), (v): v is string => isString(v, MESSAGE_LIMITS.codeLength));
    const rawData = field(message, 'data');
    const data = rawData === undefined ? undefined : parseCartData(rawData);
    if (!code.ok || data === null) return null;
    return { type: 'reload', ...(code.value !== undefined ? { code: code.value } : {}), ...(data ? { data } : {}) };
  },
};

export function parseHostMessage(value: unknown): HostMessage | null {
  return parseByType(HOST_MESSAGES, value);
}

// Runner -> host ---------------------------------------------------------------------------------

function parseStats(value: unknown): FrameStats | null {
  const stats = asFields(value);
  if (!stats) return null;
  const cpuMs = field(stats, 'cpuMs');
  const luaMemory = field(stats, 'luaMemory');
  return isNonNegative(cpuMs) && isNonNegative(luaMemory) ? { cpuMs, luaMemory } : null;
}

function parseSandbox(value: unknown): SandboxState | null {
  const sandbox = asFields(value);
  if (!sandbox) return null;
  const on = field(sandbox, 'on');
  const detail = field(sandbox, 'detail');
  return typeof on === 'boolean' && isText(detail) ? { on, detail } : null;
}

function parseLocal(value: unknown): ValueView | null {
  return parseValueView(value, MESSAGE_LIMITS.localValueLength);
}

/** A value of a paused cart: a name, its text (up to maxLength) and the handle that opens it. */
function parseValueView(value: unknown, maxLength: number): ValueView | null {
  const local = asFields(value);
  if (!local) return null;
  const name = field(local, 'name');
  const text = field(local, 'value');
  const handle = optional(field(local, 'handle'), (v): v is number => isInt(v, 1, INT32_MAX));
  if (!isString(name, MESSAGE_LIMITS.nameLength) || !isString(text, maxLength) || !handle.ok) return null;
  return handle.value === undefined ? { name, value: text } : { name, value: text, handle: handle.value };
}

function parseStackFrame(value: unknown): StackFrame | null {
  const frame = asFields(value);
  if (!frame) return null;
  const name = field(frame, 'name');
  const source = field(frame, 'source');
  const line = field(frame, 'line');
  const locals = parseList(field(frame, 'locals'), MESSAGE_LIMITS.localsPerFrame, parseLocal);
  const upvalues = optionalList(field(frame, 'upvalues'), parseLocal);
  const varargs = optionalList(field(frame, 'varargs'), parseLocal);
  if (!isString(name, MESSAGE_LIMITS.nameLength) || !isString(source, MESSAGE_LIMITS.nameLength)) return null;
  if (!isLine(line) || !locals || upvalues === null || varargs === null) return null;
  return { name, source, line, locals, ...(upvalues ? { upvalues } : {}), ...(varargs ? { varargs } : {}) };
}

/** An optional list of a stack frame's values: undefined when absent, null when malformed. */
function optionalList(value: unknown, parse: (item: unknown) => ValueView | null): ValueView[] | null | undefined {
  return value === undefined ? undefined : parseList(value, MESSAGE_LIMITS.localsPerFrame, parse);
}

function isText(value: unknown): value is string {
  return isString(value, MESSAGE_LIMITS.textLength);
}

function parseFrame(message: Fields): MessageOf<RunnerMessage, 'frame'> | null {
  const pixels = field(message, 'pixels');
  if (!isUint8Array(pixels) || pixels.length !== FRAME_BYTES) return null;
  const rest = parseFrameFields(message);
  return rest ? { type: 'frame', pixels: new Uint8Array(pixels), ...rest } : null;
}

function parseCompactFrame(message: Fields): MessageOf<RunnerMessage, 'compact-frame'> | null {
  const compact = field(message, 'compact');
  if (!isUint8Array(compact) || compact.length > COMPACT_FRAME_MAX_BYTES) return null;
  const copy = new Uint8Array(compact);
  const rest = parseFrameFields(message);
  return rest && CompactFrame.parse(copy) ? { type: 'compact-frame', compact: copy, ...rest } : null;
}

/** What 'frame' and 'compact-frame' have besides the picture. */
function parseFrameFields(message: Fields): Omit<MessageOf<RunnerMessage, 'frame'>, 'type' | 'pixels'> | null {
  const index = field(message, 'index');
  const audio = field(message, 'audio');
  const stats = parseStats(field(message, 'stats'));
  if (!isInt(index, 0, Number.MAX_SAFE_INTEGER) || !isInt16Array(audio) || audio.length !== AUDIO_SAMPLES) return null;
  const cursor = field(message, 'cursor');
  const relativeMouse = field(message, 'relativeMouse');
  if (!isInt(cursor, 0, 255) || typeof relativeMouse !== 'boolean') return null;
  return stats ? { index, audio: new Int16Array(audio), cursor, relativeMouse, stats } : null;
}

function parseError(message: Fields): MessageOf<RunnerMessage, 'error'> | null {
  const text = field(message, 'message');
  const line = optional(field(message, 'line'), isLine);
  const traceback = optional(field(message, 'traceback'), isText);
  if (!isText(text) || !line.ok || !traceback.ok) return null;
  const result: MessageOf<RunnerMessage, 'error'> = { type: 'error', message: text };
  if (line.value !== undefined) result.line = line.value;
  if (traceback.value !== undefined) result.traceback = traceback.value;
  return result;
}

const RUNNER_MESSAGES: Parsers<RunnerMessage> = {
  ready: (message) => {
    const hookMode = field(message, 'hookMode');
    const note = optional(field(message, 'note'), isText);
    const sandbox = parseSandbox(field(message, 'sandbox'));
    if (!isOneOf(hookMode, HOOK_MODES) || !note.ok || !sandbox) return null;
    return note.value === undefined ? { type: 'ready', hookMode, sandbox } : { type: 'ready', hookMode, note: note.value, sandbox };
  },
  frame: parseFrame,
  'compact-frame': parseCompactFrame,
  tick: (message) => {
    const index = field(message, 'index');
    const frames = field(message, 'frames');
    const cpuMs = field(message, 'cpuMs');
    if (!isInt(frames, 1, Number.MAX_SAFE_INTEGER) || !isInt(index, frames, Number.MAX_SAFE_INTEGER) || !isNonNegative(cpuMs)) return null;
    const audio = optional(field(message, 'audio'), (v): v is Int16Array => frames <= TICK_FRAMES && isInt16Array(v) && v.length === frames * AUDIO_SAMPLES);
    if (!audio.ok) return null;
    return audio.value === undefined ? { type: 'tick', index, frames, cpuMs } : { type: 'tick', index, frames, cpuMs, audio: new Int16Array(audio.value) };
  },
  trace: (message) => {
    const text = field(message, 'text');
    const color = field(message, 'color');
    return isText(text) && isInt(color, 0, 255) ? { type: 'trace', text, color } : null;
  },
  pmem: (message) => {
    const bytes = field(message, 'bytes');
    return isPmem(bytes) ? { type: 'pmem', bytes: new Uint8Array(bytes) } : null;
  },
  cart: (message) => {
    const bank = field(message, 'bank');
    const data = parseCartData(field(message, 'data'));
    return isInt(bank, 0, BANK_COUNT - 1) && data ? { type: 'cart', bank, data } : null;
  },
  error: parseError,
  busy: (message) => {
    const ms = field(message, 'ms');
    const line = optional(field(message, 'line'), isLine);
    if (!isNonNegative(ms) || !line.ok) return null;
    return line.value === undefined ? { type: 'busy', ms } : { type: 'busy', ms, line: line.value };
  },
  paused: (message) => {
    const line = optional(field(message, 'line'), isLine);
    const stack = parseList(field(message, 'stack'), MESSAGE_LIMITS.stackFrames, parseStackFrame);
    const reason = optional(field(message, 'reason'), (v) => isOneOf(v, PAUSE_REASONS));
    const globals = optional(field(message, 'globals'), (v): v is number => isInt(v, 1, INT32_MAX));
    if (!line.ok || !stack || !reason.ok || !globals.ok) return null;
    return {
      type: 'paused',
      ...(line.value !== undefined ? { line: line.value } : {}),
      stack,
      ...(reason.value !== undefined ? { reason: reason.value } : {}),
      ...(globals.value !== undefined ? { globals: globals.value } : {}),
    };
  },
  inspection: (message) => {
    const request = field(message, 'request');
    const entries = parseList(field(message, 'entries'), INSPECT_PAGE, (v) => parseValueView(v, MESSAGE_LIMITS.textLength));
    const more = field(message, 'more');
    const error = optional(field(message, 'error'), isText);
    if (!isInt(request, 0, INT32_MAX) || !entries || typeof more !== 'boolean' || !error.ok) return null;
    return { type: 'inspection', request, entries, more, ...(error.value !== undefined ? { error: error.value } : {}) };
  },
  ram: (message) => {
    const bytes = field(message, 'bytes');
    return isUint8Array(bytes) && bytes.length === RAM_BYTES ? { type: 'ram', bytes: new Uint8Array(bytes) } : null;
  },
  reloaded: (message) => {
    const error = optional(field(message, 'error'), isText);
    const line = optional(field(message, 'line'), isLine);
    if (!error.ok || !line.ok) return null;
    return { type: 'reloaded', ...(error.value !== undefined ? { error: error.value } : {}), ...(line.value !== undefined ? { line: line.value } : {}) };
  },
  hung: (message) => {
    const text = field(message, 'message');
    const line = optional(field(message, 'line'), isLine);
    if (!isText(text) || !line.ok) return null;
    return line.value === undefined ? { type: 'hung', message: text } : { type: 'hung', message: text, line: line.value };
  },
  resumed: () => ({ type: 'resumed' }),
  exit: () => ({ type: 'exit' }),
  gone: (message) => {
    const reason = field(message, 'reason');
    const code = field(message, 'code');
    const signal = field(message, 'signal');
    if (!isOneOf(reason, GONE_REASONS)) return null;
    if (code !== null && !isInt(code, INT32_MIN, INT32_MAX)) return null;
    if (signal !== null && !isString(signal, MESSAGE_LIMITS.nameLength)) return null;
    return { type: 'gone', reason, code, signal };
  },
  done: (message) => {
    const frames = field(message, 'frames');
    const msPerFrame = field(message, 'msPerFrame');
    const median = optional(field(message, 'medianMsPerFrame'), isNonNegative);
    if (!isInt(frames, 0, Number.MAX_SAFE_INTEGER) || !isNonNegative(msPerFrame) || !median.ok) return null;
    return median.value === undefined ? { type: 'done', frames, msPerFrame } : { type: 'done', frames, msPerFrame, medianMsPerFrame: median.value };
  },
};

export function parseRunnerMessage(value: unknown): RunnerMessage | null {
  return parseByType(RUNNER_MESSAGES, value);
}

/**
 * What a host reports when a runner's batch failed parseRunnerBatch. A batch is never dropped in
 * silence: the host ends that runner, since it can no longer tell what the cart is doing.
 */
export function malformedBatchError(cartName: string): MessageOf<RunnerMessage, 'error'> {
  return {
    type: 'error',
    message: `${cartName}: the runner sent a malformed message, so it was stopped. Run the cart again, and if this happens again, report it with the cart.`,
  };
}

/** A batch of runner messages (see message-batch.ts): a non-empty array, each message valid. */
export function parseRunnerBatch(value: unknown): RunnerMessage[] | null {
  if (!Array.isArray(value) || value.length === 0 || value.length > MESSAGE_LIMITS.batchLength) return null;
  const batch: RunnerMessage[] = [];
  for (const item of value) {
    const message = parseRunnerMessage(item);
    if (!message) return null;
    batch.push(message);
  }
  return batch;
}
