// The web fallback's /runner socket with a real runner process: a cart runs and its frames arrive,
// and the process lives exactly as long as the socket.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { WebSocket, type RawData } from 'ws';
import { FRAME_WIDTH, type HostMessage, type MessageOf, type RunnerMessage } from '../../runner/common/protocol.js';
import { decodeRunnerMessages, encodeHostMessage } from '../../runner/common/wire.js';
import { startWebServer, type WebServer } from '../../electron/node/web-server.js';
import { isAlive, waitUntilGone } from '../fixtures/processes.js';
import { runnerSocketAddress } from '../fixtures/runner-socket.js';

/** This process's runner children, alive or not yet reaped, found by their parent in /proc. */
function childRunnerPids(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const status = readFileSync(`/proc/${entry}/status`, 'utf8');
        return status.includes(`\nPPid:\t${process.pid}\n`) && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('runner-entry');
      } catch {
        return false;
      }
    })
    .map(Number);
}

const CLS_CART: HostMessage = {
  type: 'start',
  cart: { name: 'cls.lua', code: 'function TIC() cls(2) end' },
  options: { deterministic: true, pacing: 'realtime' },
};

/** SWEETIE-16 colour 2 (spec 3.2), as RGBA. */
const RED = [0xb1, 0x3e, 0x53, 0xff];

/** A browser-like client: the page's own Origin and the server's token, every decoded message kept in order. */
class RunnerClient {
  readonly messages: RunnerMessage[] = [];
  /** How many WebSocket messages carried JSON (not frames). */
  textPayloads = 0;
  readonly closed: Promise<number>;
  readonly #socket: WebSocket;
  readonly #waiters: { type: RunnerMessage['type']; resolve: (msg: RunnerMessage) => void }[] = [];

  constructor(server: WebServer, headers: Record<string, string> = {}, address = runnerSocketAddress(server.url)) {
    this.#socket = new WebSocket(address, { origin: `http://127.0.0.1:${server.port}`, headers });
    this.#socket.on('message', (data: RawData, isBinary: boolean) => {
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      const batch = decodeRunnerMessages(isBinary ? bytes : bytes.toString('utf8'));
      assert.ok(batch, 'the server sent a payload that does not decode');
      if (!isBinary) this.textPayloads += 1;
      for (const msg of batch) {
        this.messages.push(msg);
        const waiter = this.#waiters.findIndex((w) => w.type === msg.type);
        if (waiter >= 0) this.#waiters.splice(waiter, 1)[0]?.resolve(msg);
      }
    });
    this.closed = new Promise((resolve) => this.#socket.once('close', (code) => resolve(code)));
  }

  opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#socket.once('open', () => resolve());
      this.#socket.once('error', reject);
    });
  }

  next<T extends RunnerMessage['type']>(type: T): Promise<MessageOf<RunnerMessage, T>> {
    return new Promise((resolve) => this.#waiters.push({ type, resolve: resolve as (msg: RunnerMessage) => void }));
  }

  send(raw: string | HostMessage): void {
    this.#socket.send(typeof raw === 'string' ? raw : encodeHostMessage(raw));
  }

  close(): void {
    this.#socket.close();
  }
}

function pixelAt(frame: MessageOf<RunnerMessage, 'frame'>, x: number, y: number): number[] {
  const offset = (y * FRAME_WIDTH + x) * 4;
  return [...frame.pixels.subarray(offset, offset + 4)];
}

