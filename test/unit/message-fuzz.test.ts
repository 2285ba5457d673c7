// Random and mutated messages through the validators and the wire decoders. Each returns a valid
// message or null and never throws; whatever it accepts is a message it accepts again unchanged and
// that survives the wire. A fixed seed makes failures reproduce, and fixed case counts keep the
// whole file to a few seconds.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { PMEM_BYTES } from '../../runner/common/memory-map.js';
import { AUDIO_SAMPLES, CART_SECTION_BYTES, FRAME_BYTES, type HostMessage, type RunnerMessage } from '../../runner/common/protocol.js';
import { parseHostMessage, parseRunnerBatch, parseRunnerMessage } from '../../runner/common/protocol-validate.js';
import { decodeHostMessage, decodeRunnerMessages, encodeHostMessage, encodeRunnerMessages, type WireData } from '../../runner/common/wire.js';
import { fuzzCase, mutateBytes, pick, randomBytes, randomInt, seededRandom } from './fuzz-fixture.js';
import { goodHostMessages, goodRunnerMessages } from './message-samples.js';

const SEED = 0x3e55a9e;

/** Every key and string value in the samples, so random objects often look nearly right. */
function vocabulary(messages: readonly object[]): { keys: string[]; strings: string[] } {
  const keys = new Set<string>(['__proto__', 'constructor', 'length', '$bytes', '0']);
  const strings = new Set<string>(['', '__proto__', 'x'.repeat(300), 'é✓\ud800']);
  const walk = (value: unknown) => {
    if (typeof value === 'string') strings.add(value);
    else if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value)) {
      for (const [key, item] of Object.entries(value)) {
        keys.add(key);
        walk(item);
      }
    }
  };
  messages.forEach(walk);
  return { keys: [...keys], strings: [...strings] };
}

const WORDS = vocabulary([...goodHostMessages, ...goodRunnerMessages]);
const NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.5,
  7,
  94,
  95,
  127,
  128,
  255,
  256,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 32,
  2 ** 53,
  -(2 ** 53),
  NaN,
  Infinity,
  -Infinity,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
];
const BYTE_LENGTHS = [0, 1, PMEM_BYTES, FRAME_BYTES, AUDIO_SAMPLES, ...Object.values(CART_SECTION_BYTES)];

