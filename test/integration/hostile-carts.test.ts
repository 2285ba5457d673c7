// Carts written to hurt: escapes from the Lua sandbox, CPU traps, C-level hangs, memory bombs,
// API abuse and floods. Each must end exactly as listed, in its own runner process, with that
// process gone afterwards and this host process unharmed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RunStatus } from '../../runner/node/headless-run.js';
import { runHeadless } from '../../runner/node/headless-run.js';
import { spawnRunner } from '../../runner/node/runner-process.js';
import type { HostMessage, RunnerMessage } from '../../runner/common/protocol.js';

interface Attack {
  name: string;
  code: string;
  status: RunStatus;
  message?: RegExp;
  line?: number;
  /** Every trace line the cart must print, in order. */
  traces?: string[];
  /** A frame busy for longer than this counts as hung (default 300 ms). */
  hangMs?: number;
}

const hang = (name: string, code: string, line: number): Attack => ({ name, code, status: 'hung', line });
const stuckInC = (name: string, code: string): Attack => ({ name, code, status: 'hung', message: /inside one library call/ });
const fine = (name: string, code: string, traces?: string[]): Attack => ({ name, code, status: 'ok', ...(traces ? { traces } : {}) });
const fails = (name: string, code: string, message: RegExp, line?: number): Attack => ({ name, code, status: 'error', message, ...(line ? { line } : {}) });

const OUT_OF_MEMORY = /^cart\.lua: out of memory: the cart's Lua heap reached its limit of 32 MB$/;

const tic = (body: string) => `function TIC()\n${body}\nend`;

const GLOBALS = [
  '_G', '_VERSION', 'assert', 'btn', 'btnp', 'circ', 'circb', 'clip', 'cls', 'collectgarbage', 'coroutine', 'dofile', 'elli', 'ellib',
  'error', 'exit', 'fget', 'font', 'fset', 'getmetatable', 'ipairs', 'key', 'keyp', 'line', 'load', 'loadfile', 'map', 'math', 'memcpy',
  'memset', 'mget', 'mouse', 'mset', 'next', 'pairs', 'pcall', 'peek', 'peek1', 'peek2', 'peek4', 'pix', 'pmem', 'poke', 'poke1', 'poke2',
  'poke4', 'print', 'rawequal', 'rawget', 'rawlen', 'rawset', 'rect', 'rectb', 'select', 'setmetatable', 'spr', 'string', 'table', 'time',
  'tonumber', 'tostring', 'trace', 'tri', 'trib', 'tstamp', 'type', 'vbank', 'xpcall', 'paint', 'textri', 'ttri', 'sfx', 'music', 'fft', 'ffts',
];

