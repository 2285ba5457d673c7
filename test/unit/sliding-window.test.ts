// The counters behind the studio's frame rate and draw rate: samples within the last second.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { SlidingWindow } from '../../renderer/sliding-window.js';

describe('sliding window', () => {
  it('counts the samples of the last second, forgetting older ones', () => {
    const window = new SlidingWindow();
    for (let t = 0; t < 60; t++) window.add(t * 20);
    assert.equal(window.count(1180), 50, 'the samples at 0..180 ms are a second or more old');
    assert.equal(window.count(2179), 1, 'only the sample at 1180 ms is left');
    assert.equal(window.count(2180), 0);
  });

  it('averages the values within the window, 0 when there are none', () => {
    const window = new SlidingWindow(100);
    assert.equal(window.mean(0), 0);
    window.add(0, 10);
    window.add(50, 20);
    window.add(90, 60);
    assert.equal(window.mean(90), 30);
    assert.equal(window.mean(120), 40, 'the sample at 0 has left the window');
  });

  it('starts over after clear()', () => {
    const window = new SlidingWindow();
    window.add(0, 5);
    window.clear();
    assert.equal(window.count(1), 0);
    assert.equal(window.mean(1), 0);
  });
});
