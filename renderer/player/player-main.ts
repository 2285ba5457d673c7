// Entry point of an exported game's page: the cart runs in Web Workers started from the page's own
// code, with shared-memory preemption where the page is cross-origin isolated and heartbeats where
// it is not (see VmThreadInit.heartbeat).
import './player-page.css';
import './player.css';
import type { EmbeddedRunnerBoot } from '../../runner/browser/embedded-boot.js';
import { bytesToBase64 } from '../../runner/common/base64.js';
import { WorkerRunnerLink } from '../runner-link/worker-link.js';
import { readEmbeddedPlayer } from './embedded-game.js';
import { installPlayerAutomation } from './player-automation.js';
import { PlayerView } from './player-view.js';

async function main(): Promise<void> {
  const host = document.getElementById('nibble-player') ?? document.body;
  const embedded = readEmbeddedPlayer();
  const runnerUrl = URL.createObjectURL(new Blob([embedded.runnerWorkerCode], { type: 'text/javascript' }));
  // An audio worklet is a module, which a page opened from file:// may load from a data: URL but not from a Blob.
  const workletUrl = `data:text/javascript;base64,${bytesToBase64(new TextEncoder().encode(embedded.audioWorkletCode))}`;
  const link = new WorkerRunnerLink(() => {
    const worker = new Worker(runnerUrl, { name: 'nibble-runner' });
    worker.postMessage({ type: 'boot', vmWorkerCode: embedded.vmWorkerCode, glue: embedded.luaWasm } satisfies EmbeddedRunnerBoot);
    return worker;
  });
  const view = await PlayerView.create(host, embedded.game, link, localStorage, workletUrl);
  installPlayerAutomation({
    lastFrame: () => view.lastFrame(),
    screenFps: () => view.screenFps(),
    framesShown: () => view.framesShown,
    state: () => view.state,
  });
  view.start();
}

main().catch((err: unknown) => {
  const banner = document.createElement('div');
  banner.className = 'player-fatal';
  banner.textContent = `The game could not start: ${err instanceof Error ? err.message : String(err)}`;
  document.body.prepend(banner);
  console.error(err);
});
