// The desktop app's bridge when the preload installed one; otherwise the server's WebSocket, or,
// with ?runner=worker in the page's address, runners in Web Workers of the page itself.
import { ElectronRunnerLink } from './electron-link.js';
import type { RunnerLink } from './runner-link.js';
import { WebSocketRunnerLink, runnerSocketUrl } from './websocket-link.js';
import { WorkerRunnerLink } from './worker-link.js';

/** Runners are Web Workers of the page itself (no runner process, no kernel sandbox: the browser's). */
export function runnersInPage(): boolean {
  return !window.nibbleElectron && new URLSearchParams(window.location.search).get('runner') === 'worker';
}

export function createRunnerLink(): RunnerLink {
  const bridge = window.nibbleElectron;
  if (bridge) return new ElectronRunnerLink(bridge);
  if (runnersInPage())
    return new WorkerRunnerLink(() => new Worker(new URL('../../runner/browser/runner-worker.ts', import.meta.url), { type: 'module', name: 'nibble-runner' }));
  return new WebSocketRunnerLink(runnerSocketUrl(window.location));
}
