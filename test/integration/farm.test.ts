// The cart farm: many carts at once on a pool of worker threads, each in its own Lua VM, in time
// slices. Pausing or preempting a frame must not change a single pixel; carts must not see each
// other; hostile carts must end as they do in a runner while ordinary carts beside them draw the
// same pixels as alone; a worker stuck inside one C call is replaced.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, describe, it } from 'node:test';
import type { CartSource } from '../../runner/common/protocol.js';
import { createFarm, type Farm, type FarmOptions } from '../../runner/node/farm/farm.js';
import { ATTACKS } from '../fixtures/hostile-carts.js';

const farms: Farm[] = [];
after(() => Promise.all(farms.map((f) => f.close())));

async function farmOf(options: FarmOptions): Promise<Farm> {
  const farm = await createFarm(options);
  farms.push(farm);
  return farm;
}

const hash = (pixels: Uint8Array | undefined) => (pixels ? createHash('sha256').update(pixels).digest('hex') : 'none');

/** About 20 ms of Lua a frame, drawing from a value it builds up across the whole frame. */
const HEAVY: CartSource = {
  name: 'heavy.lua',
  code: `t = 0
function TIC()
  local s = t
  for i = 1, 400000 do s = (s * 31 + i) % 1000003 end
  t = t + 1
  cls(s % 16)
  for y = 0, 135, 8 do print(s + y, 0, y, (s + y) % 16) end
  circ(s % 240, 68, 20, t % 16)
end`,
};

const ORDINARY: CartSource[] = [1, 2, 3].map((n) => ({
  name: `ordinary${n}.lua`,
  code: `t = 0
function TIC()
  t = t + 1
  cls(${n})
  print("cart ${n} " .. t, 10, 10, 12)
  rect(t % 200, 40, 20, 20, ${n + 4})
end`,
}));

/** Every frame's hash, in order. */
async function framesOf(farm: Farm, cart: CartSource, frames: number, during?: (handle: ReturnType<Farm['add']>) => Promise<void>): Promise<string[]> {
  const handle = farm.add(cart, { everyFrame: true });
  const hashes: string[] = [];
  handle.on('frame', (index, pixels) => (hashes[index - 1] = hash(pixels)));
  const done = handle.step(frames);
  await during?.(handle);
  const outcome = await done;
  assert.equal(outcome.status, 'ok', outcome.message);
  return hashes;
}

