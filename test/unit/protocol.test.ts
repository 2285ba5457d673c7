import { it } from 'node:test';
import assert from 'node:assert/strict';

import { clipText } from '../../runner/common/clip-text.js';
import { escapeControls, jsonWithoutControls } from '../../runner/common/control-chars.js';
import { frameAck, TICK_FRAMES } from '../../runner/common/frame-acks.js';
import { MAX_INPUT_SPANS } from '../../runner/common/input-schedule.js';
import { PMEM_BYTES } from '../../runner/common/memory-map.js';
import { AUDIO_SAMPLES, FRAME_BYTES } from '../../runner/common/protocol.js';
import { MESSAGE_LIMITS, parseHostMessage, parseRunnerMessage } from '../../runner/common/protocol-validate.js';
import { audio, goodHostMessages, goodInput, goodRunnerMessages, goodStart, pixels, pmemBytes, stackFrame } from './message-samples.js';

it('every well-formed host message is accepted unchanged', () => {
  for (const message of goodHostMessages) assert.deepEqual(parseHostMessage(message), message, message.type);
});

it('every well-formed runner message is accepted unchanged', () => {
  for (const message of goodRunnerMessages) assert.deepEqual(parseRunnerMessage(message), message, message.type);
});

it('the result is a fresh copy with only protocol fields', () => {
  const sent = {
    ...goodStart,
    extra: 1,
    cart: { ...goodStart.cart, path: '/etc/passwd' },
    options: { ...goodStart.options, evil: true },
  };
  const parsed = parseHostMessage(sent);
  assert.deepEqual(parsed, goodStart);
  assert.notEqual(parsed, sent);

  const frame = { type: 'frame', index: 1, pixels: pixels(), audio: audio(), cursor: 0x81, relativeMouse: true, stats: { cpuMs: 0, luaMemory: 0, gpu: 1 } };
  const parsedFrame = parseRunnerMessage(frame);
  assert.ok(parsedFrame?.type === 'frame');
  assert.notEqual(parsedFrame.pixels, frame.pixels, 'pixels are copied');
  assert.deepEqual(parsedFrame.stats, { cpuMs: 0, luaMemory: 0 });
  frame.pixels[0] = 99;
  assert.equal(parsedFrame.pixels[0], 0, 'later writes by the sender do not reach the copy');
});

it('pmem bytes are copied, so later writes by the sender do not reach the message', () => {
  const bytes = pmemBytes();
  const start = parseHostMessage({ ...goodStart, pmem: bytes });
  const report = parseRunnerMessage({ type: 'pmem', bytes });
  assert.ok(start?.type === 'start' && start.pmem && report?.type === 'pmem');
  bytes[0] ^= 0xff;
  assert.equal(start.pmem[0], pmemBytes()[0]);
  assert.equal(report.bytes[0], pmemBytes()[0]);
});

it('gamepads given with bit 31 as a negative int32 are normalised to unsigned', () => {
  const parsed = parseHostMessage({ type: 'input', input: { ...goodInput, gamepads: 1 << 31 } });
  assert.ok(parsed?.type === 'input');
  assert.equal(parsed.input.gamepads, 0x80000000);
});

it('a Node Buffer is accepted as pixels and comes out a plain Uint8Array', () => {
  const parsed = parseRunnerMessage({
    type: 'frame',
    index: 2,
    pixels: Buffer.alloc(FRAME_BYTES, 1),
    audio: audio(),
    cursor: 0x81,
    relativeMouse: true,
    stats: { cpuMs: 0, luaMemory: 0 },
  });
  assert.ok(parsed?.type === 'frame');
  assert.equal(Object.getPrototypeOf(parsed.pixels), Uint8Array.prototype);
  assert.equal(parsed.pixels[FRAME_BYTES - 1], 1);
});

const long = (n: number): string => 'x'.repeat(n);

