// The code's size as TIC-80 counts it (bytes, against the 65,536 its code editor takes) in the
// status line, and the console's word when a cart saved past it leaves TIC-80's editor behind.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { readCart } from '../../runner/common/cart/index.js';
import { inStudio, useStudio } from './studio-page.js';

const studio = useStudio();

const setCode = (page: Page, text: string) => inStudio(page, ([g, t]) => g.__nibble.editor.setCode(t), text);
const sizeShown = (page: Page) => page.locator('.status-code-size');

/** Code of exactly `bytes` UTF-8 bytes, with two-byte characters in it. */
function codeOf(bytes: number): string {
  const head = '-- é\nfunction TIC() cls(1) end\n';
  return head + '-'.repeat(bytes - new TextEncoder().encode(head).length);
}

it('the status line shows the code size in bytes, in the warning colour only past 65,536', async () => {
  const page = await studio.open();
  await setCode(page, codeOf(100));
  await sizeShown(page).filter({ hasText: 'size 100/65536' }).waitFor();
  assert.equal(await sizeShown(page).evaluate((e: { classList: { contains(c: string): boolean } }) => e.classList.contains('over-budget')), false);
  await setCode(page, codeOf(65536));
  await sizeShown(page).filter({ hasText: 'size 65536/65536' }).waitFor();
  assert.equal(
    await sizeShown(page).evaluate((e: { classList: { contains(c: string): boolean } }) => e.classList.contains('over-budget')),
    false,
    'at the limit',
  );
  await setCode(page, codeOf(65537));
  await page.locator('.status-code-size.over-budget', { hasText: 'size 65537/65536' }).waitFor();
  await page.close();
});

it('a cart saved with code past 65,536 bytes is saved, and the console says what TIC-80 will make of it', async () => {
  const page = await studio.open();
  const code = codeOf(70000);
  await setCode(page, code);
  page.once('dialog', (dialog) => void dialog.accept('big.tic'));
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="save-as"]').click()]);
  assert.equal(readCart(new Uint8Array(readFileSync(await download.path())), 'big.tic').code, code, 'the file holds all of the code');
  await page.locator('.console-pane', { hasText: "big.tic: the code is 70,000 bytes, over the 65,536 that TIC-80's code editor takes." }).waitFor();
  await page.close();
});
