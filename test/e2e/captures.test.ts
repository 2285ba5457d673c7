// Captures in Chromium against the web build: F8 downloads a PNG of the screen at the scale set in
// Settings, F9 records a GIF of the set length and rate, F7 makes the frame the cart's cover.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { GifReader } from 'omggif';
import type { Download, Page } from 'playwright-core';
import { SWEETIE as SWEETIE_16 } from '../conformance/expect.js';
import { readRgbaPng } from '../rgba-png.js';
import { inStudio, runAndWaitForFrame, useStudio } from './studio-page.js';

const studio = useStudio();

async function downloaded(download: Download): Promise<Uint8Array> {
  return new Uint8Array(readFileSync(await download.path()));
}

async function setCapture(page: Page, name: string, value: string): Promise<void> {
  await page.locator('[data-action="settings"]').click();
  await page.locator('.settings-tab[data-page="captures"]').click();
  await page.locator(`select[name="${name}"]`).selectOption(value);
  await page.locator('.settings-close').click();
}

const hex = (r: number, g: number, b: number) => [r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('');

it('F8 downloads a PNG of the screen at the chosen scale, pixel for pixel; F7 makes the frame the cover', async () => {
  const page = await studio.open();
  await setCapture(page, 'scale', '3');
  await inStudio(page, ([g, c]) => g.__nibble.editor.setCode(c), 'function TIC()\n  cls(2)\n  rect(10, 20, 30, 5, 12)\n  pix(0, 0, 6)\nend\n');
  await runAndWaitForFrame(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('F8')]);
  assert.match(download.suggestedFilename(), /^cart-\d{8}-\d{6}\.png$/);
  const png = readRgbaPng(await downloaded(download));
  assert.equal(png.width, 256 * 3);
  assert.equal(png.height, 144 * 3);
  const frame = await inStudio(page, ([g]) => [...(g.__nibble.lastFrame() ?? [])]);
  let differ = 0;
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const at = (y * png.width + x) * 4;
      const from = (Math.floor(y / 3) * 256 + Math.floor(x / 3)) * 4;
      for (let c = 0; c < 4; c++) if (png.data[at + c] !== frame[from + c]) differ++;
    }
  }
  assert.equal(differ, 0, 'every PNG pixel is its screen pixel');
  const at = ((4 + 22) * 3 * png.width + (8 + 15) * 3) * 4;
  assert.equal(hex(png.data[at], png.data[at + 1], png.data[at + 2]), SWEETIE_16[12], 'the rectangle, scaled');

  await page.keyboard.press('F7');
  const screen = await inStudio(page, ([g]) => [...g.__nibble.cartBytes('screen', 0)]);
  assert.equal(screen[0], 0x26, 'pixel (0, 0) colour 6, pixel (1, 0) colour 2: the low nibble first');
  assert.equal(screen[(22 * 240 + 15) >> 1], 0xcc);
  assert.equal(screen[(100 * 240 + 100) >> 1], 0x22);
  await page.close();
});

it('F9 records a GIF of the set length at 30 fps: every other frame, each with its pixels', async () => {
  const page = await studio.open();
  await setCapture(page, 'gif-seconds', '1');
  await setCapture(page, 'gif-fps', '30');
  await setCapture(page, 'scale', '1');
  // Each frame clears to the next colour, so the GIF's frames tell which frames were taken.
  await inStudio(page, ([g, c]) => g.__nibble.editor.setCode(c), 't = 0\nfunction TIC()\n  cls(t % 16)\n  t = t + 1\nend\n');
  await runAndWaitForFrame(page);
  // A full recording ends by itself and downloads.
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.keyboard.press('F9')]);
  assert.match(download.suggestedFilename(), /\.gif$/);
  const gif = new GifReader(await downloaded(download));
  assert.equal(gif.width, 256);
  assert.equal(gif.height, 144);
  assert.equal(gif.numFrames(), 30, '1 s at 30 fps');
  const rgba = new Uint8Array(256 * 144 * 4);
  let previous: number | null = null;
  let delay = 0;
  for (let f = 0; f < gif.numFrames(); f++) {
    gif.decodeAndBlitFrameRGBA(f, rgba);
    delay += gif.frameInfo(f).delay;
    const centre = ((4 + 68) * 256 + 8 + 120) * 4;
    const colour = SWEETIE_16.indexOf(hex(rgba[centre], rgba[centre + 1], rgba[centre + 2]));
    assert.ok(colour >= 0, `frame ${f} shows a SWEETIE-16 colour`);
    const border = hex(rgba[0], rgba[1], rgba[2]);
    assert.equal(border, SWEETIE_16[0], 'the border is there too');
    if (previous !== null) assert.equal(colour, (previous + 2) % 16, `frame ${f} is two cart frames after the one before`);
    previous = colour;
  }
  assert.equal(delay, 100, 'the frames last one second together');
  await page.close();
});