it('malformed host messages are rejected', () => {
  const bad: unknown[] = [
    null,
    undefined,
    'break',
    42,
    [],
    [{ type: 'break' }],
    // Hosts stop a runner by ending it; there is no stop message.
    { type: 'stop' },
    {},
    { type: 'STOP' },
    { type: 'frame' },
    Object.create({ type: 'break' }),
    Object.defineProperty({}, 'type', { get: () => 'break', enumerable: true }),
    { ...goodStart, cart: { name: 'a.lua' } },
    { ...goodStart, cart: { name: 5, code: '' } },
    { ...goodStart, cart: null },
    { ...goodStart, cart: { name: long(MESSAGE_LIMITS.nameLength + 1), code: '' } },
    { ...goodStart, cart: { name: 'a', code: long(MESSAGE_LIMITS.codeLength + 1) } },
    { ...goodStart, options: { deterministic: 'yes', pacing: 'fast' } },
    { ...goodStart, options: { deterministic: true, pacing: 'slow' } },
    { ...goodStart, options: { deterministic: true, pacing: 'fast', maxFrames: -1 } },
    { ...goodStart, options: { deterministic: true, pacing: 'fast', maxFrames: 1.5 } },
    { ...goodStart, options: { deterministic: true, pacing: 'fast', maxFrames: null } },
    { ...goodStart, options: { deterministic: true, pacing: 'fast', maxFrames: Infinity } },
    ...[
      null,
      {},
      [null],
      [{ from: 0, to: 1, gamepads: 0, keys: [] }],
      [{ from: 2, to: 1, gamepads: 0, keys: [] }],
      [{ from: 1, to: 1.5, gamepads: 0, keys: [] }],
      [{ from: 1, to: 1, gamepads: -1, keys: [] }],
      [{ from: 1, to: 1, gamepads: 2 ** 32, keys: [] }],
      [{ from: 1, to: 1, gamepads: 0 }],
      [{ from: 1, to: 1, gamepads: 0, keys: [95] }],
      [{ from: 1, to: 1, gamepads: 0, keys: [1, 2, 3, 4, 5] }],
      [{ from: 1, to: 1, gamepads: 0, keys: [], mouse: { x: 256, y: 0, buttons: 0 } }],
      [{ from: 1, to: 1, gamepads: 0, keys: [], mouse: { x: 0, y: 144, buttons: 0 } }],
      [{ from: 1, to: 1, gamepads: 0, keys: [], mouse: { x: 0, y: 0, buttons: 8 } }],
      [{ from: 1, to: 1, gamepads: 0, keys: [], mouse: { x: 0.5, y: 0, buttons: 0 } }],
      [{ from: 1, to: 1, gamepads: 0, keys: [], mouse: null }],
      Array.from({ length: MAX_INPUT_SPANS + 1 }, () => ({ from: 1, to: 1, gamepads: 0, keys: [] })),
    ].map((inputSchedule) => ({ ...goodStart, options: { ...goodStart.options, inputSchedule } })),
    ...[null, {}, { pixelFrames: [], audio: 1 }, { pixelFrames: [0], audio: false }, { pixelFrames: [1.5], audio: false }, { audio: false }].map((output) => ({
      ...goodStart,
      options: { ...goodStart.options, output },
    })),
    { ...goodStart, pmem: new Uint8Array(PMEM_BYTES - 1) },
    { ...goodStart, pmem: new Uint8Array(PMEM_BYTES + 1) },
    { ...goodStart, pmem: new Uint8ClampedArray(PMEM_BYTES) },
    { ...goodStart, pmem: Array.from({ length: PMEM_BYTES }, () => 0) },
    { ...goodStart, pmem: null },
    { type: 'input' },
    { type: 'input', input: { ...goodInput, gamepads: 2 ** 32 } },
    { type: 'input', input: { ...goodInput, gamepads: 1.5 } },
    { type: 'input', input: { ...goodInput, gamepads: '3' } },
    { type: 'input', input: { ...goodInput, mouseX: Number.NaN } },
    { type: 'input', input: { ...goodInput, mouseY: Infinity } },
    { type: 'input', input: { ...goodInput, scrollX: undefined } },
    { type: 'input', input: { ...goodInput, scrollY: '1' } },
    { type: 'input', input: { ...goodInput, mouseButtons: 8 } },
    { type: 'input', input: { ...goodInput, keys: [1, 2, 3, 4, 5] } },
    { type: 'input', input: { ...goodInput, keys: [0] } },
    { type: 'input', input: { ...goodInput, keys: [95] } },
    { type: 'input', input: { ...goodInput, keys: [1.5] } },
    { type: 'input', input: { ...goodInput, keys: '1' } },
    { type: 'input', input: { ...goodInput, keys: [, 1] } },
    { type: 'eval' },
    { type: 'eval', code: 5 },
    { type: 'eval', code: ['x'] },
    { type: 'eval', code: long(MESSAGE_LIMITS.evalLength + 1) },
    { type: 'ack' },
    { type: 'ack', frames: -1 },
    { type: 'ack', frames: 2.5 },
    { type: 'ack', frames: '3' },
    { type: 'ack', frames: Infinity },
  ];
  for (const [i, message] of bad.entries()) assert.equal(parseHostMessage(message), null, `case ${i}`);
});

