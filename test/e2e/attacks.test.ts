// Every hostile cart, run from the studio in Chromium: the studio's own frame rate is recorded
// while the attack runs, and the studio must keep drawing and end each run cleanly.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ATTACKS } from '../fixtures/hostile-carts.js';
import { inStudio, useStudio, waitInStudio } from './studio-page.js';

/**
 * A frozen page draws no frames at all; below this the studio counts as frozen. How fast it stays
 * is a speed target, measured by the benchmarks (npm run bench), not asserted here.
 */
const ALIVE_FPS = 10;
const ATTACK_MS = 1200;

const studio = useStudio();

it('the studio keeps drawing during every hostile cart', async (t) => {
  const page = await studio.open();
  const rows: string[] = [];
  for (const attack of ATTACKS) {
    await inStudio(page, ([g, code]) => g.__nibble.editor.setCode(code), attack.code);
    await page.keyboard.press('Control+R');
    await page.waitForTimeout(ATTACK_MS);
    const fps = await inStudio(page, ([g]) => g.__nibble.studioFps());
    const state = await inStudio(page, ([g]) => g.__nibble.state());
    rows.push(`${String(fps).padStart(3)} fps  ${state.padEnd(8)} ${attack.name}`);
    await page.keyboard.press('Escape');
    await waitInStudio(page, ([g]) => !['running', 'busy', 'paused'].includes(g.__nibble.state()));
    assert.ok(fps >= ALIVE_FPS, `${attack.name}: the studio drew only ${fps} frames in a second`);
  }
  t.diagnostic('studio frame rate during each attack:');
  for (const row of rows) t.diagnostic(row);
  const end = Date.now() + 5000;
  while (studio.server.runnerPids().length > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(studio.server.runnerPids(), [], 'every runner ended');
});
