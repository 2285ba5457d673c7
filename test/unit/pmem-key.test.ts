// The pmem key (reference 4.2): MD5 of the saveid: value, else of bank 0 laid out as tic_bank.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { it } from 'node:test';
import { emptyCart, type Cart } from '../../runner/common/cart/index.js';
import { pmemKeyOf, TIC_BANK_BYTES } from '../../runner/common/pmem/pmem-key.js';

function cartWithCode(code: string): Cart {
  return { ...emptyCart(), code };
}

/** Node's own MD5, an implementation independent of the one under test. */
function nodeMd5(bytes: Uint8Array | string): string {
  return createHash('md5').update(bytes).digest('hex');
}

it('a saveid: value is hashed, found as plain text even behind a comment', () => {
  assert.equal(pmemKeyOf(cartWithCode('-- title: x\n-- saveid: abc\nfunction TIC() end\n')), '900150983cd24fb0d6963f7d28e17f72');
  assert.equal(pmemKeyOf(cartWithCode('x=1 saveid:The quick brown fox jumps over the lazy dog \t\r\nfunction TIC() end')), '9e107d9d372bb6826bd81d3542a419d6');
  assert.equal(pmemKeyOf(cartWithCode('saveid:abc')), '900150983cd24fb0d6963f7d28e17f72', 'the value may end the code');
  assert.equal(pmemKeyOf(cartWithCode('-- saveid:\n')), 'd41d8cd98f00b204e9800998ecf8427e', 'an empty value is still a saveid');
});

it('only the first saveid: counts, and only its first 63 bytes', () => {
  const long = 'x'.repeat(70);
  assert.equal(pmemKeyOf(cartWithCode(`-- saveid: ${long}\n-- saveid: other\n`)), nodeMd5('x'.repeat(63)));
});

it('without a saveid the key is the MD5 of bank 0 laid out as tic_bank (82 360 bytes)', () => {
  assert.equal(TIC_BANK_BYTES, 82360);
  assert.equal(pmemKeyOf(emptyCart()), nodeMd5(new Uint8Array(82360)));

  // One marked byte at the start of each field, at the offsets of reference 4.1.
  const cart = emptyCart();
  const bank = cart.banks[0];
  const offsets: [keyof typeof bank, number, number][] = [
    ['screen', 0x00000, 1],
    ['tiles', 0x03fc0, 2],
    ['sprites', 0x05fc0, 3],
    ['map', 0x07fc0, 4],
    ['waveforms', 0x0ff40, 5],
    ['sfx', 0x0ff40 + 256, 6],
    ['patterns', 0x110c0, 7],
    ['tracks', 0x110c0 + 11520, 8],
    ['flags', 0x13f58, 9],
    ['palette', 0x14158, 10],
  ];
  const expected = new Uint8Array(82360);
  for (const [section, offset, value] of offsets) {
    bank[section][0] = value;
    expected[offset] = value;
  }
  bank.palette[95] = 11;
  expected[82359] = 11;
  assert.equal(pmemKeyOf(cart), nodeMd5(expected));
});

it('the code is not part of the default key (quirk 7), other banks neither; bank-0 data is', () => {
  const a = emptyCart();
  const b = cartWithCode('function TIC() cls(1) end');
  b.banks[3].tiles[0] = 0x55;
  assert.equal(pmemKeyOf(a), pmemKeyOf(b));
  b.banks[0].map[100] = 1;
  assert.notEqual(pmemKeyOf(a), pmemKeyOf(b));
});
