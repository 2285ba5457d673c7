// The studio draws compact frames exactly: what its screen canvas shows, read back from the page
// (a screenshot of the canvas), pixel for pixel against the runner's own composition of the same
// frame (a headless run, as `nibble run --png` writes it), with WebGL's palette shader and with the
// canvas renderer, for a cart whose SCN and BDR change palettes, border and offsets in mid-frame,
// with vbank 1 partly transparent and a callback poking VRAM below; and the mouse cursor over it.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { FRAME_HEIGHT, FRAME_WIDTH } from '../../runner/common/protocol.js';
import { runHeadless } from '../../runner/node/headless-run.js';
import { readRgbaPng } from '../rgba-png.js';
import { inStudio, openStudio, runAndWaitForFrame, useStudio, waitInStudio } from './studio-page.js';

const harness = useStudio();
const pages: Page[] = [];
after(async () => {
  for (const page of pages) await page.close();
});

/** The same picture every frame: nothing depends on time or on the frame count. */
const CART = `
function TIC()
  poke(0x3FC0, 0x1a)
  cls(1)
  for i = 0, 15 do rect(i * 15, 0, 15, 136, i) end
  circ(120, 68, 30, 12)
  print("NIBBLE", 100, 64, 0)
  vbank(1)
  poke(0x3FF8, 3)
  cls(3)
  rect(0, 50, 240, 10, 9)
  rect(100, 52, 20, 4, 3)
  print("OVER", 160, 100, 6)
  vbank(0)
end
function BDR(row) poke(0x3FF8, row // 9) end
function SCN(line)
  poke(0x3FC0 + 3, (line * 5) % 256)
  poke(0x3FFA, line >= 100 and 2 or 0)
  poke(0x3FF9, (line // 8) % 5 - 2)
  vbank(1)
  poke(0x3FF9, -((line // 16) % 3))
  poke(0x3FC0 + 27, 255 - line)
  vbank(0)
  if line == 40 then memset(90 * 120, 0xEE, 120) end
end
`;

/** The runner's own 256x144 RGBA frame of the cart, composed on its side. */
async function runnerFrame(code: string): Promise<Uint8Array> {
  const result = await runHeadless({ name: 'shader.lua', code }, { frames: 3, deterministic: true, hangMs: 5000 });
  assert.equal(result.status, 'ok', result.message);
  assert.ok(result.lastFrame, 'the runner drew no frame');
  return result.lastFrame;
}

/** What the screen canvas shows, one RGBA pixel per frame pixel (the centre of its square). */
async function drawnFrame(page: Page): Promise<Uint8Array> {
  const box = await page.locator('#screen canvas').boundingBox();
  assert.ok(box, 'the screen has no canvas');
  const scale = box.width / FRAME_WIDTH;
  assert.ok(Number.isInteger(scale) && box.height === FRAME_HEIGHT * scale, `a screen canvas of ${box.width}x${box.height}`);
  // The page may place the canvas at a fraction of a pixel: the shot takes whole pixels around it.
  const left = Math.floor(box.x);
  const top = Math.floor(box.y);
  const shot = readRgbaPng(await page.screenshot({ clip: { x: left, y: top, width: Math.ceil(box.width) + 1, height: Math.ceil(box.height) + 1 } }));
  const out = new Uint8Array(FRAME_WIDTH * FRAME_HEIGHT * 4);
  for (let y = 0; y < FRAME_HEIGHT; y++) {
    for (let x = 0; x < FRAME_WIDTH; x++) {
      const sx = Math.floor(box.x - left + (x + 0.5) * scale);
      const sy = Math.floor(box.y - top + (y + 0.5) * scale);
      const from = (sy * shot.width + sx) * 4;
      out.set(shot.data.subarray(from, from + 4), (y * FRAME_WIDTH + x) * 4);
    }
  }
  return out;
}

/** The pixels where two frames differ, the first few of them described. */
function differences(got: Uint8Array, want: Uint8Array): string[] {
  const found: string[] = [];
  for (let i = 0; i < want.length; i += 4) {
    if (got[i] === want[i] && got[i + 1] === want[i + 1] && got[i + 2] === want[i + 2]) continue;
    const p = i / 4;
    found.push(`(${p % FRAME_WIDTH}, ${Math.floor(p / FRAME_WIDTH)}): ${got.subarray(i, i + 3).join(',')} instead of ${want.subarray(i, i + 3).join(',')}`);
  }
  return found;
}

/** Reads the canvas until it matches `want` (the page draws on its next display frame), then asserts it. */
async function assertDrawn(page: Page, want: Uint8Array, what: string): Promise<void> {
  let wrong: string[] = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    wrong = differences(await drawnFrame(page), want);
    if (wrong.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`${what}: ${wrong.length} pixels differ, first ${wrong.slice(0, 5).join('; ')}`);
}

async function studioWith(renderer: string, code: string): Promise<Page> {
  const page = await openStudio(harness.browser, `${harness.server.url}&screen=${renderer}`);
  pages.push(page);
  assert.equal(await page.locator('.status-renderer').textContent(), renderer, 'the screen renderer asked for');
  await inStudio(page, ([g, c]) => g.__nibble.editor.setCode(c), code);
  return page;
}

async function lastFrame(page: Page): Promise<Uint8Array> {
  const frame = await inStudio(page, ([g]) => {
    const pixels = g.__nibble.lastFrame();
    return pixels && Array.from(pixels);
  });
  assert.ok(frame, 'no frame reached the studio');
  return Uint8Array.from(frame);
}

describe('the studio draws compact frames exactly', () => {
  for (const renderer of ['webgl', 'canvas']) {
    it(`with the ${renderer} renderer: SCN and BDR palettes, border and offsets, vbank 1, VRAM poked in mid-frame`, async () => {
      const want = await runnerFrame(`-- input: gamepad\n${CART}`);
      const page = await studioWith(renderer, `-- input: gamepad\n${CART}`);
      await runAndWaitForFrame(page);
      await assertDrawn(page, want, `the ${renderer} screen`);
      assert.deepEqual(differences(await lastFrame(page), want), [], 'Screen.lastFrame()');
    });
  }

  it('with the webgl renderer, the mouse cursor over the frame', async () => {
    const page = await studioWith('webgl', CART);
    await runAndWaitForFrame(page);
    const box = await page.locator('#screen canvas').boundingBox();
    assert.ok(box, 'the screen has no canvas');
    const scale = box.width / FRAME_WIDTH;
    // The arrow's tip at frame pixel (100, 30): its white inside (colour 12) starts at (101, 32).
    await page.mouse.move(box.x + 100.5 * scale, box.y + 30.5 * scale);
    await waitInStudio(page, ([g]) => {
      const frame = g.__nibble.lastFrame();
      return frame !== null && [0, 1, 2].every((c) => frame[(32 * 256 + 101) * 4 + c] === 0xf4);
    });
    const withCursor = await lastFrame(page);
    const without = await runnerFrame(CART);
    assert.ok(differences(withCursor, without).length > 0, 'the cursor is in the last frame');
    await assertDrawn(page, withCursor, 'the cursor over the webgl screen');
  });
});
