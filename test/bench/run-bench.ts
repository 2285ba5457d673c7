// `npm run bench`: measures Nibble on this machine and prints one Markdown table of figures.
//   --json FILE   also write the same figures to FILE as one flat JSON object
//   --only A,B    run only these groups (api, vm, heavy, latency, studio, memory, tic80, headless, farm, export, frames)
// Nothing here passes or fails on timing; the figures are for reading and comparing.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { apiCallBench } from './api-calls.bench.js';
import { farmBench } from './farm.bench.js';
import { exportSizeBench } from './export-size.bench.js';
import { frameBytesBench } from './frame-bytes.bench.js';
import { figuresJson, markdownTable, type Figure } from './figures.js';
import { headlessCpuBench } from './headless-cpu.bench.js';
import { heavyCartBench } from './heavy-carts.bench.js';
import { latencyBench } from './latency.bench.js';
import { memoryBench } from './memory.bench.js';
import { studioBench } from './studio.bench.js';
import { tic80Bench } from './tic80.bench.js';
import { vmSpeedBench } from './vm-speed.bench.js';

const GROUPS: { name: string; title: string; run: () => Promise<Figure[]> }[] = [
  { name: 'api', title: 'API call cost', run: apiCallBench },
  { name: 'vm', title: 'VM speed', run: vmSpeedBench },
  { name: 'heavy', title: 'heavy carts', run: heavyCartBench },
  { name: 'latency', title: 'latency', run: latencyBench },
  { name: 'studio', title: 'studio in Chromium', run: studioBench },
  { name: 'memory', title: 'memory', run: memoryBench },
  { name: 'tic80', title: 'frame cost beside TIC-80', run: tic80Bench },
  { name: 'headless', title: 'CPU of a headless run', run: () => Promise.resolve(headlessCpuBench()) },
  { name: 'farm', title: 'cart farm', run: farmBench },
  { name: 'export', title: 'exported game size', run: exportSizeBench },
  { name: 'frames', title: 'bytes per frame to the studio', run: frameBytesBench },
];

interface BenchArgs {
  jsonFile?: string;
  only?: Set<string>;
}

function parseArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = {};
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === '--json' && value) {
      args.jsonFile = value;
      i++;
    } else if (argv[i] === '--only' && value) {
      args.only = new Set(value.split(','));
      i++;
    } else {
      throw new Error(`usage: run-bench [--json FILE] [--only ${GROUPS.map((g) => g.name).join(',')}] (got ${argv[i]})`);
    }
  }
  const unknown = [...(args.only ?? [])].filter((name) => !GROUPS.some((g) => g.name === name));
  if (unknown.length) throw new Error(`unknown bench group: ${unknown.join(', ')}`);
  return args;
}

/** Other processes using the CPU make every figure slower and noisier; say so up front. */
function reportMachine(): void {
  const [load] = loadavg();
  console.error(`bench: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), load average ${load.toFixed(2)}, Node ${process.version}`);
  if (load > 0.5) console.error('bench: other processes are busy on this machine; the figures will be slower and noisier than on an idle one');
}

let args: BenchArgs;
try {
  args = parseArgs(process.argv.slice(2));
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}
reportMachine();
const started = performance.now();
const figures: Figure[] = [];
const failed: string[] = [];
for (const group of GROUPS) {
  if (args.only && !args.only.has(group.name)) continue;
  const groupStart = performance.now();
  console.error(`bench: ${group.title}...`);
  try {
    figures.push(...(await group.run()));
    console.error(`bench: ${group.title} took ${((performance.now() - groupStart) / 1000).toFixed(1)} s`);
  } catch (err) {
    failed.push(group.name);
    console.error(`bench: ${group.title} failed: ${err instanceof Error ? err.stack : String(err)}`);
  }
}
console.log(markdownTable(figures));
console.error(`bench: all done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (args.jsonFile) writeFileSync(args.jsonFile, `${JSON.stringify(figuresJson(figures), null, 2)}\n`);
if (failed.length) {
  console.error(`bench: these groups failed, so their figures are missing: ${failed.join(', ')}`);
  // A failed group may have left a runner or a browser behind; exiting ends them too.
  process.exit(1);
}
