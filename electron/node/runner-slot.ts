// One window's runner: at most one at a time, and a truthful account of how each one ended.
// Electron's main process keeps one slot per window; the logic lives here so it runs (and is
// tested) without Electron.

export interface RunnerGoneInfo {
  code: number | null;
  signal: string | null;
  reason: 'stopped' | 'crashed';
}

export interface KillableChild {
  kill(): void;
}

/** Called by the spawner when the child process has ended. */
export type ExitReporter = (code: number | null, signal: string | null) => void;

interface Occupant<C> {
  child: C;
  stopRequested: boolean;
}

export class RunnerSlot<C extends KillableChild> {
  #occupant: Occupant<C> | undefined;
  readonly #onGone: (info: RunnerGoneInfo) => void;

  /** onGone hears how runners ended: 'stopped' after stop(), 'crashed' when one ended by itself. */
  constructor(onGone: (info: RunnerGoneInfo) => void) {
    this.#onGone = onGone;
  }

  get current(): C | undefined {
    return this.#occupant?.child;
  }

  /**
   * Ends the current runner, then spawns the next one. A replaced runner's end is not reported
   * (its owner asked for a new one) unless stop() was called for it first.
   */
  start(spawn: (reportExit: ExitReporter) => C): C {
    this.dispose();
    const pending: { occupant?: Occupant<C> } = {};
    const child = spawn((code, signal) => {
      if (pending.occupant !== undefined) this.#exited(pending.occupant, code, signal);
    });
    pending.occupant = { child, stopRequested: false };
    this.#occupant = pending.occupant;
    return child;
  }

  /**
   * Kills the current runner. Its end is reported, with reason 'stopped', even if another runner
   * has started by then: each stop() of a live runner yields exactly one report.
   */
  stop(): void {
    const occupant = this.#occupant;
    if (occupant === undefined) return;
    occupant.stopRequested = true;
    occupant.child.kill();
  }

  /** Kills the current runner; its end is not reported unless stop() was called for it. */
  dispose(): void {
    const occupant = this.#occupant;
    this.#occupant = undefined;
    occupant?.child.kill();
  }

  #exited(occupant: Occupant<C>, code: number | null, signal: string | null): void {
    const current = this.#occupant === occupant;
    if (current) this.#occupant = undefined;
    if (current || occupant.stopRequested) {
      this.#onGone({ code, signal, reason: occupant.stopRequested ? 'stopped' : 'crashed' });
    }
  }
}
