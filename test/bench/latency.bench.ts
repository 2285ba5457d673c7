// Latencies a person feels, measured from a Node host of real runner processes (as the CLI and the
// web studio's bridge are): starting a cart, stopping it, input reaching the screen, and a hung
// frame being reported. Times are taken when messages reach this process.
import { FRAME_WIDTH, type CartSource, type RunOptions } from '../../runner/common/protocol.js';
import { spawnRunner, type RunnerProcess } from '../../runner/node/runner-process.js';
import { NO_INPUT, SMALL_CART, stopRunner } from './cart-run.js';
import type { Figure } from './figures.js';
import { RunnerMessages } from './runner-messages.js';
import { median, sleep } from './stats.js';

const REPEATS = 5;
const INPUT_TRIALS = 12;
const WARM_IDLE_MS = 500;
const WAIT_MS = 10_000;
const REALTIME: RunOptions = { deterministic: false, pacing: 'realtime' };

const INPUT_CART: CartSource = { name: 'input.lua', code: 'function TIC()\n  cls(btn(0) and 12 or 1)\nend\n' };
const HANG_ON_FRAME = 3;
const HUNG_CART: CartSource = {
  name: 'hung.lua',
  code: `local f = 0\nfunction TIC()\n  f = f + 1\n  cls(f)\n  if f == ${HANG_ON_FRAME} then\n    local spins = 0\n    while true do spins = spins + 1 end\n  end\nend\n`,
};

interface Session {
  runner: RunnerProcess;
  messages: RunnerMessages;
  /** performance.now() just before the runner was spawned. */
  spawnedAt: number;
}

/** Spawns a runner for one measurement and makes sure it is gone afterwards, whatever happened. */
async function withRunner<T>(measure: (session: Session) => Promise<T>): Promise<T> {
  const spawnedAt = performance.now();
  const runner = spawnRunner();
  try {
    return await measure({ runner, messages: new RunnerMessages(runner), spawnedAt });
  } finally {
    await stopRunner(runner);
  }
}

/** Kills the runner and returns ms until its process is gone. */
async function timeStop(runner: RunnerProcess): Promise<number> {
  const t0 = performance.now();
  await stopRunner(runner);
  return performance.now() - t0;
}

/** Cold start (spawn -> first frame) and stop (kill -> process gone) of a running cart. */
const coldStartAndStop = () =>
  withRunner(async ({ runner, messages, spawnedAt }) => {
    runner.send({ type: 'start', cart: SMALL_CART, options: REALTIME });
    const first = await messages.next('frame', WAIT_MS);
    await messages.next('frame', WAIT_MS, (m) => m.index >= 4);
    return { cold: first.at - spawnedAt, stop: await timeStop(runner) };
  });

/** A runner spawned in advance and idle for a moment: 'start' -> first frame. */
const warmStart = () =>
  withRunner(async ({ runner, messages }) => {
    await sleep(WARM_IDLE_MS);
    const t0 = performance.now();
    runner.send({ type: 'start', cart: SMALL_CART, options: REALTIME });
    return (await messages.next('frame', WAIT_MS)).at - t0;
  });

/** Offset of screen pixel (0, 0) in a 256x144 RGBA frame (the border is 8 pixels wide, 4 high). */
const SCREEN_ORIGIN = (4 * FRAME_WIDTH + 8) * 4;

/** 'input' message sent -> first frame drawn with it, for a cart that paints the screen by btn(0). */
const inputLatencies = () =>
  withRunner(async ({ runner, messages }) => {
    runner.send({ type: 'start', cart: INPUT_CART, options: REALTIME });
    const released = (await messages.next('frame', WAIT_MS)).msg.pixels[SCREEN_ORIGIN];
    const latencies: number[] = [];
    for (let trial = 0; trial < INPUT_TRIALS; trial++) {
      const pressed = trial % 2 === 0;
      // A random pause puts the input at a different point of the 60 Hz frame schedule each time.
      await sleep(30 + Math.random() * 40);
      const t0 = performance.now();
      runner.send({ type: 'input', input: { ...NO_INPUT, gamepads: pressed ? 1 : 0 } });
      const shown = await messages.next('frame', WAIT_MS, (m) => (m.pixels[SCREEN_ORIGIN] !== released) === pressed);
      latencies.push(shown.at - t0);
    }
    return latencies;
  });

/** A frame that hangs: its start (the previous frame arriving) -> first 'busy'; then kill -> gone. */
const busyNoticeAndStop = () =>
  withRunner(async ({ runner, messages }) => {
    runner.send({ type: 'start', cart: HUNG_CART, options: { deterministic: false, pacing: 'fast' } });
    const before = await messages.next('frame', WAIT_MS, (m) => m.index === HANG_ON_FRAME - 1);
    const busy = await messages.next('busy', WAIT_MS);
    return { busy: busy.at - before.at, stop: await timeStop(runner) };
  });

async function repeat<T>(times: number, measure: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < times; i++) results.push(await measure());
  return results;
}

export async function latencyBench(): Promise<Figure[]> {
  const cold = await repeat(REPEATS, coldStartAndStop);
  const warm = await repeat(REPEATS, warmStart);
  const input = await inputLatencies();
  const hung = await repeat(REPEATS, busyNoticeAndStop);
  const of = `median of ${REPEATS}`;
  return [
    { key: 'cold_start_ms', value: median(cold.map((r) => r.cold)), unit: 'ms', about: `spawnRunner() and 'start' -> first frame message; ${of}` },
    { key: 'warm_start_ms', value: median(warm), unit: 'ms', about: `runner spawned ${WARM_IDLE_MS} ms before, idle: 'start' -> first frame message; ${of}` },
    { key: 'warm_vs_cold_start_ratio', value: median(warm) / median(cold.map((r) => r.cold)), unit: 'x', about: 'warm start / cold start' },
    { key: 'stop_ms', value: median(cold.map((r) => r.stop)), unit: 'ms', about: `kill() of a running cart -> process gone (exited, 'gone' message); ${of}` },
    { key: 'stop_hung_ms', value: median(hung.map((r) => r.stop)), unit: 'ms', about: `kill() of a cart hung in a loop -> process gone; ${of}` },
    {
      key: 'input_latency_ms',
      value: median(input),
      unit: 'ms',
      about: `'input' message sent -> first frame message drawn with it (60 Hz pacing, cart paints by btn(0)); median of ${INPUT_TRIALS}`,
    },
    { key: 'input_latency_max_ms', value: Math.max(...input), unit: 'ms', about: `the slowest of those ${INPUT_TRIALS} inputs` },
    {
      key: 'busy_notice_ms',
      value: median(hung.map((r) => r.busy)),
      unit: 'ms',
      about: `a frame hung in a loop: the frame before it arriving -> first 'busy' message (with its line); ${of}`,
    },
  ];
}
