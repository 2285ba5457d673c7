// What the Electron preload exposes to the studio page (contextBridge, so plain functions only).

export interface RunnerGoneInfo {
  code: number | null;
  signal: string | null;
  reason: 'stopped' | 'crashed';
}

export interface NibbleElectronBridge {
  /** Spawns a runner process; its MessagePort then arrives through onRunnerPort. */
  startRunner(): void;
  /** Ends the current runner process. */
  stopRunner(): void;
  onRunnerPort(cb: (port: MessagePort) => void): void;
  onRunnerGone(cb: (info: RunnerGoneInfo) => void): void;
}

declare global {
  interface Window {
    /** Present only inside the desktop app. */
    readonly nibbleElectron?: NibbleElectronBridge;
  }
}
