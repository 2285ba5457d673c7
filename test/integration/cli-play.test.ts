// `nibble play <cart>` where Electron cannot run: the web studio starts (as `npm start` would), says
// its address, and serves the cart that address's player opens; the server ends with the command.
// A cart that cannot be read is refused before anything starts.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';

const cli = join(process.cwd(), 'dist/runner/node/cli/cli.js');
/** No display: start.js serves the web studio without trying Electron. */
const env = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '', ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

it('nibble play serves the web studio with the cart preloaded, prints its address, and stops with the command', async () => {
  const port = await freePort();
  const child = spawn(process.execPath, [cli, 'play', 'carts/hello.lua'], { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        out += chunk;
        const found = /Nibble player, playing hello\.lua: (http:\/\/\S+)/.exec(out);
        if (found) resolve(found[1]);
      });
      child.once('exit', (code) => reject(new Error(`nibble play ended (${code}) before printing an address: ${out}`)));
    });
    const address = new URL(url);
    assert.equal(address.port, String(port));
    assert.equal(address.searchParams.has('play'), true);
    const cart = await fetch(new URL(`/play-cart${address.search}`, url));
    assert.equal(cart.status, 200);
    assert.deepEqual(new Uint8Array(await cart.arrayBuffer()), new Uint8Array(readFileSync('carts/hello.lua')));
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await assert.rejects(fetch(`http://127.0.0.1:${port}/`), 'the server stopped with nibble play');
});

it('nibble play refuses a cart that cannot be read, naming it', () => {
  const result = spawnSync(process.execPath, [cli, 'play', 'carts/no-such-cart.lua'], { env, encoding: 'utf8' });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /no-such-cart\.lua could not be opened to play/);
});
