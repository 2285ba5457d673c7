// The desktop app's captures folder: what main accepts from the page, and files never overwritten.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { CaptureFolder, MAX_CAPTURE_BYTES, parseCaptureRequest } from '../../electron/node/capture-folder.js';

describe('capture folder', () => {
  it('accepts a bare .png or .gif name with bytes, and nothing else', () => {
    const bytes = Uint8Array.of(1, 2, 3);
    assert.deepEqual(parseCaptureRequest('game-20260101-120000.png', bytes), { name: 'game-20260101-120000.png', bytes });
    assert.ok(parseCaptureRequest('game.GIF', bytes));
    for (const name of ['../escape.png', 'a/b.png', 'game.lua', 'game', '', 42]) assert.equal(parseCaptureRequest(name, bytes), null, String(name));
    assert.equal(parseCaptureRequest('game.png', [1, 2, 3]), null);
    assert.equal(parseCaptureRequest('game.png', { length: MAX_CAPTURE_BYTES + 1 }), null);
  });

  it('writes each capture under its name, or a numbered one beside a file already there', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'nibble-captures-'));
    try {
      const captures = new CaptureFolder(path.join(folder, 'Nibble'));
      const first = await captures.save({ name: 'game.png', bytes: Uint8Array.of(1) });
      const second = await captures.save({ name: 'game.png', bytes: Uint8Array.of(2) });
      assert.equal(first, path.join(folder, 'Nibble', 'game.png'));
      assert.equal(second, path.join(folder, 'Nibble', 'game-2.png'));
      assert.deepEqual([...(await readFile(first))], [1], 'the first file is left as it was');
      assert.deepEqual([...(await readFile(second))], [2]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
