// Runs one cart in a real runner process and collects what the benchmarks read back: the cart's
// trace() lines (carts time themselves with time() and trace the result) and each frame's cpuMs.
import type { Breakpoint } from '../../runner/common/debug-types.js';
import type { CartSource, InputSnapshot, RunnerMessage } from '../../runner/common/protocol.js';
import { spawnRunner, type RunnerProcess } from '../../runner/node/runner-process.js';
import { unreachable } from '../../runner/common/unreachable.js';

/** A small cart, the kind whose start-up and footprint the latency and memory figures describe. */
export const SMALL_CART: CartSource = { name: 'small.lua', code: 'function TIC()\n  cls(1)\n  print("HELLO", 100, 64, 12)\nend\n' };

export const NO_INPUT: InputSnapshot = { gamepads: 0, mouseX: 0, mouseY: 0, mouseButtons: 0, scrollX: 0, scrollY: 0, keys: [] };

export interface CartRunOptions {
  /** Run with the always-on fallback hook instead of the on-demand one. */
  alwaysOnHook?: boolean;
  /** Frames back to back ('fast' pacing) until this many have run; otherwise until the cart exits. */
  maxFrames?: number;
  /** The run is abandoned (and the bench fails) after this long. */
  timeoutMs: number;
  /** Breakpoints set before the cart's first line (they arm the line hook; one on a line never run costs without pausing). */
  breakpoints?: Breakpoint[];
}

export interface CartRunResult {
  traces: string[];
  /** cpuMs of each frame, in order (index 0 is frame 1). */
  frameMs: number[];
}

/** Ends well on 'exit' or 'done'; a Lua error, a hang or a crash rejects. */
export async function runCart(name: string, code: string, options: CartRunOptions): Promise<CartRunResult> {
  const runner = spawnRunner({ alwaysOnHook: options.alwaysOnHook ?? false });
  const traces: string[] = [];
  const frameMs: number[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name}: no result within ${options.timeoutMs} ms`)), options.timeoutMs);
      const settle = (error?: Error) => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      /** 'ok' when the run is over, a problem's description when it failed, undefined to go on. */
      const handle = (msg: RunnerMessage): string | undefined => {
        switch (msg.type) {
          case 'trace':
            traces.push(msg.text);
            return undefined;
          case 'frame':
          case 'compact-frame':
            frameMs.push(msg.stats.cpuMs);
            return undefined;
          case 'exit':
          case 'done':
            return 'ok';
          case 'error':
            return `error${msg.line ? ` at line ${msg.line}` : ''}: ${msg.message}`;
          case 'hung':
            return msg.message;
          case 'gone':
            return `the runner ended unexpectedly (code ${msg.code}, signal ${msg.signal})`;
          case 'ready':
          case 'tick':
          case 'pmem':
          case 'cart':
          case 'busy':
          case 'paused':
          case 'resumed':
          case 'inspection':
          case 'ram':
          case 'reloaded':
            return undefined;
          default:
            return unreachable(msg);
        }
      };
      runner.onMessage((msg) => {
        const outcome = handle(msg);
        if (outcome !== undefined) settle(outcome === 'ok' ? undefined : new Error(`${name}: ${outcome}`));
      });
      runner.send({
        type: 'start',
        cart: { name, code },
        options: { deterministic: false, pacing: 'fast', ...(options.maxFrames ? { maxFrames: options.maxFrames } : {}) },
      });
      if (options.breakpoints) runner.send({ type: 'breakpoints', breakpoints: options.breakpoints });
    });
  } finally {
    await stopRunner(runner);
  }
  return { traces, frameMs };
}

export async function stopRunner(runner: RunnerProcess): Promise<void> {
  runner.kill();
  await runner.exited;
}

/** The numbers in a trace line such as "12.5 13.1 12.9". */
export function traceNumbers(line: string | undefined): number[] {
  if (line === undefined) throw new Error('the cart traced no result');
  return line.trim().split(/\s+/).map(Number);
}
