// The Sprites tab (F2) in Chromium against the web build: drawing, fill, flags, palette sliders,
// selection moves, copy and paste, flips and rotation change the cart's bytes as TIC-80 lays them
// out; undo and redo step back and forth; a saved cart keeps the edits and a run draws them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { readCart } from '../../runner/common/cart/index.js';
import { framePixel, inStudio, runAndWaitForFrame, useStudio, waitInStudio } from './studio-page.js';

type Section = 'tiles' | 'sprites' | 'flags' | 'palette';

const studio = useStudio();

const WHITE = 12;
const GREEN = 6;

const bytes = async (page: Page, section: Section): Promise<number[]> => inStudio(page, ([g, s]) => [...g.__nibble.cartBytes(s, 0)], section);

/** Two display frames: the editor redraws (and resizes its canvases) on the next one after a change. */
const redrawn = (page: Page) => inStudio(page, ([g]) => new Promise<void>((resolve) => g.requestAnimationFrame(() => g.requestAnimationFrame(resolve))));

/** The studio with an empty-sheet cart, showing the Sprites tab (opened with F2). */
async function openSpriteEditor(): Promise<Page> {
  const page = await studio.open();
  await page.keyboard.press('F2');
  await page.locator('.sprite-canvas-box canvas').waitFor();
  await page.locator('.sprite-sheet-box canvas').waitFor();
  await redrawn(page);
  return page;
}

/** The middle of pixel (x, y) of a canvas showing `size` x `size` pixels, in page coordinates. */
async function pixelCentre(page: Page, selector: string, size: number, x: number, y: number): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).boundingBox();
  assert.ok(box, `${selector} is on the page`);
  return { x: box.x + ((x + 0.5) * box.width) / size, y: box.y + ((y + 0.5) * box.height) / size };
}

const canvasPoint = (page: Page, x: number, y: number, size = 8) => pixelCentre(page, '.sprite-canvas-box canvas', size, x, y);

/** Chooses the sprite at (col, row) of the sheet page. */
async function chooseSprite(page: Page, col: number, row: number): Promise<void> {
  const at = await pixelCentre(page, '.sprite-sheet-box canvas', 16, col, row);
  await page.mouse.click(at.x, at.y);
  await redrawn(page);
}

/** Presses at canvas pixel `from`, drags through to `to`, and lets go. */
async function drag(page: Page, from: [number, number], to: [number, number], size = 8): Promise<void> {
  const a = await canvasPoint(page, from[0], from[1], size);
  const b = await canvasPoint(page, to[0], to[1], size);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 6 });
  await page.mouse.up();
  await redrawn(page);
}

async function clickCanvas(page: Page, x: number, y: number, size = 8): Promise<void> {
  const at = await canvasPoint(page, x, y, size);
  await page.mouse.click(at.x, at.y);
  await redrawn(page);
}

async function press(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key);
  await redrawn(page);
}

/** Palette index of pixel (x, y) of 4 bpp sprite `id` (0-255) in a tiles or sprites section. */
function pixel4(section: number[], id: number, x: number, y: number): number {
  const byte = section[id * 32 + y * 4 + (x >> 1)];
  return x % 2 === 0 ? byte & 15 : byte >> 4;
}

/** The 8 x 8 pixels of 4 bpp sprite `id`, row by row. */
function sprite4(section: number[], id: number): number[][] {
  return Array.from({ length: 8 }, (_, y) => Array.from({ length: 8 }, (_, x) => pixel4(section, id, x, y)));
}

