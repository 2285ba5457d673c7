// A Chromium the tests can kill hard, as a crash or a power-user's `kill -9` would: started by the
// test itself in its own process group, with a profile on disk that outlives it, and driven over
// the DevTools protocol. Killing it SIGKILLs the whole group and every other process still using
// the profile (whatever group it moved to), then waits until none is left.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../chromium.js';

const DEVTOOLS_LINE = /DevTools listening on (ws:\/\/\S+)/;
const START_TIMEOUT_MS = 30_000;
const GONE_TIMEOUT_MS = 5_000;

export interface KillableBrowser {
  readonly browser: Browser;
  /** SIGKILLs every process of this browser and resolves once none of them exists any more. */
  kill(): Promise<void>;
}

/**
 * Pids of the processes whose command line names the profile folder: the browser, its children
 * and its crash handlers (which start their own sessions; their database is under XDG_CONFIG_HOME,
 * which launchKillable puts in the profile folder).
 */
export function processesUsing(profileDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes(profileDir)) pids.push(Number(entry));
    } catch {
      // It ended while the list was read.
    }
  }
  return pids;
}

function sigkill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

export async function launchKillable(executablePath: string, profileDir: string): Promise<KillableBrowser> {
  const args = [...CHROMIUM_FLAGS, `--user-data-dir=${profileDir}`, '--remote-debugging-port=0', '--no-first-run', '--no-default-browser-check', 'about:blank'];
  const env = { ...process.env, XDG_CONFIG_HOME: join(profileDir, 'xdg-config') };
  const child = spawn(executablePath, args, { detached: true, env, stdio: ['ignore', 'ignore', 'pipe'] });
  const kill = async (): Promise<void> => {
    if (child.pid !== undefined) sigkill(-child.pid);
    const end = Date.now() + GONE_TIMEOUT_MS;
    for (;;) {
      const left = processesUsing(profileDir);
      if (left.length === 0 && (child.exitCode !== null || child.signalCode !== null)) return;
      if (Date.now() > end) throw new Error(`Chromium processes still running after SIGKILL: ${left.join(', ')}`);
      left.forEach(sigkill);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  try {
    const endpoint = await new Promise<string>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`Chromium did not start within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
      child.stderr.setEncoding('utf8');
      const read = (chunk: string): void => {
        output += chunk;
        const found = DEVTOOLS_LINE.exec(output);
        if (!found) return;
        clearTimeout(timer);
        child.stderr.off('data', read);
        resolve(found[1]);
      };
      child.stderr.on('data', read);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`Chromium exited (${signal ?? code}) before it started:\n${output}`));
      });
    });
    child.stderr.resume();
    return { browser: await chromium.connectOverCDP(endpoint), kill };
  } catch (err) {
    await kill();
    throw err;
  }
}
