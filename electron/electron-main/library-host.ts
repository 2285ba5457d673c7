// The desktop library's folder and the carts given to the app to play: Electron's folder dialog and
// app events in front of LibraryFolderService and CartsToPlay (electron/node), which do the work.
import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { IPC_CHANNELS } from '../node/ipc-channels.js';
import { LibraryFolderService } from '../node/library-folder.js';
import { cartArgument, CartsToPlay } from '../node/open-with.js';
import { handle } from './invoke-handler.js';

const cartsToPlay = new CartsToPlay();

function offer(filePath: string): void {
  cartsToPlay.offer(filePath);
  for (const window of BrowserWindow.getAllWindows()) {
    if (!window.webContents.isDestroyed()) window.webContents.send(IPC_CHANNELS.cartToPlay);
  }
}

/** Before the app is ready: the cart in this launch's arguments, and the OS's later "open with". */
export function watchCartsToPlay(): void {
  const first = cartArgument(process.argv);
  if (first) cartsToPlay.offer(first);
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    offer(filePath);
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const cart = cartArgument(argv.map((arg, i) => (i === 0 ? arg : path.resolve(workingDirectory, arg))));
    if (cart) offer(cart);
    BrowserWindow.getAllWindows()[0]?.focus();
  });
}

export function installLibraryIpc(): void {
  const library = new LibraryFolderService(path.join(app.getPath('userData'), 'library-folder.json'));
  handle(IPC_CHANNELS.libraryFolder, () => library.remembered());
  handle(IPC_CHANNELS.pickLibraryFolder, (window) =>
    library.pick(async (start) => {
      const result = await dialog.showOpenDialog(window, { title: 'Library folder', ...(start ? { defaultPath: start } : {}), properties: ['openDirectory'] });
      return result.canceled ? undefined : result.filePaths[0];
    }),
  );
  handle(IPC_CHANNELS.takeCartToPlay, () => cartsToPlay.take());
}
