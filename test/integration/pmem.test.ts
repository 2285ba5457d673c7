// Persistent memory across runs, through real runner processes: kept per pmem key in a storage as
// the studio keeps it in localStorage, and in a file with `nibble run --pmem`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { cartSourceOf, readTextCart, type Cart } from '../../runner/common/cart/index.js';
import { pmemKeyOf } from '../../runner/common/pmem/pmem-key.js';
import { pmemSlot, type KeyValueStorage } from '../../runner/common/pmem/pmem-store.js';
import { runHeadless } from '../../runner/node/headless-run.js';
import { runReport } from '../fixtures/run-report.js';

/** A cart that reports pmem(0) as it starts, then adds `step` to it. */
function counterCart(name: string, step: number, header = '', tiles = ''): Cart {
  const code = `${header}function BOOT()\n  trace("pmem0=" .. pmem(0))\n  pmem(0, pmem(0) + ${step})\nend\nfunction TIC() end\n`;
  const data = tiles ? `\n-- <TILES>\n-- 001:${tiles}\n-- </TILES>\n` : '';
  return readTextCart(code + data, name);
}

class MapStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

/** One run as the studio does it: pmem from the cart's slot, every change saved back. Returns what BOOT saw. */
async function runOnce(storage: KeyValueStorage, cart: Cart, name: string): Promise<number> {
  const slot = pmemSlot(storage, pmemKeyOf(cart));
  const traces: string[] = [];
  const result = await runHeadless(cartSourceOf(cart, name), {
    frames: 2,
    deterministic: true,
    hangMs: 5000,
    ...(slot.initial ? { pmem: slot.initial } : {}),
    onPmem: (bytes) => assert.ok(slot.save(bytes)),
    onTrace: (text) => traces.push(text),
  });
  assert.equal(result.status, 'ok', result.message);
  const seen = traces.find((t) => t.startsWith('pmem0='));
  assert.ok(seen, `no pmem trace from ${name}`);
  return Number(seen.slice('pmem0='.length));
}

const GRASS = '6666666656565656447444744444444447444744444444444447444444444444';
const BRICK = '333333333eeeeee33e3333e33e3ee3e33e3ee3e33e3333e33eeeeee333333333';

it("a cart keeps its pmem between runs, and never reads another cart's", async () => {
  const storage = new MapStorage();
  const first = counterCart('first.lua', 1, '', GRASS);
  assert.equal(await runOnce(storage, first, 'first.lua'), 0);
  assert.equal(await runOnce(storage, first, 'first.lua'), 1, "the second run sees the first run's write");
  assert.equal(await runOnce(storage, first, 'first.lua'), 2);

  // Same code, other bank-0 data: another key, so a fresh pmem.
  const other = counterCart('other.lua', 100, '', BRICK);
  assert.equal(await runOnce(storage, other, 'other.lua'), 0);
  assert.equal(await runOnce(storage, first, 'first.lua'), 3, "the other cart did not touch the first one's pmem");
  assert.equal(storage.items.size, 2);
});

it('carts with the same saveid share pmem whatever their code and data', async () => {
  const storage = new MapStorage();
  const writer = counterCart('writer.lua', 7, '-- saveid: shared-save\n', GRASS);
  const reader = counterCart('reader.lua', 0, '-- title: reader\n-- saveid: shared-save\n', BRICK);
  const stranger = counterCart('stranger.lua', 0, '-- saveid: other-save\n', GRASS);
  assert.equal(await runOnce(storage, writer, 'writer.lua'), 0);
  assert.equal(await runOnce(storage, reader, 'reader.lua'), 7);
  assert.equal(await runOnce(storage, stranger, 'stranger.lua'), 0, 'another saveid, another pmem, even with the same data');
});

it('without a saveid, the key ignores the code (quirk 7): same bank-0 data, same pmem', async () => {
  const storage = new MapStorage();
  assert.equal(await runOnce(storage, counterCart('a.lua', 5, '', GRASS), 'a.lua'), 0);
  assert.equal(await runOnce(storage, counterCart('b.lua', 0, '-- another cart\n', GRASS), 'b.lua'), 5);
});

it('pmem written by poke and by TIC in later frames is reported too', async () => {
  const cart = readTextCart('function TIC()\n  if time() > 30 then poke(0x14004 + 1023, 42) end\nend\n', 'late.lua');
  const reports: Uint8Array[] = [];
  const result = await runHeadless(cartSourceOf(cart, 'late.lua'), { frames: 10, deterministic: true, hangMs: 5000, onPmem: (bytes) => reports.push(bytes) });
  assert.equal(result.status, 'ok');
  assert.equal(reports.length, 1, 'one report: the frame that changed it');
  assert.equal(reports[0][1023], 42);
});

const cli = join(process.cwd(), 'dist/runner/node/cli/cli.js');
const work = mkdtempSync(join(tmpdir(), 'nibble-pmem-'));

function nibble(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

it('nibble run --pmem FILE loads pmem from the file and writes every change back', () => {
  const cart = join(work, 'counter.lua');
  writeFileSync(cart, 'function BOOT()\n  trace("runs " .. pmem(0))\n  pmem(0, pmem(0) + 1)\n  pmem(255, 0xdeadbeef)\nend\nfunction TIC() end\n');
  const file = join(work, 'counter.pmem');
  assert.equal(existsSync(file), false);
  const first = nibble('run', cart, '--frames', '1', '--pmem', file);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /runs 0/);
  const second = nibble('run', cart, '--frames', '1', '--pmem', file, '--json');
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stderr, /runs 1/);
  assert.deepEqual(Object.keys(runReport(second.stdout)).sort(), ['frames', 'msPerFrame', 'sandbox', 'status', 'totalMs'], '--pmem adds nothing to the JSON');
  const bytes = readFileSync(file);
  assert.equal(bytes.length, 1024);
  assert.equal(bytes.readUInt32LE(0), 2, 'slot 0 is a little-endian u32');
  assert.equal(bytes.readUInt32LE(1020), 0xdeadbeef);
});

it('nibble run --pmem refuses a file that is not 1024 bytes, and needs a file name', () => {
  const cart = join(work, 'plain.lua');
  writeFileSync(cart, 'function TIC() end');
  const file = join(work, 'short.pmem');
  writeFileSync(file, new Uint8Array(10));
  const out = nibble('run', cart, '--pmem', file);
  assert.equal(out.status, 1);
  assert.match(out.stderr, /short\.pmem: a pmem file holds exactly 1024 bytes, this one has 10/);
  assert.equal(readFileSync(file).length, 10, 'the file is left as it was');
  const usage = nibble('run', cart, '--pmem');
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /--pmem needs a file name/);
});
