// The runner's kernel sandbox as the studio shows it: a badge in the status line once a runner is
// ready, and a warning in the console when a cart that came from elsewhere runs without it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { eventually, openStudio, runAndWaitForFrame, useStudio, waitInStudio } from './studio-page.js';

const studio = useStudio();

const STRANGER = new TextEncoder().encode('-- title: from a stranger\nfunction TIC()\n  cls(3)\nend\n');

async function openFile(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.locator('input.open-cart-file').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(bytes) });
  await waitInStudio(page, ([g, n]) => (g.document.querySelector('.cart-name') as { value: string }).value === n, name);
}

const badge = (page: Page) => page.locator('.status-sandbox');
const warnings = (page: Page) => page.locator('.line-warning');

it(
  'with runner processes the badge says the kernel sandbox is on, and a cart from a file runs without a warning',
  { skip: process.platform === 'linux' && process.arch === 'x64' ? false : 'the kernel sandbox exists for x86_64 Linux only' },
  async () => {
    const page = await studio.open();
    await openFile(page, 'stranger.lua', STRANGER);
    await runAndWaitForFrame(page);
    await eventually(() => badge(page).textContent(), 'kernel sandbox on', 'the badge');
    assert.match((await badge(page).getAttribute('title')) ?? '', /^kernel sandbox: Landlock ABI \d+ denies all file access/);
    assert.equal(await warnings(page).count(), 0);
    await page.close();
  },
);

it("in Web Workers the badge says the browser's sandbox; a cart from a file warns, the studio's own carts do not", async () => {
  const address = new URL(studio.server.url);
  address.searchParams.set('runner', 'worker');
  const page = await openStudio(studio.browser, address.href);
  // The template cart was made here.
  await runAndWaitForFrame(page);
  await eventually(() => badge(page).textContent(), "browser's sandbox", 'the badge');
  assert.match((await badge(page).getAttribute('title')) ?? '', /^no kernel sandbox in a browser/);
  assert.equal(await warnings(page).count(), 0, 'a warning for the template cart');

  await openFile(page, 'stranger.lua', STRANGER);
  await runAndWaitForFrame(page);
  await warnings(page).first().waitFor();
  assert.match(
    (await warnings(page).first().textContent()) ?? '',
    /^stranger\.lua did not come from this studio, and it runs without the kernel sandbox \(no kernel sandbox in a browser/,
  );

  // Saved here, it is the studio's own: neither its next run nor the saved file, reopened, warns.
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+S')]);
  const saved = new Uint8Array(readFileSync(await download.path()));
  await runAndWaitForFrame(page);
  await openFile(page, 'reopened.lua', saved);
  await runAndWaitForFrame(page);
  assert.equal(await warnings(page).count(), 1, 'a warning for a cart saved here');
  await page.close();
});