describe('cart farm', () => {
  it('gives the same frames when preempted mid-frame and paused as when run without a break', async () => {
    const whole = await framesOf(await farmOf({ workers: 1, sliceMs: 5000 }), HEAVY, 12);
    const sliced = await farmOf({ workers: 1, sliceMs: 2 });
    const interrupted = await framesOf(sliced, HEAVY, 12, async (handle) => {
      for (let i = 0; i < 4; i++) {
        await new Promise((r) => setTimeout(r, 15));
        handle.pause();
        const frames = handle.frames;
        await new Promise((r) => setTimeout(r, 60));
        assert.ok(handle.frames <= frames + 1, 'a paused cart runs at most the end of its slice');
        handle.resume();
      }
    });
    assert.ok(sliced.stats().preemptions > 0, 'frames were preempted');
    assert.equal(interrupted.length, 12);
    assert.deepEqual(interrupted, whole);
  });

  it("preempts a hung cart at its slice's end even while the farm's main thread is too busy to watch", async () => {
    const farm = await farmOf({ workers: 1, sliceMs: 5, hangMs: 60_000 });
    const ordinary = farm.add(ORDINARY[0]);
    await ordinary.step(1);
    const hung = farm.add({ name: 'hung.lua', code: 'function TIC()\n  while true do end\nend' });
    void hung.step(1);
    const frames = ordinary.step(20);
    // This thread (the watchdog's) takes no event now: only the worker can end the hung cart's slices.
    // Each preemption of the hung frame is a turn it gave back to the ordinary cart.
    const before = farm.stats().preemptions;
    const until = performance.now() + 5000;
    while (farm.stats().preemptions < before + 5 && performance.now() < until);
    assert.ok(
      farm.stats().preemptions >= before + 5,
      `the hung frame was preempted ${farm.stats().preemptions - before} times while the watchdog could not run`,
    );
    const outcome = await frames;
    assert.equal(outcome.status, 'ok');
    assert.equal(outcome.frames, 21);
    assert.equal(hung.outcome, undefined, 'the hung cart is still resident');
    hung.kill();
  });

  it('keeps the globals and RAM of carts on one worker apart', async () => {
    const farm = await farmOf({ workers: 1, sliceMs: 1 });
    const cartOf = (name: string, start: number, byte: number, colour: number): CartSource => ({
      name,
      code: `shared = ${start}
function TIC()
  poke(0x14E00, ${byte} + peek(0x14E00))
  shared = shared + 1
  for i = 1, 20000 do end
  trace(shared .. "," .. peek(0x14E00))
  cls(${colour})
end`,
    });
    const a = farm.add(cartOf('a.lua', 0, 1, 3));
    const b = farm.add(cartOf('b.lua', 100, 50, 9));
    const traces: Record<string, string[]> = { a: [], b: [] };
    a.on('trace', (text) => traces.a.push(text));
    b.on('trace', (text) => traces.b.push(text));
    const [ra, rb] = await Promise.all([a.step(5), b.step(5)]);
    assert.deepEqual(traces.a, ['1,1', '2,2', '3,3', '4,4', '5,5']);
    assert.deepEqual(traces.b, ['101,50', '102,100', '103,150', '104,200', '105,250']);
    // The screen's middle pixel: palette colour 3 against colour 9 of SWEETIE-16.
    const middle = (p: Uint8Array | undefined) => [...(p ?? new Uint8Array(0)).subarray((72 * 256 + 128) * 4, (72 * 256 + 128) * 4 + 3)];
    assert.notDeepEqual(middle(ra.pixels), middle(rb.pixels));
  });

  it('contains every hostile cart of the suite while ordinary carts draw what they draw alone', async () => {
    const alone = await farmOf({ workers: 1 });
    const expected = await Promise.all(ORDINARY.map(async (c) => hash((await alone.add(c).step(30)).pixels)));
    const hangs = await farmOf({ workers: 2, hangMs: 300 });
    const others = await farmOf({ workers: 2, hangMs: 5000 });
    const ordinary = [hangs, others].flatMap((farm) => ORDINARY.map((c) => farm.add(c).step(30)));
    const attacks = ATTACKS.map(async (attack) => {
      const farm = attack.status === 'hung' ? hangs : others;
      const traces: string[] = [];
      const cart = farm.add({ name: 'cart.lua', code: attack.code }, { memoryMb: 32 });
      cart.on('trace', (text) => traces.push(text));
      const result = await cart.step(1);
      assert.equal(result.status, attack.status, `${attack.name}: ${result.message ?? ''}`);
      if (attack.message) assert.match(result.message ?? '', attack.message, attack.name);
      if (attack.line !== undefined && !attack.message) assert.equal(result.line, attack.line, `${attack.name}: line`);
      if (attack.traces) assert.deepEqual(traces, attack.traces, attack.name);
      cart.kill();
    });
    await Promise.all(attacks);
    const drawn = await Promise.all(ordinary);
    assert.deepEqual(
      drawn.map((o) => hash(o.pixels)),
      [...expected, ...expected],
    );
  });

  it('replaces a worker stuck inside one C call and restarts its other carts', async () => {
    const farm = await farmOf({ workers: 1, hangMs: 200 });
    const alone = hash((await farm.add(ORDINARY[0]).step(20)).pixels);
    const ordinary = farm.add(ORDINARY[0]);
    const restarts: string[] = [];
    ordinary.on('restarted', (why) => restarts.push(why));
    const first = await ordinary.step(5);
    assert.equal(first.status, 'ok');
    const stuck = farm.add({ name: 'stuck.lua', code: 'function TIC()\n  string.find(string.rep("a", 400), ".-.-.-.-.-.-b")\nend' });
    const [hung, rest] = await Promise.all([stuck.step(1), ordinary.step(15)]);
    assert.equal(hung.status, 'hung');
    assert.match(hung.message ?? '', /^stuck\.lua: .*inside one library call/);
    assert.equal(restarts.length, 1);
    assert.match(restarts[0], /stuck\.lua on the same worker thread was stuck/);
    assert.equal(rest.status, 'ok');
    assert.equal(rest.frames, 20);
    assert.equal(hash(rest.pixels), alone, 'the restarted cart ran its 20 frames again from the start');
    assert.equal(farm.stats().workersReplaced, 1);
    assert.equal(farm.stats().workers, 1);
  });

  it('caps each cart at its own memory limit', async () => {
    const farm = await farmOf({ workers: 1, memoryMbPerCart: 32 });
    const grow = (mb: number) => `t = {}\nfunction TIC()\n  for i = 1, ${mb} do t[i] = string.rep("x", 1000000) .. i end\nend`;
    const small = farm.add({ name: 'small.lua', code: grow(16) }, { memoryMb: 8 });
    const large = farm.add({ name: 'large.lua', code: grow(16) });
    const [s, l] = await Promise.all([small.step(1), large.step(1)]);
    assert.equal(s.status, 'error');
    assert.match(s.message ?? '', /^small\.lua: out of memory: the cart's Lua heap reached its limit of 8 MB$/);
    assert.equal(l.status, 'ok', l.message);
  });
});
