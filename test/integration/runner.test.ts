// Real runner processes: carts that draw, fail, hang in Lua, hang inside one C call, and carts that
// are paused and resumed. Every run must end with the runner process really gone.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CompactFrame } from '../../runner/common/compact-frame.js';
import { framePixels } from '../../runner/common/compose-frame.js';
import { SOUND_REGISTERS_ADDR } from '../../runner/common/memory-map.js';
import type { RunOptions, RunnerMessage } from '../../runner/common/protocol.js';
import { runHeadless, SILENCE_GRACE_MS, type HeadlessOptions, type HeadlessResult } from '../../runner/node/headless-run.js';
import { spawnRunner } from '../../runner/node/runner-process.js';
import { isAlive } from '../fixtures/processes.js';
import { collectMessages } from '../fixtures/runner-messages.js';
import { SWEETIE as SWEETIE_16 } from '../conformance/expect.js';

async function run(code: string, options: Partial<HeadlessOptions> = {}): Promise<HeadlessResult & { traces: string[] }> {
  const traces: string[] = [];
  const result = await runHeadless(
    { name: 'cart.lua', code },
    { frames: 3, deterministic: true, hangMs: 1000, onTrace: (text) => traces.push(text), ...options },
  );
  assert.ok(!isAlive(result.pid), `runner process ${result.pid} is still alive`);
  return { ...result, traces };
}

/** Hex colour of output pixel (x, y) of the 256x144 frame. */
function pixel(frame: Uint8Array | undefined, x: number, y: number): string {
  assert.ok(frame, 'no frame was drawn');
  const i = (y * 256 + x) * 4;
  return [frame[i], frame[i + 1], frame[i + 2]].map((v) => v.toString(16).padStart(2, '0')).join('');
}

it('a cart draws into the frame, border included', async () => {
  const result = await run('function TIC() cls(2) pix(10, 20, 12) end');
  assert.equal(result.status, 'ok');
  assert.equal(result.frames, 3);
  assert.equal(pixel(result.lastFrame, 0, 0), SWEETIE_16[0], 'border at (0,0)');
  assert.equal(pixel(result.lastFrame, 8 + 5, 4 + 5), SWEETIE_16[2], 'cls colour at screen (5,5)');
  assert.equal(pixel(result.lastFrame, 8 + 10, 4 + 20), SWEETIE_16[12], 'pix at screen (10,20)');
});

it('a Lua error names the cart and the line', async () => {
  const result = await run('function TIC()\n  local t = nil\n  return t.x\nend');
  assert.equal(result.status, 'error');
  assert.equal(result.line, 3);
  assert.match(result.message ?? '', /^cart\.lua:3: attempt to index a nil value/);
});

it('a syntax error names the line', async () => {
  const result = await run('function TIC()\n  x = = 1\nend');
  assert.equal(result.status, 'error');
  assert.equal(result.line, 2);
  assert.match(result.message ?? '', /^cart\.lua:2:/);
});

it("a cart without TIC gets TIC-80's message", async () => {
  const result = await run('x = 1');
  assert.equal(result.status, 'error');
  assert.equal(result.message, "'function TIC()...' isn't found :(");
});

it('exit() ends the run after the frame', async () => {
  const result = await run('function TIC() cls(3) exit() end', { frames: 10 });
  assert.equal(result.status, 'exit');
  assert.equal(result.frames, 1);
});

it('with deterministic time, time() during frame N is (N-1)*1000/60', async () => {
  const result = await run('function TIC() trace(string.format("%.6f", time())) end', { frames: 4 });
  assert.deepEqual(result.traces, ['0.000000', '16.666667', '33.333333', '50.000000']);
});

it('deterministic runs repeat math.random', async () => {
  const code = 'function TIC() trace(math.random(1000000)) end';
  const a = await run(code);
  const b = await run(code);
  assert.deepEqual(a.traces, b.traces);
});

it('a loop that never ends is reported hung at its line', async () => {
  const result = await run('function TIC()\n  local n = 0\n  while true do\n    n = n + 1\n  end\nend', { hangMs: 300 });
  assert.equal(result.status, 'hung');
  assert.ok(result.line === 3 || result.line === 4, `line ${result.line}`);
});

