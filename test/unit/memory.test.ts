import { it } from 'node:test';
import assert from 'node:assert/strict';

import { fget, fset, isPmemIndex, memcpy, memset, mget, mset, peek, pmemRead, pmemWrite, poke } from '../../runner/vm/memory.js';
import { RAM_BYTES } from '../../runner/common/memory-map.js';

const newRam = (): Uint8Array => new Uint8Array(RAM_BYTES);

it('peek and poke at 8 bits read and write whole bytes', () => {
  const ram = newRam();
  poke(ram, 0x4000, 0x1ab);
  assert.equal(ram[0x4000], 0xab, 'only the low byte is stored');
  assert.equal(peek(ram, 0x4000), 0xab);
  poke(ram, 0x4001, -1, 8);
  assert.equal(ram[0x4001], 0xff);
  assert.equal(peek(ram, 0x4001, 8), 0xff);
});

it('4-bit addresses are nibble addresses, low nibble first', () => {
  const ram = newRam();
  poke(ram, 0x8000, 0x3, 4);
  poke(ram, 0x8001, 0xc, 4);
  assert.equal(ram[0x4000], 0xc3, 'nibble 0x8000 is the low half of byte 0x4000, 0x8001 the high half');
  assert.equal(peek(ram, 0x8000, 4), 0x3);
  assert.equal(peek(ram, 0x8001, 4), 0xc);
  poke(ram, 0x8000, 0x1f, 4);
  assert.equal(ram[0x4000], 0xcf, 'a wide value keeps only its low 4 bits and leaves the other nibble');
});

it('2-bit units are LSB-first, four per byte', () => {
  const ram = newRam();
  const base = 0x100 * 4;
  poke(ram, base + 0, 1, 2);
  poke(ram, base + 1, 2, 2);
  poke(ram, base + 2, 3, 2);
  poke(ram, base + 3, 0, 2);
  assert.equal(ram[0x100], 0b00_11_10_01);
  assert.deepEqual(
    [0, 1, 2, 3].map((i) => peek(ram, base + i, 2)),
    [1, 2, 3, 0],
  );
  poke(ram, base + 3, 0b110, 2);
  assert.equal(ram[0x100], 0b10_11_10_01, 'only 2 bits are written');
});

it('1-bit units are LSB-first, eight per byte', () => {
  const ram = newRam();
  poke(ram, 0x200 * 8 + 0, 1, 1);
  poke(ram, 0x200 * 8 + 7, 1, 1);
  poke(ram, 0x200 * 8 + 3, 3, 1);
  assert.equal(ram[0x200], 0b1000_1001);
  assert.equal(peek(ram, 0x200 * 8 + 7, 1), 1);
  assert.equal(peek(ram, 0x200 * 8 + 6, 1), 0);
  poke(ram, 0x200 * 8 + 7, 0, 1);
  assert.equal(ram[0x200], 0b0000_1001);
});

it('the last unit of RAM is reachable at every width and the next one is out of range', () => {
  for (const [bits, perByte] of [
    [8, 1],
    [4, 2],
    [2, 4],
    [1, 8],
  ] as const) {
    const ram = newRam();
    const last = RAM_BYTES * perByte - 1;
    poke(ram, last, 1, bits);
    assert.equal(ram[RAM_BYTES - 1], 1 << (8 - bits), `bits=${bits}: last unit is the top of the last byte`);
    assert.equal(peek(ram, last, bits), 1);
    poke(ram, last + 1, 1, bits);
    assert.equal(peek(ram, last + 1, bits), 0);
    assert.equal(
      ram.reduce((sum, b) => sum + b, 0),
      1 << (8 - bits),
      `bits=${bits}: out-of-range poke wrote nothing`,
    );
  }
});

it('negative, non-integer and non-finite addresses and bad widths read 0 and write nothing', () => {
  const ram = newRam().fill(0x5a);
  for (const addr of [-1, Number.NaN, Infinity, -Infinity, 1.5]) {
    assert.equal(peek(ram, addr), 0, `peek(${addr})`);
    poke(ram, addr, 0);
  }
  for (const bits of [0, 3, 16, -8, Number.NaN]) {
    assert.equal(peek(ram, 0, bits), 0, `bits=${bits}`);
    poke(ram, 0, 0, bits);
  }
  assert.ok(ram.every((b) => b === 0x5a));
});

it('a NaN value pokes 0', () => {
  const ram = newRam().fill(0xff);
  poke(ram, 5, Number.NaN);
  assert.equal(ram[5], 0);
});

it('memcpy behaves as memmove for overlapping ranges', () => {
  const ram = newRam();
  ram.set([1, 2, 3, 4, 5], 100);
  memcpy(ram, 102, 100, 5);
  assert.deepEqual([...ram.subarray(100, 107)], [1, 2, 1, 2, 3, 4, 5]);
  ram.set([1, 2, 3, 4, 5], 200);
  memcpy(ram, 198, 200, 5);
  assert.deepEqual([...ram.subarray(198, 203)], [1, 2, 3, 4, 5]);
});

