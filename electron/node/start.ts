// `npm start`: the desktop app when Electron can run here, otherwise the same studio as a web app
// on localhost. `--web` skips Electron. `--play CART` (what `nibble play CART` runs) opens the
// player on that cart: the desktop app is given it as a file argument; the web app serves it and
// its address opens the player.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ELECTRON_MAIN_ENTRY, RENDERER_DIR } from './app-paths.js';
import { findElectronBinary, hasDisplay, runElectronInstaller } from './electron-binary.js';
import { readCartToPlay } from './open-with.js';
import { parseStartArgs, type StartArgs } from './start-args.js';
import { startWebServer } from './web-server.js';

const DEFAULT_PORT = 8080;
const INSTALL_TIMEOUT_MS = 30_000;

type DesktopCheck = { kind: 'ready'; binaryPath: string } | { kind: 'unavailable'; explanation: string };

async function main(): Promise<void> {
  if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    fail(`The studio has not been built: ${path.join(RENDERER_DIR, 'index.html')} is missing. Run "npm run build" first.`);
  }
  const port = parsePort(process.env['PORT']);
  const args = startArgs();
  const cartPath = args.play === undefined ? undefined : path.resolve(args.play);
  // Read now: a cart that cannot be read is said before anything starts.
  const playCart = cartPath === undefined ? undefined : await readCartToPlay(cartPath).catch((err: unknown) => fail((err as Error).message));

  if (args.web) {
    console.log('Starting the studio as a web app (--web).');
  } else {
    const desktop = await checkDesktop();
    if (desktop.kind === 'ready') {
      const launchError = await launchElectron(desktop.binaryPath, cartPath === undefined ? [] : [cartPath]);
      if (launchError === undefined) return;
      console.log(`Electron could not be started: ${launchError}.`);
    } else {
      console.log(desktop.explanation);
    }
    console.log('The studio is served as a web app instead.');
  }
  await serveWebApp(port, playCart && { name: playCart.name, bytes: playCart.bytes });
}

function startArgs(): StartArgs {
  try {
    return parseStartArgs(process.argv.slice(2));
  } catch (err) {
    return fail((err as Error).message);
  }
}

async function checkDesktop(): Promise<DesktopCheck> {
  if (!hasDisplay()) {
    return { kind: 'unavailable', explanation: 'Electron cannot open a window here: there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set).' };
  }
  const found = findElectronBinary();
  if (found.kind === 'found') return { kind: 'ready', binaryPath: found.binaryPath };
  const unavailable = (reason: string): DesktopCheck => ({ kind: 'unavailable', explanation: `Electron's binary is unavailable: ${reason}.` });
  if (found.packageDir === undefined || process.env['ELECTRON_SKIP_BINARY_DOWNLOAD']) return unavailable(found.reason);

  console.log(`${found.reason}; trying Electron's installer once (up to ${INSTALL_TIMEOUT_MS / 1000} s)...`);
  const outcome = await runElectronInstaller(found.packageDir, INSTALL_TIMEOUT_MS);
  if (!outcome.ok) return unavailable(`${found.reason}, and downloading it failed (${outcome.detail})`);
  const installed = findElectronBinary();
  if (installed.kind === 'missing') return unavailable(`the installer finished but ${installed.reason}`);
  console.log("Electron's binary is installed.");
  return { kind: 'ready', binaryPath: installed.binaryPath };
}

/** Runs the desktop app and exits with it; resolves with a reason only if it could not start. */
function launchElectron(binaryPath: string, appArgs: string[]): Promise<string | undefined> {
  // Inherited from a parent Electron process, this variable would make ours run as plain Node.
  const { ELECTRON_RUN_AS_NODE: _runAsNode, ...env } = process.env;
  return new Promise((resolve) => {
    const child = spawn(binaryPath, [ELECTRON_MAIN_ENTRY, ...appArgs], { stdio: 'inherit', env });
    child.once('error', (error) => resolve(error.message));
    child.once('spawn', () => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
      child.once('exit', (code) => process.exit(code ?? 1));
      resolve(undefined);
    });
  });
}

async function serveWebApp(port: number, playCart: { name: string; bytes: Uint8Array } | undefined): Promise<void> {
  let server;
  try {
    server = await startWebServer({ port, rootDir: RENDERER_DIR, ...(playCart ? { playCart } : {}) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fail(`Port ${port} is already in use. Stop whatever uses it, or choose another port: PORT=${port + 1} npm start`);
    if (code === 'EACCES') fail(`Not allowed to listen on port ${port}. Choose another port, e.g. PORT=${DEFAULT_PORT} npm start`);
    throw error;
  }
  console.log(playCart ? `Nibble player, playing ${playCart.name}: ${server.url}` : `Nibble studio: ${server.url}`);
  console.log('Open that address, with its token, in your browser: the token lets that browser run carts here until the server stops. Press Ctrl+C to stop.');

  const shutDown = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', shutDown);
  process.once('SIGTERM', shutDown);
}

function parsePort(text: string | undefined): number {
  if (text === undefined || text === '') return DEFAULT_PORT;
  const port = Number(text);
  if (!/^\d+$/.test(text) || !Number.isInteger(port) || port < 1 || port > 65535) {
    fail(`PORT must be a whole number from 1 to 65535, not "${text}".`);
  }
  return port;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

await main();