describe('web fallback runner sessions', { timeout: 60_000 }, () => {
  let tempDir: string;
  let server: WebServer;
  const logged: string[] = [];

  before(async () => {
    tempDir = await mkdtemp(path.join(tmpdir(), 'nibble-web-runner-'));
    await writeFile(path.join(tempDir, 'index.html'), '<!doctype html>');
    server = await startWebServer({ port: 0, rootDir: tempDir, log: (line) => logged.push(line) });
  });

  after(async () => {
    await server.close();
    await rm(tempDir, { recursive: true, force: true });
  });

  it('runs a cart, streams its frames, and kills the runner when the socket closes', async () => {
    const client = new RunnerClient(server);
    await client.opened();
    const [pid] = server.runnerPids();
    assert.ok(pid !== undefined && isAlive(pid));

    const ready = client.next('ready');
    const frame = client.next('frame');
    client.send(CLS_CART);
    await ready;
    // Centre of the 240x136 screen inside the 8x4 border.
    assert.deepEqual(pixelAt(await frame, 8 + 120, 4 + 68), RED);

    client.close();
    await client.closed;
    await waitUntilGone(pid);
    assert.deepEqual(server.runnerPids(), []);
  });

  it("sends a frame's trace lines together, in order, not one WebSocket message each", async () => {
    const client = new RunnerClient(server);
    await client.opened();
    client.send({ ...CLS_CART, cart: { name: 'chatty.lua', code: 'function TIC() for i = 1, 50 do trace(i) end end' } });
    for (let frames = 0; frames < 4; frames++) await client.next('frame');
    const traces = client.messages.filter((m) => m.type === 'trace').map((m) => m.text);
    assert.ok(traces.length >= 200, `only ${traces.length} trace lines arrived`);
    assert.deepEqual(traces.slice(0, 100), [...Array.from({ length: 50 }, (_, i) => String(i + 1)), ...Array.from({ length: 50 }, (_, i) => String(i + 1))]);
    assert.ok(client.textPayloads * 10 <= traces.length, `${traces.length} trace lines took ${client.textPayloads} WebSocket messages`);
    client.close();
    await client.closed;
  });

  it('drops malformed messages and keeps the session going', async () => {
    const client = new RunnerClient(server);
    await client.opened();
    client.send('not json');
    client.send(JSON.stringify({ type: 'start', cart: { name: 'x.lua' } }));
    const frame = client.next('frame');
    client.send(CLS_CART);
    await frame;
    assert.equal(logged.filter((line) => line.includes('malformed')).length, 2);
    client.close();
    await client.closed;
  });

  it("refuses a start with pacing 'fast', tells the page, and never passes it to the runner", async () => {
    const client = new RunnerClient(server);
    await client.opened();
    const [error, ready, frame] = [client.next('error'), client.next('ready'), client.next('frame')];
    client.send({ ...CLS_CART, options: { deterministic: true, pacing: 'fast' } });
    const first = await Promise.race([error, ready, frame]);
    assert.equal(first.type, 'error');
    assert.match(first.type === 'error' ? first.message : '', /cls\.lua: .*refused .*pacing 'fast'/);
    assert.ok(logged.some((line) => line.includes("refused a start with pacing 'fast'")));

    // The runner never got that start: the next, paced one is the first it runs.
    client.send(CLS_CART);
    assert.equal((await frame).index, 1);
    await ready;
    assert.equal(client.messages.filter((m) => m.type === 'ready').length, 1);
    client.close();
    await client.closed;
  });

  it('tells the page when its runner dies, then closes the socket', async () => {
    const client = new RunnerClient(server);
    await client.opened();
    const ready = client.next('ready');
    client.send(CLS_CART);
    await ready;
    const [pid] = server.runnerPids();
    assert.ok(pid !== undefined);

    const gone = client.next('gone');
    process.kill(pid, 'SIGKILL');
    assert.deepEqual(await gone, { type: 'gone', reason: 'crashed', code: null, signal: 'SIGKILL' });
    assert.equal(await client.closed, 1000);
  });

  it('leaves no runner behind for a handshake that ws refuses', async () => {
    const before = childRunnerPids();
    const status = await new Promise<number>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write(
          `GET /runner${new URL(server.url).search} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: http://127.0.0.1:${server.port}\r\n` +
            'Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: not a key\r\n\r\n',
        );
      });
      socket.once('data', (bytes: Buffer) => resolve(Number(bytes.toString('latin1').split(' ')[1])));
      socket.once('error', reject);
    });
    assert.equal(status, 400);
    const leftOver = () => childRunnerPids().filter((pid) => !before.includes(pid));
    // A killed runner is reaped within milliseconds; five seconds only bound the wait.
    for (const end = Date.now() + 5000; leftOver().length > 0 && Date.now() < end;) await sleep(20);
    assert.deepEqual(leftOver(), []);
    assert.deepEqual(server.runnerPids(), []);
  });

  it('starts a runner for a browser that holds the cookie its address gave it', async () => {
    const page = await fetch(server.url);
    await page.arrayBuffer();
    const cookie = page.headers.get('set-cookie')?.split(';')[0];
    assert.ok(cookie, 'the page opened with the token got no cookie');
    const client = new RunnerClient(server, { cookie }, runnerSocketAddress(server.url, null));
    await client.opened();
    const frame = client.next('frame');
    client.send(CLS_CART);
    assert.deepEqual(pixelAt(await frame, 8 + 120, 4 + 68), RED);
    client.close();
    await client.closed;
  });

  it('ends every runner when the server closes', async () => {
    const other = await startWebServer({ port: 0, rootDir: tempDir, log: () => {} });
    const client = new RunnerClient(other);
    await client.opened();
    const ready = client.next('ready');
    client.send(CLS_CART);
    await ready;
    const [pid] = other.runnerPids();
    assert.ok(pid !== undefined);
    await other.close();
    assert.equal(isAlive(pid), false);
    await client.closed;
  });
});
