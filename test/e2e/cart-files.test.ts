// Cart files in the studio, in Chromium against the web build: open through the file input and by
// dropping, save as .lua and .png through downloads, the unsaved-changes marker, the question
// before unsaved changes are dropped, recent carts, New, the autosave of data sections, and pmem
// kept across runs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { BANK_SECTIONS, readCart, type Cart } from '../../runner/common/cart/index.js';
import { PACKED_DEFAULT_BYTE, packedCart } from '../unit/cart-fixtures.js';
import { beforeStudioLoads, dropFile, framePixel, inStudio, runAndWaitForFrame, useStudio, waitForState, waitForStudio, waitInStudio } from './studio-page.js';

const CARTS = join(process.cwd(), 'carts');
const GRASS = '38b764';

const studio = useStudio();

const code = (page: Page) => inStudio(page, ([g]) => g.__nibble.editor.getCode());
const setCode = (page: Page, text: string) => inStudio(page, ([g, t]) => g.__nibble.editor.setCode(t), text);
const title = (page: Page) => inStudio(page, ([g]) => g.document.title);
const cartName = (page: Page) => page.locator('.cart-name').inputValue();
const dirtyShown = (page: Page) => page.locator('.dirty-marker').isVisible();

async function openThroughInput(page: Page, file: string): Promise<void> {
  await page.locator('input.open-cart-file').setInputFiles(join(CARTS, file));
  await waitInStudio(page, ([g, name]) => (g.document.querySelector('.cart-name') as { value: string }).value === name, file);
}

async function waitUntil(check: () => boolean, message: string): Promise<void> {
  const end = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > end) assert.fail(message);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Clicks Save as, answers the name prompt, and returns the downloaded file's name and bytes. */
async function saveAs(page: Page, name: string): Promise<{ name: string; bytes: Uint8Array }> {
  page.once('dialog', (dialog) => void dialog.accept(name));
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="save-as"]').click()]);
  return { name: download.suggestedFilename(), bytes: new Uint8Array(readFileSync(await download.path())) };
}

function assertSameData(actual: Cart, expected: Cart, label: string): void {
  for (let bank = 0; bank < expected.banks.length; bank++) {
    for (const section of BANK_SECTIONS) {
      assert.deepEqual(actual.banks[bank][section], expected.banks[bank][section], `${label}: bank ${bank} ${section}`);
    }
  }
}

it('Ctrl+O opens the file picker; a .tic cart shows its code only, and runs with its data', async () => {
  const page = await studio.open();
  const choosing = page.waitForEvent('filechooser');
  // A round trip first, so that Playwright has switched on catching the picker before the key.
  await page.evaluate(() => undefined);
  await page.keyboard.press('Control+O');
  const chooser = await choosing;
  assert.equal(await chooser.element().getAttribute('accept'), '.lua,.tic,.png');
  await chooser.setFiles(join(CARTS, 'sprites.tic'));
  await waitInStudio(page, ([g]) => g.document.title === 'sprites.tic — Nibble');
  const original = readCart(readFileSync(join(CARTS, 'sprites.tic')), 'sprites.tic');
  assert.equal(await code(page), original.code);
  assert.doesNotMatch(await code(page), /-- <TILES>/, 'the data sections stay out of the editor');
  assert.equal(await dirtyShown(page), false);
  assert.equal(await title(page), 'sprites.tic — Nibble');
  await runAndWaitForFrame(page);
  assert.equal(await framePixel(page, 0, 112), GRASS);
  await page.close();
});

