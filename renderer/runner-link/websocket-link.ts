// Web mode: each WebSocket connection to /runner is one runner process on the server. Opening the
// connection spawns it, closing the connection ends it. The server opens it only for a browser that
// holds its runner token (a cookie it sets when the page is opened from the address it printed).
import type { CartSource, HostMessage, RunOptions } from '../../runner/common/protocol.js';
import { decodeRunnerMessages, encodeHostMessage } from '../../runner/common/wire.js';
import { CHANNEL_LOST, ListenerSet, STOPPED_BY_HOST, type BatchSource, type RunnerLink, type RunnerMessageListener } from './runner-link.js';

export function runnerSocketUrl(page: Location): string {
  const scheme = page.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${page.host}/runner`;
}

/**
 * What the console says when the server refused a runner socket. The browser does not tell a page
 * why a WebSocket failed, so the page asks the same path over HTTP whether its token is the reason.
 */
async function refusalMessage(socketUrl: string): Promise<string> {
  try {
    const answer = await fetch(socketUrl.replace(/^ws/, 'http'), { cache: 'no-store' });
    if (answer.status === 403) {
      return 'The server refused to start a runner: this page has no valid runner token. Open the address that npm start printed (http://…/?token=…), with its token; after that, reloading the page is enough until the server restarts.';
    }
  } catch {
    // The server is not answering at all: the message below covers it.
  }
  return 'Could not start a runner: the server has stopped, or refused it (too many runners at once, or out of resources); the terminal where npm start runs says why.';
}

export class WebSocketRunnerLink implements RunnerLink {
  readonly #url: string;
  readonly #listeners = new ListenerSet();
  #socket: WebSocket | null = null;
  /** Messages sent before the connection opened, 'start' first. */
  #queue: HostMessage[] = [];

  constructor(url: string) {
    this.#url = url;
  }

  start(cart: CartSource, options: RunOptions, pmem?: Uint8Array): void {
    this.#close();
    const socket = new WebSocket(this.#url);
    socket.binaryType = 'arraybuffer';
    this.#socket = socket;
    this.#queue = [{ type: 'start', cart, options, ...(pmem ? { pmem } : {}) }];
    let opened = false;
    socket.addEventListener('open', () => {
      if (this.#socket !== socket) return;
      opened = true;
      for (const msg of this.#queue) socket.send(encodeHostMessage(msg));
      this.#queue = [];
    });
    const source: BatchSource = {
      cartName: cart.name,
      current: () => this.#socket === socket,
      acknowledge: (ack) => socket.send(encodeHostMessage(ack)),
      // Closing the socket ends the runner process on the server.
      end: () => this.#close(),
    };
    socket.addEventListener('message', (event: MessageEvent<string | ArrayBuffer>) => {
      if (this.#socket !== socket) return;
      this.#listeners.emitBatch(decodeRunnerMessages(event.data), source, (msg) => {
        if (msg.type === 'gone') this.#close();
      });
    });
    socket.addEventListener('close', () => {
      if (this.#socket !== socket) return;
      if (!opened) {
        void this.#reportRefusal(socket);
        return;
      }
      this.#socket = null;
      this.#listeners.emit(CHANNEL_LOST);
    });
  }

  send(msg: HostMessage): void {
    const socket = this.#socket;
    if (!socket) return;
    if (socket.readyState === WebSocket.OPEN) socket.send(encodeHostMessage(msg));
    else this.#queue.push(msg);
  }

  stop(): void {
    if (!this.#socket) return;
    this.#close();
    this.#listeners.emit(STOPPED_BY_HOST);
  }

  onMessage(cb: RunnerMessageListener): void {
    this.#listeners.add(cb);
  }

  /** A socket that closed before it opened was refused (or found no server): an error says why. */
  async #reportRefusal(socket: WebSocket): Promise<void> {
    const message = await refusalMessage(this.#url);
    if (this.#socket !== socket) return;
    this.#socket = null;
    this.#queue = [];
    this.#listeners.emit({ type: 'error', message });
  }

  /** Forgets the current connection first, so its late events are ignored. */
  #close(): void {
    const socket = this.#socket;
    this.#socket = null;
    this.#queue = [];
    socket?.close(1000, 'stopped by the studio');
  }
}
