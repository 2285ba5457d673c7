// Runs one cart headless in its own runner process and sums up how it ended: the contract behind
// `nibble run` (its --json fields), the tests and the benchmarks.
import type { CartSource, InputSpan, SandboxState } from '../common/protocol.js';
import { spawnRunner } from './runner-process.js';
import { unreachable } from '../common/unreachable.js';
import { concatSamples } from '../common/concat-samples.js';
import { CompactFrame } from '../common/compact-frame.js';
import { framePixels } from '../common/compose-frame.js';

export type RunStatus = 'ok' | 'error' | 'hung' | 'killed' | 'exit';

/**
 * A runner silent for longer than hangMs plus this is killed. A healthy runner is never that quiet:
 * it starts in well under a second, and a frame busy past hangMs has sent 'busy' every 100 ms;
 * one that sends nothing is stuck.
 */
export const SILENCE_GRACE_MS = 5000;

export interface HeadlessOptions {
  frames: number;
  deterministic: boolean;
  /** A frame busy for longer than this is reported as hung. */
  hangMs: number;
  onTrace?(text: string, color: number): void;
  /** Run with the fallback hook, armed all the time. */
  alwaysOnHook?: boolean;
  /** Cap on the cart's Lua heap in MiB (default 32). */
  memoryMb?: number;
  /** A frame running more Lua instructions than this is reported as hung (exact and repeatable, unlike hangMs). */
  instructionBudget?: number;
  /** Keep every frame's audio (for --wav). */
  keepAudio?: boolean;
  /** The cart's persistent memory at start (PMEM_BYTES); zero when absent. */
  pmem?: Uint8Array;
  /** Hears the whole pmem after each frame that changed it. */
  onPmem?(bytes: Uint8Array): void;
  /** The runner process's entry script (tests give a runner another VM thread). */
  runnerEntry?: string;
  /** Scripted input: each frame's input comes from these spans (RunOptions.inputSchedule). */
  inputSchedule?: InputSpan[];
  /**
   * Hears the frames named in pixelFrames and the last (1-based index, 256x144 RGBA pixels); every
   * frame without pixelFrames.
   */
  onFrame?(index: number, pixels: Uint8Array): void;
  /** The frames onFrame hears besides the last; only those and the last cross from the runner whole. */
  pixelFrames?: number[];
  /** The last frame's pixels in the result (default true); false skips composing them for a caller that never looks. */
  lastFramePixels?: boolean;
}

export interface HeadlessResult {
  status: RunStatus;
  message?: string;
  line?: number;
  /** Frames the cart completed. */
  frames: number;
  /** From spawning the runner to its end, in ms. */
  totalMs: number;
  /** Mean time of a frame's cart code and blit, startup excluded. */
  msPerFrame: number;
  /** For a run that reached its last frame past frame 60: the median time of frames 61 on, as TIC-80's -t times them. */
  medianMsPerFrame?: number;
  /** The last frame's 256x144 RGBA pixels (not with lastFramePixels false). */
  lastFrame?: Uint8Array;
  /** With keepAudio: all frames' audio, interleaved stereo s16 at 44100 Hz. */
  audio?: Int16Array;
  /** The runner's process id (gone by the time this resolves). */
  pid: number;
  /** The runner's kernel sandbox, as it said when ready (absent if it never was). */
  sandbox?: SandboxState;
}

