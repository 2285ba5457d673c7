// Text carts (.lua, reference 5.b): flipped hex, bank tags, no defaults on load, quirk 9, and
// errors that name the file and line.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { CartFormatError, emptyCart, readTextCart, writeTextCart } from '../../runner/common/cart/index.js';

function hexRow(length: number, fill: (i: number) => number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => fill(i));
}

it('bytes are written low nibble first, except the palette', () => {
  const cart = emptyCart();
  cart.code = 'cls(1)\n';
  cart.banks[0].map[0] = 0xe0;
  cart.banks[0].map[1] = 0x12;
  cart.banks[0].palette.set([0x1a, 0x1c, 0x2c]);
  const text = writeTextCart(cart, 'a.lua');
  assert.equal(
    text,
    'cls(1)\n\n' + `-- <MAP>\n-- 000:0e21${'0'.repeat(476)}\n-- </MAP>\n\n` + `-- <PALETTE>\n-- 000:1a1c2c${'0'.repeat(90)}\n-- </PALETTE>\n\n`,
  );
  const back = readTextCart(text, 'a.lua');
  assert.equal(back.banks[0].map[0], 0xe0);
  assert.equal(back.banks[0].map[1], 0x12);
  assert.deepEqual([...back.banks[0].palette.subarray(0, 4)], [0x1a, 0x1c, 0x2c, 0]);
  assert.equal(back.code, 'cls(1)\n');
});

it('only non-empty rows are written, with 3-digit indexes, and they read back in place', () => {
  const cart = emptyCart();
  cart.banks[0].tiles.set(
    hexRow(32, (i) => i + 1),
    5 * 32,
  );
  cart.banks[0].tiles.set(
    hexRow(32, () => 0xab),
    255 * 32,
  );
  const text = writeTextCart(cart, 'a.lua');
  const rows = text.split('\n').filter((line) => /^-- \d{3}:/.test(line));
  assert.deepEqual(
    rows.map((row) => row.slice(0, 7)),
    ['-- 005:', '-- 255:'],
  );
  assert.equal(rows[0].slice(7, 15), '10203040');
  assert.equal(rows[1].slice(7), 'ba'.repeat(32));
  assert.deepEqual(readTextCart(text, 'a.lua').banks[0].tiles, cart.banks[0].tiles);
});

it('banks 1-7 carry their digit on the tag, written after bank 0 of the same section', () => {
  const cart = emptyCart();
  cart.banks[0].sprites[0] = 1;
  cart.banks[3].sprites[0] = 2;
  cart.banks[7].flags[511] = 0x21;
  cart.banks[2].tiles[0] = 3;
  const text = writeTextCart(cart, 'a.lua');
  const tags = text.split('\n').filter((line) => /^-- <[A-Z]/.test(line));
  assert.deepEqual(tags, ['-- <TILES2>', '-- <SPRITES>', '-- <SPRITES3>', '-- <FLAGS7>']);
  assert.match(text, /-- <FLAGS7>\n-- 001:0{510}12\n/);
  const back = readTextCart(text, 'a.lua');
  assert.equal(back.banks[3].sprites[0], 2);
  assert.equal(back.banks[7].flags[511], 0x21);
  assert.equal(back.banks[2].tiles[0], 3);
  assert.equal(back.banks[0].tiles[0], 0);
});

it('the loader applies no defaults: no palette and no waves read as zeros', () => {
  const cart = readTextCart('-- title: x\nfunction TIC() end\n', 'a.lua');
  assert.ok(cart.banks[0].palette.every((v) => v === 0));
  assert.ok(cart.banks[0].waveforms.every((v) => v === 0));
  assert.equal(cart.code, '-- title: x\nfunction TIC() end\n');
});

it('LANG is one unflipped byte, written only when set', () => {
  const cart = emptyCart();
  cart.code = 'x=1';
  assert.equal(writeTextCart(cart, 'a.lua'), 'x=1');
  cart.lang = 0x1a;
  const text = writeTextCart(cart, 'a.lua');
  assert.equal(text, 'x=1\n-- <LANG>\n-- 000:1a\n-- </LANG>\n\n');
  assert.equal(readTextCart(text, 'a.lua').lang, 0x1a);
});

