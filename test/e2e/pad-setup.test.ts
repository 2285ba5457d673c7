// Gamepad setup in Chromium against the web build: a pad without the standard mapping is not read
// until it is set up in Settings > Controls by pressing each button in turn; then it moves a cart's player.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { beforeStudioLoads, eventually, framePixel, inStudio, runAndWaitForFrame, useStudio } from './studio-page.js';
import { SWEETIE as SWEETIE_16 } from '../conformance/expect.js';

const studio = useStudio();

interface FakePad {
  index: number;
  id: string;
  mapping: string;
  buttons: { pressed: boolean }[];
  axes: number[];
}
type PadPage = { __fakePad?: FakePad; navigator: object };

const PAD_ID = 'Odd Pad (Vendor: 1234 Product: 5678)';
/** The odd pad's buttons for Up, Down, Left, Right, A, B, X, Y: none where the standard mapping has them. */
const ODD_BUTTONS = [4, 5, 6, 7, 8, 9, 10, 11];

async function holdButtons(page: Page, pressed: number[]): Promise<void> {
  await inStudio(
    page,
    ([g, [id, down]]) => {
      (g as unknown as PadPage).__fakePad = {
        index: 0,
        id,
        mapping: '',
        buttons: Array.from({ length: 12 }, (_, i) => ({ pressed: down.includes(i) })),
        axes: [0, 0],
      };
    },
    [PAD_ID, pressed] as [string, number[]],
  );
}

it('a non-standard gamepad set up in Settings moves player 1; Esc cancels a setup', async () => {
  const page = await studio.open((p) =>
    beforeStudioLoads(p, ([g]) => {
      const pads = g as unknown as PadPage;
      Object.defineProperty(pads.navigator, 'getGamepads', { value: () => [pads.__fakePad ?? null] });
    }),
  );
  await holdButtons(page, []);
  const code = 'x = 20\nfunction TIC()\n  if btn(3) then x = x + 1 end\n  cls(0)\n  rect(x, 10, 4, 4, 12)\nend\n';
  await inStudio(page, ([g, c]) => g.__nibble.editor.setCode(c), code);
  const block = () => framePixel(page, 21, 11);
  await runAndWaitForFrame(page);
  await holdButtons(page, [ODD_BUTTONS[3], 15]);
  await new Promise((resolve) => setTimeout(resolve, 300));
  await holdButtons(page, []);
  assert.equal(await block(), SWEETIE_16[12], 'not set up, the odd pad moves nobody');

  await page.locator('[data-action="settings"]').click();
  await page.locator('.settings-tab[data-page="controls"]').click();
  await page.locator('.pad-setup-start').click();
  await page.locator('.pad-setup-prompt', { hasText: 'Press the button for Up' }).waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.pad-setup-how').textContent(), 'not set up: not read', 'Esc cancelled the setup');
  assert.ok(await page.locator('dialog.settings').isVisible(), 'and left the dialog open');

  await page.locator('.pad-setup-start').click();
  for (const [i, name] of ['Up', 'Down', 'Left', 'Right', 'A', 'B', 'X', 'Y'].entries()) {
    await page.locator('.pad-setup-prompt', { hasText: `for ${name} ` }).waitFor();
    await holdButtons(page, [ODD_BUTTONS[i]]);
    await page.locator('.pad-setup-prompt', { hasText: `for ${name} ` }).waitFor({ state: 'detached' });
    await holdButtons(page, []);
  }
  assert.equal(await page.locator('.pad-setup-how').textContent(), 'set up');
  await page.locator('.settings-close').click();

  await holdButtons(page, [ODD_BUTTONS[3]]);
  await eventually(block, SWEETIE_16[0], 'the block walked away from x = 20');
  await holdButtons(page, []);
  const kept = await inStudio(page, ([g]) => g.localStorage.getItem('nibble.padmappings.v1'));
  assert.deepEqual(JSON.parse(kept ?? '{}'), { [PAD_ID]: ODD_BUTTONS }, 'kept in settings');
  await page.close();
});
