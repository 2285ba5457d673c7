// The file name the studio gives a cart typed into the name box or a "save as" prompt.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { normaliseCartName } from '../../renderer/cart-name.js';

describe('cart name', () => {
  it('keeps a name with an extension and adds .lua to one without', () => {
    assert.equal(normaliseCartName('game.tic'), 'game.tic');
    assert.equal(normaliseCartName('game.png'), 'game.png');
    assert.equal(normaliseCartName('my game'), 'my game.lua');
    assert.equal(normaliseCartName('v1.'), 'v1..lua');
  });

  it('trims spaces and turns folder separators into underscores, so a name never leaves the folder', () => {
    assert.equal(normaliseCartName('  game.lua \n'), 'game.lua');
    assert.equal(normaliseCartName('../carts/x.lua'), '.._carts_x.lua');
    assert.equal(normaliseCartName('a\\b'), 'a_b.lua');
  });

  it('is cart.lua for an empty or blank name', () => {
    assert.equal(normaliseCartName(''), 'cart.lua');
    assert.equal(normaliseCartName('   '), 'cart.lua');
  });

  it('cuts an overlong name to 128 characters before adding the extension', () => {
    const name = normaliseCartName('x'.repeat(300));
    assert.equal(name, `${'x'.repeat(128)}.lua`);
  });
});
