// The debugger in real runner processes: breakpoints (plain, conditional, logpoints, inside a loop
// that never ends), each kind of step and the line it lands on, values read from a paused cart
// without running its metamethods, and a cart stepped through its frames against one run straight.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Breakpoint, StepKind, ValueView } from '../../runner/common/debug-types.js';
import { CART_SECTION_BYTES, type HostMessage, type MessageOf, type RunnerMessage, type RunOptions } from '../../runner/common/protocol.js';
import { spawnRunner, type RunnerProcess } from '../../runner/node/runner-process.js';
import { isAlive, waitUntilGone } from '../fixtures/processes.js';
import { collectMessages, type MessageLog } from '../fixtures/runner-messages.js';

type Paused = MessageOf<RunnerMessage, 'paused'>;

const REALTIME: RunOptions = { deterministic: true, pacing: 'realtime' };
const runners: RunnerProcess[] = [];

after(() => {
  for (const runner of runners) runner.kill();
});

/** A runner started on code, with breakpoints set before its first line runs. */
function start(
  code: string,
  breakpoints: Breakpoint[] = [],
  options: RunOptions = REALTIME,
): { runner: RunnerProcess; messages: MessageLog; send(msg: HostMessage): void } {
  const runner = spawnRunner();
  runners.push(runner);
  const messages = collectMessages(runner);
  runner.send({ type: 'start', cart: { name: 'cart.lua', code }, options });
  if (breakpoints.length > 0) runner.send({ type: 'breakpoints', breakpoints });
  return { runner, messages, send: (msg) => runner.send(msg) };
}

async function stop(runner: RunnerProcess): Promise<void> {
  runner.kill();
  await waitUntilGone(runner.pid);
  assert.ok(!isAlive(runner.pid));
}

function local(frame: Paused['stack'][number] | undefined, name: string): ValueView | undefined {
  return frame?.locals.find((l) => l.name === name);
}

let requests = 0;
async function inspect(
  session: ReturnType<typeof start>,
  target: MessageOf<HostMessage, 'inspect'>['target'],
): Promise<MessageOf<RunnerMessage, 'inspection'>> {
  const request = ++requests;
  const answer = session.messages.next('inspection');
  session.send({ type: 'inspect', request, target });
  const result = await answer;
  assert.equal(result.request, request);
  return result;
}

describe('breakpoints', () => {
  it('pause the cart at their line, every time it runs, until cleared', async () => {
    const code = ['n = 0', 'function TIC()', '  n = n + 1', '  local twice = n * 2', '  trace(twice)', 'end'].join('\n');
    const session = start(code, [{ line: 4 }]);
    const first = await session.messages.next('paused');
    assert.equal(first.line, 4);
    assert.equal(first.reason, 'breakpoint');
    assert.equal(first.stack[0]?.name, 'TIC');
    assert.equal(session.messages.seen.filter((m) => m.type === 'trace').length, 0, 'the line ran before the pause');
    session.send({ type: 'resume' });
    const second = await session.messages.next('paused');
    assert.equal(second.line, 4);
    session.send({ type: 'breakpoints', breakpoints: [] });
    session.send({ type: 'resume' });
    await session.messages.next('trace');
    await session.messages.next('trace');
    assert.equal(session.messages.seen.filter((m) => m.type === 'paused').length, 2);
    await stop(session.runner);
  });

  it('with a condition pause only where it holds, in the frame of the line', async () => {
    const code = ['function TIC()', '  for i = 1, 10 do', '    local sq = i * i', '  end', 'end'].join('\n');
    const session = start(code, [{ line: 3, condition: 'i == 7' }]);
    const paused = await session.messages.next('paused');
    assert.equal(paused.line, 3);
    assert.deepEqual(local(paused.stack[0], 'i'), { name: 'i', value: '7' });
    await stop(session.runner);
  });

  it('as logpoints trace their message with its expressions and do not pause', async () => {
    const code = ['function TIC()', '  for i = 1, 3 do', '    local sq = i * i', '  end', '  exit()', 'end'].join('\n');
    const session = start(code, [{ line: 3, log: 'i={i} half={i / 2}' }]);
    await session.messages.next('exit');
    const traces = session.messages.seen.filter((m) => m.type === 'trace').map((m) => m.text);
    assert.deepEqual(traces, ['i=1 half=0.5', 'i=2 half=1.0', 'i=3 half=1.5']);
    assert.equal(session.messages.seen.filter((m) => m.type === 'paused').length, 0);
    await stop(session.runner);
  });

  it('set while the cart is stuck in a loop that never ends, pause it inside the loop', async () => {
    const code = ['function TIC()', '  local n = 0', '  while true do', '    n = n + 1', '  end', 'end'].join('\n');
    const session = start(code);
    await session.messages.next('busy');
    session.send({ type: 'breakpoints', breakpoints: [{ line: 4 }] });
    const paused = await session.messages.next('paused');
    assert.equal(paused.line, 4);
    assert.equal(paused.reason, 'breakpoint');
    assert.ok(Number(local(paused.stack[0], 'n')?.value) > 0);
    await stop(session.runner);
  });
});