it('F2 opens the sprite editor; a brush stroke, a fill and the flags change the cart, one undo step each', async () => {
  const page = await openSpriteEditor();
  assert.equal(await page.locator('[data-tab="sprites"]').getAttribute('aria-selected'), 'true');
  assert.ok(
    sprite4(await bytes(page, 'tiles'), 1)
      .flat()
      .every((c) => c === 0),
    'the new cart starts with an empty sprite 1',
  );

  await chooseSprite(page, 1, 0);
  assert.equal(await page.locator('.sprite-index').textContent(), '#001');
  await page.locator('.sprite-swatch[data-color="12"]').click();
  await drag(page, [0, 3], [7, 3]);
  const stroke = sprite4(await bytes(page, 'tiles'), 1);
  assert.deepEqual(stroke[3], Array(8).fill(WHITE), 'the stroke drew row 3 without gaps');
  assert.ok(
    [...stroke.slice(0, 3), ...stroke.slice(4)].flat().every((c) => c === 0),
    'and nothing else',
  );

  await press(page, '4');
  assert.equal(await page.locator('[data-choice="tool-fill"]').getAttribute('aria-pressed'), 'true');
  await page.locator('.sprite-swatch[data-color="6"]').click();
  await clickCanvas(page, 2, 1);
  const filled = sprite4(await bytes(page, 'tiles'), 1);
  assert.deepEqual(filled.slice(0, 3), Array(3).fill(Array(8).fill(GREEN)), 'the fill covered the area above the line');
  assert.deepEqual(filled[3], Array(8).fill(WHITE), 'the line stopped it');
  assert.ok(
    filled
      .slice(4)
      .flat()
      .every((c) => c === 0),
  );
  assert.ok(
    sprite4(await bytes(page, 'tiles'), 0)
      .flat()
      .every((c) => c === 0),
    'the fill stays inside the canvas',
  );

  await page.locator('.sprite-flag[data-flag="2"]').click();
  await page.locator('.sprite-flag[data-flag="7"]').click();
  assert.equal((await bytes(page, 'flags'))[1], 0b1000_0100);

  await press(page, 'Control+Z');
  assert.equal((await bytes(page, 'flags'))[1], 0b0000_0100, 'undo takes back the last flag');
  await press(page, 'Control+Z');
  await press(page, 'Control+Z');
  assert.deepEqual(sprite4(await bytes(page, 'tiles'), 1), stroke, 'two more undos leave the stroke without the fill');
  await press(page, 'Control+Y');
  assert.deepEqual(sprite4(await bytes(page, 'tiles'), 1), filled, 'redo brings the fill back');

  await page.locator('[data-choice="section-sprites"]').click();
  await chooseSprite(page, 1, 0);
  assert.equal(await page.locator('.sprite-index').textContent(), '#257');
  await page.locator('.sprite-flag[data-flag="0"]').click();
  assert.equal((await bytes(page, 'flags'))[257], 1, 'sprite 257 is flags byte 257');
  await page.close();
});

it('the RGB sliders edit colour 1 of the vbank 0 palette (bytes 3-5) and of vbank 1 (bytes 51-53)', async () => {
  const page = await openSpriteEditor();
  const before = await bytes(page, 'palette');
  await page.locator('.sprite-swatch[data-color="1"]').click();
  await page.locator('.sprite-slider[data-channel="R"]').fill('255');
  await page.locator('.sprite-slider[data-channel="G"]').fill('16');
  await page.locator('.sprite-slider[data-channel="B"]').fill('0');
  const vbank0 = await bytes(page, 'palette');
  assert.deepEqual(vbank0.slice(3, 6), [255, 16, 0]);
  assert.deepEqual([...vbank0.slice(0, 3), ...vbank0.slice(6)], [...before.slice(0, 3), ...before.slice(6)]);
  assert.equal(await page.locator('.sprite-swatch[data-color="1"]').evaluate((b: { style: { background: string } }) => b.style.background), 'rgb(255, 16, 0)');

  await page.locator('.sprite-rgb button', { hasText: 'vbank 1' }).click();
  await page.locator('.sprite-slider[data-channel="G"]').fill('200');
  const vbank1 = await bytes(page, 'palette');
  assert.equal(vbank1[48 + 4], 200);
  assert.deepEqual(vbank1.slice(0, 48), vbank0.slice(0, 48), 'vbank 0 is left alone');

  await page.locator('.sprite-slider[data-channel="G"]').focus();
  await press(page, 'Control+Z');
  assert.equal((await bytes(page, 'palette'))[48 + 4], before[48 + 4], 'undo restores the vbank 1 colour');
  await page.close();
});

it('copy and paste carry a whole palette as hex, from vbank 0 to vbank 1', async () => {
  const page = await openSpriteEditor();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.locator('.sprite-rgb button', { hasText: 'copy' }).click();
  const vbank0 = (await bytes(page, 'palette')).slice(0, 48);
  assert.equal(await inStudio(page, ([g]) => g.navigator.clipboard.readText()), vbank0.map((b) => b.toString(16).padStart(2, '0')).join(''));
  assert.notDeepEqual((await bytes(page, 'palette')).slice(48), vbank0, 'vbank 1 starts with another palette');
  await page.locator('.sprite-rgb button', { hasText: 'vbank 1' }).click();
  await page.locator('.sprite-rgb button', { hasText: 'paste' }).click();
  await waitInStudio(page, ([g]) => g.__nibble.cartBytes('palette', 0)[48] !== 0);
  assert.deepEqual((await bytes(page, 'palette')).slice(48), vbank0);
  await page.close();
});

