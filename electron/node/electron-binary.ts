// Finds Electron's executable the way the electron package itself does (path.txt inside the
// package, ELECTRON_OVERRIDE_DIST_PATH), but without its side effect: require('electron') starts a
// download with no time limit when the binary is missing, so it is never called here.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type ElectronLookup = { kind: 'found'; binaryPath: string } | { kind: 'missing'; reason: string; packageDir: string | undefined };

export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): ElectronLookup {
  const packageDir = electronPackageDir();
  if (packageDir === undefined) {
    return { kind: 'missing', reason: 'the electron package is not installed (run npm install)', packageDir };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  let binaryPath: string;
  if (override !== undefined && override !== '') {
    binaryPath = path.join(override, executable ?? 'electron');
  } else if (executable !== undefined && executable !== '') {
    binaryPath = path.join(packageDir, 'dist', executable);
  } else {
    return { kind: 'missing', reason: "Electron's binary has not been downloaded", packageDir };
  }
  if (!existsSync(binaryPath)) {
    return { kind: 'missing', reason: `Electron's binary is not at ${binaryPath}`, packageDir };
  }
  return { kind: 'found', binaryPath };
}

function electronPackageDir(): string | undefined {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

export type InstallOutcome = { ok: true } | { ok: false; detail: string };

/**
 * Runs the electron package's own installer (it downloads the binary for this platform) once,
 * quietly, giving up after timeoutMs. Its output is kept back; on failure the first line of its
 * error output explains why.
 */
export function runElectronInstaller(packageDir: string, timeoutMs: number): Promise<InstallOutcome> {
  return new Promise((resolve) => {
    const installer = spawn(process.execPath, [path.join(packageDir, 'install.js')], {
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
    });
    let errorOutput = '';
    installer.stderr.setEncoding('utf8');
    installer.stderr.on('data', (chunk: string) => {
      if (errorOutput.length < 64 * 1024) errorOutput += chunk;
    });
    installer.once('error', (error) => resolve({ ok: false, detail: error.message }));
    installer.once('close', (code, signal) => {
      if (code === 0) {
        resolve({ ok: true });
      } else if (signal === 'SIGKILL') {
        resolve({ ok: false, detail: `no result within ${Math.round(timeoutMs / 1000)} s` });
      } else {
        const firstLine = errorOutput.split('\n').find((line) => line.trim() !== '');
        resolve({ ok: false, detail: firstLine?.trim() ?? `installer exited with code ${code}` });
      }
    });
  });
}

/** Electron needs a display server on Linux and the BSDs; without one it cannot open a window. */
export function hasDisplay(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  if (platform !== 'linux' && platform !== 'freebsd' && platform !== 'openbsd') return true;
  return Boolean(env['DISPLAY'] || env['WAYLAND_DISPLAY']);
}
