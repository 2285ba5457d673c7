// Speed of the Lua VM on classic programs, side by side in one run, in four configurations:
//   cart      the runner's cart VM (sandbox, on-demand hook), one run per frame; runs last past
//             100 ms, so the watchdog samples them every 100 ms (one hook fire each)
//   always-on the runner with the fallback count hook armed all the time
//   breakpoint the cart VM with one breakpoint set on a line never run: the debugger's line hook armed
//   wasmoon   bare wasmoon in this process: new LuaFactory().createEngine(), no sandbox, no hook
//   native    Debian's lua5.4, when installed
import { LuaFactory } from 'wasmoon';
import { runCart } from './cart-run.js';
import type { Figure } from './figures.js';
import { LUA_PROGRAMS, TIMED_RUNS, WARMUP_RUNS, parseTiming, timedProgram, type LuaProgram, type ProgramTiming } from './lua-programs.js';
import { NATIVE_LUA, nativeLuaAvailable, runNativeLua } from './native-lua.js';
import { geometricMean, median } from './stats.js';

const PROGRAM_TIMEOUT_MS = 60_000;

type Config = 'cart' | 'always_on' | 'breakpoint' | 'wasmoon' | 'native';

/** A line past the end of every program: the line hook runs on each line, and never pauses. */
const UNREACHED_LINE = 100_000;

const RUNS = WARMUP_RUNS + TIMED_RUNS;

/** One run per frame, as a cart's TIC would run. */
async function inRunner(program: LuaProgram, alwaysOnHook: boolean, withBreakpoint = false): Promise<ProgramTiming> {
  const code = `${timedProgram(program, 'time')}
local runs = 0
function TIC()
  trace(bench_once())
  runs = runs + 1
  if runs == ${RUNS} then exit() end
end
`;
  const run = await runCart(`${program.name}.lua`, code, {
    alwaysOnHook,
    timeoutMs: PROGRAM_TIMEOUT_MS,
    ...(withBreakpoint ? { breakpoints: [{ line: UNREACHED_LINE }] } : {}),
  });
  return parseTiming(program, run.traces);
}

/** One run per chunk executed from JS. */
async function inBareWasmoon(program: LuaProgram): Promise<ProgramTiming> {
  const engine = await new LuaFactory().createEngine();
  const reports: string[] = [];
  try {
    engine.global.set('clock', () => performance.now());
    await engine.doString(timedProgram(program, 'clock'));
    for (let i = 0; i < RUNS; i++) reports.push(String(await engine.doString('return bench_once()')));
  } finally {
    engine.global.close();
  }
  return parseTiming(program, reports);
}

function inNativeLua(program: LuaProgram): ProgramTiming {
  const code = `${timedProgram(program, 'function() return os.clock() * 1000 end')}\nfor _ = 1, ${RUNS} do print(bench_once()) end`;
  return parseTiming(program, runNativeLua(code, PROGRAM_TIMEOUT_MS).trim().split('\n'));
}

export async function vmSpeedBench(): Promise<Figure[]> {
  const native = nativeLuaAvailable();
  if (!native) console.error(`bench: ${NATIVE_LUA} is not installed, so the native column is skipped (Debian: apt-get install lua5.4)`);
  const figures: Figure[] = [];
  const ratios: Record<'cart' | 'alwaysOn' | 'breakpoint' | 'bare' | 'cartNative', number[]> = {
    cart: [],
    alwaysOn: [],
    breakpoint: [],
    bare: [],
    cartNative: [],
  };
  const how = `median of ${TIMED_RUNS} runs after ${WARMUP_RUNS} warm-up runs, each run a separate call from the host`;
  for (const program of LUA_PROGRAMS) {
    const timings: Partial<Record<Config, ProgramTiming>> = {
      cart: await inRunner(program, false),
      always_on: await inRunner(program, true),
      breakpoint: await inRunner(program, false, true),
      wasmoon: await inBareWasmoon(program),
      ...(native ? { native: inNativeLua(program) } : {}),
    };
    const checksums = new Set(Object.values(timings).map((t) => t.checksum));
    if (checksums.size !== 1) throw new Error(`${program.name}: the configurations computed different results: ${[...checksums].join(', ')}`);
    const ms = (config: Config) => (timings[config] ? median(timings[config].ms) : null);
    const [cart, alwaysOn, breakpoint, bare, nat] = [ms('cart')!, ms('always_on')!, ms('breakpoint')!, ms('wasmoon')!, ms('native')];
    ratios.cart.push(cart / bare);
    ratios.alwaysOn.push(alwaysOn / bare);
    ratios.breakpoint.push(breakpoint / cart);
    if (nat !== null) {
      ratios.bare.push(bare / nat);
      ratios.cartNative.push(cart / nat);
    }
    figures.push(
      { key: `vm_${program.name}_cart_ms`, value: cart, unit: 'ms', about: `${program.about}; cart VM in a runner, on-demand hook; ${how}, timed with time()` },
      { key: `vm_${program.name}_always_on_ms`, value: alwaysOn, unit: 'ms', about: `the same in a runner with the always-on fallback count hook` },
      { key: `vm_${program.name}_breakpoint_ms`, value: breakpoint, unit: 'ms', about: 'the same in a runner with one breakpoint set (on a line never run)' },
      { key: `vm_${program.name}_wasmoon_ms`, value: bare, unit: 'ms', about: 'the same in bare wasmoon (LuaFactory().createEngine()) in the bench process' },
      {
        key: `vm_${program.name}_native_ms`,
        value: nat,
        unit: 'ms',
        about: native ? `the same in native ${NATIVE_LUA}, timed with os.clock()` : `${NATIVE_LUA} is not installed`,
      },
    );
  }
  const geo = (values: number[]) => (values.length ? geometricMean(values) : null);
  const noNative = native ? '' : ` (skipped: ${NATIVE_LUA} is not installed)`;
  figures.push(
    {
      key: 'hook_overhead_ratio',
      value: geo(ratios.cart),
      unit: 'x',
      about: 'cart VM / bare wasmoon, geometric mean over the programs: the cost of the budget hook and sandbox',
    },
    {
      key: 'breakpoint_hook_ratio',
      value: geo(ratios.breakpoint),
      unit: 'x',
      about: 'cart VM with a breakpoint set / cart VM without, geometric mean over the programs: the slowdown of the line hook',
    },
    { key: 'always_on_hook_ratio', value: geo(ratios.alwaysOn), unit: 'x', about: 'always-on fallback hook / bare wasmoon, geometric mean over the programs' },
    {
      key: 'bare_vs_native_ratio',
      value: geo(ratios.bare),
      unit: 'x',
      about: `bare wasmoon / native ${NATIVE_LUA}, geometric mean over the programs${noNative}`,
    },
    {
      key: 'cart_vs_native_ratio',
      value: geo(ratios.cartNative),
      unit: 'x',
      about: `cart VM / native ${NATIVE_LUA}, geometric mean over the programs${noNative}`,
    },
  );
  return figures;
}
