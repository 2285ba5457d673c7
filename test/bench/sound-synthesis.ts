// The sound of one frame beside TIC-80's, for a cart playing music on four channels
// (test/bench/carts/music.lua): ours is the sound chip alone (the music tick and the synthesis of
// 735 stereo samples) on this thread; TIC-80's core cannot be timed in parts from outside, so its
// figure is what the music adds to its frame: tic80-native -t of the cart, minus the same cart
// with its music() call taken out. TIC-80's frame without music still synthesizes its silent
// channels, which that difference leaves out, so the ratio, if anything, favours TIC-80.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RAM_BYTES } from '../../runner/common/memory-map.js';
import { AUDIO_SAMPLES, type CartData } from '../../runner/common/protocol.js';
import { readCartFile } from '../../runner/node/cart-file.js';
import { SECTION_ADDRESS, type RamSection } from '../../runner/vm/cart-sections.js';
import { SoundChip } from '../../runner/vm/sound/sound-chip.js';
import { TIC80_NATIVE, tic80Absent } from '../tic80-native.js';
import type { Figure } from './figures.js';
import { median } from './stats.js';

const CART = join(process.cwd(), 'test', 'bench', 'carts', 'music.lua');
const MUSIC_CALL = /^\s*music\(0\)\s*$/m;
/** Frames timed, after the warm-up frames in which V8 optimizes the synthesizer. */
const FRAMES = 3000;
const WARMUP_FRAMES = 600;
/** tic80-native -t takes the median of frames 61..N. */
const TIC80_FRAMES = 1200;
const RUNS = 5;

/** Median microseconds of the sound chip's tick and synthesis per frame, music playing or not. */
function chipMicroseconds(data: CartData, playing: boolean): number {
  const ram = new Uint8Array(RAM_BYTES);
  const { screen: _screen, palette: _palette, ...sections } = data;
  for (const [section, bytes] of Object.entries(sections) as [RamSection, Uint8Array][]) ram.set(bytes, SECTION_ADDRESS[section]);
  const chip = new SoundChip(ram);
  chip.reset();
  if (playing) chip.music(0);
  const out = new Int16Array(AUDIO_SAMPLES);
  const times: number[] = [];
  for (let i = 0; i < WARMUP_FRAMES + FRAMES; i++) {
    const started = performance.now();
    chip.tick();
    chip.synthesize(out);
    if (i >= WARMUP_FRAMES) times.push((performance.now() - started) * 1000);
  }
  return median(times);
}

function tic80Microseconds(path: string): number {
  const out = spawnSync(TIC80_NATIVE, [path, '-n', String(TIC80_FRAMES), '-t', '-q'], { encoding: 'utf8', timeout: 60_000 });
  const match = /ms_per_frame\s+([\d.]+)/.exec(out.stdout);
  if (out.status !== 0 || !match) throw new Error(`tic80-native on ${path} failed (status ${out.status}): ${out.stderr.trim()}`);
  return Number(match[1]) * 1000;
}

/** What music adds to TIC-80's frame: the median over RUNS of the two carts' difference, run in turn. */
function tic80MusicMicroseconds(): number {
  const code = readFileSync(CART, 'utf8');
  if (!MUSIC_CALL.test(code)) throw new Error(`${CART} no longer calls music(0) on a line of its own`);
  const dir = mkdtempSync(join(tmpdir(), 'nibble-bench-'));
  try {
    const silent = join(dir, 'music-silent.lua');
    writeFileSync(silent, code.replace(MUSIC_CALL, ''));
    const differences: number[] = [];
    for (let i = 0; i < RUNS; i++) differences.push(tic80Microseconds(CART) - tic80Microseconds(silent));
    return median(differences);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function soundSynthesisFigures(): Promise<Figure[]> {
  const { data = {} } = await readCartFile(CART);
  const playing = median(Array.from({ length: RUNS }, () => chipMicroseconds(data, true)));
  const silent = median(Array.from({ length: RUNS }, () => chipMicroseconds(data, false)));
  const tic80 = tic80Absent ? null : tic80MusicMicroseconds();
  const skipped = tic80Absent ? ` (skipped: ${tic80Absent})` : '';
  const how = `median of ${FRAMES} frames after ${WARMUP_FRAMES} warm-up frames, median of ${RUNS} runs`;
  return [
    {
      key: 'sound_music_us',
      value: playing,
      unit: 'us/frame',
      about: `music.lua's four channels: SoundChip tick + synthesize (735 stereo samples) in this process; ${how}`,
    },
    { key: 'sound_silent_us', value: silent, unit: 'us/frame', about: `the same with no music playing (four silent channels)` },
    {
      key: 'sound_music_tic80_us',
      value: tic80,
      unit: 'us/frame',
      about: `what the music adds to TIC-80's frame: tic80-native -t of music.lua minus the same cart without music(0), ${TIC80_FRAMES} frames; median of ${RUNS} pairs${skipped}`,
    },
    { key: 'sound_music_ratio', value: tic80 === null ? null : playing / tic80, unit: 'x', about: `sound_music_us over sound_music_tic80_us${skipped}` },
  ];
}
