// The kernel sandbox (Landlock, no_new_privs, seccomp): a sandboxed process cannot open a file,
// connect a socket or spawn a process, on any of its threads; and real runners, sandboxed, still
// run every example cart and carts that stress memory, coroutines, break/resume and the watchdog.
import assert from 'node:assert/strict';
import { fork, spawn, spawnSync, type StdioOptions } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, readSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CartSource, HostMessage, RunnerMessage } from '../../runner/common/protocol.js';
import { parseRunnerBatch } from '../../runner/common/protocol-validate.js';
import { readCartFile } from '../../runner/node/cart-file.js';
import { spawnRunner, type RunnerProcess } from '../../runner/node/runner-process.js';
import type { ProbeMode, ProbeReport } from '../fixtures/kernel-sandbox-probe.js';

const PROBE = join(process.cwd(), 'dist/test/fixtures/kernel-sandbox-probe.js');
const BOOT_PROBE_RUNNER = join(process.cwd(), 'dist/test/fixtures/boot-probe-runner-entry.js');
const RUNNER_HOST = join(process.cwd(), 'dist/test/fixtures/runner-host.js');
const STDERR_LINE = 'the probe can still write to stderr';
const supported = process.platform === 'linux' && process.arch === 'x64';
const skip = supported ? false : 'the kernel sandbox exists for x86_64 Linux only';

/**
 * no_new_privs and the seccomp mode of every thread of a process, as the kernel reports them. A
 * thread that ends between the listing and the reading (a VM thread being terminated) is left out.
 */
