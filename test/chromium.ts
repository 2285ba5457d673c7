// Finding the Chromium the end-to-end tests drive. Debian's package is the one this project
// supports; NIBBLE_CHROMIUM may name another Chromium or Chrome binary.
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

export function findChromium(): string | undefined {
  const fromEnv = process.env.NIBBLE_CHROMIUM;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}
