// Gamepads in TIC-80 terms: a standard-mapping pad's buttons and left stick become its player's byte.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { gamepadBits, padBits, type PadState } from '../../renderer/gamepads.js';

function pad(index: number, pressed: number[], axes: number[] = [0, 0], mapping = 'standard', id = 'pad'): PadState {
  const buttons = Array.from({ length: 17 }, (_, i) => ({ pressed: pressed.includes(i) }));
  return { index, id, mapping, buttons, axes };
}

describe('gamepads', () => {
  it('maps the d-pad and A, B, X, Y to bits 0..7', () => {
    assert.equal(padBits(pad(0, [12])), 1);
    assert.equal(padBits(pad(0, [13])), 2);
    assert.equal(padBits(pad(0, [14])), 4);
    assert.equal(padBits(pad(0, [15])), 8);
    assert.equal(padBits(pad(0, [0, 1, 2, 3])), 0xf0);
  });

  it('reads the left stick as directions past half its travel', () => {
    assert.equal(padBits(pad(0, [], [-0.9, 0.9])), 4 | 2);
    assert.equal(padBits(pad(0, [], [0.4, -0.4])), 0);
    assert.equal(padBits(pad(0, [], [0.6, -0.6])), 8 | 1);
  });

  it("puts each pad in its player's byte, up to four, standard mapping only", () => {
    assert.equal(gamepadBits([pad(0, [0]), null, pad(2, [12]), pad(3, [15])]), (0x10 | (1 << 16) | (8 << 24)) >>> 0);
    assert.equal(gamepadBits([pad(4, [0])]), 0);
    assert.equal(gamepadBits([pad(1, [0], [0, 0], '')]), 0);
  });

  it('reads a pad with the mapping saved for its id, non-standard ones included', () => {
    const mappings = { odd: [8, 9, 10, 11, 4, 5, 6, 7] };
    assert.equal(gamepadBits([pad(1, [11, 4], [0, 0], '', 'odd')], mappings), (8 | 0x10) << 8);
    assert.equal(gamepadBits([pad(0, [0], [0, 0], 'standard', 'odd')], mappings), 0, 'the saved mapping replaces the standard one');
    assert.equal(gamepadBits([pad(0, [0], [0, 0], 'standard', 'plain')], mappings), 0x10);
  });
});
