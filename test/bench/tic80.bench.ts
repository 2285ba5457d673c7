// A frame's cost in Nibble beside TIC-80's, cart by cart (test/bench/carts/*.lua), in one run:
//   in-process  CartMachine.step alone on this thread: what the VM itself costs (cart code, the frame
//               recorded as a compact frame, audio)
//   nibble      a headless run in a runner process, as `nibble run --json --wav` reports it: medianMsPerFrame
//               (frames 61 on, measured as tic80 -t measures them), and msPerFrame (the mean of all
//               frames, warm-up included) beside it
//   tic80       TIC-80's own core, headless (test/tic80-native.ts): `-t`, its median tick+blit+sound
// The TIC-80 column and the ratios are skipped, saying so, where tic80-native is absent.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CompactFrameWriter } from '../../runner/common/compact-frame.js';
import { AUDIO_SAMPLES, type CartSource } from '../../runner/common/protocol.js';
import { DEFAULT_RUNNER_FLAGS } from '../../runner/common/runner-flags.js';
import { createVmThreadInit } from '../../runner/common/vm-link/thread-messages.js';
import { readCartFile } from '../../runner/node/cart-file.js';
import { readGlueWasm } from '../../runner/node/glue-file.js';
import { runHeadless } from '../../runner/node/headless-run.js';
import { loadLuaWasm, type LuaWasm } from '../../runner/vm/lua/lua-wasm.js';
import { WARMUP_FRAMES } from '../../runner/vm/frame-times.js';
import { CartMachine } from '../../runner/vm/machine.js';
import { TIC80_NATIVE, tic80Absent } from '../tic80-native.js';
import { NO_INPUT } from './cart-run.js';
import { soundSynthesisFigures } from './sound-synthesis.js';
import type { Figure } from './figures.js';
import { geometricMean, median } from './stats.js';

/** The bench runs from the repository's root, as the tests do. */
const CART_DIR = join(process.cwd(), 'test', 'bench', 'carts');
/** Frames of each run: TIC-80's -t takes the median of frames WARMUP_FRAMES + 1..N. */
const FRAMES = 600;
/** Runs of each cart per column; each column's figure is the median of their figures. */
const RUNS = 5;
const RUN_TIMEOUT_MS = 120_000;

/** Median ms of CartMachine.step over frames WARMUP_FRAMES+1..FRAMES, in a fresh machine. */
function inProcessMsPerFrame(wasm: LuaWasm, cart: CartSource): number {
  const shared = createVmThreadInit(DEFAULT_RUNNER_FLAGS);
  let error = '';
  const machine = new CartMachine(
    wasm,
    shared,
    cart,
    { deterministic: true, pacing: 'fast' },
    {
      send: (msg) => {
        if (msg.type === 'error') error = msg.message;
      },
    },
  );
  const frame = new CompactFrameWriter();
  const audio = new Int16Array(AUDIO_SAMPLES);
  if (machine.boot() !== 'ok') throw new Error(`${cart.name}: boot failed: ${error}`);
  const times: number[] = [];
  for (let i = 0; i < FRAMES; i++) {
    const started = performance.now();
    const result = machine.step(NO_INPUT, frame, audio);
    frame.finish();
    const ms = performance.now() - started;
    if (result !== 'ok') throw new Error(`${cart.name}: frame ${i + 1} ended with ${result} ${error}`);
    if (i >= WARMUP_FRAMES) times.push(ms);
  }
  return median(times);
}

/** A headless run's median frame time from frame WARMUP_FRAMES + 1 on, and its mean over all frames. */
async function nibbleMsPerFrame(cart: CartSource): Promise<{ median: number; mean: number }> {
  // keepAudio: the run makes every frame's audio, as TIC-80's frame does (a run that takes none makes none).
  const result = await runHeadless(cart, { frames: FRAMES, deterministic: true, hangMs: RUN_TIMEOUT_MS, keepAudio: true });
  if (result.status !== 'ok' || result.medianMsPerFrame === undefined) {
    throw new Error(`${cart.name}: the headless run ended with ${result.status}: ${result.message ?? ''}`);
  }
  return { median: result.medianMsPerFrame, mean: result.msPerFrame };
}

