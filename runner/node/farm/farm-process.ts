// A process that runs a batch of carts through a cart farm under the runner's kernel sandbox, for
// `nibble run a.lua b.lua ...`: the CLI reads the carts and writes the results, this process only
// runs them, reporting each cart as it ends.
import { createFarm, type FarmOutcome } from './farm.js';
import type { CartSource, InputSpan, SandboxState } from '../../common/protocol.js';

export interface FarmBatch {
  carts: CartSource[];
  frames: number;
  deterministic: boolean;
  hangMs: number;
  workers?: number;
  inputSchedule?: InputSpan[];
  /** Send each cart's last frame back. */
  pixels: boolean;
}

export type FromFarmProcess =
  | { type: 'trace'; index: number; text: string }
  | { type: 'cart'; index: number; outcome: FarmOutcome; totalMs: number; sandbox?: SandboxState }
  /** Every cart has been reported; the process waits to be ended (its host reads its peak memory first). */
  | { type: 'done' };

/** Carts resident at once per worker: enough to keep every worker busy, few enough to bound memory. */
const RESIDENT_PER_WORKER = 64;

const send = (msg: FromFarmProcess) => process.send?.(msg);

process.once('message', (batch: FarmBatch) => {
  void (async () => {
    const farm = await createFarm({ ...(batch.workers ? { workers: batch.workers } : {}), hangMs: batch.hangMs, sandbox: true });
    const sandbox = farm.sandbox;
    let next = 0;
    const runOne = async (): Promise<void> => {
      while (next < batch.carts.length) {
        const index = next++;
        const started = performance.now();
        const cart = farm.add(batch.carts[index], {
          deterministic: batch.deterministic,
          ...(batch.inputSchedule ? { inputSchedule: batch.inputSchedule } : {}),
        });
        cart.on('trace', (text) => send({ type: 'trace', index, text }));
        const outcome = await cart.step(batch.frames);
        cart.kill();
        const { pixels, ...rest } = outcome;
        send({ type: 'cart', index, outcome: batch.pixels && pixels ? outcome : rest, totalMs: performance.now() - started, ...(sandbox ? { sandbox } : {}) });
      }
    };
    const lanes = Math.min(batch.carts.length, RESIDENT_PER_WORKER * farm.workers);
    await Promise.all(Array.from({ length: lanes }, runOne));
    await farm.close();
    send({ type: 'done' });
  })();
});
