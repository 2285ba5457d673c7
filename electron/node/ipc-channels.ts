// The IPC channels between Electron's main process and the studio's preload. The sandboxed
// preload cannot import this module at run time, so it restates these names and checks them
// against this type at compile time.

export const IPC_CHANNELS = {
  /** Renderer -> main: end this window's runner, if any, and start a new one. */
  startRunner: 'runner:start',
  /** Renderer -> main: kill this window's runner. */
  stopRunner: 'runner:stop',
  /** Main -> renderer: the MessagePort of the runner just started (message ports only, no payload). */
  runnerPort: 'runner:port',
  /** Main -> renderer: this window's runner process has ended (a RunnerGoneInfo). */
  runnerGone: 'runner:gone',
} as const;

export type IpcChannels = typeof IPC_CHANNELS;
