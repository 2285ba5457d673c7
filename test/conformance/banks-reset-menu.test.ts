// Conformance: sync() between the cart's banks and RAM, Lua's soft reset(), the MENU callback and
// the -- script: tag (reference §1.4, §1.5, §2, §5.b).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CART_SECTION_BYTES, type CartData } from '../../runner/common/protocol.js';
import { expectError, traced } from './expect.js';
import { Rig } from './rig.js';
import type { CartMachine } from '../../runner/vm/machine.js';

const rig = await Rig.load();

function filled(section: keyof typeof CART_SECTION_BYTES, value: number): Uint8Array {
  return new Uint8Array(CART_SECTION_BYTES[section]).fill(value);
}

/** Banks 1..7 where bank b's tiles are all b * 16 + 1 and its map all b. */
const otherBanks: CartData[] = Array.from({ length: 7 }, (_, i) => ({ tiles: filled('tiles', (i + 1) * 16 + 1), map: filled('map', i + 1) }));

describe('sync', () => {
  it('copies the masked sections of bank N into RAM', () => {
    const run = rig.tic('sync(1, 3)\ntrace(peek(0x4000) .. " " .. peek(0x5fff) .. " " .. peek(0x8000))', { otherBanks });
    assert.deepEqual(traced(run, 'sync(1, 3)'), ['49 49 0']);
  });

  it('mask 0 means every section', () => {
    const run = rig.tic('sync(0, 2)\ntrace(peek(0x4000) .. " " .. peek(0x8000))', { otherBanks });
    assert.deepEqual(traced(run, 'sync(0, 2)'), ['33 2']);
  });

  it('syncs each section at most once a frame', () => {
    const run = rig.tic('sync(4, 1)\nsync(4, 5)\ntrace(peek(0x8000))', { otherBanks, frames: 2 });
    assert.deepEqual(traced(run, 'sync twice'), ['1', '1']);
  });

  it('tocart writes RAM into the cart bank, which a later frame reads back', () => {
    const code =
      'f = 0\nfunction TIC()\n  f = f + 1\n  if f == 1 then poke(0x8000, 77) sync(4, 6, true) poke(0x8000, 0) end\n  if f == 2 then sync(4, 6) trace(peek(0x8000)) end\nend';
    assert.deepEqual(traced(rig.run(code, { otherBanks, frames: 2 }), 'sync tocart'), ['77']);
  });

  it("tocart writes reach the host as whole sections of the bank written, each only when it changed, for the studio's cart", () => {
    const code = 'f = 0\nfunction TIC()\n  f = f + 1\n  if f <= 2 then poke(0x8000, 77) sync(4 | 32, 6, true) end\nend';
    const taken: ReturnType<CartMachine['takeCartWrites']>[] = [];
    rig.run(code, { otherBanks, frames: 3, beforeFrame: (machine, done) => done > 0 && taken.push(machine.takeCartWrites()) });
    const [afterFirst, afterSecond] = taken;
    assert.deepEqual(
      afterFirst.map(({ bank, data }) => [bank, Object.keys(data).sort()]),
      [[6, ['map', 'palette']]],
    );
    assert.equal(afterFirst[0].data.map?.[0], 77);
    assert.equal(afterFirst[0].data.map?.length, CART_SECTION_BYTES.map);
    assert.deepEqual(afterSecond, [], 'the same sections written again, unchanged: nothing to send');
  });

  it('copies the vbank-1 palette only when the cart has one', () => {
    const palette = new Uint8Array(96);
    palette.fill(0x11, 0, 48);
    const run = rig.tic('vbank(1) poke(0x3fc0, 5) vbank(0)\nsync(32, 1)\ntrace(peek(0x3fc0))\nvbank(1) trace(peek(0x3fc0))', { otherBanks: [{ palette }] });
    assert.deepEqual(traced(run, 'sync(32, 1)'), ['17', '5']);
  });

  it('a bank outside 0..7 is an error', () => {
    expectError(rig.tic('sync(0, 8)'), 'sync(0, 8)', 'cart.lua:2: sync() error, invalid bank');
    expectError(rig.tic('sync(0, -1)'), 'sync(0, -1)', 'cart.lua:2: sync() error, invalid bank');
  });
});

describe('reset', () => {
  it('restarts the script and BOOT at the next frame with a fresh Lua state and time base', () => {
    const code = [
      'runs = (runs or 0) + 1',
      'function BOOT() trace("boot " .. runs) end',
      'function TIC()',
      '  trace("tic " .. time())',
      '  if pmem(0) == 0 then pmem(0, 1) reset() end',
      'end',
    ].join('\n');
    // `runs` is a global of the old state, so the new state counts from 1 again; pmem survives.
    assert.deepEqual(traced(rig.run(code, { frames: 3 }), 'reset()'), ['boot 1', 'tic 0.0', 'boot 1', 'tic 0.0', 'tic 16.666666666667']);
  });

  it('reloads the cart data but keeps the clip, palette map and vbank (quirk 11)', () => {
    const data: CartData = { map: filled('map', 9) };
    const code = [
      'function TIC()',
      '  if pmem(0) == 0 then pmem(0, 1) mset(0, 0, 3) poke4(0x3ff0 * 2, 5) clip(10, 10, 20, 20) reset() return end',
      '  trace(mget(0, 0) .. " " .. peek4(0x3ff0 * 2))',
      '  pix(0, 0, 7) pix(15, 15, 7)',
      '  trace(pix(0, 0) .. " " .. pix(15, 15))',
      'end',
    ].join('\n');
    assert.deepEqual(traced(rig.run(code, { data, frames: 2 }), 'reset() keeps state'), ['9 5', '0 7']);
  });
});

describe('MENU', () => {
  it('is called with the item index before the next TIC', () => {
    const code = '-- menu: EASY HARD\nfunction MENU(i) trace("menu " .. i) end\nfunction TIC() trace("tic") end';
    const run = rig.run(code, { frames: 2, beforeFrame: (machine, frame) => frame === 1 && machine.menu(1) });
    assert.deepEqual(traced(run, 'MENU'), ['tic', 'menu 1', 'tic']);
  });
});

describe('-- script: tag', () => {
  it('a cart in another language gets a clear error', () => {
    expectError(
      rig.run('-- script: js\nfunction TIC() {}'),
      'script tag',
      'cart.lua: this cart is written in js; Nibble runs Lua carts only (change the -- script: tag if it is Lua)',
    );
  });

  it('lua is accepted, in any case', () => {
    assert.deepEqual(traced(rig.run('-- script: Lua\nfunction TIC() trace("ok") end'), 'script: Lua'), ['ok']);
  });
});
