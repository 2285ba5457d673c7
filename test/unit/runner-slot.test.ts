// RunnerSlot with real child processes: one runner at a time, and each end reported truthfully.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import { RunnerSlot, type ExitReporter, type RunnerGoneInfo } from '../../electron/node/runner-slot.js';
import { isAlive } from '../fixtures/processes.js';

/** A process that runs until killed, or exits by itself with exitCode once told to. */
function spawnSleeper(reportExit: ExitReporter): ChildProcess {
  const child = spawn(process.execPath, ['-e', "process.stdin.on('data', (d) => process.exit(Number(String(d)))); setInterval(() => {}, 1000);"], {
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  child.once('exit', (code, signal) => reportExit(code, signal));
  return child;
}

function collectGone(): { slot: RunnerSlot<ChildProcess>; reports: RunnerGoneInfo[]; next: () => Promise<RunnerGoneInfo> } {
  const reports: RunnerGoneInfo[] = [];
  const waiters: ((info: RunnerGoneInfo) => void)[] = [];
  const slot = new RunnerSlot<ChildProcess>((info) => {
    reports.push(info);
    waiters.shift()?.(info);
  });
  return { slot, reports, next: () => new Promise((resolve) => waiters.push(resolve)) };
}

describe('RunnerSlot', () => {
  it("reports 'stopped' with the signal after stop()", async () => {
    const { slot, next } = collectGone();
    const child = slot.start(spawnSleeper);
    await once(child, 'spawn');
    const gone = next();
    slot.stop();
    assert.deepEqual(await gone, { code: null, signal: 'SIGTERM', reason: 'stopped' });
    assert.equal(slot.current, undefined);
  });

  it("reports 'crashed' with the exit code when a runner ends by itself", async () => {
    const { slot, next } = collectGone();
    const child = slot.start(spawnSleeper);
    await once(child, 'spawn');
    const gone = next();
    child.stdin?.end('3');
    assert.deepEqual(await gone, { code: 3, signal: null, reason: 'crashed' });
  });

  it('kills the previous runner on start, without reporting it', async () => {
    const { slot, reports, next } = collectGone();
    const first = slot.start(spawnSleeper);
    await once(first, 'spawn');
    const firstExit = once(first, 'exit');
    const second = slot.start(spawnSleeper);
    assert.equal(slot.current, second);
    await firstExit;
    assert.equal(isAlive(first.pid ?? -1), false);
    assert.deepEqual(reports, []);

    const gone = next();
    slot.stop();
    await gone;
    assert.deepEqual(reports, [{ code: null, signal: 'SIGTERM', reason: 'stopped' }]);
  });

  it('still reports a stopped runner that ends after the next one started', async () => {
    const { slot, reports, next } = collectGone();
    const first = slot.start(spawnSleeper);
    await once(first, 'spawn');
    const gone = next();
    slot.stop();
    const second = slot.start(spawnSleeper);
    assert.deepEqual(await gone, { code: null, signal: 'SIGTERM', reason: 'stopped' });
    assert.equal(slot.current, second);

    const exit = once(second, 'exit');
    slot.dispose();
    await exit;
    assert.equal(reports.length, 1);
  });

  it('dispose() kills the runner silently', async () => {
    const { slot, reports } = collectGone();
    const child = slot.start(spawnSleeper);
    await once(child, 'spawn');
    const exit = once(child, 'exit');
    slot.dispose();
    await exit;
    assert.equal(isAlive(child.pid ?? -1), false);
    assert.deepEqual(reports, []);
  });
});
