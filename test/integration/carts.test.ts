// The team's own example carts in carts/ load and run in every format (.lua, .tic, .png), and show
// what they are meant to show.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { readCartFile } from '../../runner/node/cart-file.js';
import { runHeadless } from '../../runner/node/headless-run.js';

const cartsDir = join(process.cwd(), 'carts');
const options = { frames: 30, deterministic: true, hangMs: 1000 };

function rgb(frame: Uint8Array | undefined, screenX: number, screenY: number): string {
  assert.ok(frame, 'no frame was drawn');
  const i = ((screenY + 4) * 256 + screenX + 8) * 4;
  return [frame[i], frame[i + 1], frame[i + 2]].map((v) => v.toString(16).padStart(2, '0')).join('');
}

const FORMATS = ['lua', 'tic', 'png'];
const cartNames = [...new Set(readdirSync(cartsDir).map((file) => file.replace(/\.(lua|tic|png)$/, '')))].filter((name) => name !== 'busy');

for (const name of cartNames) {
  it(`carts/${name} runs 30 frames without error as .lua, .tic and .png, drawing the same frames`, async () => {
    const frames: Uint8Array[] = [];
    for (const ext of FORMATS) {
      const result = await runHeadless(await readCartFile(join(cartsDir, `${name}.${ext}`)), options);
      assert.equal(result.status, 'ok', `${name}.${ext}: ${result.message}`);
      assert.equal(result.frames, 30, `${name}.${ext}`);
      assert.ok(result.lastFrame, `${name}.${ext} drew no frame`);
      frames.push(result.lastFrame);
    }
    assert.deepEqual(frames[1], frames[0], `${name}.tic draws what ${name}.lua draws`);
    assert.deepEqual(frames[2], frames[0], `${name}.png draws what ${name}.lua draws`);
  });
}

for (const ext of FORMATS) {
  it(`carts/sprites.${ext} draws its map tiles and its hero sprite`, async () => {
    const result = await runHeadless(await readCartFile(join(cartsDir, `sprites.${ext}`)), options);
    assert.equal(rgb(result.lastFrame, 0, 112), '38b764', 'grass tile (map row 14) top-left pixel');
    assert.equal(rgb(result.lastFrame, 0, 120), 'b13e53', 'brick tile (map row 15) top-left pixel');
    assert.equal(rgb(result.lastFrame, 64, 80), 'ef7d57', 'crate tile at map (8,10) border');
    // After 30 frames the hero has fallen from y=96 onto the grass: its feet (colour 15) are at
    // sprite columns 2 and 5 of its last row, screen row 110; colour 0 around them is transparent.
    assert.equal(rgb(result.lastFrame, 42, 110), '333c57', 'hero left foot at (42,110)');
    assert.equal(rgb(result.lastFrame, 45, 110), '333c57', 'hero right foot at (45,110)');
    assert.equal(rgb(result.lastFrame, 43, 110), '41a6f6', 'sky between the feet at (43,110)');
  });

  it(`carts/busy.${ext} is reported busy at its endless loop`, async () => {
    const result = await runHeadless(await readCartFile(join(cartsDir, `busy.${ext}`)), { ...options, hangMs: 300 });
    assert.equal(result.status, 'hung');
    assert.ok(result.line === 13 || result.line === 14, `line ${result.line}`);
  });
}
