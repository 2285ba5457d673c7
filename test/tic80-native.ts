// TIC-80 itself, built headless (/work/shared/tools/tic80-reference), as the ground truth of the
// differential tests. It lives beside the repository, never in it: tests that need it skip, saying
// so, where it is absent. NIBBLE_TIC80_NATIVE names another copy.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readRgbaPng } from './rgba-png.js';

/** Tests run from the repository's root. */
export const TIC80_NATIVE = process.env.NIBBLE_TIC80_NATIVE || resolve(process.cwd(), '../shared/tools/tic80-reference/tic80-native');

/** The reason to skip a test needing TIC-80 (node:test's `skip` option), or false when it is there. */
export const tic80Absent: string | false = existsSync(TIC80_NATIVE) ? false : `TIC-80's headless build is not at ${TIC80_NATIVE} (set NIBBLE_TIC80_NATIVE to its path)`;

export interface Tic80Run {
  /** 0 when the cart ran its frames or called exit(), 2 for a Lua error. */
  status: number | null;
  /** trace() output, one line each. */
  traces: string[];
  /** Everything else it said: errors ("[error] ..."), how it stopped. */
  stderr: string;
  /** The 240 x 136 screen (RGBA) of the last frame. */
  screen: Uint8Array;
  /** With options.shots: the 240 x 136 screen (RGBA) of each of those frames that was drawn. */
  shots: Map<number, Uint8Array>;
}

export interface Tic80Options {
  /** tic80-native's -i: gamepad 1 held, FROM[-TO]:MASK,... */
  input?: string;
  /** More frames (1-based) whose screens to keep, besides the last. */
  shots?: number[];
}

const TRACE_MARK = '[trace] ';

/** Runs a cart file's bytes in TIC-80 for `frames` frames with its deterministic clock. */
export function runTic80(cart: Uint8Array, fileName: string, frames: number, options: Tic80Options = {}): Tic80Run {
  const dir = mkdtempSync(join(tmpdir(), 'nibble-tic80-'));
  try {
    const cartPath = join(dir, fileName);
    writeFileSync(cartPath, cart);
    const shown = [...new Set([...(options.shots ?? []), frames])];
    const input = options.input ? ['-i', options.input] : [];
    const out = spawnSync(TIC80_NATIVE, [cartPath, '-n', String(frames), '-f', shown.join(','), '-o', join(dir, 'frame'), ...input], { encoding: 'utf8', timeout: 20_000 });
    const screenOf = (frame: number) => {
      const png = join(dir, `frame_${String(frame).padStart(4, '0')}.png`);
      return existsSync(png) ? readRgbaPng(readFileSync(png)).data : undefined;
    };
    const screen = screenOf(frames) ?? new Uint8Array(0);
    const shots = new Map<number, Uint8Array>();
    for (const frame of options.shots ?? []) {
      const shot = screenOf(frame);
      if (shot) shots.set(frame, shot);
    }
    // It echoes trace() on stderr, each line marked.
    const lines = out.stderr.split('\n');
    const traces = lines.filter((line) => line.startsWith(TRACE_MARK)).map((line) => line.slice(TRACE_MARK.length));
    const stderr = lines.filter((line) => !line.startsWith(TRACE_MARK)).join('\n');
    return { status: out.status, traces, stderr, screen, shots };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const SCREEN_WIDTH = 240;
const SCREEN_HEIGHT = 136;
const FRAME_WIDTH = 256;
const BORDER_X = 8;
const BORDER_Y = 4;

/** The 240 x 136 screen (RGBA) inside one of Nibble's 256 x 144 frames. */
export function screenOfFrame(frame: Uint8Array): Uint8Array {
  const screen = new Uint8Array(SCREEN_WIDTH * SCREEN_HEIGHT * 4);
  for (let y = 0; y < SCREEN_HEIGHT; y++) {
    const from = ((y + BORDER_Y) * FRAME_WIDTH + BORDER_X) * 4;
    screen.set(frame.subarray(from, from + SCREEN_WIDTH * 4), y * SCREEN_WIDTH * 4);
  }
  return screen;
}
