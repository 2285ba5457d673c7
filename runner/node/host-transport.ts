// How a runner process talks to whoever spawned it: a Node parent over the IPC channel (CLI, tests,
// the web bridge), or Electron main, which hands over a MessagePort to the studio's renderer.
// The runner sends batches (arrays) of its messages; the host sends single messages.
import { isConnectMessage } from '../common/protocol.js';

export interface HostTransport {
  send(msg: unknown): void;
  onMessage(cb: (msg: unknown) => void): void;
}

/** The part of Electron's utilityProcess child API used here (process.parentPort). */
interface ElectronMessagePort {
  on(event: 'message', listener: (event: { data: unknown; ports: ElectronMessagePort[] }) => void): void;
  postMessage(message: unknown): void;
  start(): void;
}

function electronParentPort(): ElectronMessagePort | undefined {
  return (process as unknown as { parentPort?: ElectronMessagePort }).parentPort;
}

/** Resolves once the host can be talked to. */
export function connectToHost(): Promise<HostTransport> {
  const parentPort = electronParentPort();
  if (parentPort) {
    return new Promise((resolve) => {
      parentPort.on('message', (event) => {
        const port = event.ports[0];
        if (!isConnectMessage(event.data) || !port) return;
        port.start();
        resolve({
          send: (msg) => port.postMessage(msg),
          onMessage: (cb) => port.on('message', (e) => cb(e.data)),
        });
      });
    });
  }
  if (!process.send) return Promise.reject(new Error('the runner must be started by a host (no IPC channel)'));
  return Promise.resolve({
    send: (msg) => process.send?.(msg),
    onMessage: (cb) => process.on('message', cb),
  });
}
