// Where the open cart's run stands, as the toolbar, the status line and tests see it.
export type StudioState = 'idle' | 'running' | 'busy' | 'paused' | 'stopped' | 'error';

/** A runner process is live in these states (Stop applies). */
export function isLive(state: StudioState): boolean {
  return state === 'running' || state === 'busy' || state === 'paused';
}
