// The response headers that lock the studio down, shared by Electron's app protocol and the web
// fallback so both run the studio under the same rules.

/**
 * The studio's Content Security Policy. Only its own files run; monaco injects inline styles,
 * wasm may be compiled (wasmoon), workers may come from blob: URLs (monaco, vite builds).
 * extraConnectSources names what the page may reach besides its own origin (the web fallback's
 * WebSocket origin, since not every browser counts ws: as 'self').
 */
export function contentSecurityPolicy(extraConnectSources: readonly string[] = []): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", "'wasm-unsafe-eval'"],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'", 'data:'],
    ['worker-src', "'self'", 'blob:'],
    ['connect-src', "'self'", ...extraConnectSources],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map((parts) => parts.join(' ')).join('; ');
}

/**
 * Headers for every response that carries studio content. The cross-origin isolation pair
 * (COOP + COEP) lets the page use SharedArrayBuffer; nothing the studio loads is cross-origin.
 */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), payment=()',
  };
}
