// One run's capabilities: the studio's own carts have them all; a cart from elsewhere has those the
// player granted its content, and asks for the others at first use, once per run, without pausing.
import type { Capability, Answer, Decision } from './capability.js';
import type { GrantStore } from './grant-store.js';

/** A question for the player; the prompt calls answer once. */
export interface CapabilityQuestion {
  cartName: string;
  capability: Capability;
  /** Another content under this name was answered before: the cart changed since. */
  changed: boolean;
  answer(answer: Answer): void;
}

/** The running cart: its name and, for a cart from elsewhere, the SHA-256 of its bytes. */
export interface GrantedCart {
  name: string;
  /** null for a cart this studio made: it has every capability. */
  hash: string | null;
}

export class RunGrants {
  readonly #store: GrantStore;
  readonly #cart: GrantedCart;
  readonly #ask: (question: CapabilityQuestion) => void;
  readonly #decided: (capability: Capability) => void;
  readonly #asked = new Set<Capability>();

  /** decided: an answer to this run's question arrived (the store holds it). */
  constructor(store: GrantStore, cart: GrantedCart, ask: (question: CapabilityQuestion) => void, decided: (capability: Capability) => void) {
    this.#store = store;
    this.#cart = cart;
    this.#ask = ask;
    this.#decided = decided;
  }

  get cart(): GrantedCart {
    return this.#cart;
  }

  decision(capability: Capability): Decision {
    return this.#cart.hash === null ? 'granted' : this.#store.decision(this.#cart.hash, capability);
  }

  granted(capability: Capability): boolean {
    return this.decision(capability) === 'granted';
  }

  /** Asks the player, unless the capability is decided or was asked for in this run. */
  request(capability: Capability): void {
    const { hash, name } = this.#cart;
    if (hash === null || this.#asked.has(capability) || this.decision(capability) !== 'undecided') return;
    this.#asked.add(capability);
    this.#ask({
      cartName: name,
      capability,
      changed: this.#store.changedSinceAnswered(hash, name),
      answer: (answer) => {
        this.#store.answer(hash, name, capability, answer);
        this.#decided(capability);
      },
    });
  }
}