describe('stepping', () => {
  const code = [
    'function add(a, b)', // 1
    '  local s = a + b', // 2
    '  return s', // 3
    'end', // 4
    'local function less(a, b)', // 5
    '  return a < b', // 6
    'end', // 7
    'function TIC()', // 8
    '  local x = add(1, 2)', // 9
    '  local t = {3, 1, 2}', // 10
    '  table.sort(t, less)', // 11
    '  y = x', // 12
    'end', // 13
    'function SCN(row)', // 14
    '  z = row', // 15
    'end', // 16
  ].join('\n');

  /** Pauses at `from`, takes the steps, and gives the line each landed on. */
  async function stepLines(from: number, steps: StepKind[]): Promise<(number | undefined)[]> {
    const session = start(code, [{ line: from }]);
    await session.messages.next('paused');
    session.send({ type: 'breakpoints', breakpoints: [] });
    const lines: (number | undefined)[] = [];
    for (const kind of steps) {
      const next = session.messages.next('paused');
      session.send({ type: 'step', kind });
      const paused = await next;
      assert.equal(paused.reason, 'step');
      lines.push(paused.line);
    }
    await stop(session.runner);
    return lines;
  }

  it('over: the next line of the function, over calls and the callbacks they make, then the next callback', async () => {
    assert.deepEqual(await stepLines(9, ['over', 'over', 'over', 'over', 'over']), [10, 11, 12, 13, 15]);
  });

  it('into: the first line of a called function, and of a sort comparator called back from C', async () => {
    assert.deepEqual(await stepLines(9, ['into', 'into', 'into']), [2, 3, 10]);
    assert.deepEqual(await stepLines(11, ['into']), [6]);
  });

  it('out: the next line of the caller', async () => {
    assert.deepEqual(await stepLines(2, ['out']), [10]);
    assert.deepEqual(await stepLines(6, ['out']), [12]);
  });

  it('a cart stepped through its frames ends with the same RAM and pixels as one run straight through', async () => {
    const cart = [
      'function BOOT() seed = 7 end',
      'local function wobble(v)',
      '  local w = v * 3 % 17',
      '  return w',
      'end',
      'function TIC()',
      '  local t = {}',
      '  for i = 1, 4 do t[i] = wobble(i + seed) + math.random(5) end',
      '  table.sort(t, function(a, b) return a > b end)',
      '  for i, v in ipairs(t) do rect(i * 10, v, 8, 8, i) end',
      '  seed = seed + 1',
      '  poke(0x14000 + seed, t[1])',
      'end',
      'function SCN(row) poke(0x3FF9, row % 3) end',
    ].join('\n');
    const options: RunOptions = { deterministic: true, pacing: 'fast', maxFrames: 2 };
    const outcome = async (breakpoints: Breakpoint[]) => {
      const session = start(cart, breakpoints, options);
      let steps = 0;
      const done = session.messages.next('done', 20_000);
      let finished = false;
      void done.then(() => (finished = true));
      while (breakpoints.length > 0 && !finished) {
        const paused = await Promise.race([session.messages.next('paused', 20_000), done]);
        if (paused.type === 'done') break;
        steps++;
        session.send({ type: 'step', kind: 'into' });
      }
      await done;
      const frames = session.messages.seen.filter((m) => m.type === 'frame');
      const ram = session.messages.next('ram');
      session.send({ type: 'read-ram' });
      const bytes = (await ram).bytes;
      await stop(session.runner);
      return { steps, pixels: frames.at(-1)?.pixels, ram: bytes };
    };
    const straight = await outcome([]);
    const stepped = await outcome([{ line: 7 }]);
    assert.ok(stepped.steps > 40, `only ${stepped.steps} steps`);
    assert.ok(straight.pixels && stepped.pixels);
    assert.ok(Buffer.from(stepped.pixels).equals(Buffer.from(straight.pixels)), 'the pixels differ');
    assert.ok(Buffer.from(stepped.ram).equals(Buffer.from(straight.ram)), 'the RAM differs');
  });
});

