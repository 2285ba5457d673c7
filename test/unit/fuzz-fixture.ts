// Seeded randomness and the pieces the fuzz tests share: byte mutations and the per-input hang
// guard. Every generator here is deterministic from its seed, so any failure reproduces.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { concatBytes } from '../../runner/common/cart/bytes.js';

/** mulberry32: a small, fast generator with a 32-bit seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomInt(random: () => number, below: number): number {
  return Math.floor(random() * below);
}

export function randomBytes(random: () => number, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = randomInt(random, 256);
  return bytes;
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[randomInt(random, items.length)];
}

/** A few random edits: flipped bits, special bytes, cut ends, deleted or repeated runs. */
export function mutateBytes(random: () => number, bytes: Uint8Array): Uint8Array {
  let out: Uint8Array = bytes.slice();
  for (let edits = 1 + randomInt(random, 4); edits > 0 && out.length > 0; edits--) {
    const at = randomInt(random, out.length);
    const run = 1 + randomInt(random, 16);
    switch (randomInt(random, 5)) {
      case 0:
        out[at] ^= 1 << randomInt(random, 8);
        break;
      case 1:
        out[at] = pick(random, [0, 0xff, 0x7f, 0x80]);
        break;
      case 2:
        out = out.slice(0, at);
        break;
      case 3:
        out = concatBytes([out.subarray(0, at), out.subarray(at + run)]);
        break;
      default:
        out = concatBytes([out.subarray(0, at + run), out.subarray(at)]);
    }
  }
  return out;
}

/**
 * Most CPU time one fuzz input may take. This guards against hangs and runaway work on hostile
 * input, not a speed target: inputs take from well under a millisecond to tens of milliseconds.
 * It counts CPU time, not wall-clock time, so a machine busy with other work does not trip it.
 */
export const HANG_LIMIT_MS = 1000;

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Runs one fuzz case; fails naming the input when it throws or takes longer than HANG_LIMIT_MS. */
export function fuzzCase(describe: () => string, run: () => void): void {
  const start = cpuMs();
  try {
    run();
  } catch (err) {
    assert.fail(`${err instanceof Error ? err.stack : String(err)}\ninput: ${describe()}`);
  }
  const ms = cpuMs() - start;
  if (ms > HANG_LIMIT_MS) assert.fail(`one input took ${Math.round(ms)} ms of CPU time (limit ${HANG_LIMIT_MS} ms): ${describe()}`);
}

/**
 * Calls an exported function of a compiled module on a worker thread and resolves with what it
 * returned, or rejects with the message it threw. An input that never returns (a loop in a
 * decoder) then fails the test after limitMs instead of hanging the whole run.
 */
export async function callInWorker(moduleUrl: URL, name: string, args: unknown[], limitMs: number): Promise<unknown> {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    import(workerData.url).then((module) => module[workerData.name](...workerData.args)).then(
      (value) => parentPort.postMessage({ value }),
      (err) => parentPort.postMessage({ error: String(err && err.message) }),
    );`;
  const worker = new Worker(source, { eval: true, workerData: { url: moduleUrl.href, name, args } });
  let timer: NodeJS.Timeout | undefined;
  try {
    const reply = await Promise.race([
      once(worker, 'message') as Promise<[{ value?: unknown; error?: string }]>,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${name} did not return within ${limitMs} ms`)), limitMs);
      }),
    ]);
    if (reply[0].error !== undefined) throw new Error(reply[0].error);
    return reply[0].value;
  } finally {
    clearTimeout(timer);
    await worker.terminate();
  }
}
