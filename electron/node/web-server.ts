// The web fallback: serves the built studio over loopback HTTP and gives each page a runner
// process through a WebSocket at /runner, to pages holding the server's runner token. Used by the
// start script when Electron cannot run, and by the tests. Started by `nibble play`, it also serves
// the cart to play at PLAY_CART_PATH, to the same pages, and its address opens the player on it.
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline, type Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { PLAY_CART_NAME_HEADER, PLAY_CART_PATH } from '../../runner/common/cart-library.js';
import { escapeControls } from '../../runner/common/control-chars.js';
import { MESSAGE_LIMITS } from '../../runner/common/protocol-validate.js';
import { spawnRunner, type RunnerProcess } from '../../runner/node/runner-process.js';
import { contentSecurityPolicy, securityHeaders } from './content-security.js';
import { allowedHostHeaders, isAllowedHost, isOwnOrigin } from './local-origin.js';
import { bridgeRunner, type BridgeSession } from './runner-bridge.js';
import { createRunnerToken, type RunnerToken } from './runner-token.js';
import { lookupStaticFile } from './static-files.js';

export const RUNNER_SOCKET_PATH = '/runner';

/**
 * Largest browser message accepted: a start message with the largest cart code the protocol
 * allows, at up to 3 UTF-8 bytes per UTF-16 code unit, plus room for the rest of the message.
 * A larger message makes ws close the socket (code 1009), which ends that runner.
 */
const MAX_CLIENT_MESSAGE_BYTES = MESSAGE_LIMITS.codeLength * 3 + 64 * 1024;

/** Why GET /runner (the page's question after a refused runner socket) is refused. */
const NO_TOKEN = 'No runner token: open the address npm start printed, with its token.';

/** Each session is a process; this bounds what a runaway page can fork. */
const MAX_SESSIONS = 8;

export interface WebServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** Loopback address to listen on; defaults to 127.0.0.1. */
  host?: string;
  /** Folder holding the built studio (index.html and assets). */
  rootDir: string;
  /** Where refusals and dropped messages are reported; defaults to stderr. */
  log?: (line: string) => void;
  /** A cart to play (`nibble play`): served at PLAY_CART_PATH, and the address opens the player on it. */
  playCart?: { name: string; bytes: Uint8Array };
}

export interface WebServer {
  /**
   * http://HOST:PORT/?token=TOKEN as bound: the studio's address with the runner token, which a
   * browser opening it keeps as a cookie for this server.
   */
  readonly url: string;
  readonly port: number;
  /** Process ids of the runners alive now, one per open /runner socket. */
  runnerPids(): number[];
  /** Ends every runner, waits for their processes to exit, and stops listening. */
  close(): Promise<void>;
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? ((line: string) => console.error(`[nibble web] ${escapeControls(line)}`));
  const sessions = new Set<BridgeSession>();
  let hosts = new Set<string>();
  // Both known once the server listens; until then every request is refused (no allowed host).
  let token: RunnerToken | undefined;

  const server = createServer((request, response) => {
    void serveStatic(request, response).catch((error: unknown) => {
      log(`failed to serve ${request.url}: ${error instanceof Error ? error.message : String(error)}`);
      response.destroy();
    });
  });

