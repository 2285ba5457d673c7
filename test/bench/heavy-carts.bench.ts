// Frame cost of two heavy carts in a real runner: a bunnymark (N 16x16 sprites moving, bouncing and
// drawn with spr every frame) searched for the largest N that holds 60 fps, and a full-screen pixel
// effect (one pix call per screen pixel). Frame times are the runner's cpuMs: cart code and blit.
import { FRAME_MS } from '../../runner/common/frame-rate.js';
import { spawnRunner, type RunnerProcess } from '../../runner/node/runner-process.js';
import { NO_INPUT, runCart, stopRunner } from './cart-run.js';
import type { Figure } from './figures.js';
import { median } from './stats.js';

/** Frames measured per bunny count, after the first few (which add the new bunnies). */
const FRAMES_PER_COUNT = 20;
const SETTLE_FRAMES = 3;
/** Bunnies and frames run before any measurement, so that V8 has optimized the hot code. */
const WARMUP_BUNNIES = 2000;
const WARMUP_FRAMES = 120;
const FIRST_COUNT = 1000;
/** The search stops when the bracket is this narrow, relative to its low end. */
const PRECISION = 0.01;
const EFFECT_FRAMES = 150;
const EFFECT_SKIPPED_FRAMES = 30;
const WAIT_MS = 20_000;

// The host sets the bunny count through the input block's gamepad bytes (0xFF80..0xFF82), so one
// warmed-up runner serves the whole search; the cart traces each new count it takes on.
const BUNNYMARK_CART = `
local W, H = 240 - 16, 136 - 16
local bunnies = {}
local shown = -1

function BOOT()
  -- a 16x16 bunny in tiles 1, 2, 17 and 18; colour 0 stays transparent
  for py = 0, 15 do
    for px = 0, 15 do
      local dx, dy = px - 7.5, py - 10.5
      local c = 0
      if dx * dx / 42 + dy * dy / 25 <= 1 then c = 12 end
      if py < 7 and (px == 4 or px == 5 or px == 10 or px == 11) then c = 12 end
      if py == 9 and (px == 5 or px == 10) then c = 2 end
      local tile = 1 + px // 8 + (py // 8) * 16
      poke4((0x4000 + tile * 32) * 2 + (py % 8) * 8 + px % 8, c)
    end
  end
end

local function add()
  bunnies[#bunnies + 1] = { x = math.random() * W, y = math.random() * H, vx = math.random() * 4 - 2, vy = math.random() * 4 - 2 }
end

function TIC()
  local n = peek(0xFF80) | peek(0xFF81) << 8 | peek(0xFF82) << 16
  if n ~= shown then
    shown = n
    trace(n)
  end
  while #bunnies < n do add() end
  for i = #bunnies, n + 1, -1 do bunnies[i] = nil end
  cls(13)
  for i = 1, n do
    local b = bunnies[i]
    local x, y, vy = b.x + b.vx, b.y + b.vy, b.vy + 0.2
    if x < 0 then x, b.vx = 0, -b.vx elseif x > W then x, b.vx = W, -b.vx end
    if y > H then y, vy = H, -vy * 0.85 elseif y < 0 then y, vy = 0, 0 end
    b.x, b.y, b.vy = x, y, vy
    spr(1, x, y, 0, 1, 0, 0, 2, 2)
  end
  rect(0, 0, 80, 8, 0)
  print(n .. ' bunnies', 1, 1, 12)
end
`;

/** A runner running the bunnymark back to back, at whatever bunny count the host asks for. */
class Bunnymark {
  #count = -1;
  #frames: number[] = [];
  #problem: string | undefined;
  #changed: (() => void) | undefined;

  readonly #runner: RunnerProcess;
  constructor(runner: RunnerProcess) {
    this.#runner = runner;
    runner.onMessage((msg) => {
      if (msg.type === 'trace') {
        this.#count = Number(msg.text);
        this.#frames = [];
      } else if (msg.type === 'frame') this.#frames.push(msg.stats.cpuMs);
      else if (msg.type === 'error' || msg.type === 'hung' || msg.type === 'gone') this.#problem = JSON.stringify(msg);
      this.#changed?.();
    });
    runner.send({ type: 'start', cart: { name: 'bunnymark.lua', code: BUNNYMARK_CART }, options: { deterministic: false, pacing: 'fast' } });
  }

  /** Median frame time with n bunnies, over FRAMES_PER_COUNT frames after SETTLE_FRAMES. */
  async frameMs(n: number, frames = FRAMES_PER_COUNT): Promise<number> {
    if (n === this.#count) throw new Error('the bunnymark is already at this count');
    this.#runner.send({ type: 'input', input: { ...NO_INPUT, gamepads: n } });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`bunnymark: no ${frames} frames with ${n} bunnies within ${WAIT_MS} ms`)), WAIT_MS);
      this.#changed = () => {
        if (this.#problem) reject(new Error(`bunnymark: ${this.#problem}`));
        else if (this.#count === n && this.#frames.length >= SETTLE_FRAMES + frames) resolve();
        else return;
        clearTimeout(timer);
        this.#changed = undefined;
      };
    });
    return median(this.#frames.slice(SETTLE_FRAMES, SETTLE_FRAMES + frames));
  }
}

/** The largest bunny count whose median frame fits 1/60 s: doubling from FIRST_COUNT, then bisection. */
async function bunnymark(): Promise<Figure[]> {
  const runner = spawnRunner();
  try {
    const bench = new Bunnymark(runner);
    await bench.frameMs(WARMUP_BUNNIES, WARMUP_FRAMES);
    const atFirst = await bench.frameMs(FIRST_COUNT);
    let low = 0;
    let high = FIRST_COUNT;
    for (let ms = atFirst; ms <= FRAME_MS; ms = await bench.frameMs(high)) {
      low = high;
      high *= 2;
    }
    while (high - low > Math.max(1, low * PRECISION)) {
      const mid = Math.round((low + high) / 2);
      if ((await bench.frameMs(mid)) <= FRAME_MS) low = mid;
      else high = mid;
    }
    return [
      {
        key: 'bunnymark_max_at_60fps',
        value: low,
        unit: 'sprites',
        about: `largest N whose median frame (cart code and blit, ${FRAMES_PER_COUNT} frames) is within 16.67 ms: N 16x16 sprites moved, bounced and drawn with spr; one runner, warmed up, N doubled then bisected to ${PRECISION * 100}%`,
      },
      { key: 'bunnymark_1000_ms', value: atFirst, unit: 'ms/frame', about: `median frame time of the bunnymark with ${FIRST_COUNT} sprites` },
    ];
  } finally {
    await stopRunner(runner);
  }
}

const PIXEL_EFFECT_CART = `
local t = 0
function TIC()
  for y = 0, 135 do
    for x = 0, 239 do pix(x, y, (x + y + t) & 15) end
  end
  t = t + 1
end
`;

async function pixelEffect(): Promise<Figure> {
  const run = await runCart('pixel-effect.lua', PIXEL_EFFECT_CART, { maxFrames: EFFECT_FRAMES, timeoutMs: 30_000 });
  return {
    key: 'pix_effect_ms_per_frame',
    value: median(run.frameMs.slice(EFFECT_SKIPPED_FRAMES)),
    unit: 'ms/frame',
    about: `full-screen effect: 32,640 pix calls per frame (every pixel, colour from x, y and t); median of ${EFFECT_FRAMES - EFFECT_SKIPPED_FRAMES} frames, cart code and blit`,
  };
}

export async function heavyCartBench(): Promise<Figure[]> {
  return [...(await bunnymark()), await pixelEffect()];
}
