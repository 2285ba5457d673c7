// What a headless run costs the machine, all its processes together: `nibble run empty.lua --frames
// 3000` (the CLI, its runner process with its VM thread, and V8's compiler threads in both), a
// one-frame run (the cost of starting and ending), the floor under both (headless-floor/: the same
// processes and threads, the Lua module and an empty TIC called 3000 times, none of Nibble's frame
// code), and TIC-80's own core running the same 3000 frames. CPU time is the kernel's: the user
// and system time of waited-for children, which this process reads from /proc/self/stat before and
// after each run (Linux only; skipped elsewhere, saying so). The runs of the four commands take
// turns; each figure is the median of its runs.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TIC80_NATIVE, tic80Absent } from '../tic80-native.js';
import type { Figure } from './figures.js';
import { median } from './stats.js';

/** The bench runs from the repository's root, as the tests do. */
const CLI = join(process.cwd(), 'dist', 'runner', 'node', 'cli', 'cli.js');
const CART = join(process.cwd(), 'test', 'bench', 'carts', 'empty.lua');
const FLOOR = join(process.cwd(), 'dist', 'test', 'bench', 'headless-floor', 'host.js');
const FRAMES = 3000;
const RUNS = 11;
const RUN_TIMEOUT_MS = 60_000;
/** /proc/self/stat counts in clock ticks; Linux's USER_HZ is 100 on every architecture it runs on. */
const TICKS_PER_S = 100;

const procAbsent = existsSync('/proc/self/stat') ? false : 'there is no /proc/self/stat here (not Linux)';

/** User plus system seconds of this process's waited-for children so far (fields 16 and 17). */
function childrenCpuSeconds(): number {
  // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_S;
}

/** The CPU seconds one run of the command took, all its processes together. */
function cpuSecondsOf(command: string, args: string[]): number {
  const before = childrenCpuSeconds();
  const out = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: RUN_TIMEOUT_MS });
  if (out.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (status ${out.status}): ${out.stderr.trim()}`);
  return childrenCpuSeconds() - before;
}

export function headlessCpuBench(): Figure[] {
  if (procAbsent) console.error(`bench: ${procAbsent}, so the headless CPU figures are skipped`);
  else if (tic80Absent) console.error(`bench: ${tic80Absent}, so TIC-80's figure is skipped`);
  const runs = { long: [] as number[], one: [] as number[], floor: [] as number[], tic80: [] as number[] };
  for (let i = 0; !procAbsent && i < RUNS; i++) {
    runs.long.push(cpuSecondsOf(process.execPath, [CLI, 'run', CART, '--frames', String(FRAMES)]));
    runs.one.push(cpuSecondsOf(process.execPath, [CLI, 'run', CART, '--frames', '1']));
    runs.floor.push(cpuSecondsOf(process.execPath, [FLOOR, String(FRAMES)]));
    if (!tic80Absent) runs.tic80.push(cpuSecondsOf(TIC80_NATIVE, [CART, '-n', String(FRAMES), '-q']));
  }
  const figure = (values: number[]) => (values.length > 0 ? median(values) : null);
  const skipped = procAbsent ? ` (skipped: ${procAbsent})` : '';
  const how = `user + system time of all its processes (the kernel's accounting of waited-for children), median of ${RUNS} runs taken in turn with the others here`;
  return [
    {
      key: 'headless_empty_3000_cpu_s',
      value: figure(runs.long),
      unit: 's',
      about: `\`nibble run empty.lua --frames ${FRAMES}\` (test/bench/carts): ${how}; the goal is at most 0.3 s${skipped}`,
    },
    {
      key: 'headless_empty_1_cpu_s',
      value: figure(runs.one),
      unit: 's',
      about: `\`nibble run empty.lua --frames 1\`: starting and ending a run; ${how}${skipped}`,
    },
    {
      key: 'headless_floor_3000_cpu_s',
      value: figure(runs.floor),
      unit: 's',
      about: `the floor under the first figure: a process forking a process whose worker thread compiles the Lua module and calls an empty TIC ${FRAMES} times, nothing else (test/bench/headless-floor); ${how}${skipped}`,
    },
    {
      key: 'headless_empty_3000_tic80_cpu_s',
      value: tic80Absent ? null : figure(runs.tic80),
      unit: 's',
      about: `tic80-native running the same cart for ${FRAMES} frames: ${how}${tic80Absent ? ` (skipped: ${tic80Absent})` : skipped}`,
    },
  ];
}
