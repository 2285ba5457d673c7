// Conformance: peek, poke, peek1/2/4, poke1/2/4, memcpy, memset and pmem, run as carts (reference
// §1.4, §4, quirk 6). Scratch bytes live in the free RAM at 0x14EA4.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectError, expectOk, traced } from './expect.js';
import { Rig } from './rig.js';

const rig = await Rig.load();

const FREE = 0x14ea4;
/** Traces of TIC() = body. */
const trace = (body: string) => traced(rig.tic(body), body);

describe('peek and poke', () => {
  it('read and write bytes; the value is taken as a byte', () => {
    assert.deepEqual(trace(`poke(${FREE}, 0xAB) trace(peek(${FREE})) poke(${FREE}, 256+7) trace(peek(${FREE})) poke(${FREE}, -1) trace(peek(${FREE}))`), [
      '171',
      '7',
      '255',
    ]);
  });

  it('with bits = 4 the address counts nibbles, low nibble first', () => {
    assert.deepEqual(trace('poke(0x4000, 0xAB) trace(peek(0x8000, 4)) trace(peek(0x8001, 4)) trace(peek4(0x8000)) poke4(0x8001, 3) trace(peek(0x4000))'), [
      '11',
      '10',
      '11',
      '59',
    ]);
  });

  it('with bits = 2 and 1, LSB first', () => {
    assert.deepEqual(
      trace(
        'poke(0x4000, 228) trace(peek2(0x10000)) trace(peek2(0x10001)) trace(peek2(0x10002)) trace(peek(0x10003, 2)) poke2(0x10000, 3) trace(peek(0x4000))',
      ),
      ['0', '1', '2', '3', '231'],
    );
    assert.deepEqual(trace('poke(0x4000, 165) trace(peek1(0x20000)) trace(peek1(0x20001)) trace(peek(0x20007, 1)) poke1(0x20001, 1) trace(peek(0x4000))'), [
      '1',
      '0',
      '1',
      '167',
    ]);
  });

  it('bits are read only with exactly 2 (peek) or 3 (poke) arguments', () => {
    assert.deepEqual(trace('poke(0x4000, 0xAB) trace(peek(0x4000, 4, 0)) poke(0x4000, 1, 4, 0) trace(peek(0x4000))'), ['171', '1']);
  });

  it('bits other than 1, 2, 4, 8 and addresses out of range: peek returns 0, poke does nothing', () => {
    assert.deepEqual(trace('poke(0x4000, 0xAB) trace(peek(0x4000, 3)) poke(0x4000, 5, 3) trace(peek(0x4000))'), ['0', '171']);
    assert.deepEqual(trace('trace(peek(-1)) trace(peek(0x18000)) trace(peek4(0x30000)) poke(0x17FFF, 0x90) trace(peek4(0x2FFFF)) trace(peek1(0x18000*8-1))'), [
      '0',
      '0',
      '0',
      '9',
      '1',
    ]);
  });

  it('argument counts', () => {
    expectError(rig.tic('peek()'), 'peek()', 'cart.lua:2: invalid parameters, peek(addr,bits)');
    expectError(rig.tic('poke(1)'), 'poke(1)', 'cart.lua:2: invalid parameters, poke(addr,val,bits)');
    expectError(rig.tic('peek1()'), 'peek1()', 'cart.lua:2: invalid parameters, peek1(addr)');
    expectError(rig.tic('peek2(1,2)'), 'peek2(1,2)', 'cart.lua:2: invalid parameters, peek2(addr)');
    expectError(rig.tic('poke4(1)'), 'poke4(1)', 'cart.lua:2: invalid parameters, poke4(addr,val)');
    expectError(rig.tic('poke1(1,2,3)'), 'poke1(1,2,3)', 'cart.lua:2: invalid parameters, poke1(addr,val)');
  });
});

describe('memcpy and memset', () => {
  const bytes = (n: number) => Array.from({ length: n }, (_, i) => `trace(peek(${FREE}+${i}))`).join(' ');
  const setup = `for i = 0, 3 do poke(${FREE}+i, i+1) end`;

  it('memset fills with the value taken as a byte', () => {
    assert.deepEqual(trace(`memset(${FREE}, 0x1FF, 3) ${bytes(4)}`), ['255', '255', '255', '0']);
  });

  it('memcpy allows overlapping ranges in both directions', () => {
    assert.deepEqual(trace(`${setup} memcpy(${FREE}+1, ${FREE}, 3) ${bytes(4)}`), ['1', '1', '2', '3']);
    assert.deepEqual(trace(`${setup} memcpy(${FREE}, ${FREE}+1, 3) ${bytes(4)}`), ['2', '3', '4', '4']);
  });

  it('do nothing unless the whole range lies inside RAM and size >= 0', () => {
    assert.deepEqual(trace(`${setup} memcpy(0x17FFF, ${FREE}, 2) memcpy(${FREE}, ${FREE}+1, -1) memset(${FREE}, 9, -1) ${bytes(4)} trace(peek(0x17FFF))`), [
      '1',
      '2',
      '3',
      '4',
      '0',
    ]);
    assert.deepEqual(trace('memset(0x17FFF, 9, 2) trace(peek(0x17FFF)) memset(0x17FFE, 9, 2) trace(peek(0x17FFF))'), ['0', '9']);
  });

  it('need exactly 3 arguments', () => {
    expectError(rig.tic('memcpy(1,2)'), 'memcpy(1,2)', 'cart.lua:2: invalid params, memcpy(dest,src,size)');
    expectError(rig.tic('memset(1,2,3,4)'), 'memset(1,2,3,4)', 'cart.lua:2: invalid params, memset(dest,val,size)');
  });
});

describe('pmem', () => {
  it('returns the value before the write (quirk 6) and stores u32 little-endian at 0x14004 + 4 index', () => {
    const run = rig.tic(
      'trace(pmem(0, 123)) trace(pmem(0)) trace(pmem(0, 0x01020304)) trace(peek(0x14004)) trace(peek(0x14007)) trace(pmem(255, 7)) trace(peek(0x14004+1020))',
    );
    assert.deepEqual(traced(run, 'pmem'), ['0', '123', '123', '4', '1', '0', '7']);
  });

  it('stores the value as an unsigned 32-bit integer; a non-integer value stores 0', () => {
    assert.deepEqual(trace('pmem(1, -1) trace(pmem(1)) pmem(2, 2^32 + 5) trace(pmem(2)) pmem(3, 9) pmem(3, 3.5) trace(pmem(3))'), ['4294967295', '5', '0']);
  });

  it('persists across frames', () => {
    const run = rig.run('function TIC() trace(pmem(4, pmem(4) + 1)) end', { frames: 3 });
    expectOk(run, 'pmem counter');
    assert.deepEqual(
      run.traces.map((t) => t.text),
      ['0', '1', '2'],
    );
  });

  it('index 0..255 only', () => {
    expectError(rig.tic('pmem(256)'), 'pmem(256)', 'cart.lua:2: invalid persistent tic index');
    expectError(rig.tic('pmem(-1, 5)'), 'pmem(-1,5)', 'cart.lua:2: invalid persistent tic index');
    expectError(rig.tic('pmem()'), 'pmem()', 'cart.lua:2: invalid params, pmem(index [val]) -> val');
  });
});
