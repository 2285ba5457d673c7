// The web fallback server under descriptor pressure, run in a process of its own so that its open
// descriptors can be counted and capped: aborted downloads must not leak them, and a runner that
// cannot be spawned for want of them is refused while the studio keeps being served.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { runnerSocketAddress } from '../fixtures/runner-socket.js';

const SERVER_PROCESS = fileURLToPath(new URL('../fixtures/web-server-process.js', import.meta.url));
/** Larger than what loopback sockets buffer, so that a download is still under way when it is aborted. */
const BIG_FILE_BYTES = 1024 * 1024;
const ABORTED_REQUESTS = 3000;
const CONCURRENT_REQUESTS = 50;
/** Low enough to run out of quickly, high enough for the server and its few runners. */
const DESCRIPTOR_LIMIT = 200;

interface ServerProcess {
  readonly pid: number;
  readonly port: number;
  readonly url: string;
  /** Every line the server logged so far. */
  readonly logged: string[];
  readonly exited: Promise<unknown>;
  alive(): boolean;
  stop(): Promise<void>;
}

async function startServerProcess(rootDir: string, descriptorLimit?: number): Promise<ServerProcess> {
  const command = [process.execPath, SERVER_PROCESS, rootDir];
  // `ulimit -n` sets both the soft and the hard limit, so Node cannot raise its soft limit again.
  const child: ChildProcess =
    descriptorLimit === undefined
      ? spawn(command[0], command.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] })
      : spawn('/bin/sh', ['-c', `ulimit -n ${descriptorLimit} && exec "$@"`, 'sh', ...command], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout! });
  const logged: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    void exited.then(() => reject(new Error('the server process exited before it listened')));
  });
  lines.on('line', (line) => logged.push(line));
  return {
    pid: child.pid!,
    port: Number(new URL(url).port),
    url,
    logged,
    exited,
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

function openDescriptors(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).length;
}

/** Starts a download and drops the connection as soon as its first bytes arrive. */
function abortedGet(port: number, requestPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`GET ${requestPath} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    });
    socket.once('data', (bytes: Buffer) => {
      socket.destroy();
      if (bytes.toString('latin1').startsWith('HTTP/1.1 200 ')) resolve();
      else reject(new Error(`the download was refused: ${bytes.toString('latin1').split('\r\n')[0]}`));
    });
    socket.once('error', reject);
  });
}

async function getStatus(url: string): Promise<number> {
  const response = await fetch(url);
  await response.arrayBuffer();
  return response.status;
}

/** Opens a runner socket; resolves 'open' (then closes it), or the HTTP status it was refused with. */
function tryRunnerSocket(server: ServerProcess): Promise<'open' | number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(runnerSocketAddress(server.url), { origin: `http://127.0.0.1:${server.port}` });
    socket.once('open', () => {
      socket.close();
      resolve('open');
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', reject);
  });
}

/** Waits until the server has logged a line containing `text`; the test's timeout bounds it. */
async function waitForLine(server: ServerProcess, text: string): Promise<void> {
  while (!server.logged.some((line) => line.includes(text))) await sleep(10);
}

/** Polls until the server holds at least `count` descriptors, or they stop growing. */
async function waitForDescriptors(pid: number, count: number): Promise<number> {
  let seen = openDescriptors(pid);
  for (let still = 0; seen < count && still < 50; still++) {
    await sleep(10);
    const now = openDescriptors(pid);
    if (now > seen) still = 0;
    seen = now;
  }
  return seen;
}

describe('web fallback server descriptors', { timeout: 60_000 }, () => {
  let tempDir: string;

  before(async () => {
    tempDir = await mkdtemp(path.join(tmpdir(), 'nibble-web-fd-'));
    await writeFile(path.join(tempDir, 'index.html'), '<!doctype html><title>studio</title>');
    await writeFile(path.join(tempDir, 'big.bin'), new Uint8Array(BIG_FILE_BYTES));
  });

  after(async () => {
    await rm(tempDir, { recursive: true, force: true });
  });

  it(`keeps no descriptor open for ${ABORTED_REQUESTS} aborted downloads`, async () => {
    const server = await startServerProcess(tempDir);
    try {
      await abortedGet(server.port, '/big.bin');
      await sleep(100);
      const before = openDescriptors(server.pid);

      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < ABORTED_REQUESTS) {
          next += 1;
          await abortedGet(server.port, '/big.bin');
        }
      };
      await Promise.all(Array.from({ length: CONCURRENT_REQUESTS }, worker));

      // The server notices each closed connection a moment after the client drops it.
      let open = openDescriptors(server.pid);
      for (let tries = 0; open > before + 20 && tries < 100; tries++) {
        await sleep(20);
        open = openDescriptors(server.pid);
      }
      assert.ok(open <= before + 20, `${open} descriptors open after the aborted downloads, ${before} before`);
      assert.equal(await getStatus(server.url), 200);
    } finally {
      await server.stop();
    }
  });

  it('refuses a runner it cannot spawn for want of descriptors (503), and keeps serving the studio', async () => {
    const server = await startServerProcess(tempDir, DESCRIPTOR_LIMIT);
    const fillers: Socket[] = [];
    try {
      // Idle connections, each holding one of the server's descriptors, until two are left: one
      // for the runner socket's own connection, one too few for spawning its process.
      const target = DESCRIPTOR_LIMIT - 2;
      while (openDescriptors(server.pid) < target) {
        const missing = target - openDescriptors(server.pid);
        for (let i = 0; i < missing; i++) {
          const socket = connect(server.port, '127.0.0.1');
          socket.on('error', () => {});
          fillers.push(socket);
        }
        await waitForDescriptors(server.pid, target);
      }
      assert.equal(openDescriptors(server.pid), target);

      assert.equal(await tryRunnerSocket(server), 503);
      await waitForLine(server, 'could not start a runner');

      for (const socket of fillers) socket.destroy();
      fillers.length = 0;
      assert.equal(await getStatus(server.url), 200);
      // With descriptors to spare again, runners start as before.
      assert.equal(await tryRunnerSocket(server), 'open');
      assert.equal(server.alive(), true);
    } finally {
      for (const socket of fillers) socket.destroy();
      await server.stop();
    }
  });
});
