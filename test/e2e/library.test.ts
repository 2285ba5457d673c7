// The library and the player inside the web studio: a .zip of carts listed with their covers
// (a .png cart's picture, a cart's cover screen, a first frame rendered headless) and played;
// the system menu on Esc for a cart without a menu tag, with Reset and Close; and the web studio
// that `nibble play` starts, with its cart preloaded in the player.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { zipSync } from 'fflate';
import { GifReader } from 'omggif';
import type { Page } from 'playwright-core';
import { DEFAULT_PALETTES, readTextCart, writePngCart, writeTextCart } from '../../runner/common/cart/index.js';
import { RENDERER_DIR } from '../../electron/node/app-paths.js';
import { startWebServer } from '../../electron/node/web-server.js';
import { readRgbaPng } from '../rgba-png.js';
import { eventually, inStudio, openStudio, useStudio, waitInStudio } from './studio-page.js';

const studio = useStudio();

const encode = (text: string) => new TextEncoder().encode(text);

/** A text cart whose bank-0 screen (its cover) is all colour 3. */
function coverCart(): Uint8Array {
  const cart = readTextCart('-- title: Covered\n-- author: ann\n-- desc: has a cover screen\nfunction TIC() cls(5) end\n', 'covered.lua');
  cart.banks[0].screen.fill(0x33);
  cart.banks[0].palette.set(DEFAULT_PALETTES);
  return encode(writeTextCart(cart, 'covered.lua'));
}

/** A .png cart: its picture is its cover. */
function pngCart(): Uint8Array {
  return writePngCart(readTextCart('-- title: Pictured\nfunction TIC() cls(6) end\n', 'pictured.png'), 'pictured.png');
}

/** No cover: the library renders its first frame. Colour 2 until A (Z) is pressed, then 4 for good; no menu tag. */
const DRAWN =
  '-- title: Drawn\n-- author: bob\n-- desc: no cover at all\npressed = false\nfunction TIC()\n  if btn(4) then pressed = true end\n  cls(pressed and 4 or 2)\nend\n';

function cartsZip(): Buffer {
  return Buffer.from(
    zipSync({
      'carts/covered.lua': coverCart(),
      'carts/pictured.png': pngCart(),
      'carts/more/drawn.lua': encode(DRAWN),
      'carts/readme.txt': encode('not a cart'),
      '__MACOSX/carts/._drawn.lua': encode('resource fork'),
      'carts/saver.lua': encode('-- title: Saver\n-- saveid: e2e-library-saver\nfunction BOOT() pmem(0, 9) end\nfunction TIC() cls(1) end\n'),
    }),
  );
}

/** Hex colour of the player's last frame at screen pixel (x, y). */
async function playerPixel(page: Page, x: number, y: number): Promise<string | null> {
  return inStudio(
    page,
    ([g, [px, py]]) => {
      const frame = g.__nibble.player.lastFrame();
      if (!frame) return null;
      const i = ((py + 4) * 256 + px + 8) * 4;
      return [frame[i], frame[i + 1], frame[i + 2]].map((v) => v.toString(16).padStart(2, '0')).join('');
    },
    [x, y],
  );
}

