import { it } from 'node:test';
import assert from 'node:assert/strict';

import { PMEM_BYTES } from '../../runner/common/memory-map.js';
import { AUDIO_SAMPLES, FRAME_BYTES } from '../../runner/common/protocol.js';
import type { RunnerMessage } from '../../runner/common/protocol.js';
import { decodeHostMessage, decodeRunnerMessages, encodeHostMessage, encodeRunnerMessages } from '../../runner/common/wire.js';
import { audio, goodHostMessages, goodRunnerMessages, pixels } from './message-samples.js';

const HEADER_BYTES = 28;

/** One runner message as its single WebSocket payload. */
function encodeOne(message: RunnerMessage): string | Uint8Array {
  const payloads = encodeRunnerMessages([message]);
  assert.equal(payloads.length, 1);
  return payloads[0];
}

/** A payload that must hold exactly one message. */
function decodeOne(data: string | Uint8Array | ArrayBuffer): RunnerMessage | null {
  const batch = decodeRunnerMessages(data);
  if (batch === null) return null;
  assert.equal(batch.length, 1);
  return batch[0];
}

it('every runner message survives encode then decode', () => {
  for (const message of goodRunnerMessages) {
    assert.deepEqual(decodeOne(encodeOne(message)), message, message.type);
  }
});

it('every host message survives encode then decode', () => {
  for (const message of goodHostMessages) {
    assert.deepEqual(decodeHostMessage(encodeHostMessage(message)), message, message.type);
  }
});

it('frames are binary: magic byte, version, index and stats little-endian, then the pixels', () => {
  const frame = {
    type: 'frame',
    index: 300,
    pixels: pixels(),
    audio: audio(),
    cursor: 0x81,
    relativeMouse: true,
    stats: { cpuMs: 2.5, luaMemory: 65536 },
  } as const;
  const encoded = encodeOne(frame);
  assert.ok(encoded instanceof Uint8Array);
  assert.equal(encoded.length, HEADER_BYTES + FRAME_BYTES + AUDIO_SAMPLES * 2);
  assert.equal(encoded[0], 0xff);
  assert.equal(encoded[1], 2);
  const view = new DataView(encoded.buffer, encoded.byteOffset);
  assert.equal(view.getFloat64(4, true), 300);
  assert.equal(view.getFloat64(12, true), 2.5);
  assert.equal(view.getFloat64(20, true), 65536);
  assert.deepEqual(encoded.subarray(HEADER_BYTES, HEADER_BYTES + FRAME_BYTES), frame.pixels);
  assert.equal(view.getInt16(HEADER_BYTES + FRAME_BYTES, true), frame.audio[0]);
  assert.equal(view.getInt16(HEADER_BYTES + FRAME_BYTES + 2 * (AUDIO_SAMPLES - 1), true), frame.audio[AUDIO_SAMPLES - 1]);
});

it('runner messages other than frames travel as one JSON array per run between frames', () => {
  const frame = { type: 'frame', index: 1, pixels: pixels(), audio: audio(), cursor: 0, relativeMouse: false, stats: { cpuMs: 0, luaMemory: 0 } } as const;
  const batch: RunnerMessage[] = [
    { type: 'trace', text: 'a', color: 3 },
    { type: 'trace', text: 'b', color: 4 },
    frame,
    { type: 'trace', text: 'c', color: 5 },
    { type: 'exit' },
  ];
  const payloads = encodeRunnerMessages(batch);
  assert.equal(payloads.length, 3);
  assert.deepEqual(JSON.parse(payloads[0] as string), batch.slice(0, 2));
  assert.ok(payloads[1] instanceof Uint8Array);
  assert.deepEqual(JSON.parse(payloads[2] as string), batch.slice(3));
  assert.deepEqual(
    payloads.flatMap((payload) => decodeRunnerMessages(payload) ?? []),
    batch,
  );
});

it('host messages are single JSON objects', () => {
  assert.deepEqual(JSON.parse(encodeHostMessage({ type: 'break' })), { type: 'break' });
});

it('a batch with one malformed message is refused whole', () => {
  assert.equal(decodeRunnerMessages(JSON.stringify([{ type: 'exit' }, { type: 'trace', text: 'x' }])), null);
  assert.equal(decodeRunnerMessages(JSON.stringify({ type: 'exit' })), null, 'a lone object is not a batch');
});

