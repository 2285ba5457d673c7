// The desktop app's bridge when the preload installed one, the server's WebSocket otherwise.
import { ElectronRunnerLink } from './electron-link.js';
import type { RunnerLink } from './runner-link.js';
import { WebSocketRunnerLink, runnerSocketUrl } from './websocket-link.js';

export function createRunnerLink(): RunnerLink {
  const bridge = window.nibbleElectron;
  return bridge ? new ElectronRunnerLink(bridge) : new WebSocketRunnerLink(runnerSocketUrl(window.location));
}
