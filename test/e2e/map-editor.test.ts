// The Map editor (F3) as a person uses it, in Chromium against the web build: pick tiles from
// the sheet and draw them, stamp a block, flood fill and replace all, undo and redo, the grid, the
// world view, select with copy, paste and delete, the drag tool; then save the cart and run it,
// and the cart's map() draws what was drawn.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { readCart } from '../../runner/common/cart/index.js';
import { MAP_COLUMNS } from '../../runner/common/memory-map.js';
import { eventually, framePixel, inStudio, runAndWaitForFrame, useStudio, waitInStudio } from './studio-page.js';
import { readRgbaPng } from '../rgba-png.js';

const SWEETIE_16 = '1a1c2c5d275db13e53ef7d57ffcd75a7f07038b76425717929366f3b5dc941a6f673eff7f4f4f494b0c2566c86333c57';
const BLACK = '1a1c2c';
const RED = 'b13e53';
const GREEN = '38b764';

/** Tiles of one colour each: tile id -> palette index. */
const SOLID_TILES: Readonly<Record<number, number>> = { 1: 2, 2: 6, 3: 9, 4: 5, 17: 4, 18: 12 };

/** A cart whose TIC() draws the first screen of the map, with solid tiles to draw it with. */
function mapCart(): string {
  const tiles = Object.entries(SOLID_TILES).map(([id, color]) => `-- ${id.padStart(3, '0')}:${color.toString(16).repeat(64)}`);
  return [
    '-- title: map test',
    '-- script: lua',
    'function TIC()',
    '\tcls(0)',
    '\tmap(0,0,30,17,0,0)',
    'end',
    '',
    '-- <TILES>',
    ...tiles,
    '-- </TILES>',
    '',
    '-- <PALETTE>',
    `-- 000:${SWEETIE_16}`,
    '-- </PALETTE>',
    '',
  ].join('\n');
}

const studio = useStudio();

/** The studio with the test cart open and the Map tab shown. */
async function openMapEditor(): Promise<Page> {
  const page = await studio.open();
  await page.locator('input.open-cart-file').setInputFiles({ name: 'map-test.lua', mimeType: 'text/plain', buffer: Buffer.from(mapCart()) });
  await waitInStudio(page, ([g]) => g.document.title === 'map-test.lua — Nibble');
  await page.keyboard.press('F3');
  await page.locator('.map-view-canvas').waitFor();
  await page.locator('.map-picker-canvas').waitFor();
  return page;
}

async function mapBytes(page: Page): Promise<Uint8Array> {
  return new Uint8Array(await inStudio(page, ([g]) => [...g.__nibble.cartBytes('map', 0)]));
}

const cell = (map: Uint8Array, x: number, y: number): number => map[y * MAP_COLUMNS + x];
const count = (map: Uint8Array, tile: number): number => map.filter((t) => t === tile).length;

/** Page position of a point given in the canvas's own pixels (the map view is 240x136, the sheet 128x128). */
async function canvasPoint(page: Page, selector: string, width: number, height: number, x: number, y: number): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).boundingBox();
  assert.ok(box, `${selector} is not shown`);
  return { x: box.x + (x * box.width) / width, y: box.y + (y * box.height) / height };
}

/** Page position of the middle of a cell of the map view (cells counted from the view's corner). */
const viewCell = (page: Page, x: number, y: number) => canvasPoint(page, '.map-view-canvas', 240, 136, x * 8 + 4, y * 8 + 4);
const sheetTile = (page: Page, id: number) => canvasPoint(page, '.map-picker-canvas', 128, 128, (id % 16) * 8 + 4, Math.floor(id / 16) * 8 + 4);

async function clickAt(page: Page, at: Promise<{ x: number; y: number }>, modifiers: ('Control' | 'Shift')[] = []): Promise<void> {
  const { x, y } = await at;
  for (const key of modifiers) await page.keyboard.down(key);
  await page.mouse.click(x, y);
  for (const key of modifiers) await page.keyboard.up(key);
}

async function dragBetween(page: Page, from: Promise<{ x: number; y: number }>, to: Promise<{ x: number; y: number }>): Promise<void> {
  const a = await from;
  const b = await to;
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 8 });
  await page.mouse.up();
}

const pickTile = (page: Page, id: number) => clickAt(page, sheetTile(page, id));
const clickCell = (page: Page, x: number, y: number, modifiers: ('Control' | 'Shift')[] = []) => clickAt(page, viewCell(page, x, y), modifiers);

