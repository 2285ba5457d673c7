// The Music tab (F5) in Chromium against the web build: track tempo, speed and rows and the frames'
// pattern ids in the tracks bytes; notes, note-offs, octaves, sfx, commands and X Y typed into the
// tracker in the pattern rows; undo; play frame and play track with the cursor following the
// playing row; and a saved cart whose music() plays the typed notes until their note-off.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { inStudio, useStudio, waitInStudio } from './studio-page.js';

type Section = 'tracks' | 'patterns';

const cli = join(process.cwd(), 'dist/runner/node/cli/cli.js');
const work = mkdtempSync(join(tmpdir(), 'nibble-music-editor-'));
const SAMPLES_PER_FRAME = 735;

const studio = useStudio();

const bytes = async (page: Page, section: Section): Promise<number[]> => inStudio(page, ([g, s]) => [...g.__nibble.cartBytes(s, 0)], section);

/** The three bytes of a row of pattern `id` (1..60). */
const patternRow = async (page: Page, id: number, row: number): Promise<number[]> => {
  const at = 192 * (id - 1) + 3 * row;
  return (await bytes(page, 'patterns')).slice(at, at + 3);
};

async function openMusicEditor(): Promise<Page> {
  const page = await studio.open();
  await page.keyboard.press('F5');
  await page.locator('.music-tracker').waitFor();
  return page;
}

async function setField(page: Page, label: string, value: number): Promise<void> {
  const input = page.locator('.music-editor .sound-bar label', { hasText: label }).locator('input');
  await input.fill(String(value));
  await input.press('Tab');
}

async function setPattern(page: Page, frame: number, channel: number, id: number): Promise<void> {
  const input = page.locator(`.frames-row[data-frame="${frame}"] input[data-channel="${channel}"]`);
  await input.fill(String(id));
  await input.press('Enter');
}

/** Puts the tracker cursor on a field of a row and channel by clicking it. */
async function clickField(page: Page, row: number, channel: number, field: number): Promise<void> {
  await page.locator(`.tracker-row[data-row="${row}"] .tracker-cell[data-channel="${channel}"] .field-${field}`).click();
}

const cellText = (page: Page, row: number, channel: number) =>
  page.locator(`.tracker-row[data-row="${row}"] .tracker-cell[data-channel="${channel}"]`).textContent();

it("F5 opens the Music editor; tempo, speed, rows and the frames' pattern ids go to the track's 51 bytes; undo restores them", async () => {
  const page = await openMusicEditor();
  assert.equal(await page.locator('.editor-tab[aria-selected="true"]').textContent(), 'Music');

  await setField(page, 'TRACK', 1);
  await setField(page, 'TEMPO', 120);
  await setField(page, 'SPD', 3);
  await setField(page, 'ROWS', 32);
  await setPattern(page, 2, 1, 5);
  await setPattern(page, 15, 3, 60);

  let tracks = await bytes(page, 'tracks');
  const t = 51;
  assert.equal(tracks[t + 48], (120 - 150) & 255, 'tempo is stored as tempo - 150');
  assert.equal(tracks[t + 50], (3 - 6) & 255, 'speed is stored as speed - 6');
  assert.equal(tracks[t + 49], 64 - 32, 'rows are stored as 64 - rows');
  // Frame 2: channel 1's 6-bit id at bits 6-11 of the 24-bit little-endian value.
  assert.deepEqual(tracks.slice(t + 6, t + 9), [(5 << 6) & 255, 5 >> 2, 0]);
  // Frame 15: channel 3's id at bits 18-23.
  assert.deepEqual(tracks.slice(t + 45, t + 48), [0, 0, 60 << 2]);
  assert.ok(
    tracks.slice(0, t).every((b) => b === 0),
    'track 0 untouched',
  );
  assert.equal(await page.locator('.tracker-row:not([hidden])').count(), 32 + 1, 'the tracker shows 32 rows (and its header)');

  await page.locator('.music-tracker').focus();
  await page.keyboard.press('Control+Z');
  tracks = await bytes(page, 'tracks');
  assert.deepEqual(tracks.slice(t + 45, t + 48), [0, 0, 0], 'undo removes the last pattern id');
  assert.equal(tracks[t + 6], (5 << 6) & 255, 'and keeps the one before');
  await page.keyboard.press('Control+Y');
  assert.deepEqual((await bytes(page, 'tracks')).slice(t + 45, t + 48), [0, 0, 60 << 2], 'redo puts it back');
  await page.close();
});