it('malformed runner messages are rejected', () => {
  const frame = { type: 'frame', index: 0, pixels: pixels(), audio: audio(), cursor: 0x81, relativeMouse: true, stats: { cpuMs: 1, luaMemory: 1 } };
  const manyLocals = Array.from({ length: MESSAGE_LIMITS.localsPerFrame + 1 }, (_, i) => ({ name: `v${i}`, value: '1' }));
  const manyFrames = Array.from({ length: MESSAGE_LIMITS.stackFrames + 1 }, () => stackFrame);
  const sandboxOn = { on: true, detail: 'kernel sandbox: all of it' };
  const bad: unknown[] = [
    null,
    { type: 'start' },
    { type: 'ready' },
    { type: 'ready', hookMode: 'sometimes', sandbox: sandboxOn },
    { type: 'ready', hookMode: 'on-demand', note: 3, sandbox: sandboxOn },
    { type: 'ready', hookMode: 'on-demand', note: long(MESSAGE_LIMITS.textLength + 1), sandbox: sandboxOn },
    { type: 'ready', hookMode: 'on-demand' },
    { type: 'ready', hookMode: 'on-demand', sandbox: { on: 'yes', detail: 'kernel sandbox: all of it' } },
    { type: 'ready', hookMode: 'on-demand', sandbox: { on: false } },
    { type: 'ready', hookMode: 'on-demand', sandbox: { on: false, detail: long(MESSAGE_LIMITS.textLength + 1) } },
    { ...frame, pixels: new Uint8Array(FRAME_BYTES - 1) },
    { ...frame, audio: new Int16Array(AUDIO_SAMPLES - 1) },
    { ...frame, audio: new Uint16Array(AUDIO_SAMPLES) },
    { ...frame, pixels: new Uint8Array(FRAME_BYTES + 1) },
    { type: 'tick', index: 5, frames: 0, cpuMs: 0 },
    { type: 'tick', index: 5, frames: 6, cpuMs: 0 },
    { type: 'tick', index: 100, frames: TICK_FRAMES + 1, cpuMs: 0, audio: new Int16Array((TICK_FRAMES + 1) * AUDIO_SAMPLES) },
    { type: 'tick', index: 5, frames: 1, cpuMs: -1 },
    { type: 'tick', index: 5, frames: 2, cpuMs: 0, audio: new Int16Array(AUDIO_SAMPLES) },
    { type: 'tick', index: 5, frames: 1, cpuMs: 0, audio: new Uint16Array(AUDIO_SAMPLES) },
    { ...frame, pixels: new Uint8ClampedArray(FRAME_BYTES) },
    { ...frame, pixels: Array.from({ length: FRAME_BYTES }, () => 0) },
    { ...frame, pixels: new Uint8Array(FRAME_BYTES).buffer },
    { ...frame, pixels: { length: FRAME_BYTES, [Symbol.toStringTag]: 'Uint8Array' } },
    { ...frame, index: -1 },
    { ...frame, index: 0.5 },
    { ...frame, stats: { cpuMs: Number.NaN, luaMemory: 0 } },
    { ...frame, stats: { cpuMs: 0, luaMemory: -1 } },
    { ...frame, stats: { cpuMs: 0 } },
    { type: 'trace', text: 'a' },
    { type: 'trace', text: 'a', color: 256 },
    { type: 'trace', text: 'a', color: 1.5 },
    { type: 'trace', text: long(MESSAGE_LIMITS.textLength + 1), color: 1 },
    { type: 'pmem' },
    { type: 'pmem', bytes: new Uint8Array(PMEM_BYTES - 1) },
    { type: 'pmem', bytes: new Uint8Array(PMEM_BYTES + 1) },
    { type: 'pmem', bytes: new Uint32Array(PMEM_BYTES / 4) },
    { type: 'pmem', bytes: new Uint8Array(PMEM_BYTES).buffer },
    { type: 'error' },
    { type: 'error', message: 'a', line: '3' },
    { type: 'error', message: 'a', line: -2 },
    { type: 'error', message: 'a', traceback: long(MESSAGE_LIMITS.textLength + 1) },
    { type: 'busy', ms: -1 },
    { type: 'busy', ms: Infinity },
    { type: 'busy', ms: 1, line: Number.NaN },
    { type: 'paused' },
    { type: 'paused', stack: {} },
    { type: 'paused', stack: manyFrames },
    { type: 'paused', stack: [{ ...stackFrame, locals: manyLocals }] },
    { type: 'paused', stack: [{ ...stackFrame, line: undefined }] },
    { type: 'paused', stack: [{ ...stackFrame, source: long(MESSAGE_LIMITS.nameLength + 1) }] },
    { type: 'paused', stack: [{ ...stackFrame, locals: [{ name: 'x' }] }] },
    { type: 'paused', stack: [{ ...stackFrame, locals: [{ name: 'x', value: long(MESSAGE_LIMITS.localValueLength + 1) }] }] },
    { type: 'paused', stack: [null] },
    { type: 'done', frames: 1 },
    { type: 'done', frames: -1, msPerFrame: 1 },
  ];
  for (const [i, message] of bad.entries()) assert.equal(parseRunnerMessage(message), null, `case ${i}`);
});

