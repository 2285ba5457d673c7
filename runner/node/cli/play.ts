// `nibble play <cart>`: the studio's start script with --play, as its own process (the studio sits
// above the runner, in electron/, so the command line starts it rather than importing it). The
// script opens the desktop app on the cart, or serves the web studio and prints its address.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** dist/electron/node/start.js, beside this file's dist/runner/node/cli/. */
const START_SCRIPT = fileURLToPath(new URL('../../../electron/node/start.js', import.meta.url));

/** Resolves with the start script's exit status (the app or the server ended). */
export function play(cartPath: string): Promise<number> {
  if (!existsSync(START_SCRIPT)) throw new Error(`nibble play needs the studio, and ${START_SCRIPT} is missing: run npm install (or npm run build) first`);
  const child = spawn(process.execPath, [START_SCRIPT, '--play', cartPath], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => {
    child.once('error', (err) => {
      process.stderr.write(`nibble: the studio could not be started: ${err.message}\n`);
      resolve(1);
    });
    child.once('exit', (code) => resolve(code ?? 1));
  });
}