it('pmem bytes travel inside JSON as base64', () => {
  const bytes = Uint8Array.from({ length: PMEM_BYTES }, (_, i) => 255 - (i & 0xff));
  const encoded = encodeOne({ type: 'pmem', bytes });
  assert.equal(typeof encoded, 'string');
  assert.deepEqual(JSON.parse(encoded as string), [{ type: 'pmem', bytes: { $bytes: Buffer.from(bytes).toString('base64') } }]);
  assert.deepEqual(decodeOne(encoded), { type: 'pmem', bytes });
});

it('frames decode from an ArrayBuffer and from a view at an offset', () => {
  const frame = { type: 'frame', index: 9, pixels: pixels(), audio: audio(), cursor: 0x81, relativeMouse: true, stats: { cpuMs: 0, luaMemory: 1 } } as const;
  const encoded = encodeOne(frame) as Uint8Array;
  assert.deepEqual(decodeOne(encoded.slice().buffer), frame);
  const padded = new Uint8Array(encoded.length + 5);
  padded.set(encoded, 3);
  assert.deepEqual(decodeOne(padded.subarray(3, 3 + encoded.length)), frame);
});

it('JSON text that arrives as UTF-8 bytes decodes too (as Node ws delivers it)', () => {
  const message = { type: 'error', message: 'attempt to index a nil value — «x»' } as const;
  const bytes = new TextEncoder().encode(encodeOne(message) as string);
  assert.deepEqual(decodeOne(bytes), message);
  assert.deepEqual(decodeHostMessage(new TextEncoder().encode('{"type":"break"}').buffer), { type: 'break' });
});

it('truncated, padded or versioned-differently binary frames are rejected', () => {
  const encoded = encodeOne({
    type: 'frame',
    index: 1,
    pixels: pixels(),
    audio: audio(),
    cursor: 0x81,
    relativeMouse: true,
    stats: { cpuMs: 0, luaMemory: 0 },
  }) as Uint8Array;
  assert.equal(decodeOne(encoded.subarray(0, encoded.length - 1)), null);
  const longer = new Uint8Array(encoded.length + 1);
  longer.set(encoded);
  assert.equal(decodeOne(longer), null);
  const otherVersion = encoded.slice();
  otherVersion[1] = 1;
  assert.equal(decodeOne(otherVersion), null);
  const nanIndex = encoded.slice();
  new DataView(nanIndex.buffer).setFloat64(4, Number.NaN, true);
  assert.equal(decodeOne(nanIndex), null, 'header values still go through the validator');
});

it('a host never sends frames: binary frames are rejected as host messages', () => {
  const encoded = encodeOne({
    type: 'frame',
    index: 1,
    pixels: pixels(),
    audio: audio(),
    cursor: 0x81,
    relativeMouse: true,
    stats: { cpuMs: 0, luaMemory: 0 },
  });
  assert.equal(decodeHostMessage(encoded), null);
});

it('junk decodes to null', () => {
  for (const data of ['', 'not json', '{"type":"stop"', '{"type":"nope"}', 'null', '[]', '"stop"']) {
    assert.equal(decodeOne(data), null, data);
    assert.equal(decodeHostMessage(data), null, data);
  }
  assert.equal(decodeOne(new Uint8Array(0)), null);
  assert.equal(decodeOne(new Uint8Array([0xc3, 0x28])), null, 'invalid UTF-8');
  assert.equal(decodeHostMessage(new ArrayBuffer(0)), null);
});

it('encoding a frame with the wrong pixel or sample count throws', () => {
  assert.throws(
    () =>
      encodeOne({ type: 'frame', index: 0, pixels: new Uint8Array(10), audio: audio(), cursor: 0x81, relativeMouse: true, stats: { cpuMs: 0, luaMemory: 0 } }),
    RangeError,
  );
  assert.throws(
    () =>
      encodeOne({ type: 'frame', index: 0, pixels: pixels(), audio: new Int16Array(10), cursor: 0, relativeMouse: false, stats: { cpuMs: 0, luaMemory: 0 } }),
    RangeError,
  );
});
