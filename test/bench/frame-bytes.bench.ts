// Bytes a frame takes on the runner link to the studio: the compact frame the VM records
// (runner/common/compact-frame.ts), cart by cart (test/bench/carts/ and the example carts in
// carts/), beside the 147,456 bytes of an RGBA frame. Counted in this process with CartMachine.step,
// which records exactly what a runner sends; the audio (2,940 bytes) and the header are left out.
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CompactFrameWriter } from '../../runner/common/compact-frame.js';
import { AUDIO_SAMPLES, FRAME_BYTES, type CartSource } from '../../runner/common/protocol.js';
import { DEFAULT_RUNNER_FLAGS } from '../../runner/common/runner-flags.js';
import { createVmThreadInit } from '../../runner/common/vm-link/thread-messages.js';
import { readCartFile } from '../../runner/node/cart-file.js';
import { wasmoonGlue } from '../../runner/node/glue-file.js';
import { loadLuaWasm, type LuaWasm } from '../../runner/vm/lua/lua-wasm.js';
import { CartMachine } from '../../runner/vm/machine.js';
import { NO_INPUT } from './cart-run.js';
import type { Figure } from './figures.js';

const FRAMES = 120;
const CART_DIRS = [join(process.cwd(), 'test', 'bench', 'carts'), join(process.cwd(), 'carts')];

/** Mean and largest compact frame bytes over FRAMES frames of the cart, in a fresh machine. */
function compactBytes(wasm: LuaWasm, cart: CartSource): { mean: number; max: number } {
  let error = '';
  const machine = new CartMachine(
    wasm,
    createVmThreadInit(DEFAULT_RUNNER_FLAGS),
    cart,
    { deterministic: true, pacing: 'fast' },
    {
      send: (msg) => {
        if (msg.type === 'error') error = msg.message;
      },
    },
  );
  const writer = new CompactFrameWriter();
  const audio = new Int16Array(AUDIO_SAMPLES);
  if (machine.boot() !== 'ok') throw new Error(`${cart.name}: boot failed: ${error}`);
  let total = 0;
  let max = 0;
  for (let i = 0; i < FRAMES; i++) {
    const result = machine.step(NO_INPUT, writer, audio);
    if (result === 'error') throw new Error(`${cart.name}: frame ${i + 1} failed: ${error}`);
    const bytes = writer.finish().length;
    total += bytes;
    max = Math.max(max, bytes);
    if (result === 'exit') return { mean: total / (i + 1), max };
  }
  return { mean: total / FRAMES, max };
}

export async function frameBytesBench(): Promise<Figure[]> {
  const wasm = await loadLuaWasm(wasmoonGlue(), { share: false, memoryLimitBytes: 512 * 1024 * 1024 });
  const figures: Figure[] = [];
  let largest = 0;
  for (const dir of CART_DIRS) {
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.lua'))
      .sort()) {
      const name = basename(file, '.lua');
      const { mean, max } = compactBytes(wasm, readCartFile(join(dir, file)));
      largest = Math.max(largest, max);
      console.error(
        `bench: ${basename(dir)}/${file}: compact frame ${Math.round(mean)} bytes (largest ${max}), ${((100 * mean) / FRAME_BYTES).toFixed(1)} % of RGBA`,
      );
      figures.push({
        key: `frame_bytes_${basename(dir)}_${name.replace(/-/g, '_')}`,
        value: mean,
        unit: 'bytes',
        about: `${basename(dir)}/${file}: mean compact frame on the runner link over ${FRAMES} frames (largest ${max}); an RGBA frame is ${FRAME_BYTES}`,
      });
    }
  }
  figures.push({
    key: 'frame_bytes_largest_ratio',
    value: largest / FRAME_BYTES,
    unit: 'x',
    about: 'the largest compact frame seen over those carts / an RGBA frame',
  });
  return figures;
}
