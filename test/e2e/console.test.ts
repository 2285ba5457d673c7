// The console's command line in the studio: help topics, eval in the running cart, cls, the
// history and Tab completion, and sprites exported and imported as PNG.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { decode, encode } from 'fast-png';
import type { Page } from 'playwright-core';
import type { CartSection } from '../../runner/common/protocol.js';
import { inStudio, useStudio, waitForState, waitInStudio } from './studio-page.js';

/** The console's lines as text. */
const logLines = (page: Page) => inStudio(page, ([g]) => Array.from(g.document.querySelectorAll('.console-log .line'), (l) => l.textContent ?? ''));

const studio = useStudio();

const command = async (page: Page, line: string) => {
  await page.locator('.console-input').fill(line);
  await page.locator('.console-input').press('Enter');
};
const logHas = (page: Page, text: string) =>
  logHasNow(page, text).catch(async (e) => {
    console.error(await logLines(page));
    throw e;
  });
const logHasNow = (page: Page, text: string) =>
  waitInStudio(page, ([g, t]) => Array.from(g.document.querySelectorAll('.console-log .line'), (l) => l.textContent).includes(t), text);
const cartBytes = async (page: Page, section: CartSection): Promise<number[]> => inStudio(page, ([g, s]) => [...g.__nibble.cartBytes(s, 0)], section);

/** Pixel (x, y) of a 4 bpp 128x128 sheet (reference 3.6): 8x8 tiles of 32 bytes, left pixel in the low nibble. */
const sheetPixel = (bytes: number[], x: number, y: number): number => {
  const at = ((y >> 3) * 16 + (x >> 3)) * 32 + (y & 7) * 4 + ((x & 7) >> 1);
  return (bytes[at] >> ((x & 1) * 4)) & 15;
};

it('help, eval in the running cart, cls, history and completion', async () => {
  const page = await studio.open();
  await command(page, 'help api');
  await logHas(page, '> help api');
  assert.ok(
    (await logLines(page)).some((l) => / spr /.test(` ${l} `)),
    'help api lists spr',
  );

  await page.locator('.console-input').press('ArrowUp');
  assert.equal(await page.locator('.console-input').inputValue(), 'help api');
  await page.locator('.console-input').fill('he');
  await page.locator('.console-input').press('Tab');
  assert.equal(await page.locator('.console-input').inputValue(), 'help ');
  await page.locator('.console-input').fill('help k');
  await page.locator('.console-input').press('Tab');
  assert.equal(await page.locator('.console-input').inputValue(), 'help keys ');

  await command(page, 'eval 1+1');
  await logHas(page, 'eval: no cart is running (run it first)');

  await command(page, 'run');
  await waitForState(page, 'running');
  await command(page, 'eval x = 5 return x * 2');
  await logHas(page, '10');
  await command(page, 'eval x + 1');
  await logHas(page, '6');
  await command(page, 'eval error("boom")');
  await logHas(page, 'console:1: boom');
  assert.equal(await inStudio(page, ([g]) => g.__nibble.state()), 'running');

  await command(page, 'cls');
  await waitInStudio(page, ([g]) => g.document.querySelectorAll('.console-log .line').length === 0);
  await page.close();
});

it('export sprites downloads the sheet as a 128x128 PNG; import matches pixels to the palette', async () => {
  const page = await studio.open();
  const [download] = await Promise.all([page.waitForEvent('download'), command(page, 'export sprites sheet.png')]);
  assert.equal(download.suggestedFilename(), 'sheet.png');
  const png = decode(readFileSync(await download.path()));
  assert.equal(png.width, 128);
  assert.equal(png.height, 128);
  const sprites = await cartBytes(page, 'sprites');
  const palette = await cartBytes(page, 'palette');
  for (const [x, y] of [
    [0, 0],
    [3, 5],
    [60, 70],
    [127, 127],
  ] as const)
    assert.equal(png.data[y * 128 + x], sheetPixel(sprites, x, y), `pixel ${x},${y}`);
  assert.deepEqual(png.palette?.[6], palette.slice(18, 21));

  // Near palette colour 6 but not equal to it; the top-left 8x8 sprite near colour 2.
  const [r6, g6, b6] = palette.slice(18, 21) as [number, number, number];
  const [r2, g2, b2] = palette.slice(6, 9) as [number, number, number];
  const rgb = new Uint8Array(64 * 64 * 3);
  for (let i = 0; i < 64 * 64; i++) {
    const inFirst = i % 64 < 8 && i < 64 * 8;
    rgb.set(inFirst ? [r2 ^ 1, g2, b2 ^ 2] : [r6 ^ 3, g6 ^ 1, b6], i * 3);
  }
  const chooser = page.waitForEvent('filechooser');
  await command(page, 'import sprites');
  await (await chooser).setFiles({ name: 'green.png', mimeType: 'image/png', buffer: Buffer.from(encode({ width: 64, height: 64, data: rgb, channels: 3 })) });
  await logHas(page, 'imported sprites from green.png');
  const imported = await cartBytes(page, 'sprites');
  assert.equal(sheetPixel(imported, 0, 0), 2);
  assert.equal(sheetPixel(imported, 7, 7), 2);
  assert.equal(sheetPixel(imported, 8, 0), 6);
  assert.equal(sheetPixel(imported, 63, 63), 6);
  assert.equal(sheetPixel(imported, 64, 0), sheetPixel(sprites, 64, 0), 'outside the image stays as it was');
  await page.close();
});

it('export map writes the tile indices as a 240x136 PNG, and import map reads them back', async () => {
  const page = await studio.open();
  const chooser = page.waitForEvent('filechooser');
  await command(page, 'import map');
  const cells = new Uint8Array(240 * 136);
  for (let i = 0; i < cells.length; i++) cells[i] = (i * 7) & 0xff;
  await (
    await chooser
  ).setFiles({ name: 'cells.png', mimeType: 'image/png', buffer: Buffer.from(encode({ width: 240, height: 136, data: cells, channels: 1 })) });
  await logHas(page, 'imported map from cells.png');
  assert.deepEqual([...(await cartBytes(page, 'map'))], [...cells]);

  const [download] = await Promise.all([page.waitForEvent('download'), command(page, 'export map level.png')]);
  const png = decode(readFileSync(await download.path()));
  assert.equal(png.width, 240);
  assert.equal(png.height, 136);
  assert.deepEqual([...png.data], [...cells]);
  await page.close();
});
