// `nibble run` as users and scripts call it: flags, JSON fields, PNG output and exit codes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { MESSAGE_LIMITS } from '../../runner/common/protocol-validate.js';
import { readRgbaPng } from '../rgba-png.js';
import { runReport } from '../fixtures/run-report.js';

const cli = join(process.cwd(), 'dist/runner/node/cli/cli.js');
const work = mkdtempSync(join(tmpdir(), 'nibble-cli-'));

/** A run that never ends fails its test instead of hanging it. */
const RUN_TIMEOUT_MS = 60_000;

function nibble(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: RUN_TIMEOUT_MS });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function cart(name: string, code: string): string {
  const path = join(work, name);
  writeFileSync(path, code);
  return path;
}

it('--json prints one object with the contract fields, --png writes the last frame', () => {
  const png = join(work, 'out.png');
  const out = nibble('run', cart('red.lua', 'function TIC() cls(2) trace("hi") end'), '--frames', '5', '--json', '--deterministic', '--png', png);
  assert.equal(out.status, 0, out.stderr);
  const report = runReport(out.stdout);
  assert.deepEqual(Object.keys(report).sort(), ['frames', 'msPerFrame', 'sandbox', 'status', 'totalMs']);
  assert.equal(report.status, 'ok');
  assert.equal(report.frames, 5);
  assert.ok(report.totalMs > 0 && report.msPerFrame > 0);
  assert.match(out.stderr, /hi/, 'traces go to stderr with --json');
  const image = readRgbaPng(readFileSync(png));
  assert.equal(image.width, 256);
  assert.equal(image.height, 144);
  const i = (50 * 256 + 50) * 4;
  assert.deepEqual([...image.data.subarray(i, i + 4)], [0xb1, 0x3e, 0x53, 0xff]);
});

it('--json gives the median frame time from frame 61 on, for runs that reach their last frame past it', () => {
  const long = runReport(nibble('run', cart('long.lua', 'function TIC() cls(1) end'), '--frames', '61', '--json').stdout);
  assert.equal(long.status, 'ok');
  assert.ok(long.medianMsPerFrame !== undefined && long.medianMsPerFrame > 0, `medianMsPerFrame ${long.medianMsPerFrame}`);
  const short = runReport(nibble('run', cart('short.lua', 'function TIC() cls(1) end'), '--frames', '60', '--json').stdout);
  assert.equal(short.status, 'ok');
  assert.equal(short.medianMsPerFrame, undefined, 'a run of 60 frames has no frame past the warm-up');
});

it("--json says whether the runner's kernel sandbox was on, and what it was", () => {
  const out = nibble('run', cart('calm.lua', 'function TIC() end'), '--frames', '1', '--json');
  assert.equal(out.status, 0, out.stderr);
  const { sandbox } = runReport(out.stdout);
  assert.ok(sandbox, 'the JSON has no sandbox field');
  if (process.platform === 'linux' && process.arch === 'x64') {
    assert.equal(sandbox.on, true, sandbox.detail);
    assert.match(sandbox.detail, /^kernel sandbox: Landlock ABI \d+ denies all file access on \d+ threads; a seccomp filter allows \d+ system calls$/);
  } else {
    assert.deepEqual({ on: sandbox.on, detail: typeof sandbox.detail }, { on: false, detail: 'string' });
  }
});

it('a cart error gives status error, message, line and a non-zero exit', () => {
  const out = nibble('run', cart('bad.lua', 'function TIC()\n  error("boom")\nend'), '--json');
  assert.equal(out.status, 1);
  const report = runReport(out.stdout);
  assert.equal(report.status, 'error');
  assert.equal(report.line, 2);
  assert.match(report.message ?? '', /^bad\.lua:2: boom/);
});

it('--hang-ms sets when a busy frame counts as hung', () => {
  const out = nibble('run', cart('loop.lua', 'function TIC()\n  while true do end\nend'), '--json', '--hang-ms', '200');
  assert.equal(out.status, 1);
  const report = runReport(out.stdout);
  assert.equal(report.status, 'hung');
  assert.equal(report.line, 2);
});

