// Child process of the memory bench: loads cart VMs one after another in this one process, the way
// a host running several isolated carts would (one Lua wasm instance, one RAM and one Lua state
// each, every one booted and run for a few frames), and prints how RSS grew per extra VM as JSON.
// Run with --expose-gc, and the number of extra VMs as its argument.
import { readFileSync } from 'node:fs';
import { CompactFrameWriter } from '../../runner/common/compact-frame.js';
import { AUDIO_SAMPLES } from '../../runner/common/protocol.js';
import { readGlueWasm } from '../../runner/node/glue-file.js';
import { DEFAULT_RUNNER_FLAGS } from '../../runner/common/runner-flags.js';
import { loadLuaWasm } from '../../runner/vm/lua/lua-wasm.js';
import { CartMachine } from '../../runner/vm/machine.js';
import { createVmThreadInit } from '../../runner/common/vm-link/thread-messages.js';
import { NO_INPUT, SMALL_CART } from './cart-run.js';

export interface VmMemoryReport {
  /** RSS of this process before any VM, in MiB. */
  baseMb: number;
  /** RSS growth from the first VM (which also pays for compiling the wasm module), in MiB. */
  firstVmMb: number;
  /** Mean RSS growth per VM after the first, in MiB. */
  perVmMb: number;
  /** Mean time to load and boot one VM after the first, in ms. */
  perVmCreateMs: number;
}

const MIB = 1024 * 1024;
const FRAMES = 10;

const extra = Number(process.argv[2]);
const collect = (globalThis as { gc?: () => void }).gc;
if (!Number.isInteger(extra) || extra < 1 || !collect) throw new Error('usage: node --expose-gc vm-memory-probe.js COUNT');

/** VmRSS from /proc, in bytes, after a full garbage collection. */
function rss(): number {
  collect?.();
  const line = readFileSync('/proc/self/status', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  if (!line) throw new Error('no VmRSS in /proc/self/status');
  return Number(line.split(/\s+/)[1]) * 1024;
}

const glue = readGlueWasm();

async function newVm(): Promise<CartMachine> {
  const init = createVmThreadInit(DEFAULT_RUNNER_FLAGS);
  const wasm = await loadLuaWasm(glue, { share: true, memoryLimitBytes: init.memoryLimitBytes });
  const machine = new CartMachine(wasm, init, SMALL_CART, { deterministic: true, pacing: 'fast' }, { send: () => {} });
  const screen = new CompactFrameWriter();
  const audio = new Int16Array(AUDIO_SAMPLES);
  if (machine.boot() !== 'ok') throw new Error('the probe cart did not boot');
  for (let i = 0; i < FRAMES; i++) if (machine.step(NO_INPUT, screen, audio) !== 'ok') throw new Error('the probe cart failed');
  return machine;
}

const base = rss();
const vms = [await newVm()];
const afterFirst = rss();
const started = performance.now();
for (let i = 0; i < extra; i++) vms.push(await newVm());
const perVmCreateMs = (performance.now() - started) / extra;
const afterAll = rss();
const report: VmMemoryReport = { baseMb: base / MIB, firstVmMb: (afterFirst - base) / MIB, perVmMb: (afterAll - afterFirst) / extra / MIB, perVmCreateMs };
console.log(JSON.stringify(report));
