// The desktop app serves the studio from its own privileged scheme rather than file://, so the
// page has a real origin (relative and absolute asset URLs resolve, module workers load) and IPC
// senders can be checked against it.

export const APP_SCHEME = 'nibble';
export const APP_HOST = 'studio';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** True when url is a page of the studio itself (not another scheme, host or a malformed URL). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** The only browser permissions the studio gets: copying code, fullscreen play, mouse capture. */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'fullscreen', 'pointerLock']);

/** Whether a permission asked for by a page (or origin) at requestingUrl is granted. */
export function isPermissionGranted(permission: string, requestingUrl: string): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}
