// The library's listing of carts: metadata from the tags, search, sort by name or last played,
// favourites and the recently-played row, and the marks kept in storage.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { arrangeCarts, libraryCart, LibraryMarks, RECENT_COUNT, recentlyPlayed, type LibraryQuery } from '../../renderer/library/library-list.js';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

const carts = [
  libraryCart('f/zeta.lua', 'zeta.lua', '-- title: Zeta Run\n-- author: Ann\n-- desc: a racing game\n'),
  libraryCart('f/alpha.tic', 'alpha.tic', '-- title: alpha 10\n-- author: Bob\n'),
  libraryCart('f/alpha2.tic', 'alpha2.tic', '-- title: Alpha 9\n'),
  libraryCart('f/untitled.lua', 'untitled.lua', 'function TIC() end\n'),
];
const titles = (list: { title: string }[]) => list.map((cart) => cart.title);
const query = (over: Partial<LibraryQuery> = {}): LibraryQuery => ({ sort: 'name', search: '', favouritesOnly: false, ...over });

describe('library list', () => {
  it('reads title, author and description from the tags; the file name stands in for a missing title', () => {
    assert.deepEqual(carts[0], { key: 'f/zeta.lua', name: 'zeta.lua', title: 'Zeta Run', author: 'Ann', description: 'a racing game' });
    assert.deepEqual(carts[3], { key: 'f/untitled.lua', name: 'untitled.lua', title: 'untitled', author: undefined, description: undefined });
  });

  it('sorts by title, ignoring case and reading numbers as numbers', () => {
    assert.deepEqual(titles(arrangeCarts(carts, new LibraryMarks(new MemoryStorage()), query())), ['Alpha 9', 'alpha 10', 'untitled', 'Zeta Run']);
  });

  it('sorts the last played first, then the never played by title', () => {
    const marks = new LibraryMarks(new MemoryStorage());
    marks.played('f/untitled.lua', 100);
    marks.played('f/zeta.lua', 300);
    assert.deepEqual(titles(arrangeCarts(carts, marks, query({ sort: 'played' }))), ['Zeta Run', 'untitled', 'Alpha 9', 'alpha 10']);
    assert.deepEqual(titles(recentlyPlayed(carts, marks)), ['Zeta Run', 'untitled']);
  });

  it('keeps at most RECENT_COUNT carts in the recently played row', () => {
    const many = Array.from({ length: RECENT_COUNT + 3 }, (_, i) => libraryCart(`k${i}`, `c${i}.lua`, ''));
    const marks = new LibraryMarks(new MemoryStorage());
    many.forEach((cart, i) => marks.played(cart.key, i));
    const recent = recentlyPlayed(many, marks);
    assert.equal(recent.length, RECENT_COUNT);
    assert.equal(recent[0].key, `k${RECENT_COUNT + 2}`);
  });

  it('finds carts whose title, author, description or file name hold every word searched, in any case', () => {
    const marks = new LibraryMarks(new MemoryStorage());
    assert.deepEqual(titles(arrangeCarts(carts, marks, query({ search: 'RACING ann' }))), ['Zeta Run']);
    assert.deepEqual(titles(arrangeCarts(carts, marks, query({ search: 'alpha2' }))), ['Alpha 9']);
    assert.deepEqual(titles(arrangeCarts(carts, marks, query({ search: 'bob racing' }))), []);
  });

  it('shows only favourites when asked, and keeps favourites and play times in the storage', () => {
    const storage = new MemoryStorage();
    const marks = new LibraryMarks(storage);
    assert.equal(marks.toggleFavourite('f/alpha.tic'), true);
    assert.equal(marks.toggleFavourite('f/zeta.lua'), true);
    assert.equal(marks.toggleFavourite('f/zeta.lua'), false);
    marks.played('f/zeta.lua', 42);
    assert.deepEqual(titles(arrangeCarts(carts, marks, query({ favouritesOnly: true }))), ['alpha 10']);
    const again = new LibraryMarks(storage);
    assert.equal(again.isFavourite('f/alpha.tic'), true);
    assert.equal(again.isFavourite('f/zeta.lua'), false);
    assert.equal(again.lastPlayed('f/zeta.lua'), 42);
  });

  it('starts without marks when the kept ones are damaged', () => {
    const storage = new MemoryStorage();
    storage.setItem('nibble.library.marks', '{"favourites": [1, "ok"], "played": {"a": "soon", "b": 5}}');
    const marks = new LibraryMarks(storage);
    assert.equal(marks.isFavourite('ok'), true);
    assert.equal(marks.lastPlayed('a'), undefined);
    assert.equal(marks.lastPlayed('b'), 5);
    storage.setItem('nibble.library.marks', '{not json');
    assert.equal(new LibraryMarks(storage).isFavourite('ok'), false);
  });
});
