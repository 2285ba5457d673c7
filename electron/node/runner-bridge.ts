// One WebSocket, one runner process: the web fallback's stand-in for Electron's MessagePort.
// Browser messages are validated before they reach the runner, and a start asking for unpaced
// frames is refused; the runner's messages are batched and encoded for the wire; whichever side
// ends first takes the other down with it.
import type { RawData, WebSocket } from 'ws';
import { frameAck } from '../../runner/common/frame-acks.js';
import { MessageBatcher } from '../../runner/common/message-batch.js';
import type { RunnerMessage } from '../../runner/common/protocol.js';
import { decodeHostMessage, encodeRunnerMessages } from '../../runner/common/wire.js';
import type { RunnerProcess } from '../../runner/node/runner-process.js';

/**
 * While this many bytes wait in the socket's send buffer, new frames are dropped (the browser shows
 * the latest frame that got through), and acknowledged here since the page never sees them. Other
 * messages are never dropped. The page acknowledges the frames it gets (see frame-acks.ts).
 */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export interface BridgeSession {
  readonly runnerPid: number;
  /** Settles once the runner process has exited. */
  readonly ended: Promise<void>;
  /** Kills the runner and closes the socket (server shutdown). */
  end(): void;
}

export function bridgeRunner(socket: WebSocket, runner: RunnerProcess, log: (line: string) => void): BridgeSession {
  const label = `runner ${runner.pid}`;

  const outbox = new MessageBatcher<RunnerMessage>((batch) => {
    if (socket.readyState !== socket.OPEN) return;
    const congested = socket.bufferedAmount > MAX_BUFFERED_BYTES;
    const sent = congested ? batch.filter((message) => message.type !== 'frame' && message.type !== 'compact-frame') : batch;
    const dropped = congested ? frameAck(batch) : undefined;
    if (dropped) runner.send(dropped);
    for (const payload of encodeRunnerMessages(sent)) socket.send(payload);
    const gone = batch.find((message) => message.type === 'gone');
    if (gone) socket.close(1000, `runner ${gone.reason}`);
  }, setImmediate);
  runner.onMessage((message) => outbox.push(message));

  socket.on('message', (data: RawData) => {
    const message = decodeHostMessage(Array.isArray(data) ? Buffer.concat(data) : data);
    if (message === null) {
      log(`${label}: dropped a malformed message from the browser`);
      return;
    }
    if (message.type === 'start' && message.options.pacing === 'fast') {
      // Back-to-back frames are for headless runs; a page asking for them would flood its socket.
      log(`${label}: refused a start with pacing 'fast' from the browser`);
      outbox.push({
        type: 'error',
        message: `${message.cart.name}: the server refused to start the cart with pacing 'fast' (frames back to back); a web page may only ask for pacing 'realtime'.`,
      });
      return;
    }
    runner.send(message);
  });

  socket.on('error', (error) => log(`${label}: socket error: ${error.message}`));
  socket.on('close', () => runner.kill());

  return {
    runnerPid: runner.pid,
    ended: runner.exited.then(() => undefined),
    end() {
      runner.kill();
      socket.close(1001, 'server shutting down');
    },
  };
}
