// Who may talk to the web fallback. It listens on loopback only, and answers only requests that
// name it by a loopback name (a DNS-rebinding page names another host). Runner sockets are
// accepted only from pages the server itself served, so no other site can drive a runner.

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** Host header values the server answers to: loopback names, and the bound host, with its port. */
export function allowedHostHeaders(boundHost: string, port: number): Set<string> {
  const bound = boundHost.includes(':') ? `[${boundHost}]` : boundHost;
  const names = new Set([...LOOPBACK_NAMES, bound.toLowerCase()]);
  const hosts = new Set<string>();
  for (const name of names) {
    hosts.add(`${name}:${port}`);
    // Browsers leave the default port out of Host.
    if (port === 80) hosts.add(name);
  }
  return hosts;
}

export function isAllowedHost(hostHeader: string | undefined, allowed: ReadonlySet<string>): hostHeader is string {
  return hostHeader !== undefined && allowed.has(hostHeader.toLowerCase());
}

/** A page's Origin is the server's own when it is the http origin of the (allowed) Host it asked for. */
export function isOwnOrigin(originHeader: string | undefined, hostHeader: string): boolean {
  return originHeader !== undefined && originHeader.toLowerCase() === `http://${hostHeader.toLowerCase()}`;
}
