// Well-formed protocol messages of every type, shared by the validator and wire tests.

import { CompactFrameWriter } from '../../runner/common/compact-frame.js';
import { BORDER_COLOR_ADDR, MAP_BYTES, PALETTE_BYTES, PMEM_BYTES, RAM_BYTES, VRAM_BYTES } from '../../runner/common/memory-map.js';
import { AUDIO_SAMPLES, CART_SECTION_BYTES, FRAME_BYTES, type HostMessage, type RunnerMessage, type StackFrame } from '../../runner/common/protocol.js';

/** 1 KB of persistent memory with every byte value in it. */
export function pmemBytes(): Uint8Array {
  return Uint8Array.from({ length: PMEM_BYTES }, (_, i) => (i * 13 + 5) & 0xff);
}

export const goodInput = { gamepads: 3, mouseX: 10.5, mouseY: 20, mouseButtons: 5, scrollX: -1, scrollY: 2, keys: [1, 94] };
export const goodStart = {
  type: 'start',
  cart: { name: 'hello.lua', code: 'function TIC() end' },
  options: { deterministic: true, pacing: 'fast', maxFrames: 60 },
} as const;

export const goodHostMessages: HostMessage[] = [
  goodStart,
  { type: 'start', cart: { name: 'a.lua', code: '' }, options: { deterministic: false, pacing: 'realtime' } },
  { ...goodStart, pmem: pmemBytes() },
  {
    ...goodStart,
    options: {
      ...goodStart.options,
      inputSchedule: [
        { from: 1, to: 5, gamepads: 0xff000001, keys: [26] },
        { from: 3, to: 3, gamepads: 0, keys: [], mouse: { x: 255, y: 143, buttons: 7 } },
      ],
    },
  },
  { ...goodStart, options: { ...goodStart.options, output: { pixelFrames: [1, 60], audio: true } } },
  { ...goodStart, options: { ...goodStart.options, output: { pixelFrames: [], audio: false } } },
  { ...goodStart, options: { deterministic: false, pacing: 'realtime', compactFrames: true } },
  { type: 'input', input: goodInput },
  { type: 'input', input: { ...goodInput, keys: [] } },
  { type: 'menu', index: 0 },
  { type: 'eval', code: 'x = 5 return x * 2' },
  { type: 'eval', code: '' },
  { type: 'break' },
  { type: 'resume' },
  { type: 'ack', frames: 0 },
  { type: 'ack', frames: 1200 },
  { type: 'breakpoints', breakpoints: [] },
  { type: 'breakpoints', breakpoints: [{ line: 3 }, { line: 7, condition: 'i == 2' }, { line: 9, log: 'x={x}' }] },
  { type: 'step', kind: 'over' },
  { type: 'step', kind: 'out' },
  { type: 'inspect', request: 4, target: { handle: 12, offset: 100 } },
  { type: 'inspect', request: 5, target: { expression: 'player.x', frame: 1 } },
  { type: 'read-ram' },
  { type: 'reload', code: 'function TIC() end' },
  { type: 'reload', data: { map: new Uint8Array(CART_SECTION_BYTES.map) } },
];

export const stackFrame: StackFrame = {
  name: 'TIC',
  source: 'hello.lua',
  line: 3,
  locals: [{ name: 'x', value: '42' }],
};

export function pixels(): Uint8Array {
  const bytes = new Uint8Array(FRAME_BYTES);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7) & 0xff;
  return bytes;
}

/** A compact frame with vbank 1 on some lines and registers that change on some rows. */
export function compactFrame(): Uint8Array {
  const bank0 = Uint8Array.from({ length: VRAM_BYTES }, (_, i) => (i * 7) & 0xff);
  const bank1 = new Uint8Array(VRAM_BYTES);
  const writer = new CompactFrameWriter();
  writer.begin();
  for (let row = 0; row < 144; row++) {
    bank0[BORDER_COLOR_ADDR] = row >> 5;
    writer.registers(row, bank0, bank1);
    if (row < 4 || row >= 140) continue;
    const line = row - 4;
    writer.bank0Line(line, new Uint32Array(bank0.buffer), line * 30);
    if (line % 3 === 0) writer.bank1Line(line, new Uint32Array(bank0.buffer), 0);
  }
  return writer.finish();
}

export function audio(): Int16Array {
  const samples = new Int16Array(AUDIO_SAMPLES);
  for (let i = 0; i < samples.length; i++) samples[i] = ((i * 331) % 65536) - 32768;
  return samples;
}

export const goodRunnerMessages: RunnerMessage[] = [
  { type: 'ready', hookMode: 'on-demand', sandbox: { on: true, detail: 'kernel sandbox: all of it' } },
  { type: 'ready', hookMode: 'always-on', note: 'hook stays armed', sandbox: { on: false, detail: 'kernel sandbox unavailable: no addon' } },
  { type: 'frame', index: 0, pixels: pixels(), audio: audio(), cursor: 0x81, relativeMouse: true, stats: { cpuMs: 1.25, luaMemory: 20480 } },
  { type: 'compact-frame', index: 3, compact: compactFrame(), audio: audio(), cursor: 0, relativeMouse: false, stats: { cpuMs: 0.5, luaMemory: 4096 } },
  { type: 'tick', index: 5, frames: 5, cpuMs: 2.5 },
  { type: 'tick', index: 3000, frames: 2999, cpuMs: 30 },
  { type: 'tick', index: 40, frames: 2, cpuMs: 0, audio: Int16Array.from({ length: 2 * AUDIO_SAMPLES }, (_, i) => i - AUDIO_SAMPLES) },
  { type: 'trace', text: 'hi', color: 15 },
  { type: 'pmem', bytes: pmemBytes() },
  { type: 'cart', bank: 7, data: { map: new Uint8Array(MAP_BYTES).fill(3), palette: new Uint8Array(2 * PALETTE_BYTES) } },
  { type: 'error', message: 'boom' },
  { type: 'error', message: 'boom', line: 12, traceback: 'stack traceback:\n\t[string "hello.lua"]:12' },
  { type: 'busy', ms: 1500 },
  { type: 'busy', ms: 1500.5, line: 7 },
  { type: 'paused', stack: [] },
  { type: 'paused', line: 3, stack: [stackFrame, { name: '?', source: '[C]', line: -1, locals: [] }] },
  {
    type: 'paused',
    line: 5,
    stack: [{ ...stackFrame, upvalues: [{ name: 'n', value: '1' }], varargs: [{ name: '...[1]', value: 'table: 0x00001000', handle: 3 }] }],
    reason: 'step',
    globals: 2,
  },
  { type: 'inspection', request: 4, entries: [{ name: '[metatable]', value: 'table: 0x00002000', handle: 9 }], more: true },
  { type: 'inspection', request: 5, entries: [], more: false, error: 'the cart is not paused' },
  { type: 'ram', bytes: new Uint8Array(RAM_BYTES) },
  { type: 'reloaded' },
  { type: 'reloaded', error: 'cart.lua:3: unexpected symbol', line: 3 },
  { type: 'resumed' },
  { type: 'exit' },
  { type: 'done', frames: 600, msPerFrame: 0.8 },
  { type: 'done', frames: 600, msPerFrame: 0.8, medianMsPerFrame: 0.61 },
  { type: 'hung', message: 'stuck in one library call' },
  { type: 'hung', message: 'stuck in one library call', line: 9 },
  { type: 'gone', reason: 'stopped', code: null, signal: 'SIGKILL' },
  { type: 'gone', reason: 'crashed', code: 1, signal: null },
];