it('pcall cannot swallow the stop of a loop inside a sort comparator', async () => {
  const code = [
    'function TIC()',
    '  while true do',
    '    pcall(function()',
    '      local t = {}',
    '      for i = 1, 50 do t[i] = i end',
    '      table.sort(t, function(a, b) while true do end end)',
    '    end)',
    '  end',
    'end',
  ].join('\n');
  const result = await run(code, { hangMs: 300 });
  assert.equal(result.status, 'hung');
  assert.equal(result.line, 6);
});

it('a loop inside a coroutine is found and reported at its line', async () => {
  const code = 'function TIC()\n  local co = coroutine.create(function()\n    while true do end\n  end)\n  coroutine.resume(co)\nend';
  const result = await run(code, { hangMs: 300 });
  assert.equal(result.status, 'hung');
  assert.equal(result.line, 3);
});

it('with the fallback hook (always on) a loop is still found at its line', async () => {
  const result = await run('function TIC()\n  local n = 0\n  while true do\n    n = n + 1\n  end\nend', { hangMs: 300, alwaysOnHook: true });
  assert.equal(result.status, 'hung');
  assert.ok(result.line === 3 || result.line === 4, `line ${result.line}`);
});

it('a pattern bomb stuck inside one C call is stopped out of band', async () => {
  const result = await run('function TIC()\n  string.find(string.rep("a", 400), ".-.-.-.-.-.-b")\nend', { hangMs: 5000 });
  assert.equal(result.status, 'hung');
  assert.match(result.message ?? '', /inside one library call/);
});

function collect(runner: ReturnType<typeof spawnRunner>) {
  const seen: RunnerMessage[] = [];
  const waiters: { type: RunnerMessage['type']; resolve: (m: RunnerMessage) => void }[] = [];
  runner.onMessage((msg) => {
    seen.push(msg);
    for (const w of waiters.filter((w) => w.type === msg.type)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(msg);
    }
  });
  return {
    seen,
    next<T extends RunnerMessage['type']>(type: T): Promise<Extract<RunnerMessage, { type: T }>> {
      return new Promise((resolve) => waiters.push({ type, resolve: resolve as (m: RunnerMessage) => void }));
    },
  };
}

it('a busy cart can be paused at its line, inspected, resumed where it was, and stopped', async () => {
  const runner = spawnRunner();
  const messages = collect(runner);
  const code = [
    'count = 0',
    'function TIC()',
    '  local label = "spin"',
    '  while true do',
    '    count = count + 1',
    '    if count % 1000000 == 0 then trace(count) end',
    '  end',
    'end',
  ].join('\n');
  runner.send({ type: 'start', cart: { name: 'spin.lua', code }, options: { deterministic: false, pacing: 'realtime' } });
  await messages.next('busy');
  runner.send({ type: 'break' });
  const paused = await messages.next('paused');
  assert.ok(paused.line !== undefined && paused.line >= 4 && paused.line <= 6, `paused at line ${paused.line}`);
  const tic = paused.stack.find((f) => f.name === 'TIC');
  assert.ok(tic, `no TIC frame in ${JSON.stringify(paused.stack)}`);
  assert.equal(tic.source, 'spin.lua');
  assert.deepEqual(
    tic.locals.find((l) => l.name === 'label'),
    { name: 'label', value: '"spin"' },
  );

  const tracesBefore = messages.seen.filter((m) => m.type === 'trace').length;
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(messages.seen.filter((m) => m.type === 'trace').length, tracesBefore, 'the cart ran while paused');

  runner.send({ type: 'resume' });
  await messages.next('resumed');
  const trace = await messages.next('trace');
  assert.ok(Number(trace.text) > 0);

  const gone = messages.next('gone');
  runner.kill();
  assert.equal((await gone).reason, 'stopped');
  assert.ok(!isAlive(runner.pid));
});

it('the Lua environment is an allowlist', async () => {
  const code = [
    'function TIC()',
    '  trace(tostring(io) .. tostring(os) .. tostring(debug) .. tostring(package) .. tostring(string.dump) .. tostring(utf8) .. tostring(require))',
    '  trace(select(2, pcall(dofile, "x")) .. " " .. select(2, pcall(loadfile, "x")))',
    '  local f, err = load("\\27Lua", "x", "b")',
    '  trace(tostring(f) .. " " .. tostring(err))',
    '  trace(collectgarbage("count") > 0 and "count" or "no count")',
    '  trace(tostring(collectgarbage("stop")))',
    '  trace(math.pow(2, 10) .. " " .. math.atan2(1, 1) .. " " .. math.log10(1000))',
    'end',
  ].join('\n');
  const result = await run(code, { frames: 1 });
  assert.equal(result.status, 'ok', result.message);
  assert.equal(result.traces[0], 'nilnilnilnilnilnilnil');
  // TIC-80 replaces these two with functions that raise this error.
  assert.equal(result.traces[1], 'unknown method: "dofile" unknown method: "loadfile"');
  assert.match(result.traces[2], /^nil .*attempt to load a binary chunk/);
  assert.equal(result.traces[3], 'count');
  assert.equal(result.traces[4], '0');
  assert.equal(result.traces[5], '1024.0 0.78539816339745 3.0');
});

