// The byte helpers the cart formats share (runner/common/cart/bytes.ts).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { isAllZero } from '../../runner/common/cart/bytes.js';

it('isAllZero finds a non-zero byte at any position of a view at any alignment', () => {
  const buffer = new Uint8Array(64);
  for (let offset = 0; offset < 8; offset++) {
    for (let length = 0; offset + length <= 48; length++) {
      const view = buffer.subarray(offset, offset + length);
      assert.equal(isAllZero(view), true, `zeros at ${offset}+${length}`);
      for (let at = 0; at < length; at++) {
        view[at] = 0x80;
        assert.equal(isAllZero(view), false, `a byte at ${at} of ${offset}+${length}`);
        view[at] = 0;
      }
    }
  }
  // Bytes around the view are not its own.
  buffer.fill(1);
  buffer.fill(0, 3, 42);
  assert.equal(isAllZero(buffer.subarray(3, 42)), true);
});
