// `nibble export <cart> <game.html>`: one self-contained HTML file for every cart of carts/ in each
// of its formats, within the size the project promises, and clear refusals that leave no file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { EMBEDDED_IDS } from '../../runner/common/export/game-html.js';

const cli = join(process.cwd(), 'dist/runner/node/cli/cli.js');
const work = mkdtempSync(join(tmpdir(), 'nibble-export-cli-'));
/** The most a small cart's exported file may weigh (the promise). */
const MAX_EXPORT_BYTES = 1.5 * 1024 * 1024;

function nibble(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

it('every cart of carts/ (.lua, .tic, .png) exports to one HTML file of at most 1.5 MB holding all it needs', () => {
  const carts = readdirSync('carts').filter((f) => /\.(lua|tic|png)$/.test(f));
  assert.ok(carts.length >= 12);
  for (const cart of carts) {
    const html = join(work, `${cart}.html`);
    const out = nibble('export', join('carts', cart), html);
    assert.equal(out.status, 0, out.stderr);
    const size = statSync(html).size;
    assert.ok(size <= MAX_EXPORT_BYTES, `${cart}: ${size} bytes`);
    assert.match(out.stdout, new RegExp(`${cart}\\.html: ${Math.round(size / 1024)} KB`));
    const text = readFileSync(html, 'utf8');
    assert.ok(text.startsWith('<!doctype html>'));
    for (const id of Object.values(EMBEDDED_IDS)) assert.ok(text.includes(`id="${id}"`), `${cart}: #${id}`);
    // Nothing is loaded from elsewhere: no src= or href= other than the page's own data.
    assert.deepEqual(text.match(/\s(src|href)="(?!data:)[^"]*"/g), null, cart);
  }
  assert.match(readFileSync(join(work, 'hello.lua.html'), 'utf8'), /<title>Hello Nibble<\/title>/);
  assert.deepEqual(
    readdirSync(work).filter((f) => !f.endsWith('.html')),
    [],
    'no temporary file is left behind',
  );
});

it('a cart whose code is not Lua, or that cannot be read, is refused naming the file, and no file is written or replaced', () => {
  const js = join(work, 'game.lua');
  writeFileSync(js, '-- title: js game\n-- script: js\nfunction TIC() { cls(1) }\n');
  const out = nibble('export', js, join(work, 'js.html'));
  assert.equal(out.status, 1);
  assert.match(out.stderr, /game\.lua: its code is js .*Lua carts only/);
  assert.ok(!readdirSync(work).includes('js.html'));

  const notLua = join(work, 'braces.lua');
  writeFileSync(notLua, '-- title: no tag\nfunction TIC() {\n  cls(1)\n}\n');
  const syntax = nibble('export', notLua, join(work, 'braces.html'));
  assert.equal(syntax.status, 1);
  assert.match(syntax.stderr, /braces\.lua: its code is not Lua that compiles \(braces\.lua:2: .*\)/);
  assert.ok(!readdirSync(work).includes('braces.html'));

  const broken = join(work, 'broken.tic');
  writeFileSync(broken, Uint8Array.of(5, 200, 1, 0, 1, 2));
  const kept = join(work, 'kept.html');
  writeFileSync(kept, 'the old game');
  const refused = nibble('export', broken, kept);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /broken\.tic/);
  assert.equal(readFileSync(kept, 'utf8'), 'the old game', 'the old file is untouched');

  const missing = nibble('export', join(work, 'nowhere.lua'), join(work, 'nowhere.html'));
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /nowhere\.lua: no such file/);
});

it('nibble export takes a cart and an .html file, and says so', () => {
  assert.equal(nibble('export', 'carts/hello.lua').status, 2);
  const wrong = nibble('export', 'carts/hello.lua', join(work, 'hello.txt'));
  assert.equal(wrong.status, 2);
  assert.match(wrong.stderr, /name it with \.html/);
  const help = nibble('export', '--help');
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: nibble export <cart> <game\.html>/);
});
