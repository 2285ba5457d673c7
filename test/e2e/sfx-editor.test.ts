// The SFX tab (F4) in Chromium against the web build: the waveform and the four envelopes drawn
// with the mouse, the sample's settings and loops, undo and redo, the piano keys heard through the
// studio's sound path (its scope), and a saved cart whose sfx() plays the drawn wave at the
// sample's note, measured in `nibble run --wav`'s output.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { inStudio, useStudio, waitInStudio } from './studio-page.js';
import { peakFrequency } from '../fixtures/audio-analysis.js';
import { readRgbaPng } from '../rgba-png.js';

type Section = 'waveforms' | 'sfx';

const cli = join(process.cwd(), 'dist/runner/node/cli/cli.js');
const work = mkdtempSync(join(tmpdir(), 'nibble-sfx-editor-'));
const SAMPLES_PER_FRAME = 735;

// The editor canvas's layout (renderer/editors/sfx/sfx-canvas.ts), in CSS pixels: cells of 10 x 5,
// 16 levels per grid, grids 92 px apart, the scope last.
const CANVAS = { width: 320, height: 500 };
const CELL = { width: 10, height: 5 };
const GRID_TOP = { wave: 0, waveEnvelope: 92, volume: 184, arpeggio: 276, pitch: 368 } as const;
const SCOPE = { top: 460, height: 40, color: [0xa7, 0xf0, 0x70] };

const studio = useStudio();

const bytes = async (page: Page, section: Section): Promise<number[]> => inStudio(page, ([g, s]) => [...g.__nibble.cartBytes(s, 0)], section);

async function openSfxEditor(): Promise<Page> {
  const page = await studio.open();
  await page.keyboard.press('F4');
  await page.locator('.sfx-canvas canvas').waitFor();
  return page;
}

/** The middle of a grid cell (column, level) in page coordinates. */
async function cell(page: Page, gridTop: number, column: number, level: number): Promise<{ x: number; y: number }> {
  const box = await page.locator('.sfx-canvas canvas').boundingBox();
  assert.ok(box, 'the SFX canvas is on the page');
  const x = (column + 0.5) * CELL.width;
  const y = gridTop + (15 - level + 0.5) * CELL.height;
  return { x: box.x + (x * box.width) / CANVAS.width, y: box.y + (y * box.height) / CANVAS.height };
}

/** A mouse stroke from one cell to another within a grid. */
async function stroke(page: Page, gridTop: number, from: [number, number], to: [number, number]): Promise<void> {
  const a = await cell(page, gridTop, ...from);
  const b = await cell(page, gridTop, ...to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 8 });
  await page.mouse.up();
}

/** Types a value into a labelled number box of the SFX bar and commits it. */
async function setField(page: Page, label: string, value: number): Promise<void> {
  const input = page.locator('.sfx-editor .sound-bar label', { hasText: label }).locator('input');
  await input.fill(String(value));
  await input.press('Tab');
}

/** Waveform 0 as a square wave: the first 16 samples at level 15, the rest at 0. */
async function drawSquareWave(page: Page): Promise<void> {
  await stroke(page, GRID_TOP.wave, [0, 15], [15, 15]);
  await stroke(page, GRID_TOP.wave, [16, 0], [31, 0]);
}