it('a runner that sends a malformed message is ended, and the run ends as an error naming the cart', async () => {
  const entry = fileURLToPath(new URL('../fixtures/malformed-runner-entry.js', import.meta.url));
  const result = await run('function TIC() cls(2) end', { frames: 100, runnerEntry: entry });
  assert.equal(result.status, 'error');
  assert.match(result.message ?? '', /^cart\.lua: the runner sent a malformed message, so it was stopped\./);
});

it('a runner that sends nothing is killed after hangMs and the grace period, and reported killed', async () => {
  const entry = fileURLToPath(new URL('../fixtures/silent-runner-entry.js', import.meta.url));
  const hangMs = 100;
  const result = await run('function TIC() end', { hangMs, runnerEntry: entry });
  assert.equal(result.status, 'killed');
  assert.equal(result.message, `cart.lua: the runner sent nothing for ${hangMs + SILENCE_GRACE_MS} ms, so it was killed as stuck`);
  assert.ok(result.totalMs >= hangMs + SILENCE_GRACE_MS, `killed after ${result.totalMs} ms`);
});

it('spawnRunner starts the bundled runner (dist/runner/node/bundle/), whose VM thread runs a cart', async () => {
  const runner = spawnRunner();
  try {
    const messages = collectMessages(runner);
    const args = readFileSync(`/proc/${runner.pid}/cmdline`, 'utf8').split('\0');
    assert.ok(args.includes(path.join(process.cwd(), 'dist/runner/node/bundle/runner/runner-entry.js')), `the runner runs ${args.join(' ')}`);
    runner.send({
      type: 'start',
      cart: { name: 'cls.lua', code: 'function TIC() cls(2) end' },
      options: { deterministic: true, pacing: 'fast', maxFrames: 2 },
    });
    assert.equal((await messages.next('done')).frames, 2);
  } finally {
    runner.kill();
    await runner.exited;
  }
});

/** A process's memory figure from /proc/PID/status (VmRSS, VmHWM), in MiB. */
function memoryMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  assert.ok(match, `no ${field} for process ${pid}`);
  return Number(match[1]) / 1024;
}

it('fast pacing waits for its host: 20,000 frames keep the runner under 250 MB', async () => {
  const limitMb = 250;
  const frames = 20_000;
  const HOST_STALL_MS = 2000;
  const runner = spawnRunner();
  let stalled = false;
  // Only the end is kept: the frames themselves would be gigabytes in this process.
  const ended = new Promise<RunnerMessage>((resolve) =>
    runner.onMessage((msg) => {
      if (msg.type === 'done' || msg.type === 'gone') resolve(msg);
      // The host falls behind, as a busy one does: it takes nothing for a while.
      if (msg.type !== 'frame' || stalled) return;
      stalled = true;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, HOST_STALL_MS);
    }),
  );
  // A runner that outruns its host grows by gigabytes: it is stopped as soon as it passes the limit.
  const watch = setInterval(() => {
    if (memoryMb(runner.pid, 'VmRSS') <= limitMb) return;
    clearInterval(watch);
    runner.kill();
  }, 50);
  runner.send({
    type: 'start',
    cart: { name: 'cls.lua', code: 'function TIC() cls(0) end' },
    options: { deterministic: true, pacing: 'fast', maxFrames: frames },
  });
  const end = await ended;
  clearInterval(watch);
  assert.ok(end.type === 'done', `the runner passed ${limitMb} MB and was stopped`);
  const peakMb = memoryMb(runner.pid, 'VmHWM');
  runner.kill();
  await runner.exited;
  assert.equal(end.frames, frames);
  assert.ok(peakMb < limitMb, `the runner's peak RSS was ${peakMb.toFixed(1)} MB`);
});