/** The map view as shown on screen, and the hex colour of one of its CSS pixels. */
async function viewPixel(page: Page, x: number, y: number): Promise<string> {
  const png = readRgbaPng(await page.locator('.map-view-canvas').screenshot());
  const i = (y * png.width + x) * 4;
  return [png.data[i], png.data[i + 1], png.data[i + 2]].map((v) => v.toString(16).padStart(2, '0')).join('');
}

/** Waits until the map view shows `color` at a CSS pixel (it draws on the next display frame). */
async function waitForViewPixel(page: Page, x: number, y: number, color: string): Promise<void> {
  await eventually(() => viewPixel(page, x, y), color, `map view pixel (${x}, ${y})`);
}

/** CSS pixels per map pixel in the view. */
async function viewScale(page: Page): Promise<number> {
  const box = await page.locator('.map-view-canvas').boundingBox();
  assert.ok(box);
  return box.width / 240;
}

it('draws the picked tile in the cart palette, fills inside a ring, replaces all with Ctrl+click, and undoes', async () => {
  const page = await openMapEditor();
  await pickTile(page, 1);
  await clickCell(page, 2, 3);
  let map = await mapBytes(page);
  assert.equal(cell(map, 2, 3), 1);
  assert.equal(count(map, 1), 1, 'one cell drawn');
  const scale = await viewScale(page);
  await waitForViewPixel(page, Math.floor((2 * 8 + 4) * scale), Math.floor((3 * 8 + 4) * scale), RED);
  await waitForViewPixel(page, Math.floor(4 * scale), Math.floor(4 * scale), BLACK);

  for (const [x, y] of [
    [9, 4],
    [10, 4],
    [11, 4],
    [9, 5],
    [11, 5],
    [9, 6],
    [10, 6],
    [11, 6],
  ] as const)
    await clickCell(page, x, y);
  await page.keyboard.press('4');
  assert.equal(await page.locator('.map-tool[data-tool="fill"]').getAttribute('aria-pressed'), 'true');
  await pickTile(page, 2);
  await clickCell(page, 10, 5);
  map = await mapBytes(page);
  assert.equal(cell(map, 10, 5), 2, 'the cell inside the ring is filled');
  assert.equal(count(map, 2), 1, 'the fill stops at the ring');
  assert.equal(count(map, 1), 9);

  await pickTile(page, 3);
  await clickCell(page, 2, 3, ['Control']);
  map = await mapBytes(page);
  assert.equal(count(map, 1), 0, 'Ctrl+click replaced every tile 1, touching or not');
  assert.equal(count(map, 3), 9);
  assert.equal(cell(map, 9, 4), 3);

  await page.keyboard.press('Control+Z');
  map = await mapBytes(page);
  assert.equal(count(map, 1), 9, 'undo brings the replaced tiles back');
  assert.equal(count(map, 3), 0);
  await page.keyboard.press('Control+Y');
  assert.equal(count(await mapBytes(page), 3), 9, 'redo replaces them again');

  await pickTile(page, 4);
  await clickCell(page, 0, 0);
  map = await mapBytes(page);
  assert.equal(count(map, 0), 0, 'the fill reached every empty cell of the whole map');
  assert.equal(count(map, 4), MAP_COLUMNS * 136 - 10);
  assert.equal(cell(map, 10, 5), 2, 'but not the cell inside the ring');
  await page.close();
});

