// What the library shows of a folder of carts: each cart's title, author and description (from its
// metadata tags), the user's favourites and when each cart was last played, and the list as
// searched and sorted. Marks are kept per cart key (its path in the folder) in the storage given.
import type { KeyValueStorage } from '../../runner/common/pmem/pmem-store.js';
import { readStoredJson } from '../stored-json.js';
import { gameInfo } from '../../runner/common/export/game-html.js';

export interface LibraryCart {
  /** Where the cart is in the library's folder (its relative path): what marks are kept under. */
  key: string;
  /** Its file name. */
  name: string;
  title: string;
  author: string | undefined;
  description: string | undefined;
}

export type LibrarySort = 'name' | 'played';

export interface LibraryQuery {
  sort: LibrarySort;
  /** Words that must all appear in the title, author, description or file name (any case). */
  search: string;
  favouritesOnly: boolean;
}

/** The carts the recently-played row shows at most. */
export const RECENT_COUNT = 8;

/** A cart's listing from its code's metadata tags; the file name stands in for a missing title. */
export function libraryCart(key: string, name: string, code: string): LibraryCart {
  return { key, name, ...gameInfo(code, name) };
}

function matches(cart: LibraryCart, words: readonly string[]): boolean {
  const text = [cart.title, cart.author ?? '', cart.description ?? '', cart.name].join('\n').toLowerCase();
  return words.every((word) => text.includes(word));
}

const byTitle = (a: LibraryCart, b: LibraryCart): number =>
  a.title.localeCompare(b.title, undefined, { sensitivity: 'base', numeric: true }) || a.key.localeCompare(b.key);

/** The carts to show, in order: by title, or the last played first (never-played ones after, by title). */
export function arrangeCarts(carts: readonly LibraryCart[], marks: LibraryMarks, query: LibraryQuery): LibraryCart[] {
  const words = query.search.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = carts.filter((cart) => matches(cart, words) && (!query.favouritesOnly || marks.isFavourite(cart.key)));
  if (query.sort === 'name') return shown.sort(byTitle);
  return shown.sort((a, b) => (marks.lastPlayed(b.key) ?? 0) - (marks.lastPlayed(a.key) ?? 0) || byTitle(a, b));
}

/** The carts played at some time, the last played first, at most RECENT_COUNT. */
export function recentlyPlayed(carts: readonly LibraryCart[], marks: LibraryMarks): LibraryCart[] {
  return carts
    .filter((cart) => marks.lastPlayed(cart.key) !== undefined)
    .sort((a, b) => (marks.lastPlayed(b.key) ?? 0) - (marks.lastPlayed(a.key) ?? 0))
    .slice(0, RECENT_COUNT);
}

const MARKS_KEY = 'nibble.library.marks';

interface StoredMarks {
  favourites: string[];
  played: Record<string, number>;
}

function readMarks(storage: KeyValueStorage): StoredMarks {
  // Damaged marks are not worth refusing the library over: it starts again without them.
  const value = readStoredJson(storage, MARKS_KEY) as Partial<StoredMarks> | null;
  const favourites = Array.isArray(value?.favourites) ? value.favourites.filter((key): key is string => typeof key === 'string') : [];
  const played: Record<string, number> = {};
  for (const [key, at] of Object.entries(value?.played ?? {})) if (typeof at === 'number' && Number.isFinite(at)) played[key] = at;
  return { favourites, played };
}

/** Favourites and last-played times, kept in the storage at every change. */
export class LibraryMarks {
  readonly #storage: KeyValueStorage;
  readonly #favourites: Set<string>;
  readonly #played: Map<string, number>;

  constructor(storage: KeyValueStorage) {
    this.#storage = storage;
    const stored = readMarks(storage);
    this.#favourites = new Set(stored.favourites);
    this.#played = new Map(Object.entries(stored.played));
  }

  isFavourite(key: string): boolean {
    return this.#favourites.has(key);
  }

  /** Makes the cart a favourite, or no longer one; returns whether it now is. */
  toggleFavourite(key: string): boolean {
    const now = !this.#favourites.delete(key);
    if (now) this.#favourites.add(key);
    this.#save();
    return now;
  }

  lastPlayed(key: string): number | undefined {
    return this.#played.get(key);
  }

  played(key: string, at: number): void {
    this.#played.set(key, at);
    this.#save();
  }

  #save(): void {
    const stored: StoredMarks = { favourites: [...this.#favourites], played: Object.fromEntries(this.#played) };
    this.#storage.setItem(MARKS_KEY, JSON.stringify(stored));
  }
}