it('notes, note-offs, octaves, sfx, commands and X Y typed into the tracker are written to the pattern rows', async () => {
  const page = await openMusicEditor();
  await setPattern(page, 0, 0, 1);
  await clickField(page, 0, 0, 0);

  await page.keyboard.press('KeyZ');
  assert.deepEqual(await patternRow(page, 1, 0), [0x04, 0x00, 3 << 5], 'row 0: C at the entry octave 4 (3 inside), sfx 0');
  await page.keyboard.press('KeyQ');
  assert.deepEqual(await patternRow(page, 1, 1), [0x04, 0x00, 4 << 5], 'row 1: C an octave up');
  await page.keyboard.press('KeyA');
  assert.deepEqual(await patternRow(page, 1, 2), [0x01, 0x00, 0x00], 'row 2: note-off');

  // Row 3: D, then octave 6, sfx 42, command V with X = B and Y = 3, one field after another.
  await page.keyboard.press('KeyX');
  const edit = async (key: string) => {
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press(key);
  };
  await edit('6');
  await edit('4');
  await edit('2');
  await edit('v');
  await edit('b');
  await edit('3');
  // sfx 42 = 0b101010: bits 0-4 in byte 2, bit 5 in byte 1's top bit.
  assert.deepEqual(await patternRow(page, 1, 3), [0xb6, 0x80 | (6 << 4) | 3, (42 & 31) | (5 << 5)]);
  assert.equal(await cellText(page, 3, 0), 'D-642VB3');

  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Delete');
  assert.deepEqual(await patternRow(page, 1, 3), [0x06, 0x80, (42 & 31) | (5 << 5)], 'Delete in a command field clears the command and X Y');
  await page.keyboard.press('Control+Z');
  assert.deepEqual(await patternRow(page, 1, 3), [0xb6, 0xe3, (42 & 31) | (5 << 5)], 'undo brings them back');

  // The next note takes the octave and sfx typed last.
  await clickField(page, 5, 0, 0);
  await page.keyboard.press('KeyC');
  assert.deepEqual(await patternRow(page, 1, 5), [0x08, 0x80, (42 & 31) | (5 << 5)], 'E at octave 6 with sfx 42');

  // A channel without a pattern in this frame takes no notes.
  const before = await bytes(page, 'patterns');
  await clickField(page, 0, 1, 0);
  await page.keyboard.press('KeyZ');
  assert.deepEqual(await bytes(page, 'patterns'), before);
  await page.close();
});

const playingRow = (page: Page) =>
  inStudio(page, ([g]) => {
    const row = g.document.querySelector('.tracker-row.playing') as { dataset: { row: string } } | null;
    return row ? Number(row.dataset.row) : -1;
  });

