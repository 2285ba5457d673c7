// Gamepad mappings set up in Settings: which pads are read with which buttons, kept in storage.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { STANDARD_GAMEPAD_BUTTONS, loadPadMappings, newlyPressed, padButtons, savePadMappings, withMapping } from '../../renderer/controls/pad-mappings.js';

const ODD = [7, 6, 5, 4, 3, 2, 1, 0];

function memoryStorage(): { getItem(k: string): string | null; setItem(k: string, v: string): void } {
  const items = new Map<string, string>();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
}

describe('pad mappings', () => {
  it('reads a pad with its saved mapping, else the standard one if it has it, else not at all', () => {
    const mappings = withMapping({}, 'odd pad', ODD);
    assert.deepEqual(padButtons(mappings, { id: 'odd pad', mapping: '' }), ODD);
    assert.deepEqual(padButtons(mappings, { id: 'odd pad', mapping: 'standard' }), ODD);
    assert.deepEqual(padButtons(mappings, { id: 'other', mapping: 'standard' }), STANDARD_GAMEPAD_BUTTONS);
    assert.equal(padButtons(mappings, { id: 'other', mapping: '' }), null);
    assert.equal(padButtons(withMapping(mappings, 'odd pad', null), { id: 'odd pad', mapping: '' }), null, 'forgotten');
  });

  it('keeps mappings in storage and drops malformed ones', () => {
    const storage = memoryStorage();
    assert.deepEqual(loadPadMappings(storage), {});
    assert.ok(savePadMappings(storage, withMapping({}, 'odd pad', ODD)));
    assert.deepEqual(loadPadMappings(storage), { 'odd pad': ODD });
    storage.setItem('nibble.padmappings.v1', JSON.stringify({ short: [1, 2], bad: [0, 1, 2, 3, 4, 5, 6, -1], good: ODD }));
    assert.deepEqual(loadPadMappings(storage), { good: ODD });
    storage.setItem('nibble.padmappings.v1', '{not json');
    assert.deepEqual(loadPadMappings(storage), {});
  });

  it('takes a button that went down since the last look, not one held or already taken', () => {
    assert.equal(newlyPressed([false, false, false], [false, false, true], []), 2);
    assert.equal(newlyPressed([false, false, true], [false, false, true], []), null, 'still held');
    assert.equal(newlyPressed([false, false, false], [false, true, false], [1]), null, 'already Up');
    assert.equal(newlyPressed([], [false, true, true], [1]), 2);
  });
});
