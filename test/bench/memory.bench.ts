// Memory: the RSS of one runner process running a small cart, and how much each additional
// isolated cart VM (its own Lua wasm instance, RAM and Lua state) adds within one process.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { spawnRunner } from '../../runner/node/runner-process.js';
import { SMALL_CART, stopRunner } from './cart-run.js';
import type { Figure } from './figures.js';
import { RunnerMessages } from './runner-messages.js';
import { median, sleep } from './stats.js';
import type { VmMemoryReport } from './vm-memory-probe.js';

const PROBE = fileURLToPath(new URL('./vm-memory-probe.js', import.meta.url));
const EXTRA_VMS = 40;
const RUNNERS = 3;
const SETTLE_MS = 500;

function vmRssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  if (!line) throw new Error(`no VmRSS for process ${pid}`);
  return Number(line.split(/\s+/)[1]) / 1024;
}

/** VmRSS of a runner running a small cart at 60 fps, after its first 30 frames and a moment more. */
async function runnerRssMb(): Promise<number> {
  const runner = spawnRunner();
  const messages = new RunnerMessages(runner);
  try {
    runner.send({ type: 'start', cart: SMALL_CART, options: { deterministic: false, pacing: 'realtime' } });
    await messages.next('frame', 10_000, (m) => m.index >= 30);
    await sleep(SETTLE_MS);
    return vmRssMb(runner.pid);
  } finally {
    await stopRunner(runner);
  }
}

export async function memoryBench(): Promise<Figure[]> {
  const runners: number[] = [];
  for (let i = 0; i < RUNNERS; i++) runners.push(await runnerRssMb());
  const probe = JSON.parse(execFileSync(process.execPath, ['--expose-gc', PROBE, String(EXTRA_VMS)], { encoding: 'utf8' })) as VmMemoryReport;
  return [
    {
      key: 'runner_rss_mb',
      value: median(runners),
      unit: 'MiB',
      about: `VmRSS of one runner process (watchdog thread + VM thread) running a small cart at 60 fps; median of ${RUNNERS} runners`,
    },
    {
      key: 'per_vm_rss_mb',
      value: probe.perVmMb,
      unit: 'MiB',
      about: `RSS growth per extra cart VM in one process (loadLuaWasm + RAM + Lua state, booted, 10 frames run), over ${EXTRA_VMS} VMs after the first`,
    },
    {
      key: 'first_vm_rss_mb',
      value: probe.firstVmMb,
      unit: 'MiB',
      about: `RSS growth from the first VM in a bare Node process (${probe.baseMb.toFixed(0)} MiB before), compiled wasm code included`,
    },
    { key: 'per_vm_create_ms', value: probe.perVmCreateMs, unit: 'ms', about: 'time to load (compile and instantiate) and boot one extra VM' },
  ];
}