it('play frame shows the playing row and the cursor follows it; play track moves on to the next frame; stop ends it', async () => {
  const page = await openMusicEditor();
  // Speed 1 at tempo 150: one row per frame, so a 16-row pattern lasts 16 frames.
  await setField(page, 'SPD', 1);
  await setField(page, 'ROWS', 16);
  await setPattern(page, 0, 0, 1);
  await setPattern(page, 1, 0, 2);
  await page.locator('.frames-row[data-frame="0"] .frames-number').click();
  await clickField(page, 0, 0, 0);

  await page.keyboard.press('Enter');
  await waitInStudio(page, ([g]) => {
    const d = g.document;
    const playing = d.querySelector('.tracker-row.playing') as { dataset: { row: string } } | null;
    const cursor = d.querySelector('.tracker-row.cursor-row') as { dataset: { row: string } } | null;
    return playing !== null && Number(playing.dataset.row) >= 3 && cursor?.dataset.row === playing.dataset.row;
  });
  assert.equal(await page.locator('.frames-row.selected').getAttribute('data-frame'), '0', 'play frame stays in frame 0');

  await page.locator('.music-editor .sound-button', { hasText: 'Stop' }).click();
  await waitInStudio(page, ([g]) => g.document.querySelector('.music-editor[data-playing="false"]') !== null);
  assert.equal(await playingRow(page), -1, 'no playing row once stopped');

  await page.locator('.music-tracker').focus();
  await page.keyboard.press('Space');
  await waitInStudio(page, ([g]) => g.document.querySelector('.frames-row.playing.selected[data-frame="1"]') !== null);
  await page.keyboard.press('Space');
  await waitInStudio(page, ([g]) => g.document.querySelector('.music-editor[data-playing="false"]') !== null);
  await page.close();
});

it("a channel's mute switch silences its notes in the studio while the music plays, and unmuting brings them back", async () => {
  const page = await openMusicEditor();
  await setPattern(page, 0, 0, 1);
  await clickField(page, 0, 0, 0);
  // A note with no note-off sounds to the end of the 64-row pattern (sample 0: noise, full volume).
  await page.keyboard.press('KeyZ');
  const level = (loud: boolean) =>
    waitInStudio(
      page,
      ([g, wantLoud]) => {
        const peak = g.__nibble.audioPeak();
        return wantLoud ? peak > 0.05 : peak < 0.01;
      },
      loud,
      { timeout: 5000 },
    );
  const channel = page.locator('.tracker-channel[data-channel="0"]');
  await page.keyboard.press('Enter');
  await level(true);
  await channel.click();
  assert.equal(await channel.getAttribute('aria-pressed'), 'false');
  await level(false);
  assert.equal(await page.locator('.music-editor').getAttribute('data-playing'), 'true', 'the music plays on, muted');
  await channel.click();
  await level(true);
  await page.close();
});

it('a saved cart whose code calls music(0) plays the typed note until its note-off (nibble run --wav)', async () => {
  const page = await openMusicEditor();
  await setPattern(page, 0, 0, 1);
  await clickField(page, 0, 0, 0);
  await page.keyboard.press('KeyZ');
  // At the default tempo 150 and speed 6 a row lasts 6 frames: the note-off at row 8 comes at frame 48.
  await clickField(page, 8, 0, 0);
  await page.keyboard.press('KeyA');
  await inStudio(page, ([g, code]) => g.__nibble.editor.setCode(code), 'function TIC()\n if not playing then music(0) playing=true end\nend\n');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+S')]);
  const cartPath = join(work, download.suggestedFilename());
  await download.saveAs(cartPath);
  await page.close();

  const wav = join(work, 'music.wav');
  const out = spawnSync(process.execPath, [cli, 'run', cartPath, '--frames', '100', '--deterministic', '--wav', wav], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  const file = readFileSync(wav);
  const samples = new Int16Array(file.buffer.slice(file.byteOffset + 44, file.byteOffset + file.length));
  const peak = (from: number, to: number) =>
    samples.subarray(2 * from * SAMPLES_PER_FRAME, 2 * to * SAMPLES_PER_FRAME).reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  // Sample 0 of a new cart plays waveform 0, which is empty: noise (quirk 10), at full volume.
  assert.ok(peak(5, 45) > 3000, `the note sounds (peak ${peak(5, 45)})`);
  assert.ok(peak(60, 100) < 100, `silence after the note-off (peak ${peak(60, 100)})`);
});
