// Encoding of protocol messages for a WebSocket. Frames travel as compact binary; the runner's
// other messages travel in batches, as one JSON array per WebSocket message; host messages are
// single JSON objects. Decoding always ends in protocol-validate, so a peer's junk becomes null.
// Uses only TextDecoder, DataView and typed arrays: works in browsers and Node alike.

import { AUDIO_SAMPLES, FRAME_BYTES, type HostMessage, type MessageOf, type RunnerMessage } from './protocol.js';
import { parseHostMessage, parseRunnerBatch, parseRunnerMessage } from './protocol-validate.js';

/**
 * Binary frame layout (little-endian), for 'frame' and 'compact-frame':
 *   0  u8   magic 0xFF (never the first byte of UTF-8 text, so binary frames and JSON cannot be confused)
 *   1  u8   layout: FRAME_LAYOUT_VERSION for 'frame', COMPACT_LAYOUT_VERSION for 'compact-frame'
 *   2  u8   cursor byte
 *   3  u8   flags: bit 0 relative mouse mode
 *   4  f64  frame index
 *  12  f64  stats.cpuMs
 *  20  f64  stats.luaMemory
 *  28       'frame': FRAME_BYTES of RGBA pixels; 'compact-frame': the compact frame (any length)
 *  then     AUDIO_SAMPLES s16 samples (interleaved stereo), to the end
 */
const FRAME_MAGIC = 0xff;
const FRAME_LAYOUT_VERSION = 2;
const COMPACT_LAYOUT_VERSION = 3;
const CURSOR_OFFSET = 2;
const FLAGS_OFFSET = 3;
const RELATIVE_MOUSE_FLAG = 1;
const INDEX_OFFSET = 4;
const CPU_MS_OFFSET = 12;
const LUA_MEMORY_OFFSET = 20;
const HEADER_BYTES = 28;
const AUDIO_BYTES = AUDIO_SAMPLES * 2;

export type WireData = string | Uint8Array | ArrayBuffer;

type FrameFields = Omit<MessageOf<RunnerMessage, 'frame'>, 'type' | 'pixels'>;

function encodeFrame(frame: FrameFields, layout: number, picture: Uint8Array): Uint8Array {
  if (frame.audio.length !== AUDIO_SAMPLES) {
    throw new RangeError(`frame audio must be ${AUDIO_SAMPLES} samples, got ${frame.audio.length}`);
  }
  const bytes = new Uint8Array(HEADER_BYTES + picture.length + AUDIO_BYTES);
  const view = new DataView(bytes.buffer);
  bytes[0] = FRAME_MAGIC;
  bytes[1] = layout;
  bytes[CURSOR_OFFSET] = frame.cursor;
  bytes[FLAGS_OFFSET] = frame.relativeMouse ? RELATIVE_MOUSE_FLAG : 0;
  view.setFloat64(INDEX_OFFSET, frame.index, true);
  view.setFloat64(CPU_MS_OFFSET, frame.stats.cpuMs, true);
  view.setFloat64(LUA_MEMORY_OFFSET, frame.stats.luaMemory, true);
  bytes.set(picture, HEADER_BYTES);
  const audioOffset = HEADER_BYTES + picture.length;
  for (let i = 0; i < AUDIO_SAMPLES; i++) view.setInt16(audioOffset + i * 2, frame.audio[i], true);
  return bytes;
}

function encodePixelFrame(frame: MessageOf<RunnerMessage, 'frame'>): Uint8Array {
  if (frame.pixels.length !== FRAME_BYTES) {
    throw new RangeError(`frame pixels must be ${FRAME_BYTES} bytes, got ${frame.pixels.length}`);
  }
  return encodeFrame(frame, FRAME_LAYOUT_VERSION, frame.pixels);
}

/** Byte arrays inside JSON messages (a cart's data sections) travel as {"$bytes": base64}. */
const BYTES_KEY = '$bytes';
/** Samples inside JSON messages (a 'tick''s audio) travel as {"$s16le": base64 of little-endian bytes}. */
const SAMPLES_KEY = '$s16le';

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 4096) binary += String.fromCharCode(...bytes.subarray(i, i + 4096));
  return btoa(binary);
}