export async function runHeadless(cart: CartSource, options: HeadlessOptions): Promise<HeadlessResult> {
  const started = performance.now();
  const runner = spawnRunner(
    {
      alwaysOnHook: options.alwaysOnHook ?? false,
      ...(options.memoryMb ? { memoryMb: options.memoryMb } : {}),
      ...(options.instructionBudget ? { instructionBudget: options.instructionBudget } : {}),
    },
    options.runnerEntry ? { entry: options.runnerEntry } : {},
  );
  let frames = 0;
  let cpuMs = 0;
  /** The last frame drawn, as the runner recorded it; its pixels once composed (only for those who take them). */
  let last: { compact: Uint8Array; pixels?: Uint8Array } | undefined;
  let sandbox: SandboxState | undefined;
  const audio: Int16Array[] = [];
  const silenceMs = options.hangMs + SILENCE_GRACE_MS;
  let silence: ReturnType<typeof setTimeout> | undefined;
  let settled = false;
  const outcome = await new Promise<Pick<HeadlessResult, 'status' | 'message' | 'line' | 'medianMsPerFrame'> & { msPerFrame?: number }>((resolve) => {
    const watchSilence = () => {
      clearTimeout(silence);
      silence = setTimeout(
        () => resolve({ status: 'killed', message: `${cart.name}: the runner sent nothing for ${silenceMs} ms, so it was killed as stuck` }),
        silenceMs,
      );
    };
    watchSilence();
    runner.onMessage((msg) => {
      if (settled) return;
      watchSilence();
      switch (msg.type) {
        case 'ready':
          sandbox = msg.sandbox;
          break;
        case 'compact-frame':
          last = { compact: msg.compact };
          // Sent again after its 'tick' when an error ends the run: already counted.
          if (msg.index <= frames) break;
          frames = msg.index;
          cpuMs += msg.stats.cpuMs;
          if (options.onFrame) options.onFrame(msg.index, (last.pixels = framePixels(CompactFrame.of(msg.compact))));
          if (options.keepAudio) audio.push(msg.audio);
          break;
        case 'tick':
          frames = msg.index;
          cpuMs += msg.cpuMs;
          if (msg.audio) audio.push(msg.audio);
          break;
        case 'trace':
          options.onTrace?.(msg.text, msg.color);
          break;
        case 'pmem':
          options.onPmem?.(msg.bytes);
          break;
        case 'cart':
          // A headless run writes no cart file: what sync() wrote stays in the run.
          break;
        case 'error':
          resolve({ status: 'error', message: msg.message, ...(msg.line ? { line: msg.line } : {}) });
          break;
        case 'busy':
          if (msg.ms > options.hangMs) {
            const where = msg.line ? ` at line ${msg.line}` : '';
            resolve({
              status: 'hung',
              message: `${cart.name}: a frame stayed busy for over ${options.hangMs} ms${where}`,
              ...(msg.line ? { line: msg.line } : {}),
            });
          }
          break;
        case 'hung':
          resolve({ status: 'hung', message: `${cart.name}: ${msg.message}`, ...(msg.line ? { line: msg.line } : {}) });
          break;
        case 'exit':
          resolve({ status: 'exit' });
          break;
        case 'done':
          resolve({ status: 'ok', msPerFrame: msg.msPerFrame, ...(msg.medianMsPerFrame === undefined ? {} : { medianMsPerFrame: msg.medianMsPerFrame }) });
          break;
        case 'gone': {
          const how = msg.signal ? `signal ${msg.signal}` : `exit code ${msg.code}`;
          resolve({ status: 'killed', message: `${cart.name}: the runner process ended unexpectedly (${how})` });
          break;
        }
        case 'paused':
        case 'resumed':
        case 'inspection':
        case 'ram':
        case 'reloaded':
        // Only for hosts that take RGBA frames; this one composes them itself, and only those it needs.
        case 'frame':
          break;
        default:
          unreachable(msg);
      }
    });
    const runOptions = {
      deterministic: options.deterministic,
      pacing: 'fast',
      maxFrames: options.frames,
      compactFrames: true,
      ...(options.inputSchedule ? { inputSchedule: options.inputSchedule } : {}),
      ...(options.onFrame && !options.pixelFrames ? {} : { output: { pixelFrames: options.pixelFrames ?? [], audio: options.keepAudio ?? false } }),
    } as const;
    runner.send({ type: 'start', cart, options: runOptions, ...(options.pmem ? { pmem: options.pmem } : {}) });
  });
  settled = true;
  clearTimeout(silence);
  runner.kill();
  await runner.exited;
  return {
    ...outcome,
    frames,
    totalMs: performance.now() - started,
    msPerFrame: outcome.msPerFrame ?? (frames ? cpuMs / frames : 0),
    ...(last && options.lastFramePixels !== false ? { lastFrame: last.pixels ?? framePixels(CompactFrame.of(last.compact)) } : {}),
    ...(options.keepAudio ? { audio: concatSamples(audio) } : {}),
    pid: runner.pid,
    ...(sandbox ? { sandbox } : {}),
  };
}
