// Spawning a runner as a Node child process, for hosts that are Node programs (CLI, tests, the web
// studio's bridge). Electron forks the same entry as a utilityProcess instead.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { HostMessage, RunnerMessage } from '../common/protocol.js';
import { parseRunnerBatch } from '../common/protocol-validate.js';
import { runnerArgs, type RunnerFlags } from '../common/runner-flags.js';

export const RUNNER_ENTRY = fileURLToPath(new URL('./runner-entry.js', import.meta.url));

export interface RunnerExit {
  code: number | null;
  signal: string | null;
}

export interface RunnerProcess {
  readonly pid: number;
  send(msg: HostMessage): void;
  /** Validated messages from the runner, then one 'gone' message when the process has ended. */
  onMessage(cb: (msg: RunnerMessage) => void): void;
  /** Ends the process for real (SIGKILL). */
  kill(): void;
  readonly exited: Promise<RunnerExit>;
}

export type SpawnOptions = Partial<RunnerFlags>;

export function spawnRunner(options: SpawnOptions = {}): RunnerProcess {
  // No environment and no inherited descriptors: the runner needs neither, and a cart must not see them.
  const child = fork(RUNNER_ENTRY, runnerArgs(options), { serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env: {}, execArgv: [] });
  const listeners: ((msg: RunnerMessage) => void)[] = [];
  let killed = false;
  const emit = (msg: RunnerMessage) => {
    for (const cb of listeners) cb(msg);
  };
  // A spawn that fails for want of descriptors or processes reports 'error' a tick later, as does a
  // failed send or kill; unheard, the event would take the host down with it.
  child.on('error', (error) => console.error(`runner ${child.pid ?? '(not started)'}: ${error.message}`));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[runner ${child.pid}] ${chunk.toString()}`));
  child.on('message', (raw) => {
    const batch = parseRunnerBatch(raw);
    if (batch && !batch.some((msg) => msg.type === 'gone')) batch.forEach(emit);
    else console.error(`runner ${child.pid}: dropped a malformed batch of messages`);
  });
  const exited = new Promise<RunnerExit>((resolve) => {
    // 'close' rather than 'exit': it comes after the last message of the IPC channel.
    child.on('close', (code, signal) => {
      emit({ type: 'gone', reason: killed ? 'stopped' : 'crashed', code, signal });
      resolve({ code, signal });
    });
  });
  if (child.pid === undefined) throw new Error('could not start a runner process');
  return {
    pid: child.pid,
    send: (msg) => {
      if (msg.type === 'stop') killed = true;
      if (child.connected) child.send(msg);
    },
    onMessage: (cb) => listeners.push(cb),
    kill: () => {
      killed = true;
      child.kill('SIGKILL');
    },
    exited,
  };
}
