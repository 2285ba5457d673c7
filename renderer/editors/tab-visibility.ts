// An editor draws only while its tab is shown: a change made while it is hidden marks it stale, and
// it catches up when shown again.
export class TabVisibility {
  #visible = false;
  #stale = true;

  /** The tab was shown: true when it changed while hidden and must draw now. */
  show(): boolean {
    this.#visible = true;
    return this.#stale;
  }

  hide(): void {
    this.#visible = false;
  }

  /** A change to draw: true when the editor should draw it now (shown, and ready); else it waits for show(). */
  due(ready = true): boolean {
    this.#stale = !this.#visible || !ready;
    return !this.#stale;
  }
}
