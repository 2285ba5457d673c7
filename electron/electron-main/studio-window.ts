// The studio's window: a sandboxed, context-isolated renderer with no Node access, talking to the
// main process only through the preload's small API.
import { BrowserWindow } from 'electron';
import { APP_INDEX_URL } from '../node/app-origin.js';
import { PRELOAD_SCRIPT } from '../node/app-paths.js';

export function openStudioWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 500,
    title: 'Nibble',
    backgroundColor: '#1a1c2c',
    show: false,
    webPreferences: {
      preload: PRELOAD_SCRIPT,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_INDEX_URL);
  return window;
}
