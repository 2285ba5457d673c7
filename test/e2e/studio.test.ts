// The studio as a person uses it, in Chromium against the web build: type a cart, run it, read the
// screen back; hang a cart and check the studio kept animating, Break shows the line, Stop really
// ends the runner process; errors link to their line; edits survive a reload.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { FRAMES_IN_FLIGHT } from '../../runner/common/frame-acks.js';
import {
  eventually,
  framePixel,
  inStudio,
  openStudio as openStudioAt,
  runAndWaitForFrame,
  useStudio,
  waitForFrame,
  waitForState,
  waitForStudio,
  waitInStudio,
} from './studio-page.js';
import { readRgbaPng } from '../rgba-png.js';
import { SWEETIE as SWEETIE_16 } from '../conformance/expect.js';

const studio = useStudio();

const openStudio = () => studio.open();

const state = (page: Page) => inStudio(page, ([g]) => g.__nibble.state());

/** Hex colour of the page at (x, y), as the screen shows it. */
async function pagePixel(page: Page, x: number, y: number): Promise<string> {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 } });
  const image = readRgbaPng(png);
  return [image.data[0], image.data[1], image.data[2]].map((v) => v.toString(16).padStart(2, '0')).join('');
}

/** Hex colour drawn on the page's screen canvas at the centre of the 256x144 picture. */
async function canvasCentre(page: Page): Promise<string> {
  const canvas = page.locator('#screen canvas');
  const box = await canvas.boundingBox();
  assert.ok(box, 'the screen has no canvas');
  return pagePixel(page, box.x + box.width / 2, box.y + box.height / 2);
}

it('a cart typed in the editor runs and its pixels reach the screen', async () => {
  const page = await openStudio();
  await page.locator('.monaco-editor').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type('function TIC()\ncls(9)\nrect(100, 50, 40, 30, 4)\n');
  await page.keyboard.type('end');
  await page.keyboard.press('Control+R');
  await waitForFrame(page);
  assert.equal(await framePixel(page, 5, 5), SWEETIE_16[9]);
  assert.equal(await framePixel(page, 120, 68), SWEETIE_16[4]);
  await eventually(() => canvasCentre(page), SWEETIE_16[4], 'the screen canvas shows the rectangle at its centre');
  assert.equal(await state(page), 'running');
  await page.close();
});

it("the studio acknowledges its frames, so they keep coming past the runner's window", async () => {
  const page = await openStudio();
  const frames = 3 * FRAMES_IN_FLIGHT;
  await inStudio(page, ([g, code]) => g.__nibble.editor.setCode(code), `t = 0\nfunction TIC()\n  t = t + 1\n  cls(t > ${frames} and 2 or 1)\nend\n`);
  await page.keyboard.press('Control+R');
  await eventually(() => framePixel(page, 5, 5), SWEETIE_16[2], `frame ${frames + 1} reached the studio`, 15_000);
  await page.close();
});

it('a hung cart: the studio keeps drawing, shows the busy line, Break pauses there, Stop ends the runner', async () => {
  const page = await openStudio();
  await inStudio(page, ([g]) => g.__nibble.editor.setCode('function TIC()\n  cls(1)\n  local spins = 0\n  while true do\n    spins = spins + 1\n  end\nend\n'));
  await page.keyboard.press('Control+R');
  await waitForState(page, 'busy');
  await page.locator('.console-busy').waitFor({ state: 'visible' });
  assert.match((await page.locator('.console-busy').textContent()) ?? '', /busy at line (4|5)/);
  await page.waitForTimeout(1200);
  const fps = await inStudio(page, ([g]) => g.__nibble.studioFps());
  // Not frozen: a frozen page draws no frames. How fast it stays is measured by npm run bench.
  assert.ok(fps >= 10, `the studio drew only ${fps} frames in the last second while the cart hung`);
  assert.equal(studio.server.runnerPids().length, 1);

  await page.locator('.console-busy button', { hasText: 'Break' }).click();
  await waitForState(page, 'paused');
  assert.match((await page.locator('.console-paused').textContent()) ?? '', /spins/);
  await page.locator('[data-action="resume"]').click();
  await waitForState(page, 'busy');

  const pid = studio.server.runnerPids()[0];
  await page.keyboard.press('Escape');
  await waitForState(page, 'stopped');
  await waitFor(() => studio.server.runnerPids().length === 0, 'the runner is still registered after Stop');
  assert.throws(() => process.kill(pid, 0), /ESRCH/, `runner ${pid} still exists after Stop`);
  await page.close();
});

it('an error shows in red with a link that selects its line', async () => {
  const page = await openStudio();
  await inStudio(page, ([g]) => g.__nibble.editor.setCode('function TIC()\n  cls(0)\n  local t = nil\n  print(t.x)\nend\n'));
  await page.keyboard.press('Control+R');
  await waitForState(page, 'error');
  const error = page.locator('.line-error');
  assert.match((await error.textContent()) ?? '', /4: attempt to index a nil value/);
  await error.locator('.line-link[data-line="4"]').first().click();
  const selected = await inStudio(page, ([g]) => g.document.querySelector('.monaco-editor .current-line') !== null);
  assert.ok(selected, 'the editor highlights a line');
  await page.close();
});