  async function serveStatic(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const hostHeader = request.headers.host;
    if (!isAllowedHost(hostHeader, hosts)) {
      return sendText(response, 421, 'Unknown host', request.method === 'HEAD');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return sendText(response, 405, 'Method not allowed', false);
    }
    const cookie = token?.cookieFor(request);
    if (cookie !== undefined) response.setHeader('Set-Cookie', cookie);
    const pathname = requestPathname(request);
    // A page whose runner socket was refused asks here whether its token is the reason.
    if (pathname === RUNNER_SOCKET_PATH) {
      const admitted = token?.admits(request) ?? false;
      return sendText(response, admitted ? 426 : 403, admitted ? 'Upgrade required' : NO_TOKEN, request.method === 'HEAD');
    }
    if (pathname === PLAY_CART_PATH) return servePlayCart(request, response);
    const found = pathname === undefined ? { kind: 'bad-request' as const } : await lookupStaticFile(options.rootDir, pathname);
    if (found.kind === 'bad-request') return sendText(response, 400, 'Bad request', request.method === 'HEAD');
    if (found.kind === 'not-found') return sendText(response, 404, 'Not found', request.method === 'HEAD');

    response.writeHead(200, {
      ...pageHeaders(hostHeader),
      'Content-Type': found.contentType,
      'Content-Length': found.size,
      'Cache-Control': 'no-cache',
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    // pipeline, not pipe: a client that goes away mid-download must close the file with it.
    pipeline(createReadStream(found.filePath), response, (error) => {
      if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE') log(`failed to serve ${request.url}: ${error.message}`);
    });
  }

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_MESSAGE_BYTES });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const hostHeader = request.headers.host;
    if (requestPathname(request) !== RUNNER_SOCKET_PATH) return refuseUpgrade(socket, 404, 'Not Found');
    if (!isAllowedHost(hostHeader, hosts)) {
      log(`refused a runner socket for host ${JSON.stringify(hostHeader)}`);
      return refuseUpgrade(socket, 421, 'Misdirected Request');
    }
    if (!isOwnOrigin(request.headers.origin, hostHeader)) {
      log(`refused a runner socket from origin ${JSON.stringify(request.headers.origin)}`);
      return refuseUpgrade(socket, 403, 'Forbidden');
    }
    if (!token?.admits(request)) {
      log('refused a runner socket without the runner token (a page must be opened from the address the server printed)');
      return refuseUpgrade(socket, 403, 'Forbidden');
    }
    if (sessions.size >= MAX_SESSIONS) {
      log(`refused a runner socket: ${MAX_SESSIONS} runners are already running`);
      return refuseUpgrade(socket, 503, 'Service Unavailable');
    }
    // Spawned before the handshake, so that a runner that cannot start (out of descriptors or
    // processes) is an HTTP refusal rather than a socket that closes at once.
    let runner: RunnerProcess;
    try {
      runner = spawnRunner({}, { acknowledgeFrames: false });
    } catch (error) {
      log(`refused a runner socket: ${error instanceof Error ? error.message : String(error)}`);
      return refuseUpgrade(socket, 503, 'Service Unavailable');
    }
    let bridged = false;
    // ws answers a malformed handshake itself and never calls back; the runner must not outlive it.
    socket.once('close', () => {
      if (!bridged) runner.kill();
    });
    sockets.handleUpgrade(request, socket, head, (webSocket) => {
      bridged = true;
      const session = bridgeRunner(webSocket, runner, log);
      sessions.add(session);
      void session.ended.then(() => sessions.delete(session));
    });
  });

  /** The cart to play, to a page holding the token (as runners are). */
  function servePlayCart(request: IncomingMessage, response: ServerResponse): void {
    const headOnly = request.method === 'HEAD';
    if (!token?.admits(request)) return sendText(response, 403, NO_TOKEN, headOnly);
    const cart = options.playCart;
    if (!cart) return sendText(response, 404, 'This server was not started to play a cart (nibble play <cart> does that).', headOnly);
    response.writeHead(200, {
      ...securityHeaders(contentSecurityPolicy()),
      'Content-Type': 'application/octet-stream',
      'Content-Length': cart.bytes.length,
      'Cache-Control': 'no-store',
      [PLAY_CART_NAME_HEADER]: encodeURIComponent(cart.name),
    });
    response.end(headOnly ? undefined : cart.bytes);
  }

  function pageHeaders(hostHeader: string): Record<string, string> {
    return securityHeaders(contentSecurityPolicy([`ws://${hostHeader}`]));
  }

  function sendText(response: ServerResponse, status: number, text: string, headOnly: boolean): void {
    const body = `${text}\n`;
    response.writeHead(status, {
      ...securityHeaders(contentSecurityPolicy()),
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
    });
    response.end(headOnly ? undefined : body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHostHeaders(host, port);
  token = createRunnerToken(port);
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}/?${token.query}${options.playCart ? '&play' : ''}`,
    port,
    runnerPids: () => [...sessions].map((session) => session.runnerPid),
    async close() {
      const ended = [...sessions].map((session) => session.ended);
      for (const session of sessions) session.end();
      await Promise.all(ended);
      // A browser that does not answer the close handshake must not hold the shutdown up.
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The request's path, still percent-encoded; undefined when the request target is unusable. */
function requestPathname(request: IncomingMessage): string | undefined {
  const target = request.url ?? '';
  if (!target.startsWith('/')) return undefined;
  try {
    return new URL(target, 'http://localhost').pathname;
  } catch {
    return undefined;
  }
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