it('the size limits are inclusive', () => {
  const paused = {
    type: 'paused',
    stack: Array.from({ length: MESSAGE_LIMITS.stackFrames }, () => ({
      ...stackFrame,
      name: long(MESSAGE_LIMITS.nameLength),
      locals: Array.from({ length: MESSAGE_LIMITS.localsPerFrame }, () => ({ name: 'v', value: long(10) })),
    })),
  };
  assert.notEqual(parseRunnerMessage(paused), null);
  const start = { ...goodStart, cart: { name: 'a', code: long(MESSAGE_LIMITS.codeLength) } };
  assert.notEqual(parseHostMessage(start), null);
  assert.notEqual(parseHostMessage({ type: 'eval', code: long(MESSAGE_LIMITS.evalLength) }), null);
  assert.notEqual(parseRunnerMessage({ type: 'trace', text: long(MESSAGE_LIMITS.textLength), color: 0 }), null);
});

it('texts past a limit are cut to it, saying so, and never end on half a surrogate pair', () => {
  assert.equal(clipText('short', 10), 'short');
  assert.equal(clipText(long(MESSAGE_LIMITS.textLength)), long(MESSAGE_LIMITS.textLength));
  const cut = clipText(long(70_000));
  assert.equal(cut.length, MESSAGE_LIMITS.textLength);
  assert.match(cut, /^x+… \(cut: 70000 characters in all, over the limit of 65536\)$/);
  assert.notEqual(parseRunnerMessage({ type: 'error', message: cut, traceback: cut }), null);
  const emoji = clipText('😀'.repeat(100), 101);
  assert.ok(emoji.length <= 101);
  assert.match(emoji, /^(😀)+… \(cut: 200 characters/);
});

it('control characters but newline and tab are escaped for terminals, and JSON keeps none raw', () => {
  const text = 'a\u001b]0;t\u0007\u001b[2J\n\tb\r\u0000\u007f\u0080\u009bé😀';
  assert.equal(escapeControls(text), 'a\\x1b]0;t\\x07\\x1b[2J\n\tb\\x0d\\x00\\x7f\\x80\\x9bé😀');
  const json = jsonWithoutControls({ text });
  assert.doesNotMatch(json, /[\u0000-\u001f\u007f-\u009f]/);
  assert.deepEqual(JSON.parse(json), { text });
});

it('a host acknowledges the last frame of a batch, and nothing for a batch without frames', () => {
  const frame = (index: number) =>
    ({ type: 'frame', index, pixels: pixels(), audio: audio(), cursor: 0, relativeMouse: false, stats: { cpuMs: 0, luaMemory: 0 } }) as const;
  assert.deepEqual(frameAck([frame(4), { type: 'trace', text: 'x', color: 1 }, frame(5), { type: 'busy', ms: 1 }]), { type: 'ack', frames: 5 });
  assert.equal(frameAck([{ type: 'trace', text: 'x', color: 1 }]), undefined);
  const tick = { type: 'tick', index: 6, frames: 1, cpuMs: 0 } as const;
  assert.deepEqual(frameAck([frame(5), tick, { type: 'busy', ms: 1 }]), { type: 'ack', frames: 6 }, 'a tick is a frame taken');
});
