// Load -> save -> load keeps every section in every format, and converting between formats keeps
// every byte of data; for random carts (fixed seeds) and for the team's carts in carts/.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { CART_SECTION_BYTES } from '../../runner/common/protocol.js';
import { BANK_SECTIONS, cartSourceOf, DEFAULT_PALETTES, emptyCart, readCart, writeCart, type Cart, type CartFormat } from '../../runner/common/cart/index.js';
import { bigCodeCart, randomCart } from './cart-fixtures.js';

const NAMES: Record<CartFormat, string> = { text: 'cart.lua', tic: 'cart.tic', png: 'cart.png' };
const FORMATS = Object.keys(NAMES) as CartFormat[];

function saveAndLoad(cart: Cart, format: CartFormat): Cart {
  return readCart(writeCart(cart, NAMES[format]), NAMES[format]);
}

/** Section by section, so a failure names what differs. */
function assertSameCart(actual: Cart, expected: Cart, context: string): void {
  assert.equal(actual.code, expected.code, `${context}: code`);
  assert.equal(actual.lang, expected.lang, `${context}: lang`);
  assert.deepEqual(actual.binary, expected.binary, `${context}: binary`);
  for (let b = 0; b < expected.banks.length; b++) {
    for (const section of BANK_SECTIONS) assert.deepEqual(actual.banks[b][section], expected.banks[b][section], `${context}: bank ${b} ${section}`);
  }
}

it('load -> save -> load gives the same cart in every format (random carts)', () => {
  for (let seed = 1; seed <= 6; seed++) {
    for (const format of FORMATS) {
      // Text carts cannot hold a binary; .tic and .png files leave the language out (quirk 8).
      const cart = randomCart(seed, { binary: format !== 'text', lang: format === 'text' });
      const loaded = saveAndLoad(cart, format);
      assertSameCart(loaded, cart, `seed ${seed}, ${format}`);
      assertSameCart(saveAndLoad(loaded, format), loaded, `seed ${seed}, ${format}, twice`);
    }
  }
});

it('converting between formats keeps every byte of data (random carts)', () => {
  for (let seed = 20; seed <= 24; seed++) {
    const cart = randomCart(seed, { binary: false, lang: false });
    for (const from of FORMATS) {
      const loaded = saveAndLoad(cart, from);
      for (const to of FORMATS) assertSameCart(saveAndLoad(loaded, to), cart, `seed ${seed}, ${from} -> ${to}`);
    }
  }
});

it('code spread over several 64 KB chunks survives every format', () => {
  const cart = bigCodeCart(3, 200000);
  for (const format of FORMATS) assert.equal(saveAndLoad(cart, format).code, cart.code, format);
});

it('a full cart (every bank, every byte set) survives every format', () => {
  const cart = emptyCart();
  cart.code = 'function TIC() end';
  cart.banks.forEach((bank, b) => {
    for (const section of BANK_SECTIONS) bank[section].forEach((_, i, bytes) => (bytes[i] = ((i * 7 + b * 13 + 1) % 255) + 1));
  });
  for (const format of FORMATS) assertSameCart(saveAndLoad(cart, format), cart, format);
});

it('quirk 8: converting to .tic or .png drops the language id; a bank-0 palette left empty is saved as the SWEETIE-16 it runs with', () => {
  const cart = emptyCart();
  cart.code = 'x = 1';
  cart.lang = 10;
  const fromTic = saveAndLoad(cart, 'tic');
  assert.equal(fromTic.lang, 0);
  // Not left out: a .tic without bank 0's palette reads back as an ancient cart's DB16.
  assert.deepEqual(fromTic.banks[0].palette, DEFAULT_PALETTES);
  assert.equal(saveAndLoad(cart, 'text').lang, 10);
});

const cartsDir = join(process.cwd(), 'carts');
const teamCarts = [...new Set(readdirSync(cartsDir).map((file) => file.replace(/\.(lua|tic|png)$/, '')))];

it("the team's carts exist in all three formats, holding the same cart", () => {
  assert.ok(teamCarts.length >= 4, teamCarts.join());
  for (const name of teamCarts) {
    const [text, tic, png] = ['lua', 'tic', 'png'].map((ext) => readCart(readFileSync(join(cartsDir, `${name}.${ext}`)), `${name}.${ext}`));
    assertSameCart(tic, text, `${name}.tic`);
    assertSameCart(png, text, `${name}.png`);
    assert.deepEqual(text.banks[0].palette, DEFAULT_PALETTES, `${name}.lua names its palette, so every format draws in SWEETIE-16`);
  }
});

it("the team's carts go through load -> save -> load unchanged in every format", () => {
  for (const name of teamCarts) {
    const cart = readCart(readFileSync(join(cartsDir, `${name}.lua`)), `${name}.lua`);
    for (const format of FORMATS) assertSameCart(saveAndLoad(cart, format), cart, `${name} as ${format}`);
  }
});

it("a runner gets bank 0's non-empty sections at their RAM sizes; empty ones are left to the defaults", () => {
  const cart = emptyCart();
  cart.code = 'x = 1';
  cart.banks[0].tiles[5] = 1;
  cart.banks[0].palette[0] = 2;
  cart.banks[1].map[0] = 3;
  const source = cartSourceOf(cart, 'c.tic');
  assert.equal(source.name, 'c.tic');
  assert.equal(source.code, 'x = 1');
  assert.deepEqual(Object.keys(source.data ?? {}).sort(), ['palette', 'tiles']);
  assert.equal(source.data?.tiles?.length, CART_SECTION_BYTES.tiles);
  assert.equal(source.data?.tiles?.[5], 1);
  assert.equal(source.data?.palette?.length, CART_SECTION_BYTES.palette);
  assert.equal(cartSourceOf(emptyCart(), 'e.lua').data, undefined);
});
