// The desktop app's autosave without Electron: the file format, what main accepts from a page,
// and the durable write (a temporary file flushed, then renamed, then the folder flushed), watched
// through the system calls it makes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { emptyCart, type Cart } from '../../runner/common/cart/index.js';
import { AUTOSAVE_FILE_NAME, AutosaveFile, decodeAutosave, encodeAutosave, parseAutosavedCart, type AutosavedCart } from '../../electron/node/autosave-file.js';
import { writeFileDurably } from '../../runner/node/durable-file.js';

function workDir(): string {
  return mkdtempSync(join(tmpdir(), 'nibble-autosave-'));
}

function sampleCart(): Cart {
  const cart = emptyCart();
  cart.code = 'function TIC()\n  cls(3) -- ünïcode\nend\n-- <b>a line a text cart would read as data</b>\n';
  cart.banks[0].tiles[5] = 0x42;
  cart.banks[7].map[32639] = 0x99;
  cart.binary = new Uint8Array([0, 97, 115, 109]);
  cart.lang = 7;
  return cart;
}

const sampleDoc = (): AutosavedCart => ({
  cart: sampleCart(),
  name: 'game.lua',
  location: '/home/me/game.lua',
  dirty: true,
  fromElsewhere: true,
  sourceHash: '0f'.repeat(32),
});

it('an autosave file gives back the whole cart: code, every bank, binary, language id, name, place, unsaved flag and where it came from', () => {
  const doc = sampleDoc();
  assert.deepEqual(decodeAutosave(encodeAutosave(doc)), doc);
  const clean = { ...doc, location: null, dirty: false };
  assert.deepEqual(decodeAutosave(encodeAutosave(clean)), clean);
});

it('a truncated, padded or foreign file is not read as an autosave', () => {
  const bytes = encodeAutosave(sampleDoc());
  assert.equal(decodeAutosave(bytes.subarray(0, bytes.length - 1)), null);
  assert.equal(decodeAutosave(new Uint8Array([...bytes, 0])), null);
  assert.equal(decodeAutosave(new TextEncoder().encode('{"format":"something else"}\n')), null);
  assert.equal(decodeAutosave(new Uint8Array(0)), null);
});

it('main accepts only a whole cart with a name, a place or null, and an unsaved flag', () => {
  const doc = sampleDoc();
  assert.deepEqual(parseAutosavedCart(doc), doc);
  assert.equal(parseAutosavedCart(null), null);
  assert.equal(parseAutosavedCart({ ...doc, dirty: 'yes' }), null);
  assert.equal(parseAutosavedCart({ ...doc, name: 7 }), null);
  assert.equal(parseAutosavedCart({ ...doc, location: 'a\0b' }), null);
  assert.equal(parseAutosavedCart({ ...doc, sourceHash: 'not a digest' }), null);
  const own: AutosavedCart = { cart: doc.cart, name: doc.name, location: doc.location, dirty: doc.dirty, fromElsewhere: false };
  assert.deepEqual(decodeAutosave(encodeAutosave(own)), own, "the studio's own cart, with no source hash");
  assert.equal(parseAutosavedCart({ ...doc, cart: { ...doc.cart, banks: doc.cart.banks.slice(1) } }), null);
  const shortMap = { ...doc.cart.banks[0], map: new Uint8Array(3) };
  assert.equal(parseAutosavedCart({ ...doc, cart: { ...doc.cart, banks: [shortMap, ...doc.cart.banks.slice(1)] } }), null);
});