/** The cover picture of a card: its source, natural size and the colour at (x, y) of the picture. */
async function coverOf(page: Page, title: string, x: number, y: number): Promise<{ source: string; width: number; colour: string }> {
  const card = page.locator('.library-grid .library-card', { hasText: title });
  await card.locator('.library-cover-frame[data-cover]').waitFor({ timeout: 10_000 });
  return card.locator('.library-cover-frame').evaluate(
    async (node, [px, py]) => {
      // The tests compile without DOM types: the little used of the cover's elements.
      interface Picture {
        src: string;
        naturalWidth: number;
        naturalHeight: number;
        decode(): Promise<void>;
      }
      interface Canvas {
        width: number;
        height: number;
        getContext(kind: '2d'): {
          drawImage(img: Picture, x: number, y: number): void;
          getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
        };
      }
      const frame = node as { dataset: { cover?: string }; querySelector(selector: 'img'): Picture };
      const page = globalThis as unknown as { document: { createElement(tag: 'canvas'): Canvas } };
      const img = frame.querySelector('img');
      if (!img.src) return { source: frame.dataset.cover ?? '', width: 0, colour: '' };
      await img.decode();
      const canvas = page.document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const context = canvas.getContext('2d');
      context.drawImage(img, 0, 0);
      const [r, g, b] = context.getImageData(px, py, 1, 1).data;
      return { source: frame.dataset.cover ?? '', width: img.naturalWidth, colour: [r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('') };
    },
    [x, y],
  );
}

async function openLibraryWithZip(page: Page): Promise<void> {
  await page.locator('[data-action="library"]').click();
  await page.locator('.library-zip').setInputFiles({ name: 'carts.zip', mimeType: 'application/zip', buffer: cartsZip() });
  await eventually(() => page.locator('.library-grid .library-card').count(), 4, 'the four carts of the zip are listed');
}

/** Opens the library on the zip and plays Drawn until its first colour is on the screen. */
async function playDrawnFromLibrary(page: Page): Promise<void> {
  await openLibraryWithZip(page);
  await page.locator('.library-grid .library-card-play', { hasText: 'Drawn' }).click();
  await eventually(() => playerPixel(page, 120, 68), 'b13e53', 'the game runs');
}

it('the library lists a .zip of carts with their titles and covers, keeps them, and plays one; Close returns to it', async () => {
  const page = await studio.open();
  await openLibraryWithZip(page);
  assert.deepEqual(await page.locator('.library-grid .library-card-title').allTextContents(), ['Covered', 'Drawn', 'Pictured', 'Saver']);
  assert.equal(await page.locator('.library-card', { hasText: 'Drawn' }).locator('.library-card-author').textContent(), 'by bob');

  // SWEETIE-16: 3 is ef7d57, 2 is b13e53; the .png's picture is its 256x256 cover.
  assert.deepEqual(await coverOf(page, 'Covered', 10, 10), { source: 'screen', width: 240, colour: 'ef7d57' });
  assert.deepEqual(await coverOf(page, 'Drawn', 8 + 10, 4 + 10), { source: 'first-frame', width: 256, colour: 'b13e53' });
  assert.equal((await coverOf(page, 'Pictured', 0, 0)).source, 'png');
  assert.equal((await coverOf(page, 'Pictured', 0, 0)).width, 256);

  await page.locator('.library-search').fill('cover screen');
  assert.deepEqual(await page.locator('.library-grid .library-card-title').allTextContents(), ['Covered']);
  await page.locator('.library-search').fill('');

  await page.locator('.library-grid .library-card-play', { hasText: 'Drawn' }).click();
  await page.locator('.studio-player').waitFor({ state: 'visible' });
  await eventually(() => playerPixel(page, 120, 68), 'b13e53', "the player shows the cart's frames");
  assert.match((await page.locator('.studio-player .player-info').textContent()) ?? '', /Drawn · by bob · no cover at all/);

  await page.keyboard.press('Escape');
  await page.locator('.player-menu-item', { hasText: 'Close' }).click();
  await page.locator('.library').waitFor({ state: 'visible' });
  await eventually(() => inStudio(page, ([g]) => g.__nibble.player.state()), 'stopped', 'Close ended the game');
  assert.deepEqual(await page.locator('.library-recent .library-card-title').allTextContents(), ['Drawn'], 'recently played');

  // Kept in IndexedDB: the library shows the same carts after a reload.
  await page.reload();
  await page.locator('[data-action="library"]').click();
  await eventually(() => page.locator('.library-grid .library-card').count(), 4, 'the kept carts are listed again');
  await page.close();
});

it('Esc opens the system menu on a cart without a menu tag; Reset starts it again, Close ends it and returns to the library', async () => {
  const page = await studio.open();
  await playDrawnFromLibrary(page);
  await page.keyboard.down('z');
  await eventually(() => playerPixel(page, 120, 68), 'ffcd75', 'A was pressed: the game is in its second state');
  await page.keyboard.up('z');

  await page.keyboard.press('Escape');
  const items = await page.locator('.player-menu:not([hidden]) .player-menu-item').allTextContents();
  assert.deepEqual(
    items.filter((item) => item !== 'Mute'),
    ['Resume', 'Reset', 'Controls', 'Capabilities', 'Screenshot (F8)', 'Record GIF (F9)', 'Set cover (F7)', 'Close'],
  );
  await page.locator('.player-menu-item', { hasText: 'Reset' }).click();
  await eventually(() => playerPixel(page, 120, 68), 'b13e53', 'Reset started the game again from the beginning');
  assert.equal(await page.locator('.player-menu').isVisible(), false);

  await page.keyboard.press('Escape');
  await page.locator('.player-menu-item', { hasText: 'Close' }).click();
  await page.locator('.library').waitFor({ state: 'visible' });
  assert.equal(await page.locator('.studio-player').isVisible(), false);
  await eventually(() => Promise.resolve(studio.server.runnerPids().length), 0, "Close ended the game's runner process");
  // Esc in the library goes back to the studio.
  await page.keyboard.press('Escape');
  await page.locator('.play-area').waitFor({ state: 'hidden' });
  await waitInStudio(page, ([g]) => g.__nibble.state() !== 'running');
  await page.close();
});

it("F8 in the player downloads a PNG of the game's screen; Controls in its menu opens the settings on that page", async () => {
  const page = await studio.open();
  await playDrawnFromLibrary(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('F8')]);
  assert.match(download.suggestedFilename(), /^drawn-\d{8}-\d{6}\.png$/);
  const png = readRgbaPng(new Uint8Array(readFileSync(await download.path())));
  const scale = png.width / 256;
  assert.equal(png.height, 144 * scale);
  const frame = await inStudio(page, ([g]) => [...(g.__nibble.player.lastFrame() ?? [])]);
  let differ = 0;
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const at = (y * png.width + x) * 4;
      const from = (Math.floor(y / scale) * 256 + Math.floor(x / scale)) * 4;
      for (let c = 0; c < 4; c++) if (png.data[at + c] !== frame[from + c]) differ++;
    }
  }
  assert.equal(differ, 0, 'every PNG pixel is its screen pixel');

  await page.keyboard.press('Escape');
  await page.locator('.player-menu-item', { hasText: 'Controls' }).click();
  await page.locator('dialog.settings').waitFor({ state: 'visible' });
  assert.equal(await page.locator('.settings-tab[aria-selected="true"]').textContent(), 'Controls');
  await page.close();
});

