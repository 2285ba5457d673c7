// The studio's export of the open cart as a game: the same one-file HTML page as `nibble export`
// (runner/common/export/game-html.ts), with the player parts the build put beside the studio
// (dist/studio/player), fetched from the studio's own origin.
import { writeCart, type Cart } from '../../runner/common/cart/index.js';
import { gameHtml, PLAYER_PART_FILES, type PlayerParts } from '../../runner/common/export/game-html.js';

async function fetchPart(file: string): Promise<Response> {
  const answer = await fetch(new URL(`player/${file}`, document.baseURI));
  if (!answer.ok) throw new Error(`the game player is missing from this build (player/${file}: ${answer.status}); rebuild it with npm run build`);
  return answer;
}

async function playerParts(): Promise<PlayerParts> {
  const text = async (file: string) => (await fetchPart(file)).text();
  const [page, css, runnerWorker, vmWorker, audioWorklet, luaWasm] = await Promise.all([
    text(PLAYER_PART_FILES.page),
    text(PLAYER_PART_FILES.css),
    text(PLAYER_PART_FILES.runnerWorker),
    text(PLAYER_PART_FILES.vmWorker),
    text(PLAYER_PART_FILES.audioWorklet),
    fetchPart(PLAYER_PART_FILES.luaWasm).then(async (answer) => new Uint8Array(await answer.arrayBuffer())),
  ]);
  return { page, css, runnerWorker, vmWorker, audioWorklet, luaWasm };
}

/** The game page's file name: `name` (or the cart's name) with .html in place of its extension. */
export function gameFileName(cartName: string, name?: string): string {
  const stem = (name ?? cartName).replace(/\.(html?|lua|tic|png)$/i, '');
  return `${stem || 'game'}.html`;
}

/**
 * The open cart as a game page's bytes, the cart written in the format its name ends with. Throws
 * with a message naming the cart when it cannot be exported (its code is not Lua).
 */
export async function exportGame(cart: Cart, cartName: string): Promise<Uint8Array> {
  const parts = await playerParts();
  return new TextEncoder().encode(gameHtml(cartName, writeCart(cart, cartName), parts));
}
