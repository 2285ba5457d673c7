// The web fallback's HTTP side: static files, headers, and who may open a runner socket.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { WebSocket } from 'ws';
import { startWebServer, type WebServer } from '../../electron/node/web-server.js';
import { runnerSocketAddress, runnerToken } from '../fixtures/runner-socket.js';

const INDEX_HTML = '<!doctype html><title>studio</title>';
const SECRET = 'outside the root';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with a path sent exactly as given (fetch would normalise "..") and chosen headers. */
function rawGet(port: number, requestPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: requestPath, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.once('error', reject);
    req.end();
  });
}

interface SocketRequest {
  origin?: string;
  host?: string;
  cookie?: string;
  /** The runner token in the socket's address; null for none. */
  token: string | null;
}

/** Opens a runner socket; resolves 'open', or the HTTP status the server refused it with. */
function tryRunnerSocket(server: WebServer, request: SocketRequest): Promise<'open' | number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(runnerSocketAddress(server.url, request.token), {
      ...(request.origin === undefined ? {} : { origin: request.origin }),
      headers: {
        ...(request.host === undefined ? {} : { host: request.host }),
        ...(request.cookie === undefined ? {} : { cookie: request.cookie }),
      },
    });
    socket.once('open', () => {
      socket.terminate();
      resolve('open');
    });
    socket.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', reject);
  });
}

/** The name=value of the cookie a server sets for its own address (with its token). */
async function cookieFrom(serverUrl: string): Promise<string | undefined> {
  const response = await fetch(serverUrl);
  await response.arrayBuffer();
  return response.headers.get('set-cookie')?.split(';')[0];
}

