// The player's answers per cart, pinned to the cart's content: a cart is known by the SHA-256 of
// its bytes, so a changed cart (same name, new bytes) is a new cart and is asked again. allow and
// deny are kept in the studio's storage; "allow this session" only in this page's memory.
import type { KeyValueStorage } from '../../runner/common/pmem/pmem-store.js';
import { readStoredJson, writeStoredJson } from '../stored-json.js';
import { CAPABILITIES, type Answer, type Capability, type Decision } from './capability.js';

const STORAGE_KEY = 'nibble.capabilities.v1';

/** One cart's kept answers, as the settings page lists them. */
export interface CartGrants {
  /** The SHA-256 of the cart's bytes, lowercase hex. */
  hash: string;
  /** The cart's file name when it was answered. */
  name: string;
  answers: Partial<Record<Capability, Answer>>;
}

type Kept = Record<string, { name: string; answers: Partial<Record<Capability, 'allow' | 'deny'>> }>;

export class GrantStore {
  readonly #storage: KeyValueStorage;
  readonly #session = new Map<string, { name: string; granted: Set<Capability> }>();
  readonly #listeners: (() => void)[] = [];

  constructor(storage: KeyValueStorage) {
    this.#storage = storage;
  }

  decision(hash: string, capability: Capability): Decision {
    if (this.#session.get(hash)?.granted.has(capability)) return 'granted';
    const kept = this.#read()[hash]?.answers[capability];
    return kept === 'allow' ? 'granted' : kept === 'deny' ? 'denied' : 'undecided';
  }

  /** True when another content under this name was answered: the cart changed since. */
  changedSinceAnswered(hash: string, name: string): boolean {
    const others = [...Object.entries(this.#read()), ...this.#session.entries()].filter(([h, g]) => h !== hash && g.name === name);
    return others.length > 0;
  }

  answer(hash: string, name: string, capability: Capability, answer: Answer): void {
    const kept = this.#read();
    if (answer !== 'session') kept[hash] = { name, answers: { ...kept[hash]?.answers, [capability]: answer } };
    // A storage that refuses the answer keeps an allow for this session; a deny is asked again.
    if (answer === 'session' || (!this.#write(kept) && answer === 'allow')) {
      const entry = this.#session.get(hash) ?? { name, granted: new Set<Capability>() };
      entry.granted.add(capability);
      this.#session.set(hash, entry);
    }
    this.#changed();
  }

  /** Forgets the answer, kept or for the session: the cart is asked again at its next use. */
  revoke(hash: string, capability: Capability): void {
    this.#session.get(hash)?.granted.delete(capability);
    const kept = this.#read();
    const entry = kept[hash];
    if (entry) {
      delete entry.answers[capability];
      if (Object.keys(entry.answers).length === 0) delete kept[hash];
      // A refused write leaves the answer kept: the settings page still lists it.
      this.#write(kept);
    }
    this.#changed();
  }

  /** Every cart with an answer, by name. */
  list(): CartGrants[] {
    const carts = new Map<string, CartGrants>();
    for (const [hash, entry] of Object.entries(this.#read())) carts.set(hash, { hash, name: entry.name, answers: { ...entry.answers } });
    for (const [hash, entry] of this.#session) {
      const cart = carts.get(hash) ?? { hash, name: entry.name, answers: {} };
      for (const capability of entry.granted) cart.answers[capability] = 'session';
      if (Object.keys(cart.answers).length > 0) carts.set(hash, cart);
    }
    return [...carts.values()].sort((a, b) => a.name.localeCompare(b.name) || a.hash.localeCompare(b.hash));
  }

  onChange(listener: () => void): void {
    this.#listeners.push(listener);
  }

  #changed(): void {
    for (const listener of this.#listeners) listener();
  }

  #read(): Kept {
    const value = readStoredJson(this.#storage, STORAGE_KEY);
    const kept: Kept = {};
    if (typeof value !== 'object' || value === null) return kept;
    for (const [hash, entry] of Object.entries(value as Record<string, unknown>)) {
      const { name, answers } = (entry ?? {}) as { name?: unknown; answers?: unknown };
      if (typeof name !== 'string' || typeof answers !== 'object' || answers === null) continue;
      const valid: Partial<Record<Capability, 'allow' | 'deny'>> = {};
      for (const capability of CAPABILITIES) {
        const a = (answers as Record<string, unknown>)[capability];
        if (a === 'allow' || a === 'deny') valid[capability] = a;
      }
      kept[hash] = { name, answers: valid };
    }
    return kept;
  }

  /** False when the storage refused it (full or disabled). */
  #write(kept: Kept): boolean {
    return writeStoredJson(this.#storage, STORAGE_KEY, kept);
  }
}
