// The studio's sound output in Chromium: a cart's sound reaches the AudioWorklet's output, the mute
// button and stopping the cart silence it, and unmuting brings it back.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { inStudio, useStudio, waitInStudio } from './studio-page.js';

const studio = useStudio();

/** A loud, endless A-5 on channel 0: sample 0 uses waveform 1 (triangle) at full volume. */
const BEEP = 'function BOOT()\n  for t = 0, 29 do poke(0x100E4 + t * 2, 0x10) end\n  sfx(0, "A-5", -1, 0, 15)\nend\nfunction TIC() cls(1) end\n';

const peak = (page: Page) => inStudio(page, ([g]) => g.__nibble.audioPeak());

async function waitForPeak(page: Page, loud: boolean): Promise<void> {
  await waitInStudio(
    page,
    ([g, wantLoud]) => {
      const level = g.__nibble.audioPeak();
      return wantLoud ? level > 0.05 : level === 0;
    },
    loud,
    { timeout: 5000 },
  );
}

it("a cart's sound plays through the studio, and mute and stop silence it", async () => {
  const page = await studio.open();
  await inStudio(page, ([g, c]) => g.__nibble.editor.setCode(c), BEEP);
  // Ctrl+R is also the user gesture browsers require before sound may start.
  await page.keyboard.press('Control+R');
  await waitForPeak(page, true);
  await page.locator('[data-action="mute"]').click();
  await waitForPeak(page, false);
  await page.locator('[data-action="mute"]').click();
  await waitForPeak(page, true);
  assert.ok((await peak(page)) <= 1, 'samples stay in range');
  await page.keyboard.press('Escape');
  await waitForPeak(page, false);
  await page.close();
});
