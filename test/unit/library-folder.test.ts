// The desktop library's folder (electron/node): the carts of any folder, its subfolders too, the
// folder remembered; the cart the app is given to play; the start script's --play.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LibraryFolderService, listLibraryFolder } from '../../electron/node/library-folder.js';
import { cartArgument, CartsToPlay } from '../../electron/node/open-with.js';
import { parseStartArgs } from '../../electron/node/start-args.js';
import { isCartFileName } from '../../runner/common/cart-library.js';

describe('library folder', () => {
  let dir: string;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nibble-library-'));
    await mkdir(path.join(dir, 'carts', 'sub', 'a', 'b', 'c'), { recursive: true });
    await writeFile(path.join(dir, 'carts', 'one.lua'), '-- title: One\n');
    await writeFile(path.join(dir, 'carts', 'Two.TIC'), new Uint8Array([5, 0, 0, 0]));
    await writeFile(path.join(dir, 'carts', 'notes.txt'), 'no cart');
    await writeFile(path.join(dir, 'carts', '.hidden.lua'), '');
    await writeFile(path.join(dir, 'carts', 'sub', 'three.png'), new Uint8Array([0x89]));
    await writeFile(path.join(dir, 'carts', 'sub', 'a', 'b', 'c', 'deep.lua'), '');
  });

  after(() => rm(dir, { recursive: true, force: true }));

  it('lists the cart files of a folder and of its subfolders (three levels down), by name, with their bytes', async () => {
    const listing = await listLibraryFolder(path.join(dir, 'carts'));
    assert.deepEqual(
      listing.files.map((file) => path.relative(dir, file.path)),
      [path.join('carts', 'one.lua'), path.join('carts', 'sub', 'three.png'), path.join('carts', 'Two.TIC')],
    );
    const one = listing.files.find((file) => file.name === 'one.lua');
    assert.equal(new TextDecoder().decode(one?.bytes), '-- title: One\n');
    assert.equal(listing.truncated, false);
  });

  it('remembers the folder picked, and has none before one is picked or when the dialog is cancelled', async () => {
    const store = path.join(dir, 'library-folder.json');
    const service = new LibraryFolderService(store);
    assert.equal(await service.remembered(), null);
    assert.equal(await service.pick(() => Promise.resolve(undefined)), null);
    assert.equal(await service.remembered(), null);
    let offered: string | undefined = 'unset';
    const picked = await service.pick((start) => {
      offered = start;
      return Promise.resolve(path.join(dir, 'carts'));
    });
    assert.equal(offered, undefined);
    assert.equal(picked?.files.length, 3);
    const again = await new LibraryFolderService(store).remembered();
    assert.equal(again?.folder, path.join(dir, 'carts'));
    assert.equal(again?.files.length, 3);
  });

  it('tells cart files by their extension', () => {
    assert.deepEqual(['a.lua', 'b.TIC', 'c.png', 'd.txt', '.e.lua', 'f.lua.bak'].map(isCartFileName), [true, true, true, false, false, false]);
  });
});

describe('carts given to the desktop app to play', () => {
  it('takes the last cart among the arguments, resolved, and not a flag or the main script', () => {
    assert.equal(cartArgument(['/usr/bin/electron', '/app/dist/electron/electron-main/main.js']), null);
    assert.equal(cartArgument(['/usr/bin/electron', 'main.js', '--no-sandbox', '/home/me/game.tic']), '/home/me/game.tic');
    assert.equal(cartArgument(['nibble', 'a.lua', 'b.png']), path.resolve('b.png'));
    assert.equal(cartArgument(['nibble', '--play=x.lua']), null);
  });

  it('hands a cart over once, read', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'nibble-play-'));
    try {
      const file = path.join(dir, 'g.lua');
      await writeFile(file, 'cls()');
      const carts = new CartsToPlay();
      assert.equal(await carts.take(), null);
      carts.offer(file);
      const taken = await carts.take();
      assert.equal(taken?.name, 'g.lua');
      assert.equal(new TextDecoder().decode(taken?.bytes), 'cls()');
      assert.equal(await carts.take(), null);
      carts.offer(path.join(dir, 'missing.lua'));
      await assert.rejects(carts.take(), /missing\.lua could not be opened to play/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the start script takes --web and --play CART, and nothing else', () => {
    assert.deepEqual(parseStartArgs([]), { web: false, play: undefined });
    assert.deepEqual(parseStartArgs(['--web', '--play', 'g.lua']), { web: true, play: 'g.lua' });
    assert.throws(() => parseStartArgs(['--play']), /--play needs the cart/);
    assert.throws(() => parseStartArgs(['--play', '--web']), /--play needs the cart/);
    assert.throws(() => parseStartArgs(['--wat']), /unknown argument "--wat"/);
  });
});
