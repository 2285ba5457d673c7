// An exported game: one HTML file holding the player (its page code, its two workers' code and the
// Lua module) and the cart, so it plays offline, from file:// or any static host, and no request
// leaves it. The player's parts are built by `vite build -c vite.player.config.ts` (see
// PLAYER_PART_FILES); the page finds them by the element ids in EMBEDDED_IDS.
import { encode as encodePng } from 'fast-png';
import { bytesToBase64 } from '../base64.js';
import type { Cart } from '../cart/cart.js';
import { COVER_SIZE, drawCover } from '../cart/cover.js';
import { CartFormatError } from '../cart/errors.js';
import { metaTag } from '../cart/meta-tags.js';
import { loadCart } from '../cart/cart-files.js';

/** The built player's files, in the folder the build writes them to. */
export const PLAYER_PART_FILES = {
  page: 'page.js',
  css: 'player.css',
  runnerWorker: 'runner.js',
  vmWorker: 'vm.js',
  audioWorklet: 'worklet.js',
  luaWasm: 'lua.wasm',
} as const;

/** The player's parts, as read from PLAYER_PART_FILES. */
export interface PlayerParts {
  page: string;
  css: string;
  runnerWorker: string;
  vmWorker: string;
  audioWorklet: string;
  luaWasm: Uint8Array;
}

/** Where the page finds what the file embeds. */
export const EMBEDDED_IDS = {
  /** JSON: EmbeddedGame. */
  game: 'nibble-game',
  runnerWorker: 'nibble-runner-worker',
  vmWorker: 'nibble-vm-worker',
  audioWorklet: 'nibble-audio-worklet',
  /** base64 of the Lua module. */
  luaWasm: 'nibble-lua-wasm',
} as const;

/** The cart as the page gets it. */
export interface EmbeddedGame {
  /** The cart's file name: its extension says its format, and messages name it. */
  name: string;
  /** The cart file's bytes as they are (a .lua, .tic or .png cart), in base64: the page reads them as nibble run does. */
  file: string;
}

/** The language a cart's `-- script:` tag names (Lua when it names none, as in TIC-80). */
function scriptLanguage(cart: Cart): string {
  return (metaTag(cart.code, 'script') ?? 'lua').toLowerCase();
}

/** Throws, naming the file, when the cart cannot be exported: its code is not Lua. */
export function checkExportable(cart: Cart, fileName: string): void {
  const language = scriptLanguage(cart);
  if (language !== 'lua') {
    throw new CartFormatError(fileName, `its code is ${language} (its "-- script: ${language}" tag), and Nibble runs and exports Lua carts only`);
  }
}

/**
 * Code safe inside a <script> element: "</script" cannot end it early ("<\/" means the same in
 * JavaScript's strings, templates and regular expressions, the only places it can occur). "<!--"
 * would change how the element is parsed, and nothing the build makes has one.
 */
function scriptText(code: string): string {
  if (code.includes('<!--')) throw new Error('the built player holds "<!--", which a <script> element cannot carry; rebuild it (npm run build)');
  return code.replace(/<\/(script)/gi, '<\\/$1');
}

/** JSON safe inside a <script> element: no "<" at all. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The cart's cover (bank 0's screen, title and author) as a PNG data URL. */
function coverDataUrl(cart: Cart): string {
  const png = encodePng({ width: COVER_SIZE, height: COVER_SIZE, data: drawCover(cart), depth: 8, channels: 4 });
  return `data:image/png;base64,${bytesToBase64(png)}`;
}

/** The page's title, author and description, from the cart's metadata tags. */
export function gameInfo(code: string, fileName: string): { title: string; author: string | undefined; description: string | undefined } {
  return {
    title: metaTag(code, 'title') || fileName.replace(/\.[^.]*$/, ''),
    author: metaTag(code, 'author') || undefined,
    description: metaTag(code, 'desc') || undefined,
  };
}

/**
 * The whole exported page, for a cart file (its bytes and its name). Throws CartFormatError
 * (naming the file) for a cart that cannot be read or exported.
 */
export function gameHtml(fileName: string, bytes: Uint8Array, parts: PlayerParts): string {
  const { cart } = loadCart(bytes, fileName);
  checkExportable(cart, fileName);
  const info = gameInfo(cart.code, fileName);
  const game: EmbeddedGame = { name: fileName, file: bytesToBase64(bytes) };
  const cover = coverDataUrl(cart);
  const description = [info.author ? `by ${info.author}` : '', info.description ?? ''].filter(Boolean).join(' · ');
  const meta = [
    `<meta property="og:title" content="${escapeHtml(info.title)}" />`,
    `<meta property="og:type" content="website" />`,
    `<meta property="og:image" content="${cover}" />`,
    description ? `<meta name="description" content="${escapeHtml(description)}" />` : '',
    description ? `<meta property="og:description" content="${escapeHtml(description)}" />` : '',
    info.author ? `<meta name="author" content="${escapeHtml(info.author)}" />` : '',
  ].filter(Boolean);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8" />',
    // Nothing may leave the page: no source but the page itself, and blob: for its own workers.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval' blob: data:; worker-src blob:; style-src 'unsafe-inline'; img-src data: blob:; media-src blob:; connect-src data: blob:; base-uri 'none'; form-action 'none'" />`,
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<title>${escapeHtml(info.title)}</title>`,
    ...meta,
    `<link rel="icon" href="${cover}" />`,
    `<style>${parts.css.replace(/<\/(style)/gi, '<\\/$1')}</style>`,
    '</head>',
    '<body>',
    '<div id="nibble-player"></div>',
    `<script type="application/json" id="${EMBEDDED_IDS.game}">${scriptJson(game)}</script>`,
    `<script type="text/plain" id="${EMBEDDED_IDS.runnerWorker}">${scriptText(parts.runnerWorker)}</script>`,
    `<script type="text/plain" id="${EMBEDDED_IDS.vmWorker}">${scriptText(parts.vmWorker)}</script>`,
    `<script type="text/plain" id="${EMBEDDED_IDS.audioWorklet}">${scriptText(parts.audioWorklet)}</script>`,
    `<script type="application/octet-stream" id="${EMBEDDED_IDS.luaWasm}">${bytesToBase64(parts.luaWasm)}</script>`,
    `<script type="module">${scriptText(parts.page)}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