describe('web fallback server', () => {
  let tempDir: string;
  let server: WebServer;
  const logged: string[] = [];

  before(async () => {
    tempDir = await mkdtemp(path.join(tmpdir(), 'nibble-web-'));
    const root = path.join(tempDir, 'root');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), INDEX_HTML);
    await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1);');
    await writeFile(path.join(root, 'assets', 'app.css'), 'body{}');
    await writeFile(path.join(root, 'assets', 'glue.wasm'), new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
    await writeFile(path.join(root, 'assets', 'font.ttf'), new Uint8Array([0, 1, 0, 0]));
    await writeFile(path.join(tempDir, 'secret.txt'), SECRET);
    await symlink(path.join(tempDir, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
    server = await startWebServer({ port: 0, rootDir: root, log: (line) => logged.push(line) });
  });

  after(async () => {
    await server.close();
    await rm(tempDir, { recursive: true, force: true });
  });

  it('serves index.html at / with a strict Content-Security-Policy', async () => {
    const response = await fetch(server.url);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(await response.text(), INDEX_HTML);

    const csp = response.headers.get('content-security-policy') ?? '';
    const directives = new Map(
      csp.split(';').map((part) => {
        const [name = '', ...values] = part.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    assert.deepEqual(directives.get('default-src'), ["'self'"]);
    assert.deepEqual(directives.get('script-src'), ["'self'", "'wasm-unsafe-eval'"]);
    assert.deepEqual(directives.get('object-src'), ["'none'"]);
    assert.deepEqual(directives.get('frame-ancestors'), ["'none'"]);
    assert.deepEqual(directives.get('connect-src'), ["'self'", `ws://127.0.0.1:${server.port}`]);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('cross-origin-opener-policy'), 'same-origin');
  });

  it('labels scripts, styles, wasm and fonts with their MIME types', async () => {
    const expected: [string, string][] = [
      ['/assets/app.js', 'text/javascript; charset=utf-8'],
      ['/assets/app.css', 'text/css; charset=utf-8'],
      ['/assets/glue.wasm', 'application/wasm'],
      ['/assets/font.ttf', 'font/ttf'],
    ];
    for (const [file, type] of expected) {
      const response = await fetch(new URL(file, server.url));
      assert.equal(response.status, 200, file);
      assert.equal(response.headers.get('content-type'), type, file);
      await response.arrayBuffer();
    }
  });

  it('answers 404 for a missing file and 405 for other methods', async () => {
    assert.equal((await rawGet(server.port, '/nope.js')).status, 404);
    const post = await rawGet(server.port, '/index.html', {}, 'POST');
    assert.equal(post.status, 405);
    assert.equal(post.headers['allow'], 'GET, HEAD');
  });

  it('never serves a file outside its root', async () => {
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/link.txt',
      '/%00../secret.txt',
    ];
    for (const attempt of attempts) {
      const response = await rawGet(server.port, attempt);
      assert.ok(response.status === 400 || response.status === 404, `${attempt} answered ${response.status}`);
      assert.ok(!response.body.includes(SECRET), attempt);
    }
  });

  it('refuses requests that name another host (DNS rebinding)', async () => {
    const response = await rawGet(server.port, '/index.html', { host: `attacker.example:${server.port}` });
    assert.equal(response.status, 421);
    assert.ok(!response.body.includes('studio'));
  });

  it('refuses runner sockets from other origins, or without one', async () => {
    const token = runnerToken(server.url);
    assert.equal(await tryRunnerSocket(server, { token, origin: 'http://attacker.example' }), 403);
    assert.equal(await tryRunnerSocket(server, { token, origin: `http://localhost:${server.port + 1}` }), 403);
    assert.equal(await tryRunnerSocket(server, { token }), 403);
    assert.equal(await tryRunnerSocket(server, { token, origin: `http://attacker.example:${server.port}`, host: `attacker.example:${server.port}` }), 421);
    assert.ok(logged.some((line) => line.includes('attacker.example')));
    assert.deepEqual(server.runnerPids(), []);
  });

  it("refuses runner sockets without the server's token, or with a wrong one or another server's", async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    const other = await startWebServer({ port: 0, rootDir: tempDir, log: () => {} });
    try {
      const token = runnerToken(server.url);
      const otherToken = runnerToken(other.url);
      assert.ok(token && otherToken && token !== otherToken);
      assert.equal(Buffer.from(token, 'base64url').length, 32);
      const otherCookie = (await cookieFrom(other.url))?.replace(`-${other.port}=`, `-${server.port}=`);

      const before = logged.length;
      for (const attempt of [
        { token: null },
        { token: '' },
        { token: `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}` },
        { token: token.slice(0, -1) },
        { token: otherToken },
        { token: null, cookie: `nibble-token-${server.port}=${otherToken}` },
        { token: null, cookie: otherCookie },
      ]) {
        assert.equal(await tryRunnerSocket(server, { ...attempt, origin }), 403, JSON.stringify(attempt));
      }
      assert.equal(logged.slice(before).filter((line) => line.includes('without the runner token')).length, 7);
      assert.deepEqual(server.runnerPids(), []);
    } finally {
      await other.close();
    }
  });

  it('gives the token back as an HttpOnly, SameSite=Strict cookie only to an address that carries it', async () => {
    const cookie = (await rawGet(server.port, `/${new URL(server.url).search}`)).headers['set-cookie'];
    assert.deepEqual(cookie, [`nibble-token-${server.port}=${runnerToken(server.url)}; HttpOnly; SameSite=Strict; Path=/`]);
    assert.equal((await rawGet(server.port, '/')).headers['set-cookie'], undefined);
    assert.equal((await rawGet(server.port, '/?token=wrong')).headers['set-cookie'], undefined);
  });

  it('tells a page whether its runner token is valid at GET /runner', async () => {
    const noToken = await rawGet(server.port, '/runner');
    assert.equal(noToken.status, 403);
    assert.match(noToken.body, /open the address npm start printed, with its token/);
    const cookie = await cookieFrom(server.url);
    assert.ok(cookie);
    assert.equal((await rawGet(server.port, '/runner', { cookie })).status, 426);
  });

  it('serves no cart to play unless started with one (nibble play)', async () => {
    const cookie = await cookieFrom(server.url);
    assert.ok(cookie);
    assert.equal((await rawGet(server.port, '/play-cart', { cookie })).status, 404);
    assert.equal(new URL(server.url).searchParams.has('play'), false);
  });

  it("started with a cart to play, serves it (to the token's holder only) and its address asks for it", async () => {
    const bytes = new TextEncoder().encode('function TIC() cls(2) end\n');
    const playing = await startWebServer({ port: 0, rootDir: tempDir, log: () => {}, playCart: { name: 'my game.lua', bytes } });
    try {
      assert.equal(new URL(playing.url).searchParams.has('play'), true);
      assert.equal((await rawGet(playing.port, '/play-cart')).status, 403);
      const response = await fetch(new URL('/play-cart', playing.url), { headers: { cookie: (await cookieFrom(playing.url)) ?? '' } });
      assert.equal(response.status, 200);
      assert.equal(decodeURIComponent(response.headers.get('x-cart-name') ?? ''), 'my game.lua');
      assert.deepEqual(new Uint8Array(await response.arrayBuffer()), bytes);
    } finally {
      await playing.close();
    }
  });

  it('reports a port that is already taken', async () => {
    await assert.rejects(startWebServer({ port: server.port, rootDir: tempDir }), { code: 'EADDRINUSE' });
  });
});
