// Code past the 65,536 bytes TIC-80's code editor takes: TIC-80 itself still loads and runs it (so
// Nibble saves it), and `nibble convert` says on stderr what TIC-80 will make of it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { emptyCart, readCart, writePngCart, writeTicCart } from '../../runner/common/cart/index.js';
import { runTic80, tic80Absent } from '../tic80-native.js';

const cli = join(process.cwd(), 'dist/runner/node/cli/cli.js');
const work = mkdtempSync(join(tmpdir(), 'nibble-code-size-'));

/** A cart of `bytes` bytes of code whose last line traces, so a run shows all of it was loaded. */
function longCode(bytes: number): string {
  const head = '-- script: lua\nfunction TIC() exit() end\n';
  const tail = '\ntrace("last line")\n';
  return head + '-'.repeat(bytes - head.length - tail.length) + tail;
}

it('nibble convert writes a cart with code past 65,536 bytes whole, and says so on stderr', () => {
  const input = join(work, 'long.lua');
  const code = longCode(70000);
  writeFileSync(input, code);
  const output = join(work, 'long.tic');
  const out = spawnSync(process.execPath, [cli, 'convert', input, output], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  assert.equal(readCart(readFileSync(output), 'long.tic').code, code);
  assert.match(
    out.stderr,
    /^nibble: long\.tic: the code is 70,000 bytes, over the 65,536 that TIC-80's code editor takes\. TIC-80 loads and runs the cart, but /,
  );
  const atLimit = join(work, 'short.lua');
  writeFileSync(atLimit, longCode(65536));
  const short = spawnSync(process.execPath, [cli, 'convert', atLimit, join(work, 'short.tic')], { encoding: 'utf8' });
  assert.equal(short.status, 0, short.stderr);
  assert.equal(short.stderr, '', 'at 65,536 bytes, nothing to say');
});

it('TIC-80 loads and runs code past 65,536 bytes from .tic and .png carts, to its last line', { skip: tic80Absent }, () => {
  const cart = emptyCart();
  cart.code = longCode(200000);
  for (const [name, bytes] of [
    ['long.tic', writeTicCart(cart, 'long.tic')],
    ['long.png', writePngCart(cart, 'long.png')],
  ] as const) {
    const run = runTic80(bytes, name, 1);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(run.traces, ['last line'], name);
  }
});
