// Exported games (nibble export): one HTML file that plays the cart from file:// and from a plain
// static server (no cross-origin isolation, so no SharedArrayBuffer: the runner's heartbeat mode),
// with no request beyond the file itself.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, it } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { exportGame } from '../../runner/node/export-game.js';
import { CHROMIUM_FLAGS, findChromium } from '../chromium.js';
import { startStaticServer, type StaticServer } from '../fixtures/static-server.js';
import { readRgbaPng } from '../rgba-png.js';
import { inStudio, useStudio } from './studio-page.js';

/** What the tests read of an exported page: its automation hook (renderer/player/player-automation.ts). */
interface PlayerPage {
  __nibblePlayer?: {
    lastFrame(): Uint8Array | null;
    screenFps(): number;
    framesShown(): number;
    state(): string;
  };
  crossOriginIsolated: boolean;
  __fakePad?: { index: number; mapping: string; buttons: { pressed: boolean }[]; axes: number[] } | null;
}

const cli = join(process.cwd(), 'dist/runner/node/cli/cli.js');
const studio = useStudio();
const dir = mkdtempSync(join(tmpdir(), 'nibble-export-'));
let browser: Browser;
let plain: StaticServer;
let isolated: StaticServer;

before(async () => {
  const executablePath = findChromium();
  assert.ok(executablePath, 'no Chromium found: run the tests with npm test, which installs it or says what to install');
  browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
  plain = await startStaticServer(dir);
  isolated = await startStaticServer(dir, { isolated: true });
});

after(async () => {
  await browser.close();
  await plain.close();
  await isolated.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Exports a cart (a file of carts/, or code written to a .lua first) into the test's folder. */
async function exported(name: string, code?: string): Promise<string> {
  const cart = code === undefined ? join('carts', `${name}.lua`) : join(dir, `${name}.lua`);
  if (code !== undefined) writeFileSync(cart, code);
  const html = join(dir, `${name}.html`);
  await exportGame(cart, html);
  return `${name}.html`;
}

interface OpenGame {
  page: Page;
  context: BrowserContext;
  /** Every request the page and its workers made. */
  requests: string[];
}

/** Opens an exported game in a fresh context (its own storage), recording every request. */
async function openGame(url: string, context?: BrowserContext): Promise<OpenGame> {
  const ctx = context ?? (await browser.newContext({ viewport: { width: 800, height: 600 } }));
  const requests: string[] = [];
  await ctx.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.continue();
  });
  const page = await ctx.newPage();
  page.on('pageerror', (err) => console.error(`page error: ${err.message}`));
  await page.goto(url);
  return { page, context: ctx, requests };
}

const fileUrl = (file: string) => pathToFileURL(join(dir, file)).href;

async function waitForFrames(page: Page, frames: number, timeout = 15_000): Promise<void> {
  await page.waitForFunction((n) => ((globalThis as unknown as PlayerPage).__nibblePlayer?.framesShown() ?? 0) >= n, frames, { timeout });
}

const lastFrame = async (page: Page) =>
  new Uint8Array(await page.evaluate(() => Array.from((globalThis as unknown as PlayerPage).__nibblePlayer?.lastFrame() ?? [])));

/** The frame `nibble run --deterministic` draws last after this many frames, as RGBA. */
function cliFrame(cart: string, frames: number): Uint8Array {
  const png = join(dir, `${cart}-${frames}.png`);
  const run = spawnSync(process.execPath, [cli, 'run', join('carts', `${cart}.lua`), '--frames', String(frames), '--png', png, '--deterministic'], {
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  return readRgbaPng(readFileSync(png)).data;
}

function differingPixels(a: Uint8Array, b: Uint8Array): number {
  assert.equal(a.length, b.length);
  let n = 0;
  for (let i = 0; i < a.length; i += 4) if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2]) n += 1;
  return n;
}

for (const cart of ['sprites', 'input']) {
  it(`${cart}.lua exported plays the same picture as nibble run, from file:// and a plain static server, with no other request`, async () => {
    const file = await exported(cart);
    // Without input both carts settle into a still picture well before frame 120.
    const expected = cliFrame(cart, 120);
    for (const url of [fileUrl(file), plain.url + file]) {
      const { page, context, requests } = await openGame(url);
      await waitForFrames(page, 120);
      assert.equal(
        await page.evaluate(() => (globalThis as unknown as PlayerPage).crossOriginIsolated),
        false,
        'no cross-origin isolation, no SharedArrayBuffer',
      );
      assert.equal(differingPixels(await lastFrame(page), expected), 0, `${url}: the same pixels as nibble run's frame 120`);
      assert.deepEqual(requests, [url], 'no request beyond the file itself');
      await context.close();
    }
  });
}