const ATTACKS: Attack[] = [
  // The environment is an allowlist.
  fails('io.open', tic('  io.open("/etc/passwd")'), /^cart\.lua:2: attempt to index a nil value \(global 'io'\)/, 2),
  fails('os.execute', tic('  os.execute("touch /tmp/pwned")'), /attempt to index a nil value \(global 'os'\)/, 2),
  fails('require', tic('  require("os")'), /attempt to call a nil value \(global 'require'\)/, 2),
  fails('debug.sethook', tic('  debug.sethook()'), /attempt to index a nil value \(global 'debug'\)/, 2),
  fails('package.loadlib', tic('  package.loadlib("libc.so.6", "system")'), /global 'package'/, 2),
  fails('string.dump', tic('  string.dump(TIC)'), /attempt to call a nil value \(field 'dump'\)/, 2),
  fails('dump through the string metatable', tic('  getmetatable("").__index.dump(TIC)'), /attempt to call a nil value \(field 'dump'\)/, 2),
  fails('dofile', tic('  dofile("/etc/passwd")'), /unknown method: "dofile"/),
  fails('loadstring (5.1)', tic('  loadstring("return 1")'), /global 'loadstring'/, 2),
  fine('binary chunks are refused', tic('  trace(select(2, load(string.char(27) .. "Lua", "x", "b")))'), ['attempt to load a binary chunk (mode is \'t\')']),
  fine('load with an environment reaches nothing more', tic('  trace(tostring(load("return io", "x", "t", _G)()))'), ['nil']),
  fine('rawget(_G, "os")', tic('  trace(tostring(rawget(_G, "os")))'), ['nil']),
  fine('the globals are exactly the console\'s', tic('  local names = {}\n  for k in pairs(_G) do names[#names + 1] = k end\n  table.sort(names)\n  trace(table.concat(names, " "))'), [
    [...GLOBALS, 'TIC'].sort().join(' '),
  ]),
  fine('collectgarbage does only "count"', tic('  trace(collectgarbage("stop") .. " " .. collectgarbage("step") .. " " .. tostring(collectgarbage("count") > 0))'), ['0 0 true']),
  fine('a changed string metatable stays in this cart', tic('  getmetatable("").__index = { upper = function() return "mine" end }\n  trace(("x"):upper())'), ['mine']),
  fails('_ENV replaced', tic('  local _ENV = {}\n  cls(0)'), /global 'cls'/, 3),

  // CPU: loops of every kind are found at their line, whatever wraps them.
  hang('while true', tic('  while true do end'), 2),
  hang('repeat until false', tic('  repeat local x = 1 until false'), 2),
  hang('numeric for to math.huge', tic('  for i = 1, math.huge do end'), 2),
  hang('goto loop', tic('  ::again::\n  goto again'), 3),
  hang('endless tail calls', 'local function f() return f() end\n' + tic('  f()'), 1),
  hang('pcall around a loop, in a loop', tic('  while true do\n    pcall(function() while true do end end)\n  end'), 3),
  hang('xpcall whose handler loops', tic('  xpcall(function() error("x") end, function() while true do end end)'), 2),
  hang('table.sort comparator', tic('  local t = {}\n  for i = 1, 50 do t[i] = i end\n  table.sort(t, function() while true do end end)'), 4),
  hang('string.gsub callback', tic('  string.gsub("abc", ".", function() while true do end end)'), 2),
  hang('__index metamethod', tic('  local t = setmetatable({}, { __index = function() while true do end end })\n  local x = t.x'), 2),
  hang('coroutine.wrap', tic('  coroutine.wrap(function()\n    while true do end\n  end)()'), 3),
  hang('coroutine created before TIC', 'co = coroutine.create(function()\n  while true do end\nend)\n' + tic('  coroutine.resume(co)'), 2),
  hang('nested coroutines', tic('  coroutine.resume(coroutine.create(function()\n    coroutine.resume(coroutine.create(function()\n      while true do end\n    end))\n  end))'), 4),
  hang('loop in BOOT', 'function BOOT()\n  while true do end\nend\nfunction TIC() end', 2),
  hang('loop at the top level', 'while true do end\nfunction TIC() end', 1),
  hang('loop in SCN', 'function TIC() end\nfunction SCN(row)\n  while true do end\nend', 3),
  fails('error object whose __tostring loops', tic('  error(setmetatable({}, { __tostring = function() while true do end end }))'), /^\(error object is a table value\)$/),

  // C-level hangs, where no hook can fire, are ended out of band.
  stuckInC('pattern-matching bomb', tic('  string.find(string.rep("a", 400), ".-.-.-.-.-.-b")')),
  stuckInC('__gc finalizer that loops (hooks are off in finalizers)', tic('  for i = 1, 1000 do setmetatable({}, { __gc = function() while true do end end }) end\n  local junk = {}\n  for i = 1, 200000 do junk[i] = {} end')),

  // Memory and recursion.
  fails('string.rep too large', tic('  local s = string.rep("x", 1e10)'), /resulting string too large|not enough memory|out of memory/),
  // Lua's stack grows past the heap limit before its own overflow check trips.
  { ...fails('endless recursion', 'local function f() return 1 + f() end\n' + tic('  f()'), OUT_OF_MEMORY), hangMs: 10000 },
  { ...fails('memory bomb', tic('  local t = {}\n  while true do t[#t + 1] = string.rep("x", 1000000) .. #t end'), OUT_OF_MEMORY), hangMs: 10000 },
  {
    ...fails('memory held while catching allocation errors', tic('  hold = {}\n  while true do\n    if not pcall(function() hold[#hold + 1] = string.rep("y", 100000) .. #hold end) then break end\n  end'), OUT_OF_MEMORY),
    hangMs: 10000,
  },

  // API abuse: huge, negative and NaN arguments return at once.
  fine('line across a billion pixels', tic('  line(-1e9, -1e9, 1e9, 1e9, 1)\n  line(0/0, 0, 1e300, -1e300, 2)')),
  fine('huge circles and ellipses', tic('  circ(0, 0, 1e9, 1)\n  circb(-1e9, 1e9, 2^31, 2)\n  elli(5, 5, 1e9, 1e9, 3)\n  ellib(0, 0, -1e9, 1e9, 4)')),
  fine('huge rectangles and triangles', tic('  rect(-1e9, -1e9, 2e9, 2e9, 1)\n  rectb(0, 0, 1e9, 1e9, 2)\n  tri(-1e9, -1e9, 1e9, 0, 0, 1e9, 3)')),
  fine('huge map and sprite scale', tic('  map(0, 0, 1e9, 1e9, -1e9, -1e9, -1, 1e6)\n  spr(1, 0, 0, -1, 1e6, 3, 3, 1e6, 1e6)')),
  fine('a megabyte of print', tic('  print(string.rep("A", 1000000), 0, 0, 12, false, 1000)')),
  fine('memory functions out of range', tic('  memcpy(0, 0, 1e9)\n  memset(-5, 1, 1e12)\n  poke(-1, 5)\n  trace(peek(1e12) .. " " .. peek(0x17fff, 3))\n  poke4(2^40, 1)'), ['0 0']),
  fine('NaN and infinity everywhere', tic('  pix(0/0, 0/0, 0/0)\n  cls(1/0)\n  clip(0/0, 1/0, -1/0, 0/0)\n  spr(0/0, 1/0, -1/0)\n  print(0/0, 1/0, -1/0)')),
  fails('pmem index out of range', tic('  pmem(1000)'), /invalid persistent tic index/, 2),
  {
    name: 'trace flood',
    code: tic('  for i = 1, 20000 do trace(i) end'),
    status: 'ok',
    hangMs: 5000,
    traces: [...Array.from({ length: 100 }, (_, i) => String(i + 1)), '… 19900 more trace lines this frame were dropped (at most 100 a frame)'],
  },
];

