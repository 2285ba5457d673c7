// `nibble export`: a cart file to one self-contained HTML file that plays the game offline
// (runner/common/export/game-html.ts), with the player the build put in dist/studio/player.
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gameHtml, PLAYER_PART_FILES, type PlayerParts } from '../common/export/game-html.js';
import { loadCart } from '../common/cart/index.js';
import { readCartBytes } from './cart-file.js';
import { writeFileDurably } from './durable-file.js';
import { checkLuaSyntax } from './lua-syntax.js';

/** Where `npm run build` puts the player: dist/studio/player, beside this module's dist/runner. */
export const PLAYER_DIR = fileURLToPath(new URL('../../studio/player', import.meta.url));

/** The built player's parts; says how to build them when they are missing. */
export function readPlayerParts(dir: string = PLAYER_DIR): PlayerParts {
  const read = (file: string) => {
    try {
      return readFileSync(resolve(dir, file));
    } catch {
      throw new Error(`the game player is not built (${resolve(dir, file)} is missing): run npm run build first`);
    }
  };
  return {
    page: read(PLAYER_PART_FILES.page).toString('utf8'),
    css: read(PLAYER_PART_FILES.css).toString('utf8'),
    runnerWorker: read(PLAYER_PART_FILES.runnerWorker).toString('utf8'),
    vmWorker: read(PLAYER_PART_FILES.vmWorker).toString('utf8'),
    audioWorklet: read(PLAYER_PART_FILES.audioWorklet).toString('utf8'),
    luaWasm: read(PLAYER_PART_FILES.luaWasm),
  };
}

/**
 * Writes the game: to a temporary file beside htmlPath, then renamed over it, so a failed export
 * never leaves a partial file. Returns the file's size in bytes. Throws, naming the cart, when it
 * cannot be read or exported (its code is not Lua, or does not compile).
 */
export async function exportGame(cartPath: string, htmlPath: string, parts: PlayerParts = readPlayerParts()): Promise<number> {
  const name = basename(cartPath);
  const bytes = readCartBytes(cartPath);
  const html = new TextEncoder().encode(gameHtml(name, bytes, parts));
  await checkLuaSyntax(loadCart(bytes, name).cart.code, name);
  try {
    await writeFileDurably(htmlPath, html);
  } catch (err) {
    throw new Error(`cannot write ${htmlPath}: ${(err as Error).message}`);
  }
  return html.length;
}