it('F4 opens the SFX editor; mouse strokes write the waveform and envelope nibbles; undo and redo step through the strokes', async () => {
  const page = await openSfxEditor();
  assert.equal(await page.locator('.editor-tab[aria-selected="true"]').textContent(), 'SFX');

  await drawSquareWave(page);
  const waves = await bytes(page, 'waveforms');
  assert.deepEqual(waves.slice(0, 16), [...Array<number>(8).fill(0xff), ...Array<number>(8).fill(0)], 'samples 0-15 at 15, low nibble first');

  // Waveform 2: a ramp drawn from level 0 to level 15 across the 32 samples.
  await page.locator('.sfx-wave-button[data-wave="2"]').click();
  await stroke(page, GRID_TOP.wave, [0, 0], [31, 15]);
  const ramp = (await bytes(page, 'waveforms')).slice(32, 48);
  const levels = ramp.flatMap((b) => [b & 15, b >> 4]);
  assert.equal(levels[0], 0);
  assert.equal(levels[31], 15);
  assert.ok(
    levels.every((v, i) => i === 0 || v >= levels[i - 1]),
    `a rising ramp: ${levels.join(' ')}`,
  );

  // Envelopes of sample 0: volume 12 over ticks 0-5 (stored inverted), wave 2 at tick 4,
  // arpeggio 4 at tick 1, pitch +2 at tick 3 (stored as a signed high nibble).
  await stroke(page, GRID_TOP.volume, [0, 12], [5, 12]);
  await stroke(page, GRID_TOP.waveEnvelope, [4, 2], [4, 2]);
  await stroke(page, GRID_TOP.arpeggio, [1, 4], [1, 4]);
  await stroke(page, GRID_TOP.pitch, [3, 10], [3, 10]);
  let sfx = await bytes(page, 'sfx');
  for (let t = 0; t <= 5; t++) assert.equal(sfx[2 * t] & 15, 3, `tick ${t} volume`);
  assert.equal(sfx[2 * 6] & 15, 0, 'tick 6 keeps full volume');
  assert.equal(sfx[2 * 4] >> 4, 2, 'tick 4 wave');
  assert.equal(sfx[2 * 1 + 1] & 15, 4, 'tick 1 arpeggio');
  assert.equal(sfx[2 * 3 + 1] >> 4, 2, 'tick 3 pitch');

  // A downward pitch drawn below the zero line is stored as a negative nibble.
  await stroke(page, GRID_TOP.pitch, [7, 5], [7, 5]);
  sfx = await bytes(page, 'sfx');
  assert.equal(sfx[2 * 7 + 1] >> 4, 0xd, 'pitch -3');

  await page.keyboard.press('Control+Z');
  assert.equal((await bytes(page, 'sfx'))[2 * 7 + 1] >> 4, 0, 'undo removes the last stroke');
  await page.keyboard.press('Control+Z');
  assert.equal((await bytes(page, 'sfx'))[2 * 3 + 1] >> 4, 0, 'and the one before');
  await page.keyboard.press('Control+Y');
  assert.equal((await bytes(page, 'sfx'))[2 * 3 + 1] >> 4, 2, 'redo brings it back');
  await page.close();
});

it("the sample's speed, octave, note, pitch x16, arpeggio direction, sides and loops go to bytes 60-65 of the selected sample", async () => {
  const page = await openSfxEditor();
  await setField(page, 'SFX', 5);
  await setField(page, 'SPD', -3);
  await setField(page, 'OCT', 6);
  await page.locator('.sfx-editor .sound-bar select').selectOption('9');
  await page.locator('.sfx-editor label', { hasText: 'PITCH x16' }).locator('input').check();
  await page.locator('.sfx-editor label', { hasText: 'ARP DOWN' }).locator('input').check();
  await page.locator('.sfx-editor .sound-bar label', { hasText: /^R$/ }).locator('input').uncheck();
  await page.locator('input[data-loop="1-start"]').fill('2');
  await page.locator('input[data-loop="1-start"]').press('Tab');
  await page.locator('input[data-loop="1-size"]').fill('3');
  await page.locator('input[data-loop="1-size"]').press('Tab');

  const sfx = await bytes(page, 'sfx');
  const at = 5 * 66;
  // Octave 6 as shown is 5 inside; speed -3 is 0b101 in bits 4-6.
  assert.equal(sfx[at + 60], 5 | 8 | (5 << 4) | 0x80, 'byte 60: octave, pitch x16, speed, reverse');
  assert.equal(sfx[at + 61], 9 | 0x20, 'byte 61: note A, right side muted');
  assert.equal(sfx[at + 63], 2 | (3 << 4), 'volume loop: start 2, size 3');
  assert.ok(
    sfx.slice(0, at).every((b) => b === 0),
    'samples 0-4 untouched',
  );

  // The loop is shaded on the volume grid: the gap between the bars of tick 2 differs from tick 9's.
  const shot = readRgbaPng(await page.locator('.sfx-canvas canvas').screenshot());
  const pixel = (x: number, y: number) => [...shot.data.subarray((y * shot.width + x) * 4, (y * shot.width + x) * 4 + 3)];
  assert.notDeepEqual(pixel(2 * CELL.width, GRID_TOP.volume + 2), pixel(9 * CELL.width, GRID_TOP.volume + 2));
  await page.close();
});

