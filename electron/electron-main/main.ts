// Electron's main process: serves the studio from its own scheme, opens its window, starts a
// runner process per window on request, opens and saves cart files for it, keeps its autosave,
// saves its captures, lists its library folder and hands it the carts given to the app to play.
// Everything worth testing lives in electron/node/.
import { app, BrowserWindow, session } from 'electron';
import { RENDERER_DIR } from '../node/app-paths.js';
import { installAppMenu } from './app-menu.js';
import { installAutosaveIpc } from './autosave-host.js';
import { installCaptureIpc } from './capture-host.js';
import { installCartFileIpc } from './cart-file-host.js';
import { installLibraryIpc, watchCartsToPlay } from './library-host.js';
import { registerAppScheme, serveAppScheme } from './app-protocol.js';
import { installRunnerIpc, stopAllRunners } from './runner-host.js';
import { openStudioWindow } from './studio-window.js';
import { guardSession, guardWebContents } from './web-contents-guard.js';

app.setName('Nibble');
app.enableSandbox();
registerAppScheme();
// A second launch (a cart opened with the app while it runs) goes to this one's window.
if (!app.requestSingleInstanceLock()) app.quit();
watchCartsToPlay();

app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => stopAllRunners());

void app.whenReady().then(() => {
  guardSession(session.defaultSession);
  serveAppScheme(RENDERER_DIR);
  installRunnerIpc();
  installCartFileIpc();
  installAutosaveIpc();
  installLibraryIpc();
  installCaptureIpc();
  installAppMenu();
  openStudioWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openStudioWindow();
  });
});