it("an exported game reads the keyboard and gamepads as the cart's buttons", async () => {
  const file = await exported('input');
  const { page, context } = await openGame(fileUrl(file), await gamepadContext());
  await waitForFrames(page, 10);
  // input.lua's 8x8 square starts at (116, 64): screen pixel (120, 68) is inside it.
  const square = async () => (await lastFrame(page)).slice(((68 + 4) * 256 + 120 + 8) * 4, ((68 + 4) * 256 + 120 + 8) * 4 + 3).join(',');
  const before = await square();
  await page.keyboard.down('ArrowLeft');
  await page.waitForTimeout(400);
  await page.keyboard.up('ArrowLeft');
  const afterKeys = await lastFrame(page);
  assert.notEqual(await square(), before, 'the left arrow moved the square away');
  // A standard-mapping gamepad's d-pad right (button 15) moves it back.
  await page.evaluate(() => {
    (globalThis as unknown as PlayerPage).__fakePad = {
      index: 0,
      mapping: 'standard',
      buttons: Array.from({ length: 17 }, (_, i) => ({ pressed: i === 15 })),
      axes: [0, 0],
    };
  });
  await page.waitForTimeout(400);
  await page.evaluate(() => {
    (globalThis as unknown as PlayerPage).__fakePad = null;
  });
  assert.ok(differingPixels(await lastFrame(page), afterKeys) > 0, 'the gamepad moved the square');
  await context.close();
});

/** A context whose pages see one fake gamepad, whatever the page sets as __fakePad. */
async function gamepadContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  await context.addInitScript(() => {
    const g = globalThis as unknown as PlayerPage & { navigator: object };
    Object.defineProperty(g.navigator, 'getGamepads', { value: () => [g.__fakePad ?? null] });
  });
  return context;
}

it('a hung game: the page keeps drawing, then says it stopped responding and offers Restart', async (t) => {
  const file = await exported('busy');
  for (const [url, where] of [
    [fileUrl(file), ''],
    [isolated.url + file, 'at line'],
  ] as const) {
    const { page, context } = await openGame(url);
    await page.waitForFunction(() => (globalThis as unknown as PlayerPage).__nibblePlayer?.state() === 'busy', undefined, { timeout: 10_000 });
    await page.waitForTimeout(1000);
    const fps = await page.evaluate(() => (globalThis as unknown as PlayerPage).__nibblePlayer?.screenFps() ?? 0);
    t.diagnostic(`${url.startsWith('file:') ? 'file://' : 'isolated server'}: the page drew ${fps} fps while the cart hung`);
    assert.ok(fps > 0, 'the page kept drawing while the cart hung');
    const end = page.locator('.player-end');
    await end.waitFor({ state: 'visible', timeout: 10_000 });
    const text = (await end.textContent()) ?? '';
    assert.match(text, /stopped responding/);
    if (where) assert.match(text, /at line 1[1-4]/, 'with shared memory the page is told the line');
    await page.locator('.player-end-again').click();
    await page.waitForFunction(() => (globalThis as unknown as PlayerPage).__nibblePlayer?.state() === 'busy', undefined, { timeout: 10_000 });
    assert.equal(await end.isVisible(), false, 'Restart started the game again');
    await context.close();
  }
});

it("pmem survives a reload of the page, kept in the browser's local storage", async () => {
  const file = await exported(
    'counter',
    '-- title: counter\nfunction BOOT()\n  n = pmem(0) + 1\n  pmem(0, n)\nend\nfunction TIC()\n  cls(0)\n  rect(0, 0, n * 10, 10, 12)\nend\n',
  );
  const { page, context } = await openGame(fileUrl(file));
  const at = async (x: number) => (await lastFrame(page))[((5 + 4) * 256 + x + 8) * 4];
  await waitForFrames(page, 5);
  const lit = await at(5);
  const unlit = await at(200);
  assert.notEqual(lit, unlit, 'first run: n = 1, ten pixels lit');
  assert.equal(await at(15), unlit);
  await page.reload();
  await waitForFrames(page, 5);
  assert.equal(await at(15), lit, 'after the reload: n = 2, twenty pixels lit');
  await context.close();
});

it('exit() ends the game with a game over screen, and Play again starts it anew', async () => {
  const file = await exported('quits', 'function TIC()\n  cls(2)\n  if time() > 300 then exit() end\nend\n');
  const { page, context } = await openGame(fileUrl(file));
  const end = page.locator('.player-end');
  await end.waitFor({ state: 'visible', timeout: 10_000 });
  assert.match((await end.textContent()) ?? '', /GAME OVER/);
  await page.locator('.player-end-again').click();
  await page.waitForFunction(() => (globalThis as unknown as PlayerPage).__nibblePlayer?.state() === 'running', undefined, { timeout: 10_000 });
  await context.close();
});

it("the studio's console exports the open cart as the same kind of game page (export html NAME)", async () => {
  const page = await studio.open();
  await inStudio(page, ([g]) => g.__nibble.editor.setCode('-- title: from the studio\nfunction TIC()\n  cls(5)\nend\n'));
  await page.locator('.console-input').fill('export html mygame');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.console-input').press('Enter')]);
  assert.equal(download.suggestedFilename(), 'mygame.html');
  await download.saveAs(join(dir, 'mygame.html'));
  await page.close();
  const { page: game, context } = await openGame(fileUrl('mygame.html'));
  await waitForFrames(game, 2);
  assert.equal(await game.title(), 'from the studio');
  // Colour 5 of SWEETIE-16 fills the screen.
  assert.equal((await lastFrame(game)).slice(((60 + 4) * 256 + 100 + 8) * 4, ((60 + 4) * 256 + 100 + 8) * 4 + 3).join(','), '167,240,112');
  await context.close();
});
