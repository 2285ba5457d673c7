// The desktop app's cart file I/O without Electron: dialogs are stand-ins that answer as a user
// would, and the files are real ones in a temporary folder.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { MAX_CART_FILE_BYTES, parseSaveTargetRequest, parseWriteRequest } from '../../electron/node/cart-file-ipc.js';
import { CartFileService, withCartExtension, type CartDialogs } from '../../electron/node/cart-file-service.js';
import { MAX_RECENT_CARTS, RecentCarts } from '../../electron/node/recent-carts.js';

function workDir(): string {
  return mkdtempSync(join(tmpdir(), 'nibble-files-'));
}

/** Dialogs that answer with the given paths in turn (undefined: the user cancelled) and note what they were shown. */
function scriptedDialogs(...answers: (string | undefined)[]): CartDialogs & { shown: string[] } {
  const shown: string[] = [];
  const next = () => {
    assert.ok(answers.length > 0, 'a dialog opened that the test did not expect');
    return answers.shift();
  };
  return {
    shown,
    pickOpen: (folder) => {
      shown.push(`open in ${folder}`);
      return Promise.resolve(next());
    },
    pickSave: (defaultPath) => {
      shown.push(`save as ${defaultPath}`);
      return Promise.resolve(next());
    },
  };
}

const NO_DIALOG = scriptedDialogs();

it('open reads the file the user picked and puts it on the recent list', async () => {
  const dir = workDir();
  const cart = join(dir, 'game.tic');
  writeFileSync(cart, Uint8Array.of(1, 2, 3));
  const recent = new RecentCarts(join(dir, 'recent.json'));
  const files = new CartFileService(recent, dir);
  const dialogs = scriptedDialogs(cart);
  const opened = await files.open(dialogs);
  assert.deepEqual(opened, { name: 'game.tic', path: cart, bytes: Uint8Array.of(1, 2, 3) });
  assert.deepEqual(dialogs.shown, [`open in ${dir}`]);
  assert.deepEqual(files.recent(), [{ name: 'game.tic', path: cart }]);
  assert.equal(await files.open(scriptedDialogs(undefined)), null, 'cancelled');
});

it('Save writes back to the opened file without asking; Save As and a renamed cart ask', async () => {
  const dir = workDir();
  const cart = join(dir, 'game.lua');
  writeFileSync(cart, 'old');
  const files = new CartFileService(new RecentCarts(join(dir, 'recent.json')), dir);
  await files.open(scriptedDialogs(cart));

  const same = await files.saveTarget(NO_DIALOG, { name: 'game.lua', currentPath: cart, saveAs: false });
  assert.deepEqual(same, { name: 'game.lua', path: cart });
  await files.write({ path: cart, bytes: new TextEncoder().encode('new') });
  assert.equal(readFileSync(cart, 'utf8'), 'new');

  const elsewhere = join(dir, 'copy.png');
  const saveAs = scriptedDialogs(elsewhere);
  assert.deepEqual(await files.saveTarget(saveAs, { name: 'game.lua', currentPath: cart, saveAs: true }), { name: 'copy.png', path: elsewhere });
  assert.deepEqual(saveAs.shown, [`save as ${cart}`]);

  const renamed = scriptedDialogs(undefined);
  assert.equal(await files.saveTarget(renamed, { name: 'game.tic', currentPath: cart, saveAs: false }), null);
  assert.deepEqual(renamed.shown, [`save as ${join(dir, 'game.tic')}`], 'suggested next to the old file, under the new name');
});

it('a new cart is saved where the user picks; a name without a cart extension keeps the suggested one', async () => {
  const dir = workDir();
  const files = new CartFileService(new RecentCarts(join(dir, 'recent.json')), dir);
  const dialogs = scriptedDialogs(join(dir, 'mine'));
  const target = await files.saveTarget(dialogs, { name: 'cart.png', currentPath: null, saveAs: false });
  assert.deepEqual(target, { name: 'mine.png', path: join(dir, 'mine.png') });
  assert.deepEqual(dialogs.shown, [`save as ${join(dir, 'cart.png')}`]);
  await files.write({ path: target.path, bytes: Uint8Array.of(9) });
  assert.deepEqual(
    files.recent().map((r) => r.name),
    ['mine.png'],
  );
  assert.equal(withCartExtension('/x/a.TIC', 'b.lua'), '/x/a.TIC');
  assert.equal(withCartExtension('/x/a.txt', 'b.tic'), '/x/a.txt.tic');
  assert.equal(withCartExtension('/x/a', 'b'), '/x/a.lua');
});

