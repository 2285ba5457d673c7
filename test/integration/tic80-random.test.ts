// math.random and math.randomseed against TIC-80 itself: 1000 values of every form, unseeded and
// after seeds of every kind, and the error texts, line by line.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runHeadless } from '../../runner/node/headless-run.js';
import { runTic80, tic80Absent } from '../tic80-native.js';

const VALUES = 1000;
const PER_FRAME = 20;
const FRAMES = VALUES / PER_FRAME;

// Values are computed at the start and traced 20 a frame (Nibble keeps 100 trace lines a frame).
const CART = `-- script: lua
local lines = {}
local function out(v)
  lines[#lines + 1] = math.type(v) == 'float' and string.format('%.17g', v) or tostring(v)
end
local function try(...)
  local ok, e = pcall(math.random, ...)
  out(ok and e or ('error: ' .. e))
end
local function batch(k)
  for i = 1, k do
    local f = i % 7
    if f == 0 then out(math.random())
    elseif f == 1 then out(math.random(6))
    elseif f == 2 then out(math.random(-5, 5))
    elseif f == 3 then out(math.random(0, 1 << 40))
    elseif f == 4 then out(math.random(1, 100))
    elseif f == 5 then out(math.random(math.mininteger, -1))
    else out(math.random(0, math.maxinteger)) end
  end
end
batch(200)
for _, seed in ipairs({ 42, -7.9, 2 ^ 33 + 5, 1e300, 0, 123456789, 2 ^ 31 }) do
  math.randomseed(seed)
  batch(100)
end
try(0) try(2, 1) try(1, 2, 3) try(1.5) try('7') try('x') try(math.mininteger, math.maxinteger) try(nil) try({})
out(select(2, pcall(math.randomseed)))
out(select(2, pcall(math.randomseed, 'y')))
out(select(2, pcall(function() return math.random(3, 1) end)))
while #lines < ${VALUES} do out(math.random(1000)) end
local shown = 0
function TIC()
  for i = 1, ${PER_FRAME} do
    shown = shown + 1
    if lines[shown] then trace(lines[shown]) end
  end
end
`;

/** TIC-80 names the cart's chunk [string "..."], Nibble by its file name. */
function sameChunkName(line: string): string {
  return line.replace(/^\[string "[^"]*"\]:/, 'cart:').replace(/^random\.lua:/, 'cart:');
}

it(`${VALUES} values of math.random, unseeded and seeded, and its errors, are TIC-80's line for line`, { skip: tic80Absent }, async () => {
  const reference = runTic80(new TextEncoder().encode(CART), 'random.lua', FRAMES);
  assert.equal(reference.status, 0, reference.stderr);
  const traces: string[] = [];
  const result = await runHeadless(
    { name: 'random.lua', code: CART },
    { frames: FRAMES, deterministic: true, hangMs: 1000, onTrace: (text) => traces.push(text) },
  );
  assert.equal(result.status, 'ok', result.message);
  assert.equal(reference.traces.length, VALUES);
  const expected = reference.traces.map(sameChunkName);
  const actual = traces.map(sameChunkName);
  const differing = expected.flatMap((line, i) => (line === actual[i] ? [] : [`${i + 1}: TIC-80 ${line}, Nibble ${actual[i]}`]));
  assert.deepEqual(differing, [], `${VALUES - differing.length} of ${VALUES} lines match`);
});
