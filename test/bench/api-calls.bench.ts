// Cost of one call to a console API function, measured inside a real runner by the cart itself:
// a loop calls the function N times per frame between two time() readings. N doubles until a loop
// takes 20 ms, so frames stay far below the watchdog's 100 ms sampling threshold; a few more
// frames then let V8 finish optimizing before the timed frames.
import { runCart, traceNumbers } from './cart-run.js';
import type { Figure } from './figures.js';
import { median } from './stats.js';

/** Timed frames after the ramp-up, per API function. */
const SAMPLES = 15;
const SETTLE_FRAMES = 10;
const TARGET_LOOP_MS = 20;

interface CallCase {
  key: string;
  /** Lua statement run once per loop iteration; i is the loop counter. */
  call: string;
  about: string;
}

const CASES: CallCase[] = [
  { key: 'empty_loop', call: '', about: 'a numeric for loop with an empty body' },
  { key: 'lua_call', call: 'f(i & 127, 50, 12)', about: "an empty Lua function called with pix's arguments (the floor)" },
  { key: 'pix', call: 'pix(i & 127, 50, 12)', about: 'pix(x, 50, 12), one pixel' },
  { key: 'rect', call: 'rect(i & 127, 50, 8, 8, 12)', about: 'rect(x, 50, 8, 8, 12), an 8x8 filled rectangle' },
  { key: 'spr', call: 'spr(1, i & 127, 50, 0)', about: 'spr(1, x, 50, 0), one 8x8 sprite with colour key 0, half its pixels transparent' },
  { key: 'print', call: 'print("HELLO", i & 127, 50)', about: 'print("HELLO", x, 50), five characters of the system font' },
  { key: 'map', call: 'map(0, 0, 30, 17, 0, 0)', about: 'map(0, 0, 30, 17, 0, 0), a whole screen of 510 tiles' },
];

function callCart(call: string): string {
  return `
local f = function() end
local N = 64
local settle = ${SETTLE_FRAMES}
local samples = {}
function BOOT()
  -- sprite 1: left half colour 5, right half colour 0 (transparent with colour key 0)
  for i = 0, 31 do poke(0x4000 + 32 + i, (i % 4 < 2) and 0x55 or 0x00) end
end
function TIC()
  cls(0)
  local t0 = time()
  for i = 1, N do ${call} end
  local ms = time() - t0
  if settle == ${SETTLE_FRAMES} and ms < ${TARGET_LOOP_MS} then
    N = N * 2
    return
  end
  if settle > 0 then
    settle = settle - 1
    return
  end
  samples[#samples + 1] = string.format('%.3f', ms * 1e6 / N)
  if #samples == ${SAMPLES} then
    trace(table.concat(samples, ' '))
    exit()
  end
end
`;
}

/** Median ns per iteration of the loop with this call. */
async function nsPerCall(c: CallCase): Promise<number> {
  const run = await runCart(`${c.key}.lua`, callCart(c.call), { timeoutMs: 30_000 });
  return median(traceNumbers(run.traces[0]));
}

export async function apiCallBench(): Promise<Figure[]> {
  const ns = new Map<string, number>();
  for (const c of CASES) ns.set(c.key, await nsPerCall(c));
  const how = `per loop iteration, timed with time() in a runner's cart; median of ${SAMPLES} frames`;
  const figures: Figure[] = [
    { key: 'empty_loop_ns', value: ns.get('empty_loop')!, unit: 'ns', about: `${CASES[0].about}, ${how}` },
    { key: 'lua_call_ns', value: ns.get('lua_call')!, unit: 'ns', about: `${CASES[1].about}, ${how}` },
    { key: 'pix_call_ns', value: ns.get('pix')!, unit: 'ns', about: `${CASES[2].about}, ${how}` },
  ];
  for (const c of CASES.slice(2)) {
    figures.push({ key: `${c.key}_calls_per_s`, value: 1e9 / ns.get(c.key)!, unit: 'calls/s', about: `${c.about}; 1 / (time per loop iteration)` });
  }
  return figures;
}