it('--max-instructions stops the same frame of a growing cart on every run, and a cart under it runs on', () => {
  // Frame k runs k*10000 iterations of an empty numeric for: one Lua instruction each.
  const growing = cart('growing.lua', 'n = 0\nfunction TIC()\n  n = n + 1\n  for i = 1, n * 10000 do end\nend');
  const reports = [1, 2].map(() => {
    const out = nibble('run', growing, '--frames', '100', '--json', '--max-instructions', '200000', '--hang-ms', '60000');
    assert.equal(out.status, 1, out.stderr);
    return runReport(out.stdout);
  });
  for (const report of reports) {
    assert.equal(report.status, 'hung');
    assert.equal(report.frames, 20, 'frame 21 is the first to run more than 200000 instructions');
    assert.equal(report.line, 4);
    assert.equal(report.message, 'growing.lua: the cart was stopped at line 4: one frame ran more than its budget of 200000 Lua instructions');
  }
  const roomy = nibble('run', growing, '--frames', '100', '--json', '--max-instructions', '2000000');
  assert.equal(runReport(roomy.stdout).status, 'ok', roomy.stdout);
  const tooSmall = nibble('run', growing, '--max-instructions', '999');
  assert.equal(tooSmall.status, 2);
  assert.match(tooSmall.stderr, /--max-instructions needs a whole number from 1000 up, got 999/);
});

it('exit() gives status exit and exit code 0', () => {
  const out = nibble('run', cart('quit.lua', 'function TIC() exit() end'), '--json');
  assert.equal(out.status, 0);
  assert.equal(runReport(out.stdout).status, 'exit');
});

it('without --json, traces go to stdout', () => {
  const out = nibble('run', cart('hello.lua', 'function TIC() trace("hello") exit() end'));
  assert.equal(out.status, 0);
  assert.equal(out.stdout, 'hello\n');
});

it("an error message past the protocol's limit is cut, saying so, and the run ends with status error", () => {
  const out = nibble('run', cart('long-error.lua', 'function TIC()\n  error(string.rep("x", 70000))\nend'), '--json');
  assert.equal(out.status, 1, out.stderr);
  const report = runReport(out.stdout);
  assert.equal(report.status, 'error');
  assert.equal(report.line, 2);
  assert.ok((report.message ?? '').length <= MESSAGE_LIMITS.textLength, `a message of ${(report.message ?? '').length} characters`);
  assert.match(report.message ?? '', /^long-error\.lua:2: xxxxxxxxxx/);
  assert.match(report.message ?? '', /… \(cut: 70\d\d\d characters in all, over the limit of 65536\)$/);
});

it('a syntax error quoting a 70,000-character literal is cut the same way', () => {
  const out = nibble('run', cart('long-literal.lua', `x = 1\ny = "${'y'.repeat(70_000)}\n`), '--json');
  assert.equal(out.status, 1, out.stderr);
  const report = runReport(out.stdout);
  assert.equal(report.status, 'error');
  assert.equal(report.line, 2);
  assert.ok((report.message ?? '').length <= MESSAGE_LIMITS.textLength, `a message of ${(report.message ?? '').length} characters`);
  assert.match(report.message ?? '', /^long-literal\.lua:2: unfinished string near '"yyyyyyyyyy/);
  assert.match(report.message ?? '', /… \(cut: 70\d\d\d characters in all, over the limit of 65536\)$/);
});

it('control characters in traces and errors reach the terminal escaped', () => {
  const code = 'function TIC()\n  trace("\\27]0;title\\7\\27[2J\\tok\\r\\127\\194\\155")\n  error("\\27[31mred")\nend';
  const out = nibble('run', cart('terminal.lua', code));
  assert.equal(out.status, 1);
  assert.equal(out.stdout, '\\x1b]0;title\\x07\\x1b[2J\tok\\x0d\\x7f\\x9b\n');
  assert.equal(out.stderr, 'terminal.lua:3: \\x1b[31mred\n');
  const json = nibble('run', cart('terminal.lua', code), '--json');
  assert.doesNotMatch(json.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/, 'a raw control character in the JSON');
  assert.equal(runReport(json.stdout).message, 'terminal.lua:3: \u001b[31mred');
  assert.equal(json.stderr, '\\x1b]0;title\\x07\\x1b[2J\tok\\x0d\\x7f\\x9b\n');
});

it('bad usage and missing files say what is wrong', () => {
  const usage = nibble('run', '--frames', 'many', 'x.lua');
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /--frames needs a whole number/);
  const missing = nibble('run', join(work, 'nope.lua'));
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /cannot read the cart .*nope\.lua: no such file/);
});