function tic80MsPerFrame(path: string): number {
  const out = spawnSync(TIC80_NATIVE, [path, '-n', String(FRAMES), '-t', '-q'], { encoding: 'utf8', timeout: RUN_TIMEOUT_MS });
  const match = /ms_per_frame\s+([\d.]+)/.exec(out.stdout);
  if (out.status !== 0 || !match) throw new Error(`tic80-native on ${path} failed (status ${out.status}): ${out.stderr.trim()}`);
  return Number(match[1]);
}

export async function tic80Bench(): Promise<Figure[]> {
  if (tic80Absent) console.error(`bench: ${tic80Absent}, so the tic80 column and the ratios are skipped`);
  // As the conformance rig does: one wasm instance for every machine, unshared memory, room to grow.
  const wasm = await loadLuaWasm(readGlueWasm(), { share: false, memoryLimitBytes: 512 * 1024 * 1024 });
  const figures: Figure[] = [];
  const ratios: number[] = [];
  const how = `${FRAMES} frames, deterministic clock, median of ${RUNS} runs`;
  for (const file of readdirSync(CART_DIR)
    .filter((f) => f.endsWith('.lua'))
    .sort()) {
    const path = join(CART_DIR, file);
    const name = basename(file, '.lua');
    const key = name.replace(/-/g, '_');
    const cart = await readCartFile(path);
    const inProcess = median(Array.from({ length: RUNS }, () => inProcessMsPerFrame(wasm, cart)));
    // The runner's and TIC-80's runs take turns, so a slow spell of the machine weighs on both.
    const runs: { median: number; mean: number }[] = [];
    const tic80Runs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await nibbleMsPerFrame(cart));
      if (!tic80Absent) tic80Runs.push(tic80MsPerFrame(path));
    }
    const nibble = median(runs.map((run) => run.median));
    const nibbleMean = median(runs.map((run) => run.mean));
    const tic80 = tic80Absent ? null : median(tic80Runs);
    if (tic80 !== null) ratios.push(nibble / tic80);
    const skipped = tic80Absent ? ` (skipped: ${tic80Absent})` : '';
    console.error(
      `bench: ${file}: in-process ${inProcess.toFixed(3)} ms, nibble ${nibble.toFixed(3)} ms (mean ${nibbleMean.toFixed(3)}), tic80 ${tic80 === null ? 'skipped' : `${tic80.toFixed(3)} ms, ratio ${(nibble / tic80).toFixed(1)}x`}`,
    );
    figures.push(
      {
        key: `tic80_${key}_in_process_ms`,
        value: inProcess,
        unit: 'ms/frame',
        about: `${file}: median CartMachine.step in this process after ${WARMUP_FRAMES} warm-up frames (cart code, blit, audio); ${how}`,
      },
      {
        key: `tic80_${key}_nibble_ms`,
        value: nibble,
        unit: 'ms/frame',
        about: `${file}: medianMsPerFrame of a headless runner run that makes audio (nibble run --json --wav), frames ${WARMUP_FRAMES + 1}..${FRAMES} as tic80 -t takes them; ${how}`,
      },
      {
        key: `tic80_${key}_nibble_mean_ms`,
        value: nibbleMean,
        unit: 'ms/frame',
        about: `${file}: msPerFrame of the same runs, the mean of all ${FRAMES} frames, the JIT's warm-up included; ${how}`,
      },
      {
        key: `tic80_${key}_tic80_ms`,
        value: tic80,
        unit: 'ms/frame',
        about: `${file}: tic80-native -t, TIC-80's median tick, blit and sound over frames ${WARMUP_FRAMES + 1}..${FRAMES}; ${how}${skipped}`,
      },
      { key: `tic80_${key}_ratio`, value: tic80 === null ? null : nibble / tic80, unit: 'x', about: `${file}: nibble over tic80${skipped}` },
      { key: `tic80_${key}_in_process_ratio`, value: tic80 === null ? null : inProcess / tic80, unit: 'x', about: `${file}: in-process over tic80${skipped}` },
    );
  }
  figures.push({
    key: 'tic80_geomean_ratio',
    value: ratios.length ? geometricMean(ratios) : null,
    unit: 'x',
    about: tic80Absent ? `skipped: ${tic80Absent}` : `geometric mean over the ${ratios.length} carts of nibble medianMsPerFrame over tic80-native's`,
  });
  figures.push(...(await soundSynthesisFigures()));
  return figures;
}
