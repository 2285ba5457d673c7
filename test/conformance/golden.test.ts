// Golden frames: complete demo carts (test/conformance/carts/*.lua) rendered at a fixed frame with
// deterministic time must match their checked-in PNGs pixel for pixel. After an intended change in
// rendering, rewrite the PNGs with NIBBLE_UPDATE_GOLDEN=1 and review them before committing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FRAME_HEIGHT, FRAME_WIDTH } from '../../runner/common/protocol.js';
import { readCartFile } from '../../runner/node/cart-file.js';
import { writePng } from '../../runner/node/png-file.js';
import { expectOk, framePixel } from './expect.js';
import { Rig } from './rig.js';
import { readRgbaPng } from '../rgba-png.js';

const rig = await Rig.load();

const CARTS = join(process.cwd(), 'test', 'conformance', 'carts');
/** Frame N is the output after the Nth call of TIC(). */
const GOLDEN_FRAME = 30;
const UPDATE = process.env.NIBBLE_UPDATE_GOLDEN === '1';

/** The first pixel where the frame and the golden image differ, and how many differ. */
function compare(frame: Uint8Array, golden: Uint8Array): { first?: string; count: number } {
  let first: string | undefined;
  let count = 0;
  for (let y = 0; y < FRAME_HEIGHT; y++) {
    for (let x = 0; x < FRAME_WIDTH; x++) {
      const got = framePixel(frame, x, y);
      const want = framePixel(golden, x, y);
      if (got === want) continue;
      count++;
      first ??= `frame pixel (${x},${y}) is ${got}, golden ${want}`;
    }
  }
  return { ...(first ? { first } : {}), count };
}

describe(`golden frames (frame ${GOLDEN_FRAME}, deterministic time)`, () => {
  for (const name of ['platformer', 'cube3d', 'overlay']) {
    it(`${name}.lua`, async () => {
      const cart = await readCartFile(join(CARTS, `${name}.lua`));
      const run = rig.run(cart.code, { frames: GOLDEN_FRAME, name: cart.name, ...(cart.data ? { data: cart.data } : {}) });
      expectOk(run, `${name}.lua`);
      assert.equal(run.frames, GOLDEN_FRAME, `${name}.lua ran ${run.frames} frames`);
      const goldenPath = join(CARTS, `${name}.golden.png`);
      if (UPDATE) {
        writePng(goldenPath, run.frame);
        return;
      }
      const golden = readRgbaPng(readFileSync(goldenPath));
      assert.equal(`${golden.width}x${golden.height}`, `${FRAME_WIDTH}x${FRAME_HEIGHT}`, `${name}.golden.png size`);
      const { first, count } = compare(run.frame, golden.data);
      if (first) assert.fail(`${name}.lua: ${count} pixel(s) differ from ${name}.golden.png; first: ${first}`);
    });
  }
});
