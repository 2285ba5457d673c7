// The debugger and live coding in the studio: a breakpoint set in the editor's gutter pauses the
// cart at its line with the last frame dimmed and the studio still drawing, F10/F11 step, the
// breakpoint follows its line through an edit, a table with a metatable whose __index never
// returns opens in the tree, and with "live" on an edit changes what TIC draws while the cart's
// counter keeps counting.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { eventually, framePixel, inStudio, useStudio, waitForState, waitInStudio } from './studio-page.js';

const studio = useStudio();

const setCode = (page: Page, code: string) => inStudio(page, ([g, c]) => g.__nibble.editor.setCode(c), code);
const pausedTitle = (page: Page) => page.locator('.paused-title').textContent();
const breakpointLines = (page: Page) => inStudio(page, ([g]) => g.__nibble.editor.breakpoints().map((b) => b.line));

it('a gutter click sets a breakpoint that pauses the cart at its line; F10 and F11 step; the screen keeps the last frame, dimmed', async () => {
  const page = await studio.open();
  const code = ['function add(a, b)', '  return a + b', 'end', 'function TIC()', '  cls(2)', '  local x = add(1, 2)', '  y = x', 'end'].join('\n');
  await setCode(page, code);
  const lineBox = await page.locator('.monaco-editor .line-numbers', { hasText: /^6$/ }).boundingBox();
  const glyphBox = await page.locator('.monaco-editor .glyph-margin').boundingBox();
  assert.ok(lineBox && glyphBox);
  await page.mouse.click(glyphBox.x + glyphBox.width / 2, lineBox.y + lineBox.height / 2);
  assert.deepEqual(await breakpointLines(page), [6]);
  await page.keyboard.press('Control+R');
  await waitForState(page, 'paused');
  assert.equal(await pausedTitle(page), 'Paused at line 6');
  assert.equal(await page.locator('#screen.screen-paused').count(), 1);
  const fps = await inStudio(page, ([g]) => new Promise<number>((r) => setTimeout(() => r(g.__nibble.studioFps()), 1100)));
  assert.ok(fps > 20, `the studio drew ${fps} frames a second while paused`);

  await page.keyboard.press('F11');
  await eventually(() => pausedTitle(page), 'Paused at line 2', 'step into');
  await page.keyboard.press('Shift+F11');
  await eventually(() => pausedTitle(page), 'Paused at line 7', 'step out');
  await page.keyboard.press('F5');
  await eventually(() => pausedTitle(page), 'Paused at line 6', 'continue to the breakpoint in the next frame');
  // The frame drawn before the pause stays on the screen.
  assert.equal(await framePixel(page, 5, 5), 'b13e53');

  // An edit above the line moves the breakpoint with it.
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('-- a comment');
  await page.keyboard.press('Enter');
  assert.deepEqual(await breakpointLines(page), [7]);
  await page.close();
});

it('the paused tree opens tables lazily without running their metamethods, and a watch shows an expression', async () => {
  const page = await studio.open();
  const code = [
    'trap = setmetatable({ real = 1 }, { __index = function() while true do end end })',
    'function TIC()',
    '  local answer = 42',
    '  cls(1)',
    'end',
  ].join('\n');
  await setCode(page, code);
  await inStudio(page, ([g]) => g.__nibble.editor.setBreakpoint({ line: 4, condition: 'answer == 42' }));
  await page.keyboard.press('Control+R');
  await waitForState(page, 'paused');
  await page.locator('.globals summary').first().click();
  const trap = page.locator('.value-open', { has: page.locator('> summary .value-name', { hasText: /^trap$/ }) });
  await trap.locator('> summary').click();
  await trap.locator('.value-name', { hasText: '[metatable]' }).waitFor();
  assert.equal(await trap.locator('.value-name', { hasText: /^real$/ }).count(), 1);
  await page.locator('.watch-input').fill('answer + trap.real');
  await page.locator('.watch-input').press('Enter');
  await page.locator('.watch-row .value-text', { hasText: '43' }).waitFor();
  await page.close();
});

it('with live on, an edit changes what TIC draws and keeps the counter', async () => {
  const page = await studio.open();
  await setCode(page, 'n = 0\nfunction TIC()\n  n = n + 1\n  cls(1)\nend');
  await page.locator('.live-toggle').check();
  await page.keyboard.press('Control+R');
  await eventually(() => framePixel(page, 5, 5), '5d275d', 'colour 1');
  await setCode(page, 'n = 0\nfunction TIC()\n  n = n + 1\n  cls(2)\n  if n % 30 == 0 then trace("n=" .. n) end\nend');
  await eventually(() => framePixel(page, 5, 5), 'b13e53', 'colour 2 after the live reload');
  await waitInStudio(page, ([g]) => Array.from(g.document.querySelectorAll('.console-log .line'), (l) => l.textContent ?? '').some((t) => t.startsWith('n=')));
  const first = await inStudio(page, ([g]) =>
    Array.from(g.document.querySelectorAll('.console-log .line'), (l) => l.textContent ?? '').find((t) => t.startsWith('n=')),
  );
  assert.ok(first && Number(first.slice(2)) >= 30, `${first}`);
  assert.equal(await inStudio(page, ([g]) => g.__nibble.state()), 'running');

  // A syntax error keeps the old code running and marks the line.
  await setCode(page, 'n = 0\nfunction TIC()\n  n = n +\nend');
  await page.locator('.line-error', { hasText: 'live reload' }).waitFor();
  assert.equal(await inStudio(page, ([g]) => g.__nibble.state()), 'running');
  await page.close();
});
