// Where the built app lives. Every path is derived from this file's own place in dist/
// (dist/electron/node/app-paths.js), so the app works whatever the current directory is.
import { fileURLToPath } from 'node:url';

const inDist = (relative: string): string => fileURLToPath(new URL(`../../${relative}`, import.meta.url));

/** The built studio (vite output): index.html and its assets. */
export const RENDERER_DIR = inDist('studio');

/** Electron's main-process entry. */
export const ELECTRON_MAIN_ENTRY = inDist('electron/electron-main/main.js');

/** The sandboxed preload, compiled from preload.cts to CommonJS. */
export const PRELOAD_SCRIPT = inDist('electron/electron-preload/preload.cjs');