it('memcpy works up to the last byte and does nothing past it', () => {
  const ram = newRam();
  ram.set([7, 8], 0);
  memcpy(ram, RAM_BYTES - 2, 0, 2);
  assert.deepEqual([...ram.subarray(RAM_BYTES - 2)], [7, 8]);
  memcpy(ram, RAM_BYTES - 1, 0, 2);
  assert.equal(ram[RAM_BYTES - 1], 8, 'destination overflowing RAM: no copy');
  memcpy(ram, 10, RAM_BYTES - 1, 2);
  assert.equal(ram[10], 0, 'source overflowing RAM: no copy');
  memcpy(ram, -1, 0, 2);
  memcpy(ram, 10, -1, 2);
  memcpy(ram, 10, 0, -1);
  memcpy(ram, 10, 0, Number.NaN);
  assert.equal(ram[10], 0);
  assert.equal(ram[9], 0);
});

it('memset fills the low byte of the value, whole range inside RAM only', () => {
  const ram = newRam();
  memset(ram, 0x3fc0, 0x1ff, 3);
  assert.deepEqual([...ram.subarray(0x3fbf, 0x3fc4)], [0, 0xff, 0xff, 0xff, 0]);
  memset(ram, RAM_BYTES - 1, 9, 1);
  assert.equal(ram[RAM_BYTES - 1], 9);
  memset(ram, RAM_BYTES - 1, 4, 2);
  memset(ram, -1, 4, 2);
  memset(ram, 0, 4, -1);
  memset(ram, 0, 4, Infinity);
  assert.equal(ram[RAM_BYTES - 1], 9);
  assert.equal(ram[0], 0);
});

it('pmem slots are little-endian u32 at 0x14004 + 4*index and return the old value', () => {
  const ram = newRam();
  assert.equal(pmemWrite(ram, 0, 0x12345678), 0);
  assert.deepEqual([...ram.subarray(0x14004, 0x14008)], [0x78, 0x56, 0x34, 0x12]);
  assert.equal(pmemWrite(ram, 0, 7), 0x12345678, 'quirk §11.6: returns the value before the write');
  assert.equal(pmemRead(ram, 0), 7);
  assert.equal(pmemWrite(ram, 255, -1), 0);
  assert.deepEqual([...ram.subarray(0x14400, 0x14404)], [0xff, 0xff, 0xff, 0xff]);
  assert.equal(pmemRead(ram, 255), 0xffffffff, 'read back unsigned');
  pmemWrite(ram, 1, 2 ** 32 + 5);
  assert.equal(pmemRead(ram, 1), 5, 'stored modulo 2^32');
});

it('pmem index validity and invalid indices touching nothing', () => {
  assert.ok(isPmemIndex(0));
  assert.ok(isPmemIndex(255));
  for (const index of [-1, 256, Number.NaN, 0.5]) assert.equal(isPmemIndex(index), false, `${index}`);
  const ram = newRam();
  assert.equal(pmemWrite(ram, 256, 1), 0);
  assert.equal(pmemWrite(ram, -1, 1), 0);
  assert.ok(ram.every((b) => b === 0));
});

it('mget and mset address 0x8000 + y*240 + x and ignore cells outside the map', () => {
  const ram = newRam();
  mset(ram, 3, 2, 0x1ff);
  assert.equal(ram[0x8000 + 2 * 240 + 3], 0xff);
  assert.equal(mget(ram, 3, 2), 0xff);
  mset(ram, 239, 135, 42);
  assert.equal(ram[0xff7f], 42, 'the last cell is the last byte of the map area');
  assert.equal(mget(ram, 239, 135), 42);
  for (const [x, y] of [
    [240, 0],
    [0, 136],
    [-1, 0],
    [0, -1],
    [Number.NaN, 0],
  ] as const) {
    mset(ram, x, y, 9);
    assert.equal(mget(ram, x, y), 0, `(${x}, ${y})`);
  }
  assert.equal(ram[0xff80], 0, 'mset(240, 0) did not spill');
  assert.equal(ram[0x8000 + 240], 0, 'mset(240, 0) did not wrap to the next row');
});

it('fget and fset use one byte per sprite at 0x14404, bit = flag', () => {
  const ram = newRam();
  fset(ram, 0, 0, true);
  fset(ram, 0, 7, true);
  fset(ram, 511, 3, true);
  assert.equal(ram[0x14404], 0b1000_0001);
  assert.equal(ram[0x14404 + 511], 0b0000_1000);
  assert.equal(fget(ram, 0, 7), true);
  assert.equal(fget(ram, 0, 6), false);
  fset(ram, 0, 7, false);
  assert.equal(ram[0x14404], 0b0000_0001);
  for (const [sprite, flag] of [
    [512, 0],
    [-1, 0],
    [0, 8],
    [0, -1],
    [Number.NaN, 0],
  ] as const) {
    fset(ram, sprite, flag, true);
    assert.equal(fget(ram, sprite, flag), false, `(${sprite}, ${flag})`);
  }
  assert.equal(ram[0x14404 + 512], 0, 'sprite 512 did not spill into the font');
});