it('select, move, copy and paste, flips, rotation and erase act on the canvas or the selection', async () => {
  const page = await openSpriteEditor();
  await chooseSprite(page, 3, 0);
  await page.locator('.sprite-swatch[data-color="12"]').click();
  await clickCanvas(page, 1, 0);
  const at = async () => {
    const s = sprite4(await bytes(page, 'tiles'), 3);
    return s.flatMap((row, y) => row.flatMap((c, x) => (c === 0 ? [] : [[x, y, c]])));
  };
  assert.deepEqual(await at(), [[1, 0, WHITE]]);
  await press(page, '5');
  assert.deepEqual(await at(), [[6, 0, WHITE]], 'key 5 flips horizontally');
  await press(page, '6');
  assert.deepEqual(await at(), [[6, 7, WHITE]], 'key 6 flips vertically');
  await press(page, '7');
  assert.deepEqual(await at(), [[0, 6, WHITE]], 'key 7 turns the canvas a quarter clockwise');

  await press(page, '3');
  await drag(page, [0, 6], [1, 7]);
  await drag(page, [0, 6], [4, 5]);
  assert.deepEqual(await at(), [[4, 5, WHITE]], 'dragging the selection moves its pixels');
  await press(page, 'Control+C');
  await clickCanvas(page, 7, 0);
  await press(page, 'Control+V');
  assert.deepEqual(
    await at(),
    [
      [0, 0, WHITE],
      [4, 5, WHITE],
    ],
    'with nothing selected, paste goes to the top-left corner',
  );
  await press(page, '8');
  assert.deepEqual(await at(), [[4, 5, WHITE]], 'key 8 erases the pasted block, which stays selected');
  await press(page, 'Escape');
  await press(page, '8');
  assert.deepEqual(await at(), [], 'with nothing selected, erase clears the canvas');
  await press(page, 'Control+Z');
  assert.deepEqual(await at(), [[4, 5, WHITE]]);
  await page.close();
});

it('a 16-pixel canvas spans 2 x 2 sprites, and the brush size paints squares', async () => {
  const page = await openSpriteEditor();
  await page.locator('[data-choice="size-16"]').click();
  await redrawn(page);
  await chooseSprite(page, 4, 2);
  assert.equal(await page.locator('.sprite-index').textContent(), '#036');
  await page.locator('[data-choice="brush-2"]').click();
  await page.locator('.sprite-swatch[data-color="12"]').click();
  await clickCanvas(page, 7, 7, 16);
  const tiles = await bytes(page, 'tiles');
  assert.equal(pixel4(tiles, 36, 7, 7), WHITE);
  assert.equal(pixel4(tiles, 37, 0, 7), WHITE, 'the square crosses into the sprite on the right');
  assert.equal(pixel4(tiles, 52, 7, 0), WHITE, 'and the one below');
  assert.equal(pixel4(tiles, 53, 0, 0), WHITE);
  await page.close();
});

it('a 2 bpp edit on page 1 lands where spr() reads it with blit segment 5', async () => {
  const page = await openSpriteEditor();
  await page.locator('[data-choice="bpp-2"]').click();
  await page.locator('[data-choice="page-1"]').click();
  await redrawn(page);
  assert.equal(await page.locator('.sprite-index').textContent(), '#016');
  assert.equal(await page.locator('.sprite-swatch[data-color="4"]').isDisabled(), true, 'a 2 bpp sheet has 4 colours');
  await page.locator('.sprite-swatch[data-color="3"]').click();
  await clickCanvas(page, 0, 0);
  await clickCanvas(page, 7, 7);
  const tiles = await bytes(page, 'tiles');
  // Page 1 starts at tile 8: its sprite 0's pixel (0, 0) is the low 2 bits of byte 256, and
  // pixel (7, 7) is bits 14-15 of row 7 (4 bytes per row of 16 pixels).
  assert.equal(tiles[256], 3);
  assert.equal(tiles[256 + 7 * 4 + 1], 3 << 6);

  await inStudio(page, ([g, code]) => g.__nibble.editor.setCode(code), 'function TIC() cls(0) poke4(0x3FFC*2,5) spr(0,0,0) end');
  await runAndWaitForFrame(page);
  assert.equal(await framePixel(page, 0, 0), 'ef7d57');
  assert.equal(await framePixel(page, 7, 7), 'ef7d57');
  assert.equal(await framePixel(page, 1, 0), '1a1c2c');
  await page.close();
});

it('the edits are in the saved cart, and a run draws the sprite in the edited palette', async () => {
  const page = await openSpriteEditor();
  await chooseSprite(page, 1, 0);
  await page.locator('.sprite-swatch[data-color="12"]').click();
  await drag(page, [0, 3], [7, 3]);
  await page.locator('.sprite-flag[data-flag="1"]').click();
  await page.locator('.sprite-slider[data-channel="G"]').fill('0');

  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+S')]);
  const saved = readCart(new Uint8Array(readFileSync(await download.path())), download.suggestedFilename());
  const bank = saved.banks[0];
  assert.deepEqual(sprite4([...bank.tiles], 1)[3], Array(8).fill(WHITE));
  assert.equal(bank.flags[1], 2);
  assert.deepEqual([...bank.palette.subarray(36, 39)], [0xf4, 0, 0xf4]);

  await inStudio(page, ([g, code]) => g.__nibble.editor.setCode(code), 'function TIC() cls(0) if fget(1,1) then spr(1,0,0) end end');
  await runAndWaitForFrame(page);
  for (let x = 0; x < 8; x++) assert.equal(await framePixel(page, x, 3), 'f400f4', `pixel ${x} of the stroke`);
  assert.equal(await framePixel(page, 0, 2), '1a1c2c');
  await page.close();
});
