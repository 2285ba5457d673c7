// A cart of seeded random API calls with ordinary, edge and hostile arguments (NaN, infinities,
// huge, negative and fractional numbers, numeric strings), for the differential suite. The same
// seed always writes the same cart.
import { pick, randomInt, seededRandom } from '../unit/fuzz-fixture.js';

const HOSTILE = ['0/0', 'math.huge', '-math.huge', '1e10', '-1e10', '2^31', '-2^31-1', '2^53', 'math.mininteger', 'math.maxinteger', '1<<40', '"12"', '"0x1f"'];
const EDGE = ['-1', '0', '1', '15', '16', '135', '136', '239', '240', '255', '256', '-0.5', '0.5', '-240'];

/** How many calls the cart holds; each frame runs CALLS_PER_FRAME of them in turn. */
const CALLS = 400;
const CALLS_PER_FRAME = 6;

/** An argument: mostly ordinary, sometimes at an edge, sometimes hostile (unless `tame`). */
function value(random: () => number, scale: number, tame = false): string {
  const kind = random();
  if (kind < 0.12 && !tame) return pick(random, HOSTILE);
  if (kind < 0.3) return pick(random, EDGE);
  if (kind < 0.5) return (random() * scale * 1.4 - scale * 0.2).toFixed(2);
  return String(randomInt(random, scale));
}

function keys(random: () => number): string {
  if (random() < 0.5) return value(random, 16);
  return `{${Array.from({ length: randomInt(random, 4) }, () => value(random, 16)).join(',')}}`;
}

function call(random: () => number): string {
  const n = (scale: number) => value(random, scale);
  // Where an argument of INT_MIN can make TIC-80 loop for seconds or for ever (circle and ellipse
  // geometry, text position and scales), only ordinary and edge values: see README, "Deliberate
  // differences from TIC-80".
  const tame = (scale: number) => value(random, scale, true);
  const tameXy = () => `${tame(240)},${tame(136)}`;
  const xy = () => `${n(240)},${n(136)}`;
  const bool = () => pick(random, ['true', 'false', 'nil', '0']);
  const forms = [
    () => `cls(${n(16)})`,
    () => `pix(${xy()},${n(16)})`,
    () => `line(${xy()},${xy()},${n(16)})`,
    () => `rect(${xy()},${n(120)},${n(70)},${n(16)})`,
    () => `rectb(${xy()},${n(120)},${n(70)},${n(16)})`,
    () => `circ(${tameXy()},${tame(40)},${n(16)})`,
    () => `circb(${tameXy()},${tame(40)},${n(16)})`,
    () => `elli(${tameXy()},${tame(60)},${tame(30)},${n(16)})`,
    () => `ellib(${tameXy()},${tame(60)},${tame(30)},${n(16)})`,
    () => `tri(${xy()},${xy()},${xy()},${n(16)})`,
    () => `trib(${xy()},${xy()},${xy()},${n(16)})`,
    () => `ttri(${xy()},${xy()},${xy()},${n(256)},${n(256)},${n(256)},${n(256)},${n(256)},${n(256)},${n(3)},${keys(random)})`,
    () => `ttri(${xy()},${xy()},${xy()},${n(256)},${n(256)},${n(256)},${n(256)},${n(256)},${n(256)},${n(3)},${keys(random)},${n(4)},${n(4)},${n(4)})`,
    () => `textri(${xy()},${xy()},${xy()},${n(128)},${n(128)},${n(128)},${n(128)},${n(128)},${n(128)},${bool()},${keys(random)})`,
    () => `spr(${n(512)},${xy()},${keys(random)},${tame(4)},${n(4)},${n(4)},${n(4)},${n(4)})`,
    () => `spr(${n(512)},${xy()})`,
    () => `map(${n(240)},${n(136)},${n(30)},${n(17)},${xy()},${keys(random)},${tame(3)})`,
    () => `map(${n(240)},${n(136)},${n(10)},${n(10)},${xy()},-1,1,function(t,x,y) return t+${n(4)},${n(4)},${n(4)} end)`,
    () => `mset(${n(240)},${n(136)},${n(256)})`,
    () => `print("${pick(random, ['Hi!', 'TIC-80 0123', 'a\\nb', '{|}~'])}",${tameXy()},${n(16)},${bool()},${tame(4)},${bool()})`,
    () => `font("${pick(random, ['Hi', 'FONT', '!?'])}",${tameXy()},${n(16)},${n(10)},${n(10)},${bool()},${tame(3)},${bool()})`,
    () => `clip(${xy()},${n(240)},${n(136)})`,
    () => 'clip()',
    () => `paint(${xy()},${n(16)},${n(16)})`,
    () => `poke(${pick(random, ['0x3ff8', '0x3ff9', '0x3ffa', `0x3fc0+${randomInt(random, 48)}`, `0x4000+${n(0x4000)}`, n(0x3fc0)])},${n(256)})`,
    () => `poke4(0x3ff0*2+${randomInt(random, 16)},${n(16)})`,
    () => `memset(${n(0x3fc0)},${n(256)},${n(600)})`,
    () => `memcpy(${n(0x3fc0)},${n(0x8000)},${n(600)})`,
  ];
  return pick(random, forms)();
}

/** The cart for one seed: BOOT fills sheet and map; each frame runs its share of the calls, then vbank 1 gets a few too. */
export function randomCallsCart(seed: number): string {
  const random = seededRandom(seed);
  const calls = Array.from({ length: CALLS }, () => `  function() ${call(random)} end,`);
  return `-- script: lua
function BOOT()
  for i = 0, 0x3fff do poke(0x4000 + i, (i * 37 + (i >> 5) * 11) % 256) end
  for y = 0, 135 do for x = 0, 239 do mset(x, y, (x * 7 + y * 13) % 256) end end
end
local calls = {
${calls.join('\n')}
}
local next, failed = 1, 0
function TIC()
  for i = 1, ${CALLS_PER_FRAME} do
    if not pcall(calls[next]) then failed = failed + 1 end
    next = next % #calls + 1
  end
  vbank(1)
  if next % 7 == 0 then pcall(calls[(next * 13) % #calls + 1]) end
  vbank(0)
  rect(0, 130, 30, 6, 0)
  print(failed, 0, 130, 12)
end
`;
}
