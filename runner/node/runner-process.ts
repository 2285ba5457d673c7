// Spawning a runner as a Node child process, for hosts that are Node programs (CLI, tests, the web
// studio's bridge). Electron forks the same entry as a utilityProcess instead.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { escapeControls } from '../common/control-chars.js';
import { frameAck } from '../common/frame-acks.js';
import type { HostMessage, RunnerMessage } from '../common/protocol.js';
import { malformedBatchError, parseRunnerBatch } from '../common/protocol-validate.js';
import { runnerArgs, type RunnerFlags } from '../common/runner-flags.js';

/** The runner process's entry as one bundle with its VM thread beside it (vite.runner.config.ts). */
export const RUNNER_ENTRY = fileURLToPath(new URL('./bundle/runner/runner-entry.js', import.meta.url));

export interface RunnerExit {
  code: number | null;
  signal: string | null;
}

export interface RunnerProcess {
  readonly pid: number;
  send(msg: HostMessage): void;
  /**
   * Validated messages from the runner, then one 'gone' message when the process has ended. A
   * malformed batch ends the runner: listeners hear an 'error' naming the cart instead.
   */
  onMessage(cb: (msg: RunnerMessage) => void): void;
  /** Ends the process for real (SIGKILL). */
  kill(): void;
  readonly exited: Promise<RunnerExit>;
}

export type SpawnOptions = Partial<RunnerFlags>;

export interface HostOptions {
  /**
   * Acknowledge each batch's frames once the listeners have had them (see frame-acks.ts): true
   * (the default) for hosts that use the frames here; false where the frames are forwarded and
   * their final receiver acknowledges them (the web bridge's page).
   */
  acknowledgeFrames?: boolean;
  /** The runner process's entry script (tests give a runner another VM thread). */
  entry?: string;
}

export function spawnRunner(options: SpawnOptions = {}, host: HostOptions = {}): RunnerProcess {
  // No environment and no inherited descriptors: the runner needs neither, and a cart must not see
  // them. A descriptor of this process without close-on-exec still reaches the child; the runner
  // closes those itself (inherited-descriptors.ts).
  const child = fork(host.entry ?? RUNNER_ENTRY, runnerArgs(options), {
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env: {},
    execArgv: [],
  });
  const listeners: ((msg: RunnerMessage) => void)[] = [];
  let killed = false;
  let refused = false;
  /** For messages about the runner as a whole, once 'start' has named the cart. */
  let cartName = 'the cart';
  const emit = (msg: RunnerMessage) => {
    for (const cb of listeners) cb(msg);
  };
  const kill = () => {
    killed = true;
    child.kill('SIGKILL');
  };
  const send = (msg: HostMessage) => {
    if (child.connected) child.send(msg);
  };
  // A spawn that fails for want of descriptors or processes reports 'error' a tick later, as does a
  // failed send or kill; unheard, the event would take the host down with it.
  child.on('error', (error) => console.error(`runner ${child.pid ?? '(not started)'}: ${error.message}`));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[runner ${child.pid}] ${escapeControls(chunk.toString())}`));
  child.on('message', (raw) => {
    if (refused) return;
    const batch = parseRunnerBatch(raw);
    if (!batch || batch.some((msg) => msg.type === 'gone')) {
      refused = true;
      kill();
      emit(malformedBatchError(cartName));
      return;
    }
    batch.forEach(emit);
    const ack = host.acknowledgeFrames === false ? undefined : frameAck(batch);
    if (ack && !killed) send(ack);
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
      if (msg.type === 'start') cartName = msg.cart.name;
      send(msg);
    },
    onMessage: (cb) => listeners.push(cb),
    kill,
    exited,
  };
}