/** Pixels of the scope's colour away from its middle line: the previewed sound's waveform. */
async function scopeSwing(page: Page): Promise<number> {
  const shot = readRgbaPng(await page.locator('.sfx-canvas canvas').screenshot());
  const middle = SCOPE.top + SCOPE.height / 2;
  let count = 0;
  for (let y = SCOPE.top; y < SCOPE.top + SCOPE.height; y++) {
    if (Math.abs(y - middle) <= 2) continue;
    for (let x = 0; x < shot.width; x++) {
      const i = (y * shot.width + x) * 4;
      if (SCOPE.color.every((c, k) => Math.abs(shot.data[i + k] - c) < 48)) count++;
    }
  }
  return count;
}

async function waitForScope(page: Page, moving: boolean): Promise<void> {
  const end = Date.now() + 5000;
  while ((await scopeSwing(page)) > 0 !== moving) {
    if (Date.now() > end) assert.fail(`the scope should ${moving ? 'show a waveform' : 'be flat'}`);
    await page.waitForTimeout(50);
  }
}

it('a held piano key plays the sample through the studio sound path until it is released', async () => {
  const page = await openSfxEditor();
  await drawSquareWave(page);
  await setField(page, 'OCT', 5);
  const editor = page.locator('.sfx-editor');
  await editor.focus();
  assert.equal(await scopeSwing(page), 0, 'nothing plays before a key');

  await page.keyboard.down('KeyZ');
  await waitInStudio(page, ([g]) => g.document.querySelector('.sfx-editor[data-playing="true"]') !== null);
  await waitForScope(page, true);
  await page.keyboard.up('KeyZ');
  await waitInStudio(page, ([g]) => g.document.querySelector('.sfx-editor[data-playing="false"]') !== null);
  await waitForScope(page, false);

  // The play button plays the sample at its own note until pressed again.
  await page.locator('.sfx-play').click();
  await waitForScope(page, true);
  await page.locator('.sfx-play').click();
  await waitForScope(page, false);
  await page.close();
});

it("a saved cart whose code calls sfx(0) plays the drawn wave at the sample's note (nibble run --wav)", async () => {
  const page = await openSfxEditor();
  await drawSquareWave(page);
  // A-5 as TIC-80 writes it: octave 5 shown, 4 inside, note A = 440 Hz.
  await setField(page, 'OCT', 5);
  await page.locator('.sfx-editor .sound-bar select').selectOption('9');
  await inStudio(page, ([g, code]) => g.__nibble.editor.setCode(code), 'function TIC()\n if not playing then sfx(0) playing=true end\nend\n');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+S')]);
  const cartPath = join(work, download.suggestedFilename());
  await download.saveAs(cartPath);
  await page.close();

  const wav = join(work, 'sfx.wav');
  const out = spawnSync(process.execPath, [cli, 'run', cartPath, '--frames', '40', '--deterministic', '--wav', wav], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  const file = readFileSync(wav);
  const samples = new Int16Array(file.buffer.slice(file.byteOffset + 44, file.byteOffset + file.length));
  const left = samples.filter((_, i) => i % 2 === 0).subarray(5 * SAMPLES_PER_FRAME, 35 * SAMPLES_PER_FRAME);
  assert.ok(left.reduce((m, x) => Math.max(m, Math.abs(x)), 0) > 3000, 'the note is loud');
  // The chip divides its clock into whole steps, so A-5 (440 Hz) sounds at 444 Hz.
  const freq = peakFrequency(left, 300, 600, 1);
  assert.ok(Math.abs(freq - 440) / 440 < 0.01, `the note measures ${freq} Hz`);
});
