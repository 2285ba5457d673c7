// Every hostile cart, run from the studio in Chromium: the studio's own frame rate is recorded
// while the attack runs, and the studio must keep drawing and end each run cleanly.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startWebServer, type WebServer } from '../../electron/node/web-server.js';
import { CHROMIUM_FLAGS, findChromium } from '../chromium.js';
import { ATTACKS } from '../fixtures/hostile-carts.js';

/** What these tests use of the studio page's globals (code in page.evaluate runs in the page). */
interface StudioPage {
  __nibble: { studioFps(): number; state(): string; editor: { setCode(code: string): void } };
}

/** The studio's frame rate must not drop below this during any attack. */
const MIN_STUDIO_FPS = 30;
const ATTACK_MS = 1200;

let server: WebServer;
let browser: Browser;
let page: Page;

before(async () => {
  const executablePath = findChromium();
  assert.ok(executablePath, 'no Chromium found: run the tests with npm test, which installs it or says what to install');
  server = await startWebServer({ port: 0, rootDir: join(process.cwd(), 'dist/renderer'), log: () => {} });
  browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(server.url);
  await page.waitForFunction(() => (globalThis as unknown as Partial<StudioPage>).__nibble !== undefined);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the studio keeps drawing during every hostile cart', async (t) => {
  const rows: string[] = [];
  for (const attack of ATTACKS) {
    await page.evaluate((code) => (globalThis as unknown as StudioPage).__nibble.editor.setCode(code), attack.code);
    await page.keyboard.press('Control+R');
    await page.waitForTimeout(ATTACK_MS);
    const fps = await page.evaluate(() => (globalThis as unknown as StudioPage).__nibble.studioFps());
    const state = await page.evaluate(() => (globalThis as unknown as StudioPage).__nibble.state());
    rows.push(`${String(fps).padStart(3)} fps  ${state.padEnd(8)} ${attack.name}`);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !['running', 'busy', 'paused'].includes((globalThis as unknown as StudioPage).__nibble.state()));
    assert.ok(fps >= MIN_STUDIO_FPS, `${attack.name}: the studio drew ${fps} frames in a second`);
  }
  t.diagnostic('studio frame rate during each attack:');
  for (const row of rows) t.diagnostic(row);
  const end = Date.now() + 5000;
  while (server.runnerPids().length > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(server.runnerPids(), [], 'every runner ended');
});
