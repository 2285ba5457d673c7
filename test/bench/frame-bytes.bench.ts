// Bytes a frame takes on the runner link to the studio: the compact frame (runner/common/compact-frame.ts)
// in each 'compact-frame' message a runner sends a host that asks for them, as the studio does, cart
// by cart (test/bench/carts/ and the example carts in carts/), beside the 147,456 bytes of an RGBA
// frame. The audio (2,940 bytes) and the message's other fields are left out. A cart whose first
// frame never ends (carts/busy.lua) has no figure.
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { FRAME_BYTES, type CartSource } from '../../runner/common/protocol.js';
import { readCartFile } from '../../runner/node/cart-file.js';
import { spawnRunner } from '../../runner/node/runner-process.js';
import type { Figure } from './figures.js';

const FRAMES = 120;
/** A frame busy this long counts as never ending. */
const BUSY_MS = 500;
/** Each folder of carts with the name its figures' keys give it. */
const CART_DIRS = [
  { dir: join(process.cwd(), 'test', 'bench', 'carts'), label: 'bench' },
  { dir: join(process.cwd(), 'carts'), label: 'carts' },
];

/** Mean and largest compact frame bytes over FRAMES frames of the cart in a runner; null without frames. */
async function compactBytes(cart: CartSource): Promise<{ mean: number; max: number } | null> {
  const runner = spawnRunner();
  const sizes: number[] = [];
  await new Promise<void>((resolve) => {
    runner.onMessage((msg) => {
      if (msg.type === 'compact-frame') sizes.push(msg.compact.length);
      if (msg.type === 'busy' && msg.ms > BUSY_MS) resolve();
      if (msg.type === 'done' || msg.type === 'exit' || msg.type === 'error' || msg.type === 'hung' || msg.type === 'gone') resolve();
    });
    runner.send({ type: 'start', cart, options: { deterministic: true, pacing: 'fast', maxFrames: FRAMES, compactFrames: true } });
  });
  runner.kill();
  await runner.exited;
  if (sizes.length === 0) return null;
  return { mean: sizes.reduce((a, b) => a + b, 0) / sizes.length, max: Math.max(...sizes) };
}

export async function frameBytesBench(): Promise<Figure[]> {
  const figures: Figure[] = [];
  let largest = 0;
  for (const { dir, label } of CART_DIRS) {
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.lua'))
      .sort()) {
      const where = `${label === 'bench' ? 'test/bench/carts' : 'carts'}/${file}`;
      const bytes = await compactBytes(await readCartFile(join(dir, file)));
      if (bytes) largest = Math.max(largest, bytes.max);
      console.error(
        `bench: ${where}: ${bytes ? `compact frame ${Math.round(bytes.mean)} bytes (largest ${bytes.max}), ${((100 * bytes.mean) / FRAME_BYTES).toFixed(1)} % of RGBA` : 'no frame ended'}`,
      );
      figures.push({
        key: `frame_bytes_${label}_${basename(file, '.lua').replace(/-/g, '_')}`,
        value: bytes?.mean ?? null,
        unit: 'bytes',
        about: bytes
          ? `${where}: mean compact frame a runner sends the studio, over ${FRAMES} frames (largest ${bytes.max}); an RGBA frame is ${FRAME_BYTES}`
          : `${where}: skipped, its first frame never ends`,
      });
    }
  }
  figures.push({
    key: 'frame_bytes_largest_ratio',
    value: largest / FRAME_BYTES,
    unit: 'x',
    about: 'the largest compact frame over those carts / an RGBA frame',
  });
  return figures;
}
