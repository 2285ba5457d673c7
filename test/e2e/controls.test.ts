// Controls in Chromium against the web build: a key bound in Settings moves a cart's player.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { eventually, framePixel, inStudio, runAndWaitForFrame, useStudio } from './studio-page.js';
import { SWEETIE as SWEETIE_16 } from '../conformance/expect.js';

const studio = useStudio();

it("a key bound to player 2's right in Settings moves player 2, and TIC-80's keys leave it unbound", async () => {
  const page = await studio.open();
  // Player 2 (btn 11 is its right) is a block that walks right while the button is held.
  const code = 'x = 20\nfunction TIC()\n  if btn(11) then x = x + 1 end\n  cls(0)\n  rect(x, 10, 4, 4, 12)\nend\n';
  await inStudio(page, ([g, c]) => g.__nibble.editor.setCode(c), code);
  const block = () => framePixel(page, 21, 11);
  await runAndWaitForFrame(page);
  await page.locator('#screen').focus();
  await page.keyboard.down('KeyL');
  await new Promise((resolve) => setTimeout(resolve, 300));
  await page.keyboard.up('KeyL');
  assert.equal(await block(), SWEETIE_16[12], 'unbound, L moves nobody');

  await page.locator('[data-action="settings"]').click();
  await page.locator('.settings-tab[data-page="controls"]').click();
  await page.locator('.key-binding[data-button="11"]').click();
  await page.keyboard.press('KeyL');
  assert.equal(await page.locator('.key-binding[data-button="11"]').textContent(), 'L');
  await page.locator('.settings-close').click();

  await page.locator('#screen').focus();
  await page.keyboard.down('KeyL');
  await eventually(block, SWEETIE_16[0], 'the block walked away from x = 20');
  await page.keyboard.up('KeyL');
  const kept = await inStudio(page, ([g]) => g.localStorage.getItem('nibble.controls.v1'));
  assert.equal((JSON.parse(kept ?? '[]') as unknown[])[11], 'KeyL', 'kept in settings');
  await page.close();
});