describe('inspecting a paused cart', () => {
  const code = [
    'hits = 0',
    'trap = setmetatable({ real = 1 }, { __index = function(t, k) while true do end end, __tostring = function() while true do end end })',
    'big = {}',
    'for i = 1, 250 do big[i] = i * i end',
    'local counter = 41',
    'function bump(...)',
    '  counter = counter + 1',
    '  local long = string.rep("ab", 100)',
    '  hits = hits + select("#", ...)',
    'end',
    'function TIC() bump("x", 2) end',
  ].join('\n');

  it('shows locals, upvalues, varargs and globals, opens tables a page at a time, and runs no metamethod', async () => {
    const session = start(code, [{ line: 9 }]);
    const paused = await session.messages.next('paused');
    const frame = paused.stack[0];
    assert.equal(frame?.name, 'bump');
    assert.deepEqual(
      frame.upvalues?.find((u) => u.name === 'counter'),
      { name: 'counter', value: '42' },
    );
    assert.deepEqual(
      frame.varargs?.map((v) => v.value),
      ['"x"', '2'],
    );
    const long = local(frame, 'long');
    assert.ok(long?.handle && long.value.length < 100, long?.value);
    const whole = await inspect(session, { handle: long.handle, offset: 0 });
    assert.equal(whole.entries[0]?.value, 'ab'.repeat(100));

    assert.ok(paused.globals);
    const globals = await inspect(session, { handle: paused.globals, offset: 0 });
    const names = globals.entries.map((e) => e.name);
    for (const name of ['hits', 'trap', 'big', 'bump', 'TIC']) assert.ok(names.includes(name), `${name} missing from ${names.join(' ')}`);
    for (const name of ['cls', 'print', 'math', 'string', 'trace']) assert.ok(!names.includes(name), `${name} is the API's`);
    const bump = globals.entries.find((e) => e.name === 'bump');
    assert.equal(bump?.value, 'function cart.lua:6');

    const trap = globals.entries.find((e) => e.name === 'trap');
    assert.ok(trap?.handle);
    const trapEntries = await inspect(session, { handle: trap.handle, offset: 0 });
    assert.deepEqual(
      trapEntries.entries.map((e) => e.name),
      ['[metatable]', 'real'],
    );
    const missing = await inspect(session, { expression: 'trap.missing', frame: 0 });
    assert.equal(missing.entries[0]?.value, 'nil');

    const big = globals.entries.find((e) => e.name === 'big');
    assert.ok(big?.handle);
    const page1 = await inspect(session, { handle: big.handle, offset: 0 });
    assert.equal(page1.entries.length, 100);
    assert.equal(page1.more, true);
    assert.deepEqual(page1.entries[0], { name: '[1]', value: '1' });
    const page3 = await inspect(session, { handle: big.handle, offset: 200 });
    assert.equal(page3.entries.length, 50);
    assert.equal(page3.more, false);
    assert.deepEqual(page3.entries.at(-1), { name: '[250]', value: '62500' });

    const sum = await inspect(session, { expression: 'counter + hits * 10', frame: 0 });
    assert.equal(sum.entries[0]?.value, '42');

    session.send({ type: 'resume' });
    await session.messages.next('resumed');
    const stale = await inspect(session, { handle: big.handle, offset: 0 });
    assert.match(stale.error ?? '', /not paused|no longer/);
    await stop(session.runner);
  });
});

describe('live coding', () => {
  it('replaces the running cart’s functions and keeps its globals, without running BOOT again', async () => {
    const before = ['count = 0', 'function BOOT() trace("boot") end', 'function TIC()', '  count = count + 1', '  cls(1)', 'end'].join('\n');
    const after = ['count = 0', 'function BOOT() trace("boot") end', 'function TIC()', '  count = count + 1', '  cls(2)', '  trace(count)', 'end'].join('\n');
    const session = start(before);
    await session.messages.next('frame');
    await session.messages.next('frame');
    session.send({ type: 'reload', code: after });
    assert.deepEqual(await session.messages.next('reloaded'), { type: 'reloaded' });
    const counted = Number((await session.messages.next('trace')).text);
    assert.ok(counted > 2, `count started again: ${counted}`);
    const frame = await session.messages.next('frame');
    // cls(2): the screen's first pixel is palette colour 2 of SWEETIE-16.
    const at = (4 * 256 + 8) * 4;
    assert.deepEqual([...frame.pixels.subarray(at, at + 3)], [0xb1, 0x3e, 0x53]);
    assert.equal(session.messages.seen.filter((m) => m.type === 'trace' && m.text === 'boot').length, 1);
    await stop(session.runner);
  });

  it('keeps the old code running when the new code does not load, and names the line', async () => {
    const session = start(['function TIC()', '  trace("old")', 'end'].join('\n'));
    await session.messages.next('trace');
    session.send({ type: 'reload', code: 'function TIC()\n  trace("new"\nend' });
    const reloaded = await session.messages.next('reloaded');
    assert.equal(reloaded.line, 3);
    assert.match(reloaded.error ?? '', /cart\.lua:3:/);
    const trace = await session.messages.next('trace');
    assert.equal(trace.text, 'old');
    await stop(session.runner);
  });

  it('puts edited data sections into the running cart’s RAM', async () => {
    const session = start('function TIC() trace(peek(0x4000 + 5) .. " " .. peek(0x8000 + 2)) end');
    assert.equal((await session.messages.next('trace')).text, '0 0');
    const tiles = new Uint8Array(CART_SECTION_BYTES.tiles);
    tiles[5] = 0x42;
    const map = new Uint8Array(CART_SECTION_BYTES.map);
    map[2] = 17;
    session.send({ type: 'reload', data: { tiles, map } });
    await session.messages.next('reloaded');
    assert.equal((await session.messages.next('trace')).text, '66 17');
    await stop(session.runner);
  });
});
