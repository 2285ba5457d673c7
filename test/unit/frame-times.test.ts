// The steady frame cost of a run: the median of frames 61 on, within half a bin of the exact one.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { FrameTimes, WARMUP_FRAMES } from '../../runner/vm/frame-times.js';

it('leaves out the first 60 frames and gives the median of the rest within 0.25 %', () => {
  const times = new FrameTimes();
  for (let i = 0; i < WARMUP_FRAMES; i++) times.add(1000);
  assert.equal(times.median(), undefined, 'no frame past the warm-up yet');
  // 101 frames of 0.01 .. 1.01 ms, in a shuffled order: the median is 0.51 ms.
  const order = Array.from({ length: 101 }, (_, i) => (i * 37) % 101);
  for (const i of order) times.add(0.01 * (i + 1));
  const median = times.median();
  assert.ok(median !== undefined && Math.abs(median / 0.51 - 1) < 0.0025, `median ${median}`);
});

it('puts times beyond its range in its end bins instead of losing them', () => {
  const times = new FrameTimes();
  for (let i = 0; i < WARMUP_FRAMES; i++) times.add(0);
  for (let i = 0; i < 3; i++) times.add(0);
  for (let i = 0; i < 2; i++) times.add(1e9);
  const median = times.median();
  assert.ok(median !== undefined && median < 1e-3, `median ${median}`);
  times.add(1e9);
  times.add(1e9);
  assert.ok((times.median() ?? 0) > 1e4, 'with most frames past the range, the median is the top bin');
});
