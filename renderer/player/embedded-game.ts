// What an exported game's page holds (see runner/common/export/game-html.ts): the cart, and the
// player's workers and Lua module, read from the page's own elements.
import { base64ToBytes } from '../../runner/common/base64.js';
import { loadCart } from '../../runner/common/cart/index.js';
import { EMBEDDED_IDS, gameInfo, type EmbeddedGame } from '../../runner/common/export/game-html.js';
import type { PlayerGame } from './player-view.js';

export interface EmbeddedPlayer {
  game: PlayerGame;
  runnerWorkerCode: string;
  vmWorkerCode: string;
  audioWorkletCode: string;
  luaWasm: Uint8Array<ArrayBuffer>;
}

function text(id: string): string {
  const node = document.getElementById(id);
  if (!node?.textContent) throw new Error(`this page has lost its #${id} element, which an exported game needs: export the game again`);
  return node.textContent;
}

function bytes(id: string): Uint8Array<ArrayBuffer> {
  const decoded = base64ToBytes(text(id).trim());
  if (!decoded) throw new Error(`this page's #${id} element is damaged: export the game again`);
  return decoded as Uint8Array<ArrayBuffer>;
}

export function readEmbeddedPlayer(): EmbeddedPlayer {
  const embedded = JSON.parse(text(EMBEDDED_IDS.game)) as EmbeddedGame;
  const file = base64ToBytes(embedded.file);
  if (!file) throw new Error(`this page's cart is damaged: export the game again`);
  const { cart } = loadCart(file, embedded.name);
  const info = gameInfo(cart.code, embedded.name);
  return {
    game: { cart, name: embedded.name, info: [info.title, info.author ? `by ${info.author}` : '', info.description ?? ''].filter(Boolean).join(' · ') },
    runnerWorkerCode: text(EMBEDDED_IDS.runnerWorker),
    vmWorkerCode: text(EMBEDDED_IDS.vmWorker),
    audioWorkletCode: text(EMBEDDED_IDS.audioWorklet),
    luaWasm: bytes(EMBEDDED_IDS.luaWasm),
  };
}