it('a block picked from the sheet stamps as one; ` shows the grid; the world view jumps to a screen', async () => {
  const page = await openMapEditor();
  await dragBetween(page, sheetTile(page, 1), sheetTile(page, 18));
  assert.equal(await page.locator('.map-picker-caption').textContent(), 'tiles from 1, 2×2');
  await clickCell(page, 5, 5);
  const map = await mapBytes(page);
  assert.deepEqual([cell(map, 5, 5), cell(map, 6, 5), cell(map, 5, 6), cell(map, 6, 6)], [1, 2, 17, 18]);
  assert.equal(count(map, 0), MAP_COLUMNS * 136 - 4);

  const scale = await viewScale(page);
  const onGridLine = Math.round(8 * scale);
  await waitForViewPixel(page, onGridLine, 2, BLACK);
  await page.keyboard.press('Backquote');
  assert.equal(await page.locator('.map-toggle[data-toggle="grid"]').getAttribute('aria-pressed'), 'true');
  const gridDue = Date.now() + 5000;
  while ((await viewPixel(page, onGridLine, 2)) === BLACK && Date.now() < gridDue) await page.waitForTimeout(20);
  assert.notEqual(await viewPixel(page, onGridLine, 2), BLACK, 'a grid line between the first two cells');
  assert.equal(await viewPixel(page, onGridLine + 2, 2), BLACK, 'and none inside a cell');

  await page.keyboard.press('Tab');
  assert.equal(await page.locator('.map-toggle[data-toggle="world"]').getAttribute('aria-pressed'), 'true');
  // In the world view one map cell is one view pixel: screen (3, 2) spans x 90-119, y 34-50.
  await clickAt(page, canvasPoint(page, '.map-view-canvas', 240, 136, 3 * 30 + 15, 2 * 17 + 8));
  assert.equal(await page.locator('.map-toggle[data-toggle="world"]').getAttribute('aria-pressed'), 'false');
  await pickTile(page, 1);
  await clickCell(page, 0, 0);
  await clickCell(page, 29, 16);
  const after = await mapBytes(page);
  assert.equal(cell(after, 90, 34), 1, "the view's first cell is screen (3, 2)'s first");
  assert.equal(cell(after, 119, 50), 1, "and its last cell is that screen's last");
  await page.close();
});

it('select copies, pastes and deletes a rectangle; the drag tool scrolls the map', async () => {
  const page = await openMapEditor();
  await dragBetween(page, sheetTile(page, 1), sheetTile(page, 2));
  await clickCell(page, 1, 1);
  await page.keyboard.press('3');
  await dragBetween(page, viewCell(page, 1, 1), viewCell(page, 2, 1));
  await page.keyboard.press('Control+C');
  await clickCell(page, 4, 8);
  await page.keyboard.press('Control+V');
  let map = await mapBytes(page);
  assert.deepEqual([cell(map, 4, 8), cell(map, 5, 8)], [1, 2], 'pasted at the selected cell');
  assert.deepEqual([cell(map, 1, 1), cell(map, 2, 1)], [1, 2], 'the copy stays');
  await page.keyboard.press('Delete');
  map = await mapBytes(page);
  assert.deepEqual([cell(map, 4, 8), cell(map, 5, 8)], [0, 0], 'Delete clears the pasted rectangle, which is selected');
  assert.equal(count(map, 0), MAP_COLUMNS * 136 - 2);

  await page.keyboard.press('2');
  // Drag the map five cells to the left: the view's first column is then map column 5.
  await dragBetween(page, canvasPoint(page, '.map-view-canvas', 240, 136, 100, 50), canvasPoint(page, '.map-view-canvas', 240, 136, 60, 50));
  await page.keyboard.press('1');
  await pickTile(page, 3);
  await clickCell(page, 0, 0);
  map = await mapBytes(page);
  assert.equal(cell(map, 5, 0), 3);
  assert.equal(cell(map, 0, 0), 0);
  await page.close();
});

it('the map saved with Ctrl+S holds the drawing, and the cart run draws it with map()', async () => {
  const page = await openMapEditor();
  await pickTile(page, 1);
  await clickCell(page, 2, 3);
  await pickTile(page, 2);
  // One stroke across three cells.
  await dragBetween(page, viewCell(page, 3, 3), viewCell(page, 5, 3));
  const drawn = await mapBytes(page);
  assert.deepEqual(
    [2, 3, 4, 5].map((x) => cell(drawn, x, 3)),
    [1, 2, 2, 2],
  );
  await page.keyboard.press('Control+Z');
  assert.equal(count(await mapBytes(page), 2), 0, 'a stroke is one undo step');
  await page.keyboard.press('Control+Y');

  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+S')]);
  assert.equal(download.suggestedFilename(), 'map-test.lua');
  const saved = readCart(new Uint8Array(readFileSync(await download.path())), 'map-test.lua');
  assert.deepEqual(saved.banks[0].map, drawn);

  await runAndWaitForFrame(page);
  assert.equal(await framePixel(page, 2 * 8 + 4, 3 * 8 + 4), RED);
  assert.equal(await framePixel(page, 5 * 8 + 4, 3 * 8 + 4), GREEN);
  assert.equal(await framePixel(page, 6 * 8 + 4, 3 * 8 + 4), BLACK);
  await page.close();
});