it('a headless run that names its output gets pixels only of the frames named and the last, the others summed up in ticks', async () => {
  const runner = spawnRunner();
  const whole: number[] = [];
  const ticked: number[] = [];
  let ticks = 0;
  const done = new Promise<void>((resolve) => {
    runner.onMessage((msg) => {
      if (msg.type === 'frame') whole.push(msg.index);
      if (msg.type === 'tick') {
        ticks++;
        for (let i = msg.index - msg.frames + 1; i <= msg.index; i++) ticked.push(i);
      }
      if (msg.type === 'done' || msg.type === 'error' || msg.type === 'gone') resolve();
    });
  });
  const options: RunOptions = { deterministic: true, pacing: 'fast', maxFrames: 100, output: { pixelFrames: [7], audio: false } };
  runner.send({ type: 'start', cart: { name: 'cart.lua', code: 'function TIC() cls(1) end' }, options });
  await done;
  runner.kill();
  await runner.exited;
  assert.deepEqual(whole, [7, 100], 'frames sent with pixels');
  const expected = Array.from({ length: 100 }, (_, i) => i + 1).filter((i) => i !== 7 && i !== 100);
  assert.deepEqual(ticked, expected, 'frames told of in ticks, in order');
  assert.ok(ticks < expected.length / 2, `${ticks} ticks for ${expected.length} frames`);
});

it('a headless run makes audio only when it takes it: the frames it takes whole are silent otherwise', async () => {
  // Channel 0 plays a square wave at full volume every frame (the sound tick clears its registers first).
  const code = `function TIC()\n poke(${SOUND_REGISTERS_ADDR}, 200) poke(${SOUND_REGISTERS_ADDR + 1}, 0xF0)\n for i = 0, 15 do poke(${SOUND_REGISTERS_ADDR + 2} + i, i < 8 and 0xFF or 0) end\nend`;
  const loudestSample = async (audio: boolean): Promise<number> => {
    const runner = spawnRunner();
    let loudest = -1;
    const done = new Promise<void>((resolve) => {
      runner.onMessage((msg) => {
        if (msg.type === 'frame') loudest = Math.max(loudest, ...msg.audio.map(Math.abs));
        if (msg.type === 'done' || msg.type === 'error' || msg.type === 'gone') resolve();
      });
    });
    const options: RunOptions = { deterministic: true, pacing: 'fast', maxFrames: 10, output: { pixelFrames: [5], audio } };
    runner.send({ type: 'start', cart: { name: 'tone.lua', code }, options });
    await done;
    runner.kill();
    await runner.exited;
    return loudest;
  };
  assert.ok((await loudestSample(true)) > 1000, 'the tone is heard in the frames taken whole');
  assert.equal(await loudestSample(false), 0, 'frames taken whole without audio are silence');
});

it('a headless run that ends in an error, a hang or exit() after frames it did not take whole still has the last frame drawn', async () => {
  const endings = [
    { call: 'error("boom")', status: 'error', frames: 49 },
    { call: 'while true do end', status: 'hung', frames: 49 },
    { call: 'exit()', status: 'exit', frames: 50 },
  ] as const;
  for (const ending of endings) {
    const code = `t = 0\nfunction TIC()\n t = t + 1\n if t == 50 then ${ending.call} end\n cls(0)\n rect(0, 0, t, 1, 12)\nend`;
    const result = await run(code, { frames: 100, hangMs: 300 });
    assert.equal(result.status, ending.status, ending.call);
    assert.equal(result.frames, ending.frames, `${ending.call}: frames completed`);
    // The last frame drawn shows a bar as long as its number.
    assert.equal(pixel(result.lastFrame, 8 + ending.frames - 1, 4), SWEETIE_16[12], `${ending.call}: the bar's last pixel`);
    assert.equal(pixel(result.lastFrame, 8 + ending.frames, 4), SWEETIE_16[0], `${ending.call}: past the bar`);
  }
});

