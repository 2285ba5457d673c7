// An editor's undo stack, driven over a cart held the way the studio holds it: each edit replaces
// one section of one bank, and opening another cart replaces the whole cart.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { emptyCart, type Cart } from '../../runner/common/cart/index.js';
import type { CartSection } from '../../runner/common/protocol.js';
import type { SectionStore } from '../../renderer/editors/section-store.js';
import { UndoStack } from '../../renderer/editors/undo-stack.js';

class FakeStudio implements SectionStore {
  current: Cart = emptyCart();
  /** How many times a section was replaced: what marks the cart unsaved and autosaves it. */
  writes = 0;
  readonly #replaced: (() => void)[] = [];

  cart(): Cart {
    return this.current;
  }

  setSection(bank: number, section: CartSection, bytes: Uint8Array): void {
    const banks = this.current.banks.slice();
    banks[bank] = { ...banks[bank], [section]: bytes };
    this.current = { ...this.current, banks };
    this.writes += 1;
  }

  onCartChange(): void {}

  onCartReplaced(listener: () => void): void {
    this.#replaced.push(listener);
  }

  openAnotherCart(): void {
    this.current = emptyCart();
    this.current.banks[0].map[0] = 99;
    for (const listener of this.#replaced) listener();
  }
}

const mapOf = (studio: FakeStudio, bank = 0): number[] => [...studio.cart().banks[bank].map.subarray(0, 4)];

describe('undo stack', () => {
  it('undoes and redoes an edit, restoring the section bytes each time', () => {
    const studio = new FakeStudio();
    const undo = new UndoStack(studio);
    undo.edit(0, 'map', (bytes) => bytes.set([1, 2, 3]));
    assert.deepEqual(mapOf(studio), [1, 2, 3, 0]);
    assert.equal(undo.undo(), true);
    assert.deepEqual(mapOf(studio), [0, 0, 0, 0]);
    assert.equal(undo.redo(), true);
    assert.deepEqual(mapOf(studio), [1, 2, 3, 0]);
  });

  it('steps back through several edits in reverse order, each in its own bank and section', () => {
    const studio = new FakeStudio();
    const undo = new UndoStack(studio);
    undo.edit(0, 'map', (bytes) => (bytes[0] = 1));
    undo.edit(2, 'map', (bytes) => (bytes[0] = 2));
    undo.edit(0, 'tracks', (bytes) => (bytes[48] = 3));
    undo.edit(0, 'map', (bytes) => (bytes[1] = 4));
    assert.deepEqual(mapOf(studio), [1, 4, 0, 0]);
    undo.undo();
    assert.deepEqual(mapOf(studio), [1, 0, 0, 0]);
    undo.undo();
    assert.equal(studio.cart().banks[0].tracks[48], 0);
    assert.deepEqual(mapOf(studio, 2), [2, 0, 0, 0]);
    undo.undo();
    assert.deepEqual(mapOf(studio, 2), [0, 0, 0, 0]);
    assert.deepEqual(mapOf(studio), [1, 0, 0, 0], 'bank 0 is untouched by undoing bank 2');
    undo.undo();
    assert.deepEqual(mapOf(studio), [0, 0, 0, 0]);
    assert.equal(undo.undo(), false, 'nothing left to undo');
  });

  it('forgets the redo steps once a new edit is made', () => {
    const studio = new FakeStudio();
    const undo = new UndoStack(studio);
    undo.edit(0, 'map', (bytes) => (bytes[0] = 1));
    undo.undo();
    undo.edit(0, 'map', (bytes) => (bytes[0] = 5));
    assert.equal(undo.redo(), false);
    assert.deepEqual(mapOf(studio), [5, 0, 0, 0]);
  });

  it('does not record or write an edit that changes no byte', () => {
    const studio = new FakeStudio();
    const undo = new UndoStack(studio);
    undo.edit(0, 'map', (bytes) => (bytes[0] = 1));
    const writes = studio.writes;
    undo.edit(0, 'map', (bytes) => (bytes[0] = 1));
    assert.equal(studio.writes, writes, 'the cart is not marked changed');
    undo.undo();
    assert.deepEqual(mapOf(studio), [0, 0, 0, 0], 'one undo takes back the one real edit');
  });

  it('never replays steps of a cart into the cart opened after it', () => {
    const studio = new FakeStudio();
    const undo = new UndoStack(studio);
    undo.edit(0, 'map', (bytes) => (bytes[0] = 1));
    undo.edit(0, 'map', (bytes) => (bytes[0] = 2));
    undo.undo();
    studio.openAnotherCart();
    assert.equal(undo.undo(), false);
    assert.equal(undo.redo(), false);
    assert.deepEqual(mapOf(studio), [99, 0, 0, 0]);
  });

  it('keeps the last 200 edits', () => {
    const studio = new FakeStudio();
    const undo = new UndoStack(studio);
    for (let i = 1; i <= 205; i++) undo.edit(0, 'map', (bytes) => (bytes[0] = i));
    let undone = 0;
    while (undo.undo()) undone++;
    assert.equal(undone, 200);
    assert.deepEqual(mapOf(studio), [5, 0, 0, 0], 'the oldest edits stay applied');
  });
});