it('a GIF recording in the player ends when the player closes, and is saved with the frames it took', async () => {
  const page = await studio.open();
  await playDrawnFromLibrary(page);
  await page.keyboard.press('F9');
  const player = page.locator('.studio-player[data-recording="true"]');
  await player.waitFor({ state: 'attached' });
  const mark = await player.evaluate(
    (node) => (globalThis as unknown as { getComputedStyle(n: unknown, p: string): { content: string } }).getComputedStyle(node, '::after').content,
  );
  assert.equal(mark, '"● REC"', 'the player shows that it records');
  await page.waitForTimeout(300);
  await page.keyboard.press('Escape');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.player-menu-item', { hasText: 'Close' }).click()]);
  assert.match(download.suggestedFilename(), /^drawn-\d{8}-\d{6}\.gif$/);
  const gif = new GifReader(new Uint8Array(readFileSync(await download.path())));
  assert.ok(gif.numFrames() > 0, 'the GIF holds the frames recorded before Close');
  await page.close();
});

it('a library cart is from elsewhere: the player asks before its pmem reaches storage, naming it', async () => {
  const page = await studio.open();
  const { createHash } = await import('node:crypto');
  const key = `nibble.pmem.${createHash('md5').update('e2e-library-saver').digest('hex')}`;
  await openLibraryWithZip(page);
  await page.locator('.library-grid .library-card-play', { hasText: 'Saver' }).click();
  const prompt = page.locator('.studio-player .capability-prompt');
  await prompt.waitFor({ state: 'visible' });
  assert.match((await prompt.textContent()) ?? '', /saver\.lua wants to keep its save data/);
  assert.equal(await inStudio(page, ([g, k]) => g.localStorage.getItem(k), key), null, 'nothing in storage before the answer');
  await prompt.locator('[data-answer="allow"]').click();
  await waitInStudio(page, ([g, k]) => g.localStorage.getItem(k)?.startsWith('09000000') === true, key);
  await page.close();
});

it('the web studio started to play a cart (nibble play) opens the player on it; Close goes to the studio', async () => {
  const server = await startWebServer({ port: 0, rootDir: RENDERER_DIR, log: () => {}, playCart: { name: 'drawn.lua', bytes: encode(DRAWN) } });
  try {
    const page = await openStudio(studio.browser, server.url);
    await page.locator('.studio-player').waitFor({ state: 'visible' });
    await eventually(() => playerPixel(page, 120, 68), 'b13e53', 'the player plays the cart it was given');
    await page.keyboard.press('Escape');
    await page.locator('.player-menu-item', { hasText: 'Close' }).click();
    await page.locator('.play-area').waitFor({ state: 'hidden' });
    await page.close();
  } finally {
    await server.close();
  }
});