it('quirk 9: a code line that starts with "-- <" ends the code', () => {
  const cart = readTextCart('a = 1\n-- <TILES>\n-- </TILES>\n', 'q.lua');
  assert.equal(cart.code, 'a = 1');
  assert.throws(
    () => readTextCart('a = 1\n-- <b>bold</b> comment\nb = 2\n', 'q.lua'),
    (err: Error) => err instanceof CartFormatError && /^q\.lua: line 2: "-- <b>bold<\/b> comment" is not part of a data section/.test(err.message),
  );
  const writing = emptyCart();
  writing.code = 'x = 1\n-- <b>\n';
  assert.throws(
    () => writeTextCart(writing, 'w.lua'),
    /^CartFormatError: w\.lua: cannot save: code line 2 starts with "-- <"|w\.lua: cannot save: code line 2 starts with "-- <"/,
  );
});

it("code reads back exactly: the newline before the data is the writer's, not the code's", () => {
  for (const code of ['', 'x=1', 'x=1\n', 'x=1\n\n']) {
    const bare = emptyCart();
    bare.code = code;
    assert.equal(readTextCart(writeTextCart(bare, 'a.lua'), 'a.lua').code, code);
    const withData = emptyCart();
    withData.code = code;
    withData.banks[0].flags[0] = 1;
    const text = writeTextCart(withData, 'a.lua');
    if (code === '') assert.ok(text.startsWith('-- <FLAGS>\n'));
    assert.equal(readTextCart(text, 'a.lua').code, code);
  }
});

it('carriage returns are dropped, so CRLF files read like LF files', () => {
  const cart = readTextCart(`x=1\r\n\r\n-- <FLAGS>\r\n-- 000:${'1'.padEnd(512, '0')}\r\n-- </FLAGS>\r\n`, 'crlf.lua');
  assert.equal(cart.code, 'x=1\n');
  assert.equal(cart.banks[0].flags[0], 1);
  assert.throws(
    () => readTextCart('x=1\r\n-- <FLAGS>\r\n-- 000:10\r\n-- </FLAGS>\r\n', 'crlf.lua'),
    /crlf\.lua: line 3: <FLAGS> row 000 has 2 hex digits, expected 512/,
  );
});

it('a row index past the section stops reading that section', () => {
  const text = `-- <FLAGS>\n-- 001:${'1'.padEnd(512, '0')}\n-- 002:not read\n-- 000:${'2'.padEnd(512, '0')}\n-- </FLAGS>\n`;
  const cart = readTextCart(text, 'a.lua');
  assert.equal(cart.banks[0].flags[256], 1);
  assert.equal(cart.banks[0].flags[0], 0, 'rows after the stopping one are not read');
});

it('sections this console does not know are skipped', () => {
  const cart = readTextCart('x=1\n-- <COVER>\n-- 000:whatever\n-- </COVER>\n\n-- <FLAGS>\n-- 000:3' + '0'.repeat(511) + '\n-- </FLAGS>\n', 'old.lua');
  assert.equal(cart.banks[0].flags[0], 3);
});

it('bad data gets an error naming the file, the line and what is wrong', () => {
  const cases: [string, RegExp][] = [
    ['x=1\n-- <MAP>\n-- 000:zz\n-- </MAP>\n', /^bad\.lua: line 3: <MAP> row 000 holds "zz", which is not all hex digits/],
    ['x=1\n\n-- <WAVES>\n-- 000:0123\n-- </WAVES>\n', /^bad\.lua: line 4: <WAVES> row 000 has 4 hex digits, expected 32/],
    ['x=1\n-- <TILES>\n-- 000:' + '0'.repeat(64) + '\n', /^bad\.lua: line 2: <TILES> has no closing "-- <\/TILES>" line/],
    ['x=1\n-- <FLAGS>\n-- </FLAGS>\n-- <FLAGS>\n-- </FLAGS>\n', /^bad\.lua: line 4: <FLAGS> appears twice/],
    ['x=1\n-- <FLAGS>\n-- </FLAGS>\nprint(1)\n', /^bad\.lua: line 4: "print\(1\)" is not part of a data section/],
    ['x=1\n-- <PALETTE>\n-- 0:00\n-- </PALETTE>\n', /^bad\.lua: line 3: "-- 0:00" is not a data row of <PALETTE>/],
    ['\x11\0\0\0', /^bad\.lua: not a text cart: character 1 is a NUL byte/],
  ];
  for (const [text, message] of cases) {
    assert.throws(
      () => readTextCart(text, 'bad.lua'),
      (err: Error) => err instanceof CartFormatError && message.test(err.message),
      text,
    );
  }
});

it('a WASM binary cannot be saved in a text cart', () => {
  const cart = emptyCart();
  cart.binary = Uint8Array.of(0, 97, 115, 109);
  assert.throws(
    () => writeTextCart(cart, 'w.lua'),
    /^CartFormatError: w\.lua: cannot save: a text cart has no room for the WASM binary|w\.lua: cannot save: a text cart has no room for the WASM binary/,
  );
});
