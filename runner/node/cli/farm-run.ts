// `nibble run` with several carts: reads them, runs them all in a farm process (the cart farm under
// the runner's kernel sandbox), and reports each as it ends, with the fields of a single run.
import { fork } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { cartSourceOf } from '../../common/cart/index.js';
import type { CartSource, SandboxState } from '../../common/protocol.js';
import { loadCartFile } from '../cart-file.js';
import type { FarmBatch, FromFarmProcess } from '../farm/farm-process.js';
import type { RunStatus } from '../headless-run.js';
import { writePng } from '../png-file.js';
import type { RunCommand } from './cli-args.js';

const FARM_PROCESS = new URL('../farm/farm-process.js', import.meta.url);

export interface CartReport {
  status: RunStatus;
  message?: string;
  line?: number;
  frames: number;
  totalMs: number;
  msPerFrame: number;
  sandbox?: SandboxState;
}

export interface BatchSummary {
  carts: number;
  ok: number;
  error: number;
  hung: number;
  exit: number;
  wallMs: number;
  cartsPerSecond: number;
  /** The farm process's peak resident memory. */
  peakRssMb: number;
}

export interface BatchListener {
  trace(path: string, text: string): void;
  report(path: string, report: CartReport): void;
}

export async function runFarmBatch(paths: string[], cmd: RunCommand, listener: BatchListener): Promise<BatchSummary> {
  const started = performance.now();
  const counts = { ok: 0, error: 0, hung: 0, exit: 0, killed: 0 };
  const report = (path: string, r: CartReport) => {
    counts[r.status]++;
    listener.report(path, r);
  };
  const carts: CartSource[] = [];
  const cartPaths: string[] = [];
  for (const path of paths) {
    try {
      carts.push(cartSourceOf((await loadCartFile(path)).cart, basename(path)));
      cartPaths.push(path);
    } catch (err) {
      report(path, { status: 'error', message: (err as Error).message, frames: 0, totalMs: 0, msPerFrame: 0 });
    }
  }
  if (cmd.pngDir) mkdirSync(cmd.pngDir, { recursive: true });
  let peakRssMb = 0;
  if (carts.length > 0) {
    const child = fork(FARM_PROCESS, [], { serialization: 'advanced', env: {}, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const batch: FarmBatch = {
      carts,
      frames: cmd.frames,
      deterministic: cmd.deterministic,
      hangMs: cmd.hangMs,
      ...(cmd.jobs ? { workers: cmd.jobs } : {}),
      ...(cmd.input ? { inputSchedule: cmd.input } : {}),
      pixels: cmd.pngDir !== undefined,
    };
    const pending = new Set(cartPaths.keys());
    await new Promise<void>((resolve) => {
      child.on('message', (msg: FromFarmProcess) => {
        if (msg.type === 'trace') listener.trace(cartPaths[msg.index], msg.text);
        else if (msg.type === 'done') {
          peakRssMb = peakRssOf(child.pid);
          child.kill();
        } else {
          pending.delete(msg.index);
          const path = cartPaths[msg.index];
          const { outcome } = msg;
          if (cmd.pngDir && outcome.pixels) writePng(join(cmd.pngDir, `${basename(path).replace(/\.[^.]*$/, '')}.png`), outcome.pixels);
          report(path, {
            status: outcome.status,
            ...(outcome.message ? { message: outcome.message } : {}),
            ...(outcome.line ? { line: outcome.line } : {}),
            frames: outcome.frames,
            totalMs: msg.totalMs,
            msPerFrame: outcome.frames ? outcome.cpuMs / outcome.frames : 0,
            ...(msg.sandbox ? { sandbox: msg.sandbox } : {}),
          });
        }
      });
      child.on('exit', (code, signal) => {
        for (const index of pending) {
          const how = signal ? `signal ${signal}` : `exit code ${code}`;
          report(cartPaths[index], {
            status: 'killed',
            message: `${basename(cartPaths[index])}: the farm process ended unexpectedly (${how})`,
            frames: 0,
            totalMs: 0,
            msPerFrame: 0,
          });
        }
        resolve();
      });
      child.send(batch);
    });
  }
  const wallMs = performance.now() - started;
  return {
    carts: paths.length,
    ok: counts.ok,
    error: counts.error,
    hung: counts.hung + counts.killed,
    exit: counts.exit,
    wallMs,
    cartsPerSecond: paths.length / (wallMs / 1000),
    peakRssMb,
  };
}

/** A live process's peak resident memory (VmHWM, Linux); 0 where it cannot be read. */
function peakRssOf(pid: number | undefined): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}
