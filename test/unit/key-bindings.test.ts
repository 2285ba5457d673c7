// The keys that hold the gamepad buttons: TIC-80's defaults, one key per button, what is kept.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_KEY_BINDINGS, bind, gamepadBits, loadKeyBindings, saveKeyBindings } from '../../renderer/controls/key-bindings.js';

function memoryStorage() {
  const kept = new Map<string, string>();
  return { kept, getItem: (key: string) => kept.get(key) ?? null, setItem: (key: string, value: string) => void kept.set(key, value) };
}

describe('key bindings', () => {
  it("holds player 1's buttons with TIC-80's keys out of the box", () => {
    assert.equal(gamepadBits(DEFAULT_KEY_BINDINGS, ['ArrowRight', 'KeyZ']), (1 << 3) | (1 << 4));
    assert.equal(gamepadBits(DEFAULT_KEY_BINDINGS, ['KeyL', 'Space']), 0);
  });

  it("a key bound to player 2's right holds bit 11, and leaves the button it had", () => {
    const moved = bind(DEFAULT_KEY_BINDINGS, 8 + 3, 'ArrowRight');
    assert.equal(gamepadBits(moved, ['ArrowRight']), 1 << 11);
    assert.equal(moved[3], null, "player 1's right lost its key");
    const p4 = bind(DEFAULT_KEY_BINDINGS, 31, 'KeyP');
    assert.equal(gamepadBits(p4, ['KeyP']), 0x80000000, "player 4's Y is the top bit, unsigned");
  });

  it('are kept, and what cannot be read gives the defaults', () => {
    const storage = memoryStorage();
    assert.deepEqual(loadKeyBindings(storage), DEFAULT_KEY_BINDINGS);
    const changed = bind(DEFAULT_KEY_BINDINGS, 9, 'KeyJ');
    assert.equal(saveKeyBindings(storage, changed), true);
    assert.deepEqual(loadKeyBindings(storage), changed);
    storage.setItem('nibble.controls.v1', JSON.stringify(['KeyZ']));
    assert.deepEqual(loadKeyBindings(storage), DEFAULT_KEY_BINDINGS, 'a list of the wrong length');
    storage.setItem('nibble.controls.v1', JSON.stringify(changed.map((code, id) => (id === 0 ? 'NotAKey' : code))));
    assert.equal(loadKeyBindings(storage)[0], null, 'a key the console does not know holds nothing');
  });
});
