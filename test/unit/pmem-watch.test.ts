// The VM thread's pmem watch: the start contents go into RAM, and each change is reported once.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { PMEM_ADDR, PMEM_BYTES, RAM_BYTES } from '../../runner/common/memory-map.js';
import { PmemWatch } from '../../runner/vm/pmem-watch.js';

it('load() puts the host copy into RAM at 0x14004, or clears the region when there is none', () => {
  const ram = new Uint8Array(RAM_BYTES).fill(0xee);
  const saved = Uint8Array.from({ length: PMEM_BYTES }, (_, i) => i & 0xff);
  new PmemWatch(ram, saved).load();
  assert.deepEqual(ram.subarray(PMEM_ADDR, PMEM_ADDR + PMEM_BYTES), saved);
  assert.equal(ram[PMEM_ADDR - 1], 0xee, 'the byte before is untouched');
  assert.equal(ram[PMEM_ADDR + PMEM_BYTES], 0xee, 'the byte after is untouched');

  new PmemWatch(ram, undefined).load();
  assert.ok(ram.subarray(PMEM_ADDR, PMEM_ADDR + PMEM_BYTES).every((b) => b === 0));
});

it('takeChange() reports a changed region once, as a copy, and nothing while it stays the same', () => {
  const ram = new Uint8Array(RAM_BYTES);
  const watch = new PmemWatch(ram, undefined);
  watch.load();
  assert.equal(watch.takeChange(), null);
  ram[PMEM_ADDR + PMEM_BYTES - 1] = 7;
  ram[PMEM_ADDR - 1] = 9;
  const change = watch.takeChange();
  assert.ok(change);
  assert.equal(change.length, PMEM_BYTES);
  assert.equal(change[PMEM_BYTES - 1], 7);
  assert.equal(watch.takeChange(), null, 'reported once');
  ram[PMEM_ADDR + PMEM_BYTES - 1] = 0;
  assert.equal(watch.takeChange()?.[PMEM_BYTES - 1], 0, 'a change back is a change too');
  change[0] = 1;
  assert.equal(ram[PMEM_ADDR], 0, 'the report is a copy');
});

it('a region equal to the start contents is no change', () => {
  const ram = new Uint8Array(RAM_BYTES);
  const saved = new Uint8Array(PMEM_BYTES).fill(3);
  const watch = new PmemWatch(ram, saved);
  ram.set(saved, PMEM_ADDR);
  assert.equal(watch.takeChange(), null);
});
