// The autosave against a hard crash: a line typed into the editor 300 ms before the whole browser
// is SIGKILLed is there when the browser restarts on the same profile, every time. Each round's
// restart is also the next round's check, so 20 rounds cost 21 browser starts.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import type { Page } from 'playwright-core';
import { RENDERER_DIR } from '../../electron/node/app-paths.js';
import { startWebServer, type WebServer } from '../../electron/node/web-server.js';
import { findChromium } from '../chromium.js';
import { launchKillable, processesUsing, type KillableBrowser } from './killable-browser.js';
import { inStudio, waitForStudio } from './studio-page.js';

const ROUNDS = 20;
/** The brief's bound is 250 ms from an edit to its durable write; the kill comes a little later. */
const KILL_AFTER_MS = 300;

let server: WebServer | undefined;
let profileDir: string | undefined;
let running: KillableBrowser | undefined;

before(async () => {
  server = await startWebServer({ port: 0, rootDir: RENDERER_DIR, log: () => {} });
  profileDir = mkdtempSync(join(tmpdir(), 'nibble-crash-profile-'));
});

after(async () => {
  await running?.kill();
  await server?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

async function openStudio(executablePath: string): Promise<Page> {
  running = await launchKillable(executablePath, profileDir!);
  // The default context is the profile's own (a new context would be an in-memory one).
  const [context] = running.browser.contexts();
  assert.ok(context, 'the browser has its default context');
  const page = await context.newPage();
  await page.goto(server!.url);
  await waitForStudio(page);
  return page;
}

const code = (page: Page) => inStudio(page, ([g]) => g.__nibble.editor.getCode());

it(`a line typed ${KILL_AFTER_MS} ms before the browser is SIGKILLed survives the restart, ${ROUNDS} times in a row`, async () => {
  const executablePath = findChromium();
  assert.ok(executablePath, 'no Chromium found: run the tests with npm test, which installs it or says what to install');
  const typed: string[] = [];
  const lost: number[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const page = await openStudio(executablePath);
    if (round > 0) {
      const text = await code(page);
      if (!text.includes(typed[round - 1])) lost.push(round);
    }
    if (round === ROUNDS) break;
    const line = `-- round ${round} ${Date.now().toString(36)}`;
    typed.push(line);
    await page.locator('.monaco-editor').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    // The editor takes each key as it is dispatched, so the last edit is done when type returns.
    await page.keyboard.type(line);
    await new Promise((resolve) => setTimeout(resolve, KILL_AFTER_MS));
    await running!.kill();
    running = undefined;
    assert.deepEqual(processesUsing(profileDir!), [], 'nothing of the browser is left running');
  }
  assert.deepEqual(lost, [], `lines lost in ${lost.length} of ${ROUNDS} crashes (rounds ${lost.join(', ')})`);
});