it('without the runner token Run says to open the printed address; once opened, the plain address runs carts', async () => {
  const plain = new URL(studio.server.url);
  plain.search = '';
  const page = await openStudioAt(studio.browser, plain.href);
  await page.keyboard.press('Control+R');
  await waitForState(page, 'error');
  await page.locator('.console-log .line', { hasText: 'Open the address that npm start printed' }).waitFor({ timeout: 3000 });
  assert.deepEqual(studio.server.runnerPids(), []);

  // The address with the token leaves its cookie in this browser; then the plain address is enough.
  await page.goto(studio.server.url);
  await page.goto(plain.href);
  await waitForStudio(page);
  await runAndWaitForFrame(page);
  assert.equal(studio.server.runnerPids().length, 1);
  await page.close();
});

it('edits survive a reload', async () => {
  const page = await openStudio();
  const code = `-- kept ${Date.now()}\nfunction TIC() cls(3) end\n`;
  await inStudio(page, ([g, c]) => g.__nibble.editor.setCode(c), code);
  await page.reload();
  await waitInStudio(page, ([g]) => '__nibble' in g);
  assert.equal(await inStudio(page, ([g]) => g.__nibble.editor.getCode()), code);
  await page.close();
});

async function waitFor(check: () => boolean, message: string, timeout = 3000): Promise<void> {
  const end = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > end) assert.fail(message);
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('Esc opens the game menu of a cart with a -- menu: tag, and its items call MENU', async () => {
  const page = await openStudio();
  const code = '-- menu: RED GREEN\ncolour = 1\nfunction MENU(i) colour = i == 0 and 2 or 6 end\nfunction TIC() cls(colour) end\n';
  await inStudio(page, ([g, c]) => g.__nibble.editor.setCode(c), code);
  await page.keyboard.press('Control+R');
  await waitForFrame(page);
  await page.keyboard.press('Escape');
  await page.locator('.game-menu').waitFor({ state: 'visible' });
  assert.equal(await state(page), 'running', 'Esc opened the menu instead of stopping the cart');
  await page.locator('.game-menu-item', { hasText: 'GREEN' }).click();
  await waitInStudio(
    page,
    ([g, want]) => {
      const frame = g.__nibble.lastFrame();
      return frame !== null && frame[(50 * 256 + 50) * 4] === want;
    },
    0x38,
  );
  assert.equal(await framePixel(page, 40, 40), SWEETIE_16[6]);
  await page.keyboard.press('Escape');
  await page.locator('.game-menu-item', { hasText: 'Close game' }).click();
  await waitForState(page, 'stopped');
  await page.close();
});

it("over the screen the studio draws the cart's mouse cursor, unless its input tag leaves out the mouse", async () => {
  const page = await openStudio();
  const canvas = page.locator('#screen canvas');
  const box = await canvas.boundingBox();
  assert.ok(box, 'the screen has no canvas');
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const colourAtPointer = () => pagePixel(page, at.x, at.y);
  for (const [header, expected] of [
    ['', SWEETIE_16[0]],
    ['-- input: gamepad\n', SWEETIE_16[12]],
  ] as const) {
    await inStudio(page, ([g, c]) => g.__nibble.editor.setCode(c), `${header}function TIC() cls(12) end\n`);
    await page.keyboard.press('Control+R');
    await waitForFrame(page);
    await page.mouse.move(at.x, at.y);
    // The system arrow's tip (its hot spot) is its dark outline, colour 0.
    await eventually(colourAtPointer, expected, header ? 'no cursor for a gamepad-only cart' : 'the arrow cursor at the pointer');
    await page.keyboard.press('Escape');
    await waitForState(page, 'stopped');
  }
  await page.close();
});

it('a cart asking for relative mouse mode gets the pointer locked on a click, then movement deltas', async () => {
  const page = await openStudio();
  const code =
    'function TIC()\n  poke(0x0FF87, peek(0x0FF87) | 0x80)\n  local dx, dy = mouse()\n  if dx ~= 0 or dy ~= 0 then trace("moved " .. dx .. " " .. dy) end\nend\n';
  await inStudio(page, ([g, c]) => g.__nibble.editor.setCode(c), code);
  await page.keyboard.press('Control+R');
  await page.locator('#screen-label', { hasText: 'click the screen' }).waitFor({ state: 'visible' });
  const box = await page.locator('#screen canvas').boundingBox();
  assert.ok(box);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await waitInStudio(page, ([g]) => g.document.pointerLockElement !== null);
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2, { steps: 6 });
  await page
    .locator('.line-trace', { hasText: /moved [1-9]/ })
    .first()
    .waitFor({ timeout: 3000 });
  await page.close();
});
