// Serves the built studio at nibble://studio/ with the same security headers as the web fallback.
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from '../node/app-origin.js';
import { contentSecurityPolicy, securityHeaders } from '../node/content-security.js';
import { lookupStaticFile } from '../node/static-files.js';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: real origin and URL resolution; secure: a secure context (workers, crypto);
      // corsEnabled: vite's module scripts are fetched in CORS mode.
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

export function serveAppScheme(rootDir: string): void {
  const headers = securityHeaders(contentSecurityPolicy());
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return new Response('Not found', { status: 404, headers });
    }
    const found = await lookupStaticFile(rootDir, url.pathname);
    if (found.kind !== 'file') {
      return new Response(found.kind === 'bad-request' ? 'Bad request' : 'Not found', {
        status: found.kind === 'bad-request' ? 400 : 404,
        headers,
      });
    }
    const body = request.method === 'HEAD' ? null : await readFile(found.filePath);
    return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': found.contentType } });
  });
}