/** Any value structured clone can carry: what a worker or message port may hand over. */
function randomValue(random: () => number, depth: number): unknown {
  switch (randomInt(random, depth > 0 ? 9 : 6)) {
    case 0:
      return pick(random, [null, undefined, true, false]);
    case 1:
      return random() < 0.7 ? pick(random, NUMBERS) : (random() - 0.5) * 2 ** randomInt(random, 60);
    case 2:
      return pick(random, WORDS.strings);
    case 3:
      return String.fromCharCode(...randomBytes(random, randomInt(random, 20)));
    case 4: {
      const length = random() < 0.5 ? pick(random, BYTE_LENGTHS) : randomInt(random, 64);
      const bytes = randomBytes(random, length);
      return pick(random, [
        () => bytes,
        () => new Int16Array(bytes.buffer, 0, length >> 1),
        () => new Uint8ClampedArray(bytes),
        () => bytes.buffer,
        () => new DataView(bytes.buffer),
      ])();
    }
    case 5:
      return pick(random, [
        () => new Date(0),
        () => new Map([['type', 'stop']]),
        () => new Set([1]),
        () => /x/,
        () => new Error('x'),
        (): unknown => Object.create(null),
      ])();
    case 6:
      return Array.from({ length: randomInt(random, 5) }, () => randomValue(random, depth - 1));
    default: {
      const object: Record<string, unknown> = random() < 0.2 ? (Object.create(null) as Record<string, unknown>) : {};
      for (let n = randomInt(random, 6); n > 0; n--) {
        Object.defineProperty(object, pick(random, WORDS.keys), {
          value: randomValue(random, depth - 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return object;
    }
  }
}

/** Containers (plain objects and arrays) inside a value, itself included. */
function containers(value: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return found;
  found.push(value as Record<string, unknown>);
  for (const item of Object.values(value)) containers(item, found);
  return found;
}

/** A copy of a message with a few fields replaced, removed or added, anywhere in it. */
function mutateMessage(random: () => number, message: object): unknown {
  const copy = structuredClone(message) as unknown;
  for (let edits = 1 + randomInt(random, 3); edits > 0; edits--) {
    const places = containers(copy);
    const target = pick(random, places);
    const keys = Object.keys(target);
    const key = keys.length > 0 && random() < 0.8 ? pick(random, keys) : pick(random, WORDS.keys);
    // Structured clone never yields an array whose length is not its length.
    if (Array.isArray(target) && key === 'length') continue;
    if (random() < 0.2) delete target[key];
    else Object.defineProperty(target, key, { value: randomValue(random, 2), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** JSON has no -0: it comes back as 0, the same number for every use a message has. */
function zeroSigned<T>(value: T): T {
  if (Object.is(value, -0)) return 0 as T;
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) return value.map(zeroSigned) as T;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, zeroSigned(item)])) as T;
}

/** A message the validators accepted: valid again, unchanged, and the same after the wire. */
function checkHostAccepted(message: HostMessage): void {
  assert.deepEqual(parseHostMessage(message), message);
  assert.deepEqual(zeroSigned(decodeHostMessage(encodeHostMessage(message))), zeroSigned(message));
}

function checkRunnerAccepted(messages: RunnerMessage[]): void {
  assert.deepEqual(parseRunnerBatch(messages), messages);
  const decoded = encodeRunnerMessages(messages).map((payload) => decodeRunnerMessages(payload));
  assert.deepEqual(zeroSigned(decoded.includes(null) ? null : decoded.flat()), zeroSigned(messages));
}

function checkHost(value: unknown): void {
  const message = parseHostMessage(value);
  if (message !== null) checkHostAccepted(message);
}

function checkRunner(value: unknown): void {
  const message = parseRunnerMessage(value);
  if (message !== null) checkRunnerAccepted([message]);
  const batch = parseRunnerBatch(value);
  if (batch !== null) checkRunnerAccepted(batch);
}

const show = (value: unknown) => {
  const text = JSON.stringify(value, (_key, v: unknown) =>
    ArrayBuffer.isView(v) ? `<${v.constructor.name} ${v.byteLength}>` : v === undefined ? '<undefined>' : v,
  );
  return text === undefined ? String(value) : text.length > 2000 ? `${text.slice(0, 2000)}...` : text;
};

it('host message validator: random values and mutated messages', () => {
  const random = seededRandom(SEED);
  for (let i = 0; i < 1500; i++) {
    const value = random() < 0.3 ? randomValue(random, 3) : mutateMessage(random, pick(random, goodHostMessages));
    fuzzCase(
      () => show(value),
      () => checkHost(value),
    );
  }
});

it('runner message validators: random values, mutated messages and mutated batches', () => {
  const random = seededRandom(SEED + 1);
  for (let i = 0; i < 1500; i++) {
    const kind = randomInt(random, 3);
    const value =
      kind === 0
        ? randomValue(random, 3)
        : kind === 1
          ? mutateMessage(random, pick(random, goodRunnerMessages))
          : mutateMessage(
              random,
              Array.from({ length: 1 + randomInt(random, 4) }, () => pick(random, goodRunnerMessages)),
            );
    fuzzCase(
      () => show(value),
      () => checkRunner(value),
    );
  }
});

const encoder = new TextEncoder();
const JSON_PIECES = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '"type"',
  '"$bytes"',
  '"AAAA"',
  '"=="',
  'null',
  'true',
  '-0',
  '1e999',
  '0.5',
  '\\u0000',
  '\\ud800',
  ' ',
  ...WORDS.keys.map((k) => JSON.stringify(k)),
  ...WORDS.strings.slice(0, 30).map((s) => JSON.stringify(s)),
];

/** One payload as a socket may deliver it: text, UTF-8 bytes (maybe inside a bigger buffer), or an ArrayBuffer. */
function asWireData(random: () => number, bytes: Uint8Array): WireData {
  switch (randomInt(random, 4)) {
    case 0:
      return new TextDecoder().decode(bytes);
    case 1: {
      const padded = new Uint8Array(bytes.length + 16);
      padded.set(bytes, 8);
      return padded.subarray(8, 8 + bytes.length);
    }
    case 2:
      return bytes.slice().buffer;
    default:
      return bytes;
  }
}

/** Payloads: random bytes, JSON-like text, and the encodings of valid messages with bytes mutated. */
function randomPayload(random: () => number, encodings: Uint8Array[]): Uint8Array {
  switch (randomInt(random, 4)) {
    case 0:
      return randomBytes(random, randomInt(random, 200));
    case 1:
      return encoder.encode(Array.from({ length: randomInt(random, 40) }, () => pick(random, JSON_PIECES)).join(''));
    default:
      return mutateBytes(random, pick(random, encodings));
  }
}

it('wire decoder of host messages: random, JSON-like and mutated payloads', () => {
  const random = seededRandom(SEED + 2);
  const encodings = [
    ...goodHostMessages.map((message) => encoder.encode(encodeHostMessage(message))),
    ...goodRunnerMessages
      .flatMap((message) => encodeRunnerMessages([message]))
      .map((payload) => (typeof payload === 'string' ? encoder.encode(payload) : payload)),
  ];
  for (let i = 0; i < 1500; i++) {
    const bytes = randomPayload(random, encodings);
    const data = asWireData(random, bytes);
    fuzzCase(
      () => Buffer.from(bytes.subarray(0, 4000)).toString('hex'),
      () => {
        const message = decodeHostMessage(data);
        if (message !== null) checkHostAccepted(message);
      },
    );
  }
});

it('wire decoder of runner messages: random, JSON-like and mutated payloads, and frames with damaged headers', () => {
  const random = seededRandom(SEED + 3);
  const payloads = encodeRunnerMessages(goodRunnerMessages);
  const encodings = payloads.map((payload) => (typeof payload === 'string' ? encoder.encode(payload) : payload));
  const frame = encodings.find((bytes) => bytes[0] === 0xff)!;
  const headerBytes = frame.length - FRAME_BYTES - AUDIO_SAMPLES * 2;
  for (let i = 0; i < 1500; i++) {
    let bytes: Uint8Array;
    if (random() < 0.3) {
      // A frame of the right size with random header bytes, so the decoder reads every field.
      bytes = frame.slice();
      for (let n = 1 + randomInt(random, 6); n > 0; n--) bytes[1 + randomInt(random, headerBytes - 1)] = randomInt(random, 256);
      if (random() < 0.3) bytes.set(randomBytes(random, 8), pick(random, [4, 12, 20]));
    } else bytes = randomPayload(random, encodings);
    const data = asWireData(random, bytes);
    fuzzCase(
      () => Buffer.from(bytes.subarray(0, 4000)).toString('hex'),
      () => {
        const batch = decodeRunnerMessages(data);
        if (batch !== null) checkRunnerAccepted(batch);
      },
    );
  }
});