it('a host that asks for compact frames gets every frame compact, composing to the pixels other hosts get', async () => {
  const code = 'function TIC() cls(2) vbank(1) rect(10, 10, 20, 20, 5) vbank(0) end\nfunction SCN(l) poke(0x3FF9, l % 3) end';
  const framesOf = async (options: RunOptions): Promise<RunnerMessage[]> => {
    const runner = spawnRunner();
    const frames: RunnerMessage[] = [];
    const done = new Promise<void>((resolve) => {
      runner.onMessage((msg) => {
        if (msg.type === 'frame' || msg.type === 'compact-frame') frames.push(msg);
        if (msg.type === 'done' || msg.type === 'error' || msg.type === 'gone') resolve();
      });
    });
    runner.send({ type: 'start', cart: { name: 'cart.lua', code }, options });
    await done;
    runner.kill();
    await runner.exited;
    return frames;
  };
  const compact = await framesOf({ deterministic: true, pacing: 'fast', maxFrames: 3, compactFrames: true });
  const rgba = await framesOf({ deterministic: true, pacing: 'fast', maxFrames: 3 });
  assert.deepEqual(
    compact.map((msg) => msg.type),
    ['compact-frame', 'compact-frame', 'compact-frame'],
  );
  assert.deepEqual(
    rgba.map((msg) => msg.type),
    ['frame', 'frame', 'frame'],
  );
  const last = compact[2];
  const lastRgba = rgba[2];
  assert.ok(last.type === 'compact-frame' && lastRgba.type === 'frame');
  assert.ok(last.compact.length * 4 <= lastRgba.pixels.length, `a compact frame of ${last.compact.length} bytes`);
  assert.deepEqual(framePixels(CompactFrame.of(last.compact)), lastRgba.pixels);
});

it('a headless host that asks for compact frames gets those it takes whole compact, the last one drawn too when the run fails', async () => {
  const runner = spawnRunner();
  const messages: RunnerMessage[] = [];
  const done = new Promise<void>((resolve) => {
    runner.onMessage((msg) => {
      messages.push(msg);
      if (msg.type === 'done' || msg.type === 'error' || msg.type === 'gone') resolve();
    });
  });
  const code = 't = 0\nfunction TIC()\n t = t + 1\n if t == 6 then error("boom") end\n cls(0)\n rect(0, 0, t, 1, 12)\nend';
  const options: RunOptions = { deterministic: true, pacing: 'fast', maxFrames: 10, output: { pixelFrames: [3], audio: false }, compactFrames: true };
  runner.send({ type: 'start', cart: { name: 'bar.lua', code }, options });
  await done;
  runner.kill();
  await runner.exited;
  assert.ok(!messages.some((msg) => msg.type === 'frame'), 'no frame comes as RGBA');
  const whole = messages.filter((msg) => msg.type === 'compact-frame');
  assert.deepEqual(
    whole.map((msg) => msg.index),
    [3, 5],
  );
  // The last frame drawn shows a bar as long as its number.
  const pixels = framePixels(CompactFrame.of(whole[1].compact));
  assert.equal(pixel(pixels, 8 + 4, 4), SWEETIE_16[12]);
  assert.equal(pixel(pixels, 8 + 5, 4), SWEETIE_16[0]);
});

it("a runner says 'ready' before its VM draws a frame, so a frame the host names arrives whole, not counted ahead of it", async () => {
  // Before the fix, the VM was let go before 'ready' went out, and a fast cart's first frames were
  // told of ahead of it in about one run of five.
  for (let run = 0; run < 10; run++) {
    const runner = spawnRunner();
    const messages: string[] = [];
    const done = new Promise<void>((resolve) => {
      runner.onMessage((msg) => {
        messages.push(msg.type === 'compact-frame' || msg.type === 'tick' ? `${msg.type} ${msg.index}` : msg.type);
        if (msg.type === 'done' || msg.type === 'error' || msg.type === 'gone') resolve();
      });
    });
    const options: RunOptions = { deterministic: true, pacing: 'fast', maxFrames: 20, output: { pixelFrames: [1], audio: false }, compactFrames: true };
    runner.send({ type: 'start', cart: { name: 'fast.lua', code: 'function TIC() cls(1) end' }, options });
    await done;
    runner.kill();
    await runner.exited;
    assert.deepEqual(messages.slice(0, 2), ['ready', 'compact-frame 1'], `run ${run + 1}: ${messages.join(', ')}`);
  }
});

it('runHeadless composes no last frame for a caller that takes no pixels', async () => {
  const result = await run('function TIC() cls(2) end', { frames: 10, lastFramePixels: false });
  assert.equal(result.status, 'ok');
  assert.equal(result.frames, 10);
  assert.equal(result.lastFrame, undefined);
});

it('runHeadless hands onFrame only the frames it names and the last', async () => {
  const heard: number[] = [];
  const result = await run('function TIC() cls(2) end', { frames: 10, pixelFrames: [3], onFrame: (index) => heard.push(index) });
  assert.equal(result.frames, 10);
  assert.deepEqual(heard, [3, 10]);
  assert.equal(pixel(result.lastFrame, 8 + 5, 4 + 5), SWEETIE_16[2]);
});