it('nothing is written where the user did not choose, and only recent carts reopen by path', async () => {
  const dir = workDir();
  const files = new CartFileService(new RecentCarts(join(dir, 'recent.json')), dir);
  const target = join(dir, 'evil.lua');
  await assert.rejects(files.write({ path: target, bytes: Uint8Array.of(1) }), /writes only where you chose to save/);
  assert.equal(existsSync(target), false);
  writeFileSync(target, 'x');
  await assert.rejects(files.openRecent(target), /is not one of the recent carts/);
  const dialogs = scriptedDialogs(join(dir, 'elsewhere.lua'));
  const denied = await files.saveTarget(dialogs, { name: 'evil.lua', currentPath: target, saveAs: false });
  assert.deepEqual(dialogs.shown, [`save as ${target}`], 'a path the user never chose is only a suggestion');
  assert.equal(denied?.path, join(dir, 'elsewhere.lua'));
});

it('recent carts persist across app starts, newest first, at most ten, and a missing one leaves the list', async () => {
  const dir = workDir();
  const list = join(dir, 'recent.json');
  const paths = Array.from({ length: MAX_RECENT_CARTS + 2 }, (_, i) => join(dir, `c${i}.lua`));
  for (const p of paths) writeFileSync(p, `-- ${p}`);
  const first = new CartFileService(new RecentCarts(list), dir);
  for (const p of paths) await first.open(scriptedDialogs(p));
  await first.open(scriptedDialogs(paths[5]));

  const again = new CartFileService(new RecentCarts(list), dir);
  const names = again.recent().map((r) => r.name);
  assert.equal(names.length, MAX_RECENT_CARTS);
  assert.deepEqual(names.slice(0, 3), ['c5.lua', 'c11.lua', 'c10.lua']);
  assert.ok(!names.includes('c0.lua') && !names.includes('c1.lua'));

  const reopened = await again.openRecent(paths[7]);
  assert.equal(new TextDecoder().decode(reopened.bytes), `-- ${paths[7]}`);
  assert.deepEqual(
    await again.saveTarget(NO_DIALOG, { name: 'c7.lua', currentPath: paths[7], saveAs: false }),
    { name: 'c7.lua', path: paths[7] },
    'a recent cart saves in place',
  );

  const gone = paths[10];
  rmSync(gone);
  await assert.rejects(again.openRecent(gone), new RegExp(`cannot open .*c10\\.lua: no such file`));
  assert.ok(!again.recent().some((r) => r.path === gone));
});

it('a broken recent list is an empty one, and folders or huge files are refused', async () => {
  const dir = workDir();
  const list = join(dir, 'recent.json');
  writeFileSync(list, '{ not json');
  assert.deepEqual(new RecentCarts(list).list(), []);
  writeFileSync(list, JSON.stringify(['relative.lua', 3, join(dir, 'a.lua')]));
  assert.deepEqual(new RecentCarts(list).list(), [{ name: 'a.lua', path: join(dir, 'a.lua') }]);

  const files = new CartFileService(new RecentCarts(list), dir);
  const folder = join(dir, 'folder.lua');
  mkdirSync(folder);
  await assert.rejects(files.open(scriptedDialogs(folder)), /folder\.lua: it is a folder/);
  const huge = join(dir, 'huge.tic');
  writeFileSync(huge, new Uint8Array(MAX_CART_FILE_BYTES + 1));
  await assert.rejects(files.open(scriptedDialogs(huge)), /a cart file is at most/);
});

it('IPC arguments are checked: bare file names, real paths, byte arrays, booleans', () => {
  assert.deepEqual(parseSaveTargetRequest('a.lua', null, false), { name: 'a.lua', currentPath: null, saveAs: false });
  assert.deepEqual(parseSaveTargetRequest('a.lua', '/x/a.lua', true), { name: 'a.lua', currentPath: '/x/a.lua', saveAs: true });
  for (const bad of [
    ['../a.lua', null, false],
    ['x/a.lua', null, false],
    ['', null, false],
    ['a\0.lua', null, false],
    ['a.lua', 3, false],
    ['a.lua', '', false],
    ['a.lua', null, 'yes'],
    [{ toString: () => 'a.lua' }, null, false],
  ]) {
    assert.equal(parseSaveTargetRequest(bad[0], bad[1], bad[2]), null, JSON.stringify(bad));
  }
  const bytes = Uint8Array.of(1, 2);
  const parsed = parseWriteRequest('/x/a.tic', bytes);
  assert.deepEqual(parsed, { path: '/x/a.tic', bytes });
  assert.notEqual(parsed?.bytes, bytes, 'the bytes are copied');
  assert.equal(parseWriteRequest('/x/a.tic', [1, 2]), null);
  assert.equal(parseWriteRequest('/x/a.tic', new Uint8Array(MAX_CART_FILE_BYTES + 1)), null);
  assert.equal(parseWriteRequest(null, bytes), null);
});
