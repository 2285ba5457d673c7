// How every API function converts its arguments, against TIC-80 itself: NaN, infinities, numbers
// beyond the s32 range, fractions, negative numbers, numeric strings and big Lua integers, each
// passed to every kind of argument (s32, u8, u32, bool), with the results and errors traced.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { Rig } from '../conformance/rig.js';
import { runTic80, tic80Absent } from '../tic80-native.js';
import { describeCart } from './differential.js';

const skip = tic80Absent;
let rig: Rig;
before(async () => {
  if (!skip) rig = await Rig.load();
});

const HOSTILE_VALUES =
  '0/0, math.huge, -math.huge, 1e10, -1e10, 2^31, -2^31-1, 3.9, -3.9, 300, -1, 256.7, "12", 1<<40, math.mininteger, -0.5, 95, 94, 255, "x", true';

// One value a frame, every function given it where it takes a number.
const PROBE = `-- script: lua
local vals = { ${HOSTILE_VALUES} }
local function try(name, f, ...)
  local r = { pcall(f, ...) }
  local out = {}
  for i = 1, #r do out[#out + 1] = tostring(r[i]) end
  trace((name .. " " .. table.concat(out, ",")):gsub("\\n", ""))
end
local i = 0
function TIC()
  i = i + 1
  local v = vals[i]
  if v == nil then exit() return end
  local s = tostring(v)
  try("poke " .. s, function() poke(0x8000, v) return peek(0x8000) end)
  try("poke4 " .. s, function() poke4(0x10000, v) return peek4(0x10000) end)
  try("mset " .. s, function() mset(0, 5, v) return mget(0, 5) end)
  try("key " .. s, key, v)
  try("keyp " .. s, keyp, v)
  try("keyp3 " .. s, keyp, 1, v, v)
  try("btn " .. s, btn, v)
  try("btnp " .. s, btnp, v)
  try("btnp3 " .. s, btnp, 0, v, v)
  try("vbank " .. s, function() local a = vbank(v) return a, vbank(0) end)
  try("peek " .. s, peek, v)
  try("peekbits " .. s, peek, 0x14e04, v)
  try("peek4 " .. s, peek4, v)
  try("fget " .. s, function() fset(1, v, true) return fget(1, 1), fget(1, 0), fget(1, v) end)
  try("pmem " .. s, function() pmem(3, v) return pmem(3) end)
  try("sfxid " .. s, sfx, v)
  try("sfxch " .. s, sfx, 0, 30, 10, v)
  try("sfxnote " .. s, sfx, -1, v)
  try("music " .. s, music, v)
  try("sync " .. s, sync, 1, v)
  try("trace " .. s, trace, "t", v)
  try("memset " .. s, function() memset(0x8000, v, 4) return peek(0x8000) end)
  try("memcpy " .. s, function() memcpy(v, 0x8000, 4) return 1 end)
  try("print " .. s, print, "hi", 0, 0, v, false, v)
  try("font " .. s, font, "hi", 0, 0, v, 8, 8, false, v)
  try("mget " .. s, mget, v, 0)
  try("pix " .. s, pix, v, 0)
end
`;

it('hostile numbers convert as TIC-80 converts them in every kind of argument', { skip }, () => {
  const reference = runTic80(new TextEncoder().encode(PROBE), 'probe.lua', 30);
  assert.equal(reference.status, 0, reference.stderr);
  const run = rig.run(PROBE, { name: 'probe.lua', frames: 30 });
  assert.equal(run.error, undefined);
  const ours = run.traces.map((t) => t.text);
  const differing = reference.traces.flatMap((line, i) => (line === ours[i] ? [] : [`TIC-80 ${line} | Nibble ${ours[i]}`]));
  assert.deepEqual(differing, []);
  assert.equal(ours.length, reference.traces.length);
});

it('a 512-byte intro whose circles get y = NaN draws them nowhere, as TIC-80 does', { skip }, () => {
  const intro = `-- script: lua
function TIC()
  cls(0)
  local e = time() / 1000
  local s = 0
  for x = 0, 239, 8 do
    circ(x, 68 - e + x % (e * s * 3), 4, x // 8)
    circb(x, 1e10, 3, 3) rect(x, -1e10, 3, 3, 4) pix(x, math.huge, 5)
  end
end
`;
  assert.deepEqual(describeCart(rig, 'intro.lua', intro), []);
});
