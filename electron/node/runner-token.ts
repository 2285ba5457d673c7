// The web fallback's runner token: a secret made at each server start, without which no runner
// socket opens. Any local user can fetch the studio's pages over loopback, so the token is not in
// them: it is in the address the server prints, and a request carrying it gets it back as a cookie,
// which the page's runner sockets then present (as Jupyter does).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The query parameter that carries the token, in the printed address or a runner socket's. */
const TOKEN_PARAMETER = 'token';

export interface RunnerToken {
  readonly value: string;
  /** The address's query parameter for it: `token=...`. */
  readonly query: string;
  /** True when the request's query parameter or its cookie holds this token. */
  admits(request: IncomingMessage): boolean;
  /** Set-Cookie for a request whose address carries this token; undefined for any other. */
  cookieFor(request: IncomingMessage): string | undefined;
}

/** port: the server's; browsers send a host's cookies to all its ports, so the name tells servers apart. */
export function createRunnerToken(port: number): RunnerToken {
  const value = randomBytes(32).toString('base64url');
  const cookieName = `nibble-token-${port}`;
  const matches = (candidate: string | undefined): boolean => candidate !== undefined && sameSecret(candidate, value);
  const fromQuery = (request: IncomingMessage) => queryParameter(request, TOKEN_PARAMETER);
  return {
    value,
    query: `${TOKEN_PARAMETER}=${value}`,
    admits: (request) => matches(fromQuery(request)) || cookieValues(request, cookieName).some(matches),
    cookieFor: (request) => (matches(fromQuery(request)) ? `${cookieName}=${value}; HttpOnly; SameSite=Strict; Path=/` : undefined),
  };
}

/** Compares in constant time, so that the answer's timing tells nothing of how much matched. */
function sameSecret(candidate: string, secret: string): boolean {
  const given = Buffer.from(candidate);
  const wanted = Buffer.from(secret);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

function queryParameter(request: IncomingMessage, name: string): string | undefined {
  try {
    return new URL(request.url ?? '', 'http://localhost').searchParams.get(name) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Every value of the named cookie in the request (a browser may hold one per path). */
function cookieValues(request: IncomingMessage, name: string): string[] {
  const header = request.headers.cookie;
  if (header === undefined) return [];
  const values: string[] = [];
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator >= 0 && pair.slice(0, separator).trim() === name) values.push(pair.slice(separator + 1).trim());
  }
  return values;
}