function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

describe('hostile carts', { concurrency: 2 }, () => {
  for (const attack of ATTACKS) {
    test(attack.name, async () => {
      const traces: string[] = [];
      const result = await runHeadless(
        { name: 'cart.lua', code: attack.code },
        { frames: 1, deterministic: true, hangMs: attack.hangMs ?? 300, onTrace: (text) => traces.push(text) },
      );
      assert.equal(result.status, attack.status, `${attack.name}: ${result.message ?? ''}`);
      if (attack.message) assert.match(result.message ?? '', attack.message);
      if (attack.line !== undefined) assert.equal(result.line, attack.line, `${attack.name}: line`);
      if (attack.traces) assert.deepEqual(traces, attack.traces);
      assert.ok(isGone(result.pid), `${attack.name}: runner ${result.pid} is still alive`);
    });
  }
});

test('a runner drops malformed and oversized messages and still runs the cart', async () => {
  const runner = spawnRunner();
  const seen: RunnerMessage[] = [];
  const frame = new Promise<void>((resolve) =>
    runner.onMessage((msg) => {
      seen.push(msg);
      if (msg.type === 'frame') resolve();
    }),
  );
  const junk: unknown[] = [
    { type: 'start', cart: 5 },
    { type: 'start', cart: { name: 'x.lua', code: 'x'.repeat(2 * 1024 * 1024) }, options: { deterministic: false, pacing: 'fast' } },
    { type: 'input', input: { gamepads: 'all' } },
    { type: 'evaluate', code: 'os.exit()' },
    'start',
    42,
  ];
  for (const message of junk) runner.send(message as HostMessage);
  runner.send({ type: 'start', cart: { name: 'ok.lua', code: 'function TIC() cls(2) end' }, options: { deterministic: true, pacing: 'fast', maxFrames: 3 } });
  await frame;
  assert.ok(!seen.some((m) => m.type === 'error'), JSON.stringify(seen.filter((m) => m.type === 'error')));
  runner.kill();
  await runner.exited;
  assert.ok(isGone(runner.pid));
});
