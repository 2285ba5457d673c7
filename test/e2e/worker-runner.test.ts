// The browser host of the runner (studio?runner=worker): the same cart machine, supervisor and
// watchdog, in two Web Workers of the page instead of a runner process. No server process runs.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { FRAMES_IN_FLIGHT } from '../../runner/common/frame-acks.js';
import { eventually, framePixel, inStudio, openStudio, useStudio, waitForFrame, waitForState } from './studio-page.js';

const studio = useStudio();

const openWorkerStudio = () => {
  const address = new URL(studio.server.url);
  address.searchParams.set('runner', 'worker');
  return openStudio(studio.browser, address.href);
};

const state = (page: Page) => inStudio(page, ([g]) => g.__nibble.state());

const setCode = (page: Page, code: string) => inStudio(page, ([g, c]) => g.__nibble.editor.setCode(c), code);

/** The page's runner workers (the runner's main thread and its VM thread) by script name. */
const runnerWorkers = (page: Page) =>
  page
    .workers()
    .map((w) => new URL(w.url()).pathname)
    .filter((path) => /\/(runner|vm)-worker[^/]*\.js$/.test(path));

it("a cart runs in the page's own workers: its pixels reach the screen and no runner process starts", async () => {
  const page = await openWorkerStudio();
  await setCode(page, 'function TIC()\n  cls(2)\n  rect(100, 50, 40, 30, 4)\nend\n');
  await page.keyboard.press('Control+R');
  await waitForFrame(page);
  assert.equal(await framePixel(page, 5, 5), 'b13e53');
  assert.equal(await framePixel(page, 120, 68), 'ffcd75');
  assert.deepEqual(studio.server.runnerPids(), []);
  assert.equal(runnerWorkers(page).length, 2, 'a runner worker and its VM worker');
  await page.close();
});

it("in a worker, frames are acknowledged, so they keep coming past the runner's window", async () => {
  const page = await openWorkerStudio();
  const frames = 3 * FRAMES_IN_FLIGHT;
  await setCode(page, `t = 0\nfunction TIC()\n  t = t + 1\n  cls(t > ${frames} and 2 or 1)\nend\n`);
  await page.keyboard.press('Control+R');
  await eventually(() => framePixel(page, 5, 5), 'b13e53', `frame ${frames + 1} reached the studio`, 15_000);
  await page.close();
});

it('in a worker, a hung cart is found at its line, pauses with its locals, resumes, and Stop ends both workers', async () => {
  const page = await openWorkerStudio();
  await setCode(page, 'function TIC()\n  cls(1)\n  local spins = 0\n  while true do\n    spins = spins + 1\n  end\nend\n');
  await page.keyboard.press('Control+R');
  await waitForState(page, 'busy');
  await page.locator('.console-busy').waitFor({ state: 'visible' });
  assert.match((await page.locator('.console-busy').textContent()) ?? '', /busy at line (4|5)/);

  await page.locator('.console-busy button', { hasText: 'Break' }).click();
  await waitForState(page, 'paused');
  assert.match((await page.locator('.console-paused').textContent()) ?? '', /spins/);
  await page.locator('[data-action="resume"]').click();
  await waitForState(page, 'busy');

  await page.keyboard.press('Escape');
  await waitForState(page, 'stopped');
  const end = Date.now() + 5000;
  while (runnerWorkers(page).length > 0 && Date.now() < end) await page.waitForTimeout(20);
  assert.deepEqual(runnerWorkers(page), [], 'runner workers still alive after Stop');
  await page.close();
});

it('in a worker, a memory bomb and a cart stuck inside one C call end as they do in a runner process', async () => {
  const page = await openWorkerStudio();
  await setCode(page, 'function TIC()\n  local t = {}\n  while true do t[#t + 1] = string.rep("x", 1000000) .. #t end\nend\n');
  await page.keyboard.press('Control+R');
  await waitForState(page, 'error', 15_000);
  assert.match((await page.locator('.line-error').last().textContent()) ?? '', /cart\.lua: out of memory: the cart's Lua heap reached its limit of 32 MB/);

  const errorsBefore = await page.locator('.line-error').count();
  await setCode(page, 'function TIC()\n  string.find(string.rep("a", 400), ".-.-.-.-.-.-b")\nend\n');
  await page.keyboard.press('Control+R');
  await page.locator('.line-error').nth(errorsBefore).waitFor({ timeout: 15_000 });
  assert.equal(await state(page), 'error');
  assert.match((await page.locator('.line-error').last().textContent()) ?? '', /stayed inside one library call/);
  await page.close();
});
