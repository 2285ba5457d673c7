// `nibble convert <in> <out>`: converts carts by extension, and says clearly what it cannot do.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { runReport } from '../fixtures/run-report.js';

const cli = join(process.cwd(), 'dist/runner/node/cli/cli.js');
const work = mkdtempSync(join(tmpdir(), 'nibble-convert-'));
const sprites = join(process.cwd(), 'carts/sprites.lua');

function nibble(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

it('a cart converted .lua -> .tic -> .png -> .lua keeps all its data, and each step runs', () => {
  const tic = join(work, 'sprites.tic');
  const png = join(work, 'sprites.png');
  const lua = join(work, 'sprites.lua');
  for (const [from, to] of [
    [sprites, tic],
    [tic, png],
    [png, lua],
  ]) {
    const out = nibble('convert', from, to);
    assert.equal(out.status, 0, out.stderr);
    assert.equal(out.stdout + out.stderr, '');
  }
  // sprites.lua has a palette but no waveforms, so its .tic starts with a 48-byte PALETTE chunk.
  assert.deepEqual([...readFileSync(tic).subarray(0, 4)], [12, 48, 0, 0]);
  assert.equal(readFileSync(png).subarray(1, 4).toString(), 'PNG');
  // The original has no blank line after its last section; TIC-80's writer adds one.
  assert.equal(readFileSync(lua, 'utf8'), `${readFileSync(sprites, 'utf8')}\n`);
  for (const file of [tic, png]) {
    const run = nibble('run', file, '--frames', '2', '--json', '--deterministic');
    assert.equal(run.status, 0, run.stderr);
    assert.equal(runReport(run.stdout).status, 'ok');
  }
});

it('unknown extensions, damaged carts and bad usage get clear errors', () => {
  const unknownOut = nibble('convert', sprites, join(work, 'sprites.gif'));
  assert.equal(unknownOut.status, 1);
  assert.match(unknownOut.stderr, /^nibble: sprites\.gif: unknown cart extension "\.gif": carts are \.lua \(text\), \.tic or \.png files\n$/);
  const noExtension = nibble('convert', sprites, join(work, 'sprites'));
  assert.match(noExtension.stderr, /sprites: no file extension: carts are \.lua \(text\), \.tic or \.png files/);
  const text = join(work, 'notes.txt');
  writeFileSync(text, 'hello');
  assert.match(nibble('convert', text, join(work, 'x.tic')).stderr, /^nibble: notes\.txt: unknown cart extension "\.txt"/);
  const broken = join(work, 'broken.lua');
  writeFileSync(broken, 'x = 1\n-- <MAP>\n-- 000:12\n-- </MAP>\n');
  const brokenOut = nibble('convert', broken, join(work, 'broken.tic'));
  assert.equal(brokenOut.status, 1);
  assert.match(brokenOut.stderr, /^nibble: broken\.lua: line 3: <MAP> row 000 has 2 hex digits, expected 480\n$/);
  const runBroken = nibble('run', broken, '--json');
  assert.equal(runBroken.status, 1);
  assert.match(runBroken.stderr, /broken\.lua: line 3/);
  const missing = nibble('convert', join(work, 'nope.tic'), join(work, 'x.lua'));
  assert.match(missing.stderr, /cannot read the cart .*nope\.tic: no such file/);
  const usage = nibble('convert', sprites);
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /nibble convert needs an input and an output file, got 1 argument/);
});