function base64ToBytes(text: string): Uint8Array | null {
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

function samplesToBytes(samples: Int16Array): Uint8Array {
  const bytes = new Uint8Array(samples.length * 2);
  const view = new DataView(bytes.buffer);
  samples.forEach((sample, i) => view.setInt16(i * 2, sample, true));
  return bytes;
}

function bytesToSamples(bytes: Uint8Array | null): Int16Array | null {
  if (!bytes || bytes.length % 2 !== 0) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  return Int16Array.from({ length: bytes.length / 2 }, (_, i) => view.getInt16(i * 2, true));
}

function replaceBytes(_key: string, value: unknown): unknown {
  if (value instanceof Uint8Array) return { [BYTES_KEY]: bytesToBase64(value) };
  if (value instanceof Int16Array) return { [SAMPLES_KEY]: bytesToBase64(samplesToBytes(value)) };
  return value;
}

function reviveBytes(_key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && Object.keys(value).length === 1) {
    const encoded = (value as Record<string, unknown>)[BYTES_KEY];
    if (typeof encoded === 'string') return base64ToBytes(encoded);
    const samples = (value as Record<string, unknown>)[SAMPLES_KEY];
    if (typeof samples === 'string') return bytesToSamples(base64ToBytes(samples));
  }
  return value;
}

export function encodeHostMessage(message: HostMessage): string {
  return JSON.stringify(message, replaceBytes);
}

/**
 * A batch of runner messages as WebSocket payloads, in order: each frame alone and binary, each run
 * of other messages one JSON array.
 */
export function encodeRunnerMessages(batch: readonly RunnerMessage[]): (string | Uint8Array)[] {
  const payloads: (string | Uint8Array)[] = [];
  let run: RunnerMessage[] = [];
  const endRun = () => {
    if (run.length > 0) payloads.push(JSON.stringify(run, replaceBytes));
    run = [];
  };
  for (const message of batch) {
    if (message.type === 'frame') {
      endRun();
      payloads.push(encodePixelFrame(message));
    } else if (message.type === 'compact-frame') {
      endRun();
      payloads.push(encodeFrame(message, COMPACT_LAYOUT_VERSION, message.compact));
    } else run.push(message);
  }
  endRun();
  return payloads;
}

function toBytes(data: Uint8Array | ArrayBuffer): Uint8Array {
  return ArrayBuffer.isView(data) ? data : new Uint8Array(data);
}

/** The header's fields as a message object, left for the validator to check. */
function decodeFrame(bytes: Uint8Array): unknown {
  const layout = bytes[1];
  if (bytes.length < HEADER_BYTES + AUDIO_BYTES || (layout !== FRAME_LAYOUT_VERSION && layout !== COMPACT_LAYOUT_VERSION)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const audioOffset = bytes.length - AUDIO_BYTES;
  const audio = new Int16Array(AUDIO_SAMPLES);
  for (let i = 0; i < AUDIO_SAMPLES; i++) audio[i] = view.getInt16(audioOffset + i * 2, true);
  const picture = bytes.subarray(HEADER_BYTES, audioOffset);
  return {
    type: layout === FRAME_LAYOUT_VERSION ? 'frame' : 'compact-frame',
    index: view.getFloat64(INDEX_OFFSET, true),
    cursor: bytes[CURSOR_OFFSET],
    relativeMouse: (bytes[FLAGS_OFFSET] & RELATIVE_MOUSE_FLAG) !== 0,
    ...(layout === FRAME_LAYOUT_VERSION ? { pixels: picture } : { compact: picture }),
    audio,
    stats: {
      cpuMs: view.getFloat64(CPU_MS_OFFSET, true),
      luaMemory: view.getFloat64(LUA_MEMORY_OFFSET, true),
    },
  };
}

/** JSON text, given as a string or as UTF-8 bytes (Node's ws hands text frames over as bytes). */
function decodeJson(data: string | Uint8Array): unknown {
  try {
    const text = typeof data === 'string' ? data : new TextDecoder('utf-8', { fatal: true }).decode(data);
    return JSON.parse(text, reviveBytes);
  } catch {
    return null;
  }
}

/** The messages of one payload, or null if any of them is malformed. */
export function decodeRunnerMessages(data: WireData): RunnerMessage[] | null {
  if (typeof data === 'string') return parseRunnerBatch(decodeJson(data));
  const bytes = toBytes(data);
  if (bytes[0] !== FRAME_MAGIC) return parseRunnerBatch(decodeJson(bytes));
  const frame = parseRunnerMessage(decodeFrame(bytes));
  return frame ? [frame] : null;
}

/** Hosts never send binary frames, so bytes are only ever UTF-8 JSON here. */
export function decodeHostMessage(data: WireData): HostMessage | null {
  if (typeof data === 'string') return parseHostMessage(decodeJson(data));
  const bytes = toBytes(data);
  return bytes[0] === FRAME_MAGIC ? null : parseHostMessage(decodeJson(bytes));
}