it('edited and saved as .lua and .png, the downloads load with readCart and keep every byte of data', async () => {
  const page = await studio.open();
  await openThroughInput(page, 'sprites.tic');
  const original = readCart(readFileSync(join(CARTS, 'sprites.tic')), 'sprites.tic');
  const edited = `-- edited in the studio\n${original.code}`;
  await setCode(page, edited);

  const lua = await saveAs(page, 'edited.lua');
  assert.equal(lua.name, 'edited.lua');
  const fromLua = readCart(lua.bytes, lua.name);
  assert.equal(fromLua.code, edited);
  assertSameData(fromLua, original, '.lua');
  assert.match(new TextDecoder().decode(lua.bytes), /\n-- <TILES>\n-- 001:/, 'a text cart with its data sections');
  assert.equal(await cartName(page), 'edited.lua');

  const png = await saveAs(page, 'edited.png');
  assert.equal(png.name, 'edited.png');
  assert.deepEqual([...png.bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  const fromPng = readCart(png.bytes, png.name);
  assert.equal(fromPng.code, edited);
  assertSameData(fromPng, original, '.png');
  await page.close();
});

it('an edit shows the unsaved marker in the toolbar and the title; saving clears it', async () => {
  const page = await studio.open();
  await openThroughInput(page, 'hello.lua');
  assert.equal(await dirtyShown(page), false);
  await setCode(page, `${await code(page)}-- one more line\n`);
  assert.equal(await dirtyShown(page), true);
  assert.equal(await title(page), '● hello.lua — Nibble');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+S')]);
  assert.equal(download.suggestedFilename(), 'hello.lua');
  await waitInStudio(page, ([g]) => !g.document.title.startsWith('●'));
  assert.equal(await dirtyShown(page), false);
  assert.match(readFileSync(await download.path(), 'utf8'), /-- one more line\n/);
  await page.close();
});

it('a dropped cart opens; with unsaved changes the studio asks first, and No keeps them', async () => {
  const page = await studio.open();
  const png = new Uint8Array(readFileSync(join(CARTS, 'hello.png')));
  await dropFile(page, 'hello.png', png);
  await waitInStudio(page, ([g]) => g.document.title === 'hello.png — Nibble');
  assert.equal(await code(page), readCart(png, 'hello.png').code);

  const mine = `${await code(page)}-- my change\n`;
  await setCode(page, mine);
  const questions: string[] = [];
  page.once('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  const tic = new Uint8Array(readFileSync(join(CARTS, 'sprites.tic')));
  await dropFile(page, 'sprites.tic', tic);
  await waitUntil(() => questions.length > 0, 'the studio did not ask before dropping the changes');
  assert.deepEqual(questions, ['hello.png has unsaved changes. Discard them and open sprites.tic?']);
  assert.equal(await code(page), mine, 'No keeps the open cart and its changes');
  assert.equal(await cartName(page), 'hello.png');
  assert.equal(await dirtyShown(page), true);

  page.once('dialog', (dialog) => void dialog.accept());
  await dropFile(page, 'sprites.tic', tic);
  await waitInStudio(page, ([g]) => g.document.title === 'sprites.tic — Nibble');
  assert.equal(await code(page), readCart(tic, 'sprites.tic').code);
  await page.close();
});

it('a file that is not a cart is refused with its name and the open cart stays', async () => {
  const page = await studio.open();
  const before = await code(page);
  await dropFile(page, 'notes.txt', new TextEncoder().encode('hello'));
  await page.locator('.console-pane', { hasText: 'notes.txt: unknown cart extension' }).waitFor();
  await dropFile(page, 'broken.tic', Uint8Array.of(1, 0xff, 0xff, 0));
  await page.locator('.console-pane', { hasText: 'broken.tic:' }).waitFor();
  assert.equal(await code(page), before);
  await page.close();
});

it('a packed cart opens, and the console says what was repaired in it', async () => {
  const page = await studio.open();
  const packed = 'function TIC()cls(2)end';
  await dropFile(page, 'packed.tic', packedCart(packed, [PACKED_DEFAULT_BYTE]));
  await page.locator('.console-pane', { hasText: 'packed.tic was repaired on load: the DEFAULT chunk header at byte' }).waitFor();
  await page
    .locator('.console-pane', { hasText: 'packed.tic was repaired on load: the CODE_ZIP chunk (bank 0) at byte 0 has no valid zlib checksum' })
    .waitFor();
  assert.equal(await code(page), packed);
  await page.close();
});

it('recent carts reopen from the list, and New starts the template with SWEETIE-16', async () => {
  const page = await studio.open();
  await openThroughInput(page, 'sprites.tic');
  await openThroughInput(page, 'hello.lua');
  const recent = page.locator('select.recent-carts');
  assert.deepEqual(await recent.locator('option').allTextContents(), ['Recent…', 'hello.lua', 'sprites.tic']);
  await recent.selectOption('sprites.tic');
  await waitInStudio(page, ([g]) => g.document.title === 'sprites.tic — Nibble');
  await runAndWaitForFrame(page);
  assert.equal(await framePixel(page, 0, 112), GRASS, 'the reopened cart has its data');

  await page.keyboard.press('Alt+N');
  await waitInStudio(page, ([g]) => g.document.title === 'cart.lua — Nibble');
  assert.match(await code(page), /^-- title: {3}new cart\n/);
  assert.doesNotMatch(await code(page), /-- <PALETTE>/, 'the palette lives in the cart, not the editor');
  const saved = await saveAs(page, 'new.tic');
  const palette = readCart(saved.bytes, saved.name).banks[0].palette;
  assert.equal(Buffer.from(palette.subarray(0, 3)).toString('hex'), '1a1c2c', 'the .tic keeps SWEETIE-16');
  assert.equal(Buffer.from(palette.subarray(45, 48)).toString('hex'), '333c57');
  await page.close();
});

it("the console's load reopens a recent cart by name, with or without its extension, and says which names it knows", async () => {
  const page = await studio.open();
  await openThroughInput(page, 'sprites.tic');
  await openThroughInput(page, 'hello.lua');
  const command = async (line: string) => {
    await page.locator('.console-input').fill(line);
    await page.locator('.console-input').press('Enter');
  };
  await page.locator('.console-input').fill('load spr');
  await page.locator('.console-input').press('Tab');
  assert.equal(await page.locator('.console-input').inputValue(), 'load sprites.tic ', 'Tab completes recent cart names');
  await command('load sprites');
  await waitInStudio(page, ([g]) => g.document.title === 'sprites.tic — Nibble');
  await runAndWaitForFrame(page);
  assert.equal(await framePixel(page, 0, 112), GRASS, 'the reopened cart has its data');

  await command('load HELLO.LUA');
  await waitInStudio(page, ([g]) => g.document.title === 'hello.lua — Nibble');

  await command('load nope');
  await page
    .locator('.line-error', { hasText: 'load: no recent cart named nope (recent carts: hello.lua, sprites.tic); type load alone to pick a file' })
    .waitFor();
  assert.equal(await title(page), 'hello.lua — Nibble');

  const chooser = page.waitForEvent('filechooser');
  await command('load');
  await chooser;
  await page.close();
});

it('the autosave keeps the data sections across a reload', async () => {
  const page = await studio.open();
  await openThroughInput(page, 'sprites.tic');
  await page.reload();
  await waitForStudio(page);
  assert.equal(await cartName(page), 'sprites.tic');
  assert.equal(await dirtyShown(page), false);
  await runAndWaitForFrame(page);
  assert.equal(await framePixel(page, 0, 112), GRASS);
  await page.close();
});

it('code a text cart cannot hold survives the autosave, and a .lua save says why it cannot be made', async () => {
  const page = await studio.open();
  const tricky = 'function TIC() cls(1) end\n-- <b>a line a text cart would read as data</b>\n';
  await setCode(page, tricky);
  await page.reload();
  await waitForStudio(page);
  assert.equal(await code(page), tricky);
  page.once('dialog', (dialog) => void dialog.accept('tricky.lua'));
  await page.locator('[data-action="save-as"]').click();
  await page.locator('.console-pane', { hasText: 'Not saved: tricky.lua: cannot save: code line 2 starts with "-- <"' }).waitFor();
  assert.equal(await dirtyShown(page), true, 'still unsaved');
  await page.close();
});

it('the old {name, code} autosave is read as a text cart, its data sections out of the editor', async () => {
  const palette = `000000ffffffff0000${'0'.repeat(13 * 6)}`;
  const legacy = { name: 'old.lua', code: `function TIC() cls(2) end\n\n-- <PALETTE>\n-- 000:${palette}\n-- </PALETTE>\n` };
  const page = await studio.open((p) =>
    beforeStudioLoads(
      p,
      ([g, stored]) => {
        const storage = g.localStorage;
        if (storage.getItem('nibble.open-cart.v2') === null) storage.setItem('nibble.open-cart.v1', JSON.stringify(stored));
      },
      legacy,
    ),
  );
  assert.equal(await cartName(page), 'old.lua');
  assert.equal(await code(page), 'function TIC() cls(2) end\n');
  assert.equal(await dirtyShown(page), true, 'never saved to a file');
  await runAndWaitForFrame(page);
  assert.equal(await framePixel(page, 10, 10), 'ff0000', 'colour 2 comes from the migrated palette');
  await page.close();
});

it('an autosave an earlier version kept in localStorage moves to the durable store, and localStorage lets it go', async () => {
  const kept = { name: 'kept.lua', location: null, dirty: true, text: 'function TIC() cls(4) end\n' };
  // Seeded once per tab, before the studio's first load only: a reload must find it in the new store.
  const page = await studio.open((p) =>
    beforeStudioLoads(
      p,
      ([g, stored]) => {
        if (g.sessionStorage.getItem('seeded') !== null) return;
        g.sessionStorage.setItem('seeded', 'yes');
        g.localStorage.setItem('nibble.open-cart.v2', JSON.stringify(stored));
      },
      kept,
    ),
  );
  assert.equal(await cartName(page), 'kept.lua');
  assert.equal(await code(page), kept.text);
  assert.equal(await dirtyShown(page), true);
  const left = await inStudio(page, ([g]) => g.localStorage.getItem('nibble.open-cart.v2'));
  assert.equal(left, null, 'moved out of localStorage');
  await page.reload();
  await waitForStudio(page);
  assert.equal(await cartName(page), 'kept.lua');
  assert.equal(await code(page), kept.text);
  assert.equal(await dirtyShown(page), true);
  await page.close();
});

it("two tabs autosave in turn: the kept cart is the last one saved, whole, not one tab's code with the other's data", async () => {
  const context = await studio.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const tab = async (): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(studio.server.url);
    await waitForStudio(page);
    return page;
  };
  const tiles = (page: Page) => inStudio(page, ([g]) => [...g.__nibble.cartBytes('tiles', 0)]);
  const saved = () => new Promise((resolve) => setTimeout(resolve, 500));
  const first = await tab();
  const second = await tab();
  await setCode(first, 'function TIC() cls(4) end\n');
  await saved();
  await openThroughInput(second, 'sprites.tic');
  await saved();
  // Only the first tab's code changed since its last save, but the stored banks are the second's now.
  await setCode(first, 'function TIC() cls(5) end\n');
  await saved();
  const third = await tab();
  assert.equal(await code(third), 'function TIC() cls(5) end\n');
  assert.deepEqual(await tiles(third), await tiles(first), "the first tab's tiles with its code");
  assert.notDeepEqual(await tiles(third), await tiles(second));
  await context.close();
});

it('pmem survives a re-run and a reload of the same cart, kept under its TIC-80 key', async () => {
  const page = await studio.open();
  await setCode(
    page,
    '-- saveid: e2e-counter\nfunction BOOT()\n  n = pmem(0) + 1\n  pmem(0, n)\nend\nfunction TIC()\n  cls(0)\n  rect(0, 0, n * 10, 10, 12)\nend\n',
  );
  await runAndWaitForFrame(page);
  assert.equal(await framePixel(page, 5, 5), 'f4f4f4');
  assert.equal(await framePixel(page, 15, 5), '1a1c2c', 'first run: 1');
  await runAndWaitForFrame(page);
  assert.equal(await framePixel(page, 15, 5), 'f4f4f4', 'second run: 2');
  assert.equal(await framePixel(page, 25, 5), '1a1c2c');
  // md5("e2e-counter"): the key TIC-80 would use for this saveid.
  const { createHash } = await import('node:crypto');
  const key = `nibble.pmem.${createHash('md5').update('e2e-counter').digest('hex')}`;
  const stored = await inStudio(page, ([g, k]) => g.localStorage.getItem(k), key);
  assert.equal(stored?.slice(0, 8), '02000000', 'slot 0 holds 2, little-endian');

  await page.keyboard.press('Escape');
  await waitForState(page, 'stopped');
  await page.reload();
  await waitForStudio(page);
  await runAndWaitForFrame(page);
  assert.equal(await framePixel(page, 25, 5), 'f4f4f4', 'after a reload: 3');
  await page.close();
});
