// Capabilities granted on first use, in Chromium against the web build: a cart dropped on the studio
// (from elsewhere) keeps its pmem out of storage until the player allows it, a changed cart asks
// again, and a denied mouse lock leaves the pointer free.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { dropFile, inStudio, runAndWaitForFrame, useStudio, waitForStudio, waitInStudio } from './studio-page.js';

const studio = useStudio();

const encode = (text: string) => new TextEncoder().encode(text);

/** Drops a .lua cart and waits until the studio has opened it. */
async function dropCart(page: Page, name: string, code: string): Promise<void> {
  await dropFile(page, name, encode(code));
  await waitInStudio(page, ([g, c]) => g.__nibble.editor.getCode() === c, code.replace(/\r\n/g, '\n'));
}

/** Adds value to its pmem slot 0 at every run. */
const pmemCart = (saveId: string, value: number) => `-- saveid: ${saveId}\nfunction BOOT() pmem(0, pmem(0) + ${value}) end\nfunction TIC() cls(1) end\n`;

it("a dropped cart's pmem reaches storage only after Allow; the same cart changed asks again", async () => {
  const page = await studio.open();
  const { createHash } = await import('node:crypto');
  const key = `nibble.pmem.${createHash('md5').update('e2e-grants').digest('hex')}`;
  const stored = () => inStudio(page, ([g, k]) => g.localStorage.getItem(k), key);
  const prompt = page.locator('.capability-prompt');

  // Windows line ends: the file's bytes are not what the studio would write for its cart, so the
  // cart is known by the file's digest, which the autosave must keep across the reload below.
  await dropCart(page, 'stranger.lua', pmemCart('e2e-grants', 7).replace(/\n/g, '\r\n'));
  await runAndWaitForFrame(page);
  await prompt.waitFor({ state: 'visible' });
  assert.match((await prompt.textContent()) ?? '', /stranger\.lua wants to keep its save data/);
  assert.equal(await stored(), null, 'nothing in storage before the answer');
  assert.equal(await inStudio(page, ([g]) => g.__nibble.state()), 'running', 'the cart runs on while asking');
  await prompt.locator('[data-answer="allow"]').click();
  await waitInStudio(page, ([g, k]) => g.localStorage.getItem(k) !== null, key);
  assert.equal((await stored())?.slice(0, 8), '07000000');

  // The autosave keeps what the dropped cart is known by: after a reload it is the same cart.
  await page.keyboard.press('Escape');
  await page.reload();
  await waitForStudio(page);
  await runAndWaitForFrame(page);
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(await prompt.isVisible(), false, 'the same content is not asked again');
  await waitInStudio(page, ([g, k]) => g.localStorage.getItem(k)?.startsWith('0e000000'), key);

  await dropCart(page, 'stranger.lua', pmemCart('e2e-grants', 9));
  await runAndWaitForFrame(page);
  await prompt.waitFor({ state: 'visible' });
  assert.match((await prompt.textContent()) ?? '', /changed since you last answered/);
  assert.equal((await stored())?.slice(0, 8), '0e000000', "the changed cart's write is held");
  await prompt.locator('[data-answer="deny"]').click();
  await page.keyboard.press('Escape');
  await waitInStudio(page, ([g]) => g.__nibble.state() === 'stopped');
  assert.equal((await stored())?.slice(0, 8), '0e000000', 'denied: never stored');

  await page.locator('[data-action="settings"]').click();
  const rows = page.locator('.capability-grant');
  assert.equal(await rows.count(), 2, 'both contents listed');
  await rows.first().locator('button', { hasText: 'Revoke' }).click();
  assert.equal(await rows.count(), 1);
  await page.close();
});

it('a denied mouse lock leaves the pointer free: relative mode never reaches the page', async () => {
  const page = await studio.open();
  const code =
    'function TIC()\n  cls(2)\n  poke(0x0FF87, peek(0x0FF87) | 0x80)\n  local dx, dy = mouse()\n  if dx ~= 0 or dy ~= 0 then trace("moved " .. dx .. " " .. dy) end\nend\n';
  await dropCart(page, 'locker.lua', code);
  await runAndWaitForFrame(page);
  const prompt = page.locator('.capability-prompt');
  await prompt.waitFor({ state: 'visible' });
  assert.match((await prompt.textContent()) ?? '', /locker\.lua wants to lock the mouse pointer/);
  await prompt.locator('[data-answer="deny"]').click();
  const box = await page.locator('#screen canvas').boundingBox();
  assert.ok(box);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2, { steps: 6 });
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(await inStudio(page, ([g]) => g.document.pointerLockElement), null, 'the pointer is not locked');
  assert.equal(await page.locator('#screen-label', { hasText: 'click the screen' }).isVisible(), false, 'no offer to lock it');
  await page.close();
});

it("sync() with tocart edits the open cart: at once for the studio's own, after Allow for a dropped one", async () => {
  const page = await studio.open();
  const code = 'function TIC()\n  cls(0)\n  poke(0x8000, 42)\n  sync(4, 0, true)\nend\n';
  const firstMapByte = () => inStudio(page, ([g]) => g.__nibble.cartBytes('map', 0)[0]);
  await inStudio(page, ([g, c]) => g.__nibble.editor.setCode(c), code);
  await runAndWaitForFrame(page);
  await waitInStudio(page, ([g]) => g.__nibble.cartBytes('map', 0)[0] === 42);
  await page.keyboard.press('Escape');
  // The write left the typed cart with unsaved changes: dropping another asks before discarding them.
  page.on('dialog', (dialog) => void dialog.accept());
  await dropCart(page, 'writer.lua', code.replace('42', '43'));
  await runAndWaitForFrame(page);
  const prompt = page.locator('.capability-prompt');
  await prompt.waitFor({ state: 'visible' });
  assert.match((await prompt.textContent()) ?? '', /writer\.lua wants to write its data back into the cart/);
  assert.equal(await firstMapByte(), 0, 'not written before the answer');
  await prompt.locator('[data-answer="session"]').click();
  await waitInStudio(page, ([g]) => g.__nibble.cartBytes('map', 0)[0] === 43);
  await page.close();
});
