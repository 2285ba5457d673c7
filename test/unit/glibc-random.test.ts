// glibc's random() and srandom() (TYPE_3), checked against numbers glibc itself gives.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { GlibcRandom } from '../../runner/vm/lua/glibc-random.js';

function first(generator: GlibcRandom, count: number): number[] {
  return Array.from({ length: count }, () => generator.next());
}

it("seeded with 1 (glibc's state before any srandom), random() gives glibc's well-known sequence", () => {
  assert.deepEqual(first(new GlibcRandom(1), 5), [1804289383, 846930886, 1681692777, 1714636915, 1957747793]);
});

it('srandom(0) is srandom(1); seeds are unsigned ints, so 2^31 and 2^32 - 1 fill the state from a negative int32', () => {
  assert.deepEqual(first(new GlibcRandom(0), 3), [1804289383, 846930886, 1681692777]);
  assert.deepEqual(first(new GlibcRandom(42), 3), [71876166, 708592740, 1483128881]);
  assert.deepEqual(first(new GlibcRandom(2 ** 31), 3), [1336741213, 1210407648, 1447044896]);
  assert.deepEqual(first(new GlibcRandom(2 ** 32 - 1), 3), [254925627, 1205188300, 366127624]);
});

it("the 100 005th number after srandom(123456789) is glibc's, and reseeding starts over", () => {
  const generator = new GlibcRandom(7);
  generator.seed(123456789);
  let last = 0;
  for (let i = 0; i < 100005; i++) last = generator.next();
  assert.equal(last, 1418492952);
});
