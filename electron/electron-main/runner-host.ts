// Gives each studio window its own runner: a utility process forked from the runner entry, wired
// to the page by a MessageChannel so frames and input never pass through this process.
import { ipcMain, MessageChannelMain, utilityProcess, type UtilityProcess, type WebContents } from 'electron';
import { escapeControls } from '../../runner/common/control-chars.js';
import { CONNECT_MESSAGE } from '../../runner/common/protocol.js';
import { runnerArgs } from '../../runner/common/runner-flags.js';
import { RUNNER_ENTRY } from '../../runner/node/runner-process.js';
import { IPC_CHANNELS } from '../node/ipc-channels.js';
import { runnerEnvironment } from '../node/runner-environment.js';
import { RunnerSlot, type ExitReporter, type KillableChild } from '../node/runner-slot.js';
import { trustedSender } from './trusted-sender.js';

/** How long a runner asked to stop may take before it is killed outright. */
const KILL_GRACE_MS = 1000;

class UtilityRunner implements KillableChild {
  #spawned = false;
  #exited = false;
  #killRequested = false;

  constructor(readonly child: UtilityProcess) {
    // A kill asked for before the process is up is carried out once it is.
    child.once('spawn', () => {
      this.#spawned = true;
      if (this.#killRequested) this.#terminate();
    });
    child.once('exit', () => {
      this.#exited = true;
    });
  }

  kill(): void {
    if (this.#exited || this.#killRequested) return;
    this.#killRequested = true;
    if (this.#spawned) this.#terminate();
  }

  #terminate(): void {
    this.child.kill();
    const pid = this.child.pid;
    setTimeout(() => {
      if (this.#exited || pid === undefined) return;
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // It ended between the check and the signal.
      }
    }, KILL_GRACE_MS).unref();
  }
}

const slots = new Map<WebContents, RunnerSlot<UtilityRunner>>();

export function installRunnerIpc(): void {
  ipcMain.on(IPC_CHANNELS.startRunner, (event) => {
    const contents = trustedSender(event);
    if (contents !== undefined) slotFor(contents).start((reportExit) => forkRunner(contents, reportExit));
  });
  ipcMain.on(IPC_CHANNELS.stopRunner, (event) => {
    const contents = trustedSender(event);
    if (contents !== undefined) slots.get(contents)?.stop();
  });
}

export function stopAllRunners(): void {
  for (const slot of slots.values()) slot.dispose();
  slots.clear();
}

function slotFor(contents: WebContents): RunnerSlot<UtilityRunner> {
  const existing = slots.get(contents);
  if (existing !== undefined) return existing;
  const slot = new RunnerSlot<UtilityRunner>((info) => {
    if (!contents.isDestroyed()) contents.send(IPC_CHANNELS.runnerGone, info);
  });
  slots.set(contents, slot);
  contents.once('destroyed', () => {
    slot.dispose();
    slots.delete(contents);
  });
  return slot;
}

function forkRunner(contents: WebContents, reportExit: ExitReporter): UtilityRunner {
  const child = utilityProcess.fork(RUNNER_ENTRY, runnerArgs({}), {
    serviceName: 'nibble-runner',
    stdio: 'pipe',
    env: runnerEnvironment(process.env),
  });
  const labelled = (chunk: Buffer): string => escapeControls(chunk.toString()).replace(/^(?=.)/gm, `[runner ${child.pid}] `);
  child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(labelled(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(labelled(chunk)));
  child.once('exit', (code) => reportExit(code, null));
  // Posted at once (Electron queues it until the child is up) so that every startRunner yields
  // exactly one port, in order, even for a runner that is replaced or fails to start.
  const { port1, port2 } = new MessageChannelMain();
  child.postMessage(CONNECT_MESSAGE, [port1]);
  contents.postMessage(IPC_CHANNELS.runnerPort, null, [port2]);
  return new UtilityRunner(child);
}
