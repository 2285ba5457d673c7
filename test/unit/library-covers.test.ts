// What the library reads of carts without running them: a cart's cover screen as a picture, and the
// carts inside a .zip.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { zipSync } from 'fflate';
import { DEFAULT_PALETTES, emptyCart } from '../../runner/common/cart/index.js';
import { screenPicture } from '../../runner/common/cart/screen-picture.js';
import { cartsInZip } from '../../renderer/library/cart-archive.js';

describe('cover screen', () => {
  it('is none when the screen section is empty', () => {
    assert.equal(screenPicture(emptyCart()), null);
  });

  it("draws the section's 4-bit pixels (even x in the low nibble) in the cart's palette", () => {
    const cart = emptyCart();
    cart.banks[0].palette.set(DEFAULT_PALETTES);
    cart.banks[0].screen[0] = 0x2c; // (0,0) colour 12, (1,0) colour 2
    cart.banks[0].screen[120] = 0x04; // (0,1) colour 4
    const rgba = screenPicture(cart);
    assert.ok(rgba);
    assert.equal(rgba.length, 240 * 136 * 4);
    const at = (x: number, y: number) => [...rgba.subarray((y * 240 + x) * 4, (y * 240 + x) * 4 + 4)];
    assert.deepEqual(at(0, 0), [0xf4, 0xf4, 0xf4, 255]);
    assert.deepEqual(at(1, 0), [0xb1, 0x3e, 0x53, 255]);
    assert.deepEqual(at(0, 1), [0xff, 0xcd, 0x75, 255]);
    assert.deepEqual(at(2, 0), [0x1a, 0x1c, 0x2c, 255]);
  });
});

describe('carts in a zip', () => {
  it('takes the .lua, .tic and .png files at any depth, by path, and leaves out the rest and macOS copies', () => {
    const bytes = zipSync({
      'b.lua': new Uint8Array([1]),
      'dir/a.tic': new Uint8Array([2]),
      'dir/deeper/c.PNG': new Uint8Array([3]),
      'readme.md': new Uint8Array([4]),
      '__MACOSX/dir/._a.tic': new Uint8Array([5]),
      'dir/.hidden.lua': new Uint8Array([6]),
    });
    const carts = cartsInZip('carts.zip', bytes);
    assert.deepEqual(
      carts.map((cart) => [cart.path, cart.bytes[0]]),
      [
        ['b.lua', 1],
        ['dir/a.tic', 2],
        ['dir/deeper/c.PNG', 3],
      ],
    );
  });

  it('says which file is not a zip', () => {
    assert.throws(() => cartsInZip('notes.zip', new TextEncoder().encode('hello')), /notes\.zip could not be read as a zip file/);
  });
});