it('AutosaveFile keeps the last of several saves, leaves no temporary file, and reads nothing before the first', async () => {
  const dir = workDir();
  try {
    const file = new AutosaveFile(join(dir, 'data'));
    assert.equal(await file.load(), null);
    const docs = [1, 2, 3].map((n) => ({ ...sampleDoc(), name: `v${n}.lua` }));
    await Promise.all(docs.map((doc) => file.save(doc)));
    assert.deepEqual(await file.load(), docs[2]);
    assert.deepEqual(readdirSync(join(dir, 'data')), [AUTOSAVE_FILE_NAME]);
    writeFileSync(join(dir, 'data', AUTOSAVE_FILE_NAME), 'not an autosave');
    await assert.rejects(file.load(), /autosave\.nibble is damaged or from another version; the next edit replaces it/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('a write that fails leaves the old file whole and no temporary file behind', async () => {
  const dir = workDir();
  try {
    const target = join(dir, 'cart');
    writeFileSync(target, 'old');
    await writeFileDurably(target, new TextEncoder().encode('new'));
    assert.equal(readFileSync(target, 'utf8'), 'new');
    // A folder where the file should be: the rename over it fails.
    const blocked = join(dir, 'blocked');
    mkdirSync(join(blocked, 'inside'), { recursive: true });
    await assert.rejects(writeFileDurably(blocked, new TextEncoder().encode('x')));
    assert.deepEqual(readdirSync(dir).sort(), ['blocked', 'cart']);
    assert.deepEqual(readdirSync(blocked), ['inside']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const STRACE = '/usr/bin/strace';

/**
 * strace's lines, each call whole and in the order the calls finished: a call another thread
 * interrupted is printed as "... <unfinished ...>" and later "<... name resumed>...", joined here.
 */
function straceCalls(output: string): string[] {
  const unfinished = new Map<string, string>();
  const calls: string[] = [];
  for (const raw of output.split('\n')) {
    const [, pid = '', line = raw] = /^(?:\[pid\s+(\d+)\] )?(.*)$/.exec(raw) ?? [];
    const started = /^(.*) <unfinished \.\.\.>$/.exec(line);
    if (started) {
      unfinished.set(pid, started[1]);
      continue;
    }
    const resumed = /^<\.\.\. \w+ resumed>(.*)$/.exec(line);
    if (resumed) {
      calls.push((unfinished.get(pid) ?? '') + resumed[1]);
      unfinished.delete(pid);
    } else calls.push(line);
  }
  return calls;
}

it(
  'the durable write flushes the temporary file, renames it over the old one, then flushes the folder',
  { skip: !existsSync(STRACE) && 'strace is not installed' },
  () => {
    const dir = workDir();
    try {
      const target = join(dir, 'cart.nibble');
      writeFileSync(target, 'old');
      const module = fileURLToPath(new URL('../../runner/node/durable-file.js', import.meta.url));
      const script = `import(${JSON.stringify(module)}).then((m) => m.writeFileDurably(${JSON.stringify(target)}, new TextEncoder().encode('new')))`;
      const run = spawnSync(
        STRACE,
        ['-f', '-qq', '-e', 'trace=openat,fsync,fdatasync,rename,renameat,renameat2', '-e', 'signal=none', process.execPath, '-e', script],
        { encoding: 'utf8' },
      );
      assert.equal(run.status, 0, run.stderr);
      assert.equal(readFileSync(target, 'utf8'), 'new');
      // Only the calls that name the work folder or flush a descriptor opened there.
      const fds = new Map<string, string>();
      const steps: string[] = [];
      for (const line of straceCalls(run.stderr)) {
        const opened = /openat\(AT_FDCWD, "([^"]+)".* = (\d+)$/.exec(line);
        if (opened && opened[1].startsWith(dir)) fds.set(opened[2], opened[1] === dir ? 'folder' : opened[1].endsWith('.tmp') ? 'temporary' : opened[1]);
        const synced = /f(?:data)?sync\((\d+)\)/.exec(line);
        if (synced && fds.has(synced[1])) steps.push(`fsync ${fds.get(synced[1])}`);
        if (opened && opened[1].startsWith(dir)) steps.push(`open ${fds.get(opened[2])}`);
        if (/rename(?:at2?)?\(.*\.tmp".*cart\.nibble"/.test(line)) steps.push('rename');
      }
      assert.deepEqual(steps, ['open temporary', 'fsync temporary', 'rename', 'open folder', 'fsync folder']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
