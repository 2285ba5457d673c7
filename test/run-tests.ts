// `npm test`: makes sure a Chromium is there for the end-to-end tests (installing Debian's package
// when it is missing and this machine can), then runs every compiled test file with node:test.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './chromium.js';

const testRoot = dirname(fileURLToPath(import.meta.url));

function canInstallWithApt(): boolean {
  return process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  if (process.env.NIBBLE_CHROMIUM) {
    console.error(`NIBBLE_CHROMIUM names ${process.env.NIBBLE_CHROMIUM}, which does not exist.`);
    process.exit(1);
  }
  if (canInstallWithApt()) {
    console.log("Chromium is missing; installing Debian's chromium package for the end-to-end tests...");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env }) : update;
    const installed = install.status === 0 ? findChromium() : undefined;
    if (installed) return installed;
  }
  console.error(
    [
      'The end-to-end tests need Chromium, and none was found.',
      'Install it, then run the tests again:',
      '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium',
      'or point NIBBLE_CHROMIUM at a Chromium or Chrome binary:',
      '  NIBBLE_CHROMIUM=/path/to/chrome npm test',
    ].join('\n'),
  );
  process.exit(1);
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.js') ? [path] : [];
  });
}

const chromium = ensureChromium();
const files = testFiles(testRoot).sort();
const result = spawnSync(process.execPath, ['--test', ...files], { stdio: 'inherit', env: { ...process.env, NIBBLE_CHROMIUM: chromium } });
process.exit(result.status ?? 1);