function threadStates(pid: number): { noNewPrivs: string; seccomp: string }[] {
  return readdirSync(`/proc/${pid}/task`).flatMap((tid) => {
    let status: string;
    try {
      status = readFileSync(`/proc/${pid}/task/${tid}/status`, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const field = (name: string) => status.match(new RegExp(`^${name}:\\s*(\\S+)`, 'm'))?.[1] ?? 'missing';
    return [{ noNewPrivs: field('NoNewPrivs'), seccomp: field('Seccomp') }];
  });
}

function assertEveryThreadFiltered(pid: number): void {
  const states = threadStates(pid);
  assert.ok(states.length > 1, 'the process has several threads');
  // Seccomp 2 is filter mode.
  for (const state of states) assert.deepEqual(state, { noNewPrivs: '1', seccomp: '2' });
}

describe('a sandboxed process', { skip }, () => {
  const work = mkdtempSync(join(tmpdir(), 'nibble-sandbox-'));
  const secret = join(work, 'secret.txt');
  const server = createServer((socket) => socket.destroy());
  let port = 0;

  before(async () => {
    writeFileSync(secret, 'the runner must not read this');
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(() => server.close());

  /** The probe's report, the state of its threads, what it wrote to stderr and how it ended once told to. */
  async function probe(mode: ProbeMode) {
    const fifo = join(work, `stderr-${mode}`);
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo');
    // The read end first, non-blocking, so that opening the write end does not wait for a reader.
    const stderr = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const probeStderr = openSync(fifo, constants.O_WRONLY);
    const child = fork(PROBE, [mode, secret, String(port), STDERR_LINE], {
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', probeStderr, 'ipc'],
      env: {},
      execArgv: [],
    });
    // Once the probe has exited there is no writer left, so reading an empty pipe ends at once.
    closeSync(probeStderr);
    const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `exit code ${code}`)));
    const report = await Promise.race([
      new Promise<ProbeReport>((resolve) => child.once('message', (msg) => resolve(msg as ProbeReport))),
      exited.then((how) => Promise.reject(new Error(`the probe ended before reporting (${how})`))),
    ]);
    const threads = threadStates(child.pid!);
    child.send('done');
    const exit = await exited;
    const written = Buffer.alloc(4096);
    const text = written.subarray(0, readSync(stderr, written)).toString();
    closeSync(stderr);
    return { ...report, threads, exit, stderrText: text };
  }

  it('without the sandbox, the probe can read, connect and spawn', async () => {
    const report = await probe('off');
    assert.deepEqual([report.readOnMainThread, report.readOnThreadPool, report.readOnWorker, report.connect, report.spawn], ['ok', 'ok', 'ok', 'ok', 'ok']);
    assert.equal(report.stderrText, `${STDERR_LINE}\n`);
    assert.equal(report.exit, 'exit code 0');
  });

  it('Landlock alone, on every thread, denies files, TCP connections and executing a program', async () => {
    const report = await probe('landlock');
    assert.ok(report.landlock);
    assert.equal(report.landlock.threads, report.threads.length, 'every thread the kernel lists was restricted');
    // Landlock handles TCP from ABI 4 on.
    const tcp = report.landlock.abi >= 4 ? 'EACCES' : 'ok';
    assert.deepEqual(
      [report.readOnMainThread, report.readOnThreadPool, report.readOnWorker, report.connect, report.spawn],
      ['EACCES', 'EACCES', 'EACCES', tcp, 'EACCES'],
    );
    assert.equal(report.stderr, 'ok');
    assert.equal(report.stderrText, `${STDERR_LINE}\n`);
    assert.equal(report.timerFired, true);
    assert.equal(report.exit, 'exit code 0');
  });

  it('with the whole sandbox, every thread is filtered; reading, connecting and spawning fail; stderr and timers work', async () => {
    const report = await probe('full');
    assert.ok(report.sandbox);
    assert.equal(report.sandbox.complete, true, report.sandbox.note);
    const summary = report.sandbox.summary.match(
      /^kernel sandbox: Landlock ABI \d+ denies all file access on (\d+) threads; a seccomp filter allows \d+ system calls$/,
    );
    assert.ok(summary, report.sandbox.summary);
    assert.equal(Number(summary[1]), report.threads.length, 'every thread the kernel lists was restricted');
    for (const state of report.threads) assert.deepEqual(state, { noNewPrivs: '1', seccomp: '2' });
    assert.deepEqual(
      [report.readOnMainThread, report.readOnThreadPool, report.readOnWorker, report.connect, report.spawn],
      ['EPERM', 'EPERM', 'EPERM', 'EPERM', 'EPERM'],
    );
    // Electron gives a utility process a pipe for stderr; Node opens process.stderr on first use.
    assert.equal(report.stderr, 'ok');
    assert.equal(report.stderrText, `${STDERR_LINE}\n`);
    assert.equal(report.timerFired, true);
    assert.equal(report.exit, 'exit code 0', 'Node exits cleanly inside the sandbox');
  });
});

// Sandboxed runners -------------------------------------------------------------------------------

/** The runner's messages in order (next() skips to the first unread one of the given types, or 'gone'), and its traces. */
function collect(runner: RunnerProcess) {
  const unread: RunnerMessage[] = [];
  const traces: string[] = [];
  let waiter: { types: RunnerMessage['type'][]; resolve: (m: RunnerMessage) => void } | undefined;
  const deliver = () => {
    while (waiter && unread.length) {
      const msg = unread.shift()!;
      if (waiter.types.includes(msg.type) || msg.type === 'gone') {
        const { resolve } = waiter;
        waiter = undefined;
        resolve(msg);
      }
    }
  };
  runner.onMessage((msg) => {
    if (msg.type === 'trace') traces.push(msg.text);
    unread.push(msg);
    deliver();
  });
  return {
    traces,
    next(...types: RunnerMessage['type'][]): Promise<RunnerMessage> {
      return new Promise((resolve) => {
        waiter = { types, resolve };
        deliver();
      });
    },
  };
}

type Messages = ReturnType<typeof collect>;

/**
 * Starts a cart in a fresh runner, checks that once ready every thread of the runner is sandboxed,
 * hands the runner to `use`, and ends the runner whatever happens.
 */
async function withSandboxedRunner<T>(
  cart: CartSource,
  maxFrames: number | undefined,
  use: (runner: RunnerProcess, messages: Messages) => Promise<T>,
): Promise<T> {
  const runner = spawnRunner();
  try {
    const messages = collect(runner);
    const ready = messages.next('ready');
    runner.send({ type: 'start', cart, options: { deterministic: true, pacing: maxFrames ? 'fast' : 'realtime', ...(maxFrames ? { maxFrames } : {}) } });
    const msg = await ready;
    assert.ok(msg.type === 'ready' && !msg.note?.includes('kernel sandbox'), `the runner said: ${JSON.stringify(msg)}`);
    assertEveryThreadFiltered(runner.pid);
    return await use(runner, messages);
  } finally {
    runner.kill();
    await runner.exited;
  }
}

/** Runs a cart for some frames in a sandboxed runner; returns how it ended and what it traced. */
function runSandboxed(cart: CartSource, frames: number): Promise<{ end: RunnerMessage; traces: string[] }> {
  return withSandboxedRunner(cart, frames, async (_, messages) => ({ end: await messages.next('done', 'error', 'hung', 'exit'), traces: messages.traces }));
}

const STRESS_CARTS: { name: string; code: string; frames: number; traces: (traces: string[]) => void }[] = [
  {
    // Each frame grows the Lua heap (and the VM's WebAssembly memory) by about 16 MB, then drops it.
    name: 'memory.lua',
    code: [
      'function TIC()',
      '  local keep = {}',
      '  for i = 1, 1600 do keep[i] = string.rep(string.char(65 + i % 26), 10000) .. i end',
      '  trace(math.floor(collectgarbage("count") / 1024))',
      'end',
    ].join('\n'),
    frames: 6,
    traces: (megabytes) => {
      assert.equal(megabytes.length, 6);
      for (const mb of megabytes) assert.ok(Number(mb) >= 15, `${mb} MB in use`);
    },
  },
  {
    name: 'coroutines.lua',
    code: [
      'function TIC()',
      '  local cos, sum = {}, 0',
      '  for i = 1, 5000 do',
      '    cos[i] = coroutine.wrap(function(a) local b = coroutine.yield(a * 2) return a + b end)',
      '    sum = sum + cos[i](i)',
      '  end',
      '  for i = 1, 5000 do sum = sum + cos[i](1) end',
      '  trace(sum)',
      'end',
    ].join('\n'),
    frames: 10,
    // Sum of 2i, then of i + 1, for i = 1..5000.
    traces: (sums) => assert.deepEqual(sums, Array<string>(10).fill('37512500')),
  },
];

describe('a sandboxed runner', { skip }, () => {
  const cartsDir = join(process.cwd(), 'carts');
  for (const file of readdirSync(cartsDir).filter((f) => f.endsWith('.lua') && f !== 'busy.lua')) {
    it(`runs carts/${file}`, async () => {
      const { end } = await runSandboxed(await readCartFile(join(cartsDir, file)), 30);
      assert.deepEqual(end.type === 'done' ? end.frames : end, 30);
    });
  }

  for (const cart of STRESS_CARTS) {
    it(`runs the stress cart ${cart.name}`, async () => {
      const { end, traces } = await runSandboxed({ name: cart.name, code: cart.code }, cart.frames);
      assert.deepEqual(end.type === 'done' ? end.frames : end, cart.frames);
      cart.traces(traces);
    });
  }

  it('reports a Lua error and exit() as usual', async () => {
    const { end: error } = await runSandboxed({ name: 'oops.lua', code: 'function TIC()\n  error("boom")\nend' }, 3);
    assert.equal(error.type, 'error');
    assert.match(error.type === 'error' ? error.message : '', /^oops\.lua:2: boom/);
    assert.equal((await runSandboxed({ name: 'bye.lua', code: 'function TIC() exit() end' }, 3)).end.type, 'exit');
  });

  it('ends a VM stuck inside one C call (by terminating its thread) and the runner lives on, sandboxed', async () => {
    const code = 'function TIC()\n  string.find(string.rep("a", 400), ".-.-.-.-.-.-b")\nend';
    await withSandboxedRunner({ name: 'bomb.lua', code }, 3, async (runner, messages) => {
      assert.equal((await messages.next('hung', 'done')).type, 'hung');
      assertEveryThreadFiltered(runner.pid);
      runner.kill();
      assert.deepEqual(await messages.next('gone'), { type: 'gone', reason: 'stopped', code: null, signal: 'SIGKILL' });
    });
  });

  it("the VM thread is already filtered when the cart's top level starts", async () => {
    // The same runner as spawnRunner starts, with a VM thread that traces its own state first.
    const child = fork(BOOT_PROBE_RUNNER, [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'], env: {}, execArgv: [] });
    try {
      const firstTrace = new Promise<string>((resolve) => {
        child.on('message', (raw) => {
          const trace = parseRunnerBatch(raw)?.find((msg) => msg.type === 'trace');
          if (trace) resolve(trace.text);
        });
      });
      // A busy top level, as in the report that found it running unsandboxed for 21-135 ms.
      const code = 'local n = 0\nfor i = 1, 10000000 do n = n + i end\nfunction TIC() cls(n % 16) end';
      child.send({ type: 'start', cart: { name: 'early.lua', code }, options: { deterministic: true, pacing: 'fast', maxFrames: 1 } } satisfies HostMessage);
      assert.equal(await firstTrace, 'NoNewPrivs: 1, Seccomp: 2');
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('pauses carts/busy.lua at its loop, resumes it where it was, and stops', async () => {
    await withSandboxedRunner(await readCartFile(join(cartsDir, 'busy.lua')), undefined, async (runner, messages) => {
      assert.equal((await messages.next('busy')).type, 'busy');
      runner.send({ type: 'break' });
      const paused = await messages.next('paused');
      assert.ok(paused.type === 'paused' && (paused.line === 13 || paused.line === 14), `paused at ${JSON.stringify(paused)}`);
      runner.send({ type: 'resume' });
      assert.equal((await messages.next('resumed')).type, 'resumed');
      const busy = await messages.next('busy');
      assert.ok(busy.type === 'busy' && (busy.line === 13 || busy.line === 14), `busy at ${JSON.stringify(busy)}`);
      assertEveryThreadFiltered(runner.pid);
      runner.kill();
      assert.deepEqual(await messages.next('gone'), { type: 'gone', reason: 'stopped', code: null, signal: 'SIGKILL' });
    });
  });
});

// Descriptors ------------------------------------------------------------------------------------

/** Above the 0-15 that Node marks close-on-exec when it starts, as a descriptor a host inherited can be. */
const INHERITED_FD = 20;
/** The close-on-exec bit of a descriptor's flags in /proc/PID/fdinfo. */
const O_CLOEXEC = 0o2000000;

/** Every open descriptor of a process and what it refers to. */
function descriptors(pid: number): Map<number, string> {
  return new Map(readdirSync(`/proc/${pid}/fd`).map((fd) => [Number(fd), readlinkSync(`/proc/${pid}/fd/${fd}`)]));
}

describe("a runner's descriptors", { skip: process.platform === 'linux' ? false : 'it reads /proc' }, () => {
  it('a descriptor its host inherited without close-on-exec is closed in the runner; stdio and IPC stay', async () => {
    // A host (a Node process spawning its runner as the CLI does) with a socket at INHERITED_FD that
    // its own parent left without close-on-exec.
    const stdio: StdioOptions = Array.from({ length: INHERITED_FD + 1 }, (_, fd) =>
      fd === 2 ? 'inherit' : fd === 3 ? 'ipc' : fd === INHERITED_FD ? 'pipe' : 'ignore',
    );
    const host = spawn(process.execPath, [RUNNER_HOST], { stdio, env: {} });
    try {
      const { runnerPid } = await new Promise<{ runnerPid: number }>((resolve) => host.once('message', (msg) => resolve(msg as { runnerPid: number })));
      const inherited = descriptors(host.pid!).get(INHERITED_FD);
      assert.match(inherited ?? '', /^socket:/, 'the host has the socket');
      const flags = readFileSync(`/proc/${host.pid}/fdinfo/${INHERITED_FD}`, 'utf8').match(/^flags:\s*([0-7]+)/m)?.[1];
      assert.equal(parseInt(flags ?? '0', 8) & O_CLOEXEC, 0, 'the host has it without close-on-exec');
      const runner = descriptors(runnerPid);
      assert.deepEqual(
        [...runner].filter(([, target]) => target === inherited),
        [],
        "the runner holds the host's socket",
      );
      for (const fd of [0, 1, 2, 3]) assert.ok(runner.has(fd), `the runner lost descriptor ${fd}`);
    } finally {
      host.kill();
    }
  });
});
