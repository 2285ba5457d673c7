// The VM's limit of trace() lines a frame.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TraceThrottle, type TraceMessage } from '../../runner/vm/trace-throttle.js';

describe('trace throttle', () => {
  it('sends 100 lines a frame, then one line saying how many were dropped, and starts over each frame', () => {
    const sent: TraceMessage[] = [];
    const throttle = new TraceThrottle((msg) => sent.push(msg));
    for (let i = 1; i <= 130; i++) throttle.trace(String(i), 12);
    throttle.endFrame();
    assert.equal(sent.length, 101);
    assert.deepEqual(sent[99], { type: 'trace', text: '100', color: 12 });
    assert.equal(sent[100].text, '… 30 more trace lines this frame were dropped (at most 100 a frame)');
    throttle.trace('next frame', 12);
    throttle.endFrame();
    assert.deepEqual(sent.slice(101), [{ type: 'trace', text: 'next frame', color: 12 }]);
  });

  it('cuts a long line to its limit', () => {
    const sent: TraceMessage[] = [];
    new TraceThrottle((msg) => sent.push(msg)).trace('x'.repeat(10_000), 12);
    assert.ok(sent[0].text.length <= 4096);
    assert.match(sent[0].text, /\(cut: 10000 characters in all/);
  });
});
