// The studio's audio buffer between the runner's frames and the sound device: what comes out of
// the speakers when frames arrive late, early, too many, or not at all.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { AUDIO_SAMPLES } from '../../runner/common/protocol.js';
import { JitterBuffer } from '../../renderer/audio/jitter-buffer.js';

const PAIRS = AUDIO_SAMPLES / 2;

/** One frame of the runner's audio: every pair is (left, right). */
function frame(left: number, right = -left): Int16Array {
  const samples = new Int16Array(AUDIO_SAMPLES);
  for (let i = 0; i < PAIRS; i++) samples.set([left, right], 2 * i);
  return samples;
}

/** The next n output samples at unit gain. */
function read(buffer: JitterBuffer, n: number, gainFrom = 1, gainTo = 1): { left: number[]; right: number[] } {
  const left = new Float32Array(n);
  const right = new Float32Array(n);
  buffer.read(left, right, gainFrom, gainTo);
  return { left: [...left], right: [...right] };
}

const allZero = (values: number[]): boolean => values.every((v) => v === 0);

describe('jitter buffer', () => {
  it('stays silent until three frames are queued, then plays them in order, left and right apart', () => {
    const buffer = new JitterBuffer(1);
    buffer.push(frame(3276));
    buffer.push(frame(6553));
    assert.ok(allZero(read(buffer, 64).left), 'two frames are not enough to start');
    buffer.push(frame(9830));
    const out = read(buffer, 2 * PAIRS + 1);
    assert.equal(out.left[0], Math.fround(3276 / 32768));
    assert.equal(out.right[0], Math.fround(-3276 / 32768));
    assert.equal(out.left[PAIRS - 1], Math.fround(3276 / 32768));
    assert.equal(out.left[PAIRS], Math.fround(6553 / 32768), 'the second frame follows the first');
    assert.equal(out.left[2 * PAIRS], Math.fround(9830 / 32768));
  });

  it('ramps the gain across a block instead of jumping', () => {
    const buffer = new JitterBuffer(1);
    for (let i = 0; i < 3; i++) buffer.push(frame(16384));
    const out = read(buffer, 4, 0, 1);
    assert.deepEqual(out.left, [0.125, 0.25, 0.375, 0.5]);
  });

  it('fades out over a few milliseconds when the queue runs dry, then stays silent without repeating', () => {
    const buffer = new JitterBuffer(1);
    for (let i = 0; i < 3; i++) buffer.push(frame(16384));
    const out = read(buffer, 3 * PAIRS + 400).left;
    const tail = out.slice(3 * PAIRS - 1);
    assert.equal(out[3 * PAIRS - 2], 0.5, 'the queued samples play out');
    for (let i = 1; i < tail.length; i++) assert.ok(tail[i] <= tail[i - 1], `the level only falls after the underrun (sample ${i})`);
    assert.ok(tail[1] > 0.45, 'no click to silence');
    assert.ok(allZero(tail.slice(200)), 'silent within 200 samples (4.5 ms)');
    assert.ok(allZero(read(buffer, 2 * PAIRS).left), 'an underrun does not loop old sound');
  });

  it('restarts after an underrun only once three frames are queued again', () => {
    const buffer = new JitterBuffer(1);
    for (let i = 0; i < 3; i++) buffer.push(frame(1000));
    read(buffer, 4 * PAIRS);
    buffer.push(frame(2000));
    assert.ok(allZero(read(buffer, 64).left));
    buffer.push(frame(2000));
    buffer.push(frame(2000));
    assert.equal(read(buffer, 2).left[1], Math.fround(2000 / 32768), 'the new frames play');
  });

  it('drops what is queued on silence() and fades out from where it was', () => {
    const buffer = new JitterBuffer(1);
    for (let i = 0; i < 4; i++) buffer.push(frame(16384));
    read(buffer, 10);
    buffer.silence();
    const out = read(buffer, 4 * PAIRS).left;
    assert.ok(out[0] > 0 && out[0] < 0.5, 'fading, not cut');
    assert.ok(allZero(out.slice(200)), 'the rest of the queue is gone');
  });

  it('keeps the latency bounded: past eight frames queued the oldest are dropped down to three', () => {
    const buffer = new JitterBuffer(1);
    for (let k = 1; k <= 9; k++) buffer.push(frame(100 * k));
    const out = read(buffer, 3 * PAIRS - 2).left;
    assert.equal(out[0], Math.fround(700 / 32768), 'frames 1-6 were dropped');
    assert.equal(out[PAIRS], Math.fround(800 / 32768));
    assert.equal(out[2 * PAIRS], Math.fround(900 / 32768));
  });

  it('interpolates between samples for a device faster than 44 100 Hz', () => {
    const buffer = new JitterBuffer(0.5);
    buffer.push(frame(0));
    buffer.push(frame(16384));
    buffer.push(frame(16384));
    const out = read(buffer, 2 * PAIRS + 2).left;
    assert.deepEqual(out.slice(0, 4), [0, 0, 0, 0]);
    assert.deepEqual(out.slice(2 * PAIRS - 2, 2 * PAIRS + 2), [0, 0.25, 0.5, 0.5], 'halfway between the last 0 and the first 0.5');
  });
});
