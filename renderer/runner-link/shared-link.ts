// One runner link shared by the studio's run and the player's: the page has one runner at a time
// (the desktop app's main process keeps one per window), so each user gets a view of the link, and
// the runner's messages go to the view that started it last. A view taking over the link ends the
// other's runner first, which that view's own user sees as a stop.
import type { CartSource, HostMessage, RunOptions } from '../../runner/common/protocol.js';
import { ListenerSet, STOPPED_BY_HOST, type RunnerLink, type RunnerMessageListener } from './runner-link.js';

export class SharedRunnerLink {
  readonly #link: RunnerLink;
  #owner: LinkView | null = null;

  constructor(link: RunnerLink) {
    this.#link = link;
    link.onMessage((msg) => this.#owner?.listeners.emit(msg));
  }

  /** A view of the link for one user (the studio's run, the player). */
  view(): RunnerLink {
    return new LinkView(this);
  }

  start(view: LinkView, cart: CartSource, options: RunOptions, pmem?: Uint8Array): void {
    const previous = this.#owner;
    if (previous && previous !== view) {
      // The link ends the old runner without a report: its user hears it here.
      this.#owner = null;
      previous.listeners.emit(STOPPED_BY_HOST);
    }
    this.#owner = view;
    this.#link.start(cart, options, pmem);
  }

  send(view: LinkView, msg: HostMessage): void {
    if (this.#owner === view) this.#link.send(msg);
  }

  stop(view: LinkView): void {
    if (this.#owner === view) this.#link.stop();
  }
}

class LinkView implements RunnerLink {
  readonly listeners = new ListenerSet();
  readonly #shared: SharedRunnerLink;

  constructor(shared: SharedRunnerLink) {
    this.#shared = shared;
  }

  start(cart: CartSource, options: RunOptions, pmem?: Uint8Array): void {
    this.#shared.start(this, cart, options, pmem);
  }

  send(msg: HostMessage): void {
    this.#shared.send(this, msg);
  }

  stop(): void {
    this.#shared.stop(this);
  }

  onMessage(cb: RunnerMessageListener): void {
    this.listeners.add(cb);
  }
}
