// Conformance: btn, btnp, key, keyp and mouse, run as carts fed with host input snapshots
// (reference §1.2, §7, quirk 5). Edges and hold counts come from the host's snapshots.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InputSnapshot } from '../../runner/common/protocol.js';
import { expectError, traced } from './expect.js';
import { NO_INPUT, Rig } from './rig.js';

const rig = await Rig.load();

const pads = (...bits: number[]): InputSnapshot[] => bits.map((gamepads) => ({ ...NO_INPUT, gamepads }));
const keys = (...down: number[][]): InputSnapshot[] => down.map((k) => ({ ...NO_INPUT, keys: k }));

/** Runs TIC() = body once per input snapshot and returns what it traced. */
function perFrame(body: string, input: InputSnapshot[]): string[] {
  const run = rig.tic(body, { frames: input.length, input });
  return traced(run, body);
}

describe('btn', () => {
  it('btn() is all 32 gamepad bits, btn(id) one of them (id & 0x1f)', () => {
    const input = pads((1 | (1 << 13) | 0x80000000) >>> 0);
    assert.deepEqual(perFrame('trace(btn()) trace(btn(0)) trace(btn(1)) trace(btn(13)) trace(btn(32)) trace(btn(31))', input), [
      String((1 | (1 << 13) | 0x80000000) >>> 0),
      'true',
      'false',
      'true',
      'true',
      'true',
    ]);
  });

  it('keys mapped to buttons press them: Z is A, the arrows the directions of player 1', () => {
    assert.deepEqual(perFrame('trace(btn(4)) trace(btn(0)) trace(btn())', keys([26, 58])), ['true', 'true', '17']);
  });

  it('takes 0 or 1 arguments', () => {
    expectError(rig.tic('btn(1,2)'), 'btn(1,2)', 'cart.lua:2: invalid params, btn [ id ]');
  });
});

describe('btnp', () => {
  it('is true on the frame a button goes down', () => {
    assert.deepEqual(perFrame('trace(btnp(0))', pads(1, 1, 0, 1)), ['true', 'false', 'false', 'true']);
    assert.deepEqual(perFrame('trace(btnp())', pads(3, 7, 7)), ['3', '4', '0']);
  });

  it('with hold and period repeats every period frames once held for hold frames', () => {
    assert.deepEqual(perFrame('trace(btnp(0, 2, 2))', pads(1, 1, 1, 1, 1, 1)), ['true', 'false', 'true', 'false', 'true', 'false']);
    assert.deepEqual(perFrame('trace(btnp(0, 2, 0))', pads(1, 1, 1, 1)), ['true', 'false', 'true', 'true']);
  });

  it('a cart poking the gamepad bytes cannot fake its own edges', () => {
    const body = 'if time() > 10 and time() < 20 then poke(0xFF80, 0) trace(btn(0)) end trace(btnp(0))';
    assert.deepEqual(perFrame(body, pads(1, 1, 1)), ['true', 'false', 'false', 'false']);
  });

  it('takes 0, 1 or 3 arguments', () => {
    expectError(rig.tic('btnp(0, 1)'), 'btnp(0,1)', 'cart.lua:2: invalid params, btnp [ id [ hold period ] ]');
  });
});

describe('key and keyp', () => {
  it('key() is any key, key(code) one of the 4 keys down', () => {
    assert.deepEqual(perFrame('trace(key()) trace(key(1)) trace(key(2)) trace(key(94))', keys([1, 94])), ['true', 'true', 'false', 'true']);
    assert.deepEqual(perFrame('trace(key()) trace(key(1))', keys([])), ['false', 'false']);
  });

  it('keyp is the edge of a key; keyp() of any key', () => {
    assert.deepEqual(perFrame('trace(keyp(1)) trace(keyp())', keys([1], [1], [1, 2])), ['true', 'true', 'false', 'false', 'false', 'true']);
  });

  it('keyp with hold and period repeats like btnp', () => {
    assert.deepEqual(perFrame('trace(keyp(1, 1, 2))', keys([1], [1], [1], [1])), ['true', 'false', 'true', 'false']);
  });

  it('codes 95 and up, and -1, are errors (quirk 5)', () => {
    expectError(rig.tic('key(95)'), 'key(95)', 'cart.lua:2: unknown keyboard code');
    expectError(rig.tic('key(-1)'), 'key(-1)', 'cart.lua:2: unknown keyboard code');
    expectError(rig.tic('keyp(95)'), 'keyp(95)', 'cart.lua:2: unknown keyboard code');
  });

  it('argument counts', () => {
    expectError(rig.tic('key(1,2)'), 'key(1,2)', 'cart.lua:2: invalid params, key [code]');
    expectError(rig.tic('keyp(1,2)'), 'keyp(1,2)', 'cart.lua:2: invalid params, keyp [ code [ hold period ] ]');
  });
});

describe('mouse', () => {
  const show = 'local x, y, l, m, r, sx, sy = mouse() trace(table.concat({x, y, tostring(l), tostring(m), tostring(r), sx, sy}, ","))';

  it('returns screen coordinates (frame minus 8, 4), the buttons and the scroll', () => {
    const input = [{ ...NO_INPUT, mouseX: 18, mouseY: 14, mouseButtons: 5, scrollX: 3, scrollY: -2 }];
    assert.deepEqual(perFrame(show, input), ['10,10,true,false,true,3,-2']);
    assert.deepEqual(perFrame(show, [NO_INPUT]), ['-8,-4,false,false,false,0,0']);
  });

  it('the frame coordinates are in RAM at 0xFF84', () => {
    const input = [{ ...NO_INPUT, mouseX: 18, mouseY: 14, mouseButtons: 1 }];
    assert.deepEqual(perFrame('trace(peek(0xFF84)) trace(peek(0xFF85)) trace(peek(0xFF86))', input), ['18', '14', '1']);
  });
});
