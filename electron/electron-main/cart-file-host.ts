// The desktop studio's open and save commands: Electron's file dialogs, parented to the asking
// window, in front of CartFileService (electron/node), which does the checks and the file I/O.
import path from 'node:path';
import { app, BrowserWindow, dialog, type FileFilter } from 'electron';
import { isFilePath, parseSaveTargetRequest, parseWriteRequest } from '../node/cart-file-ipc.js';
import { CartFileService, type CartDialogs } from '../node/cart-file-service.js';
import { IPC_CHANNELS } from '../node/ipc-channels.js';
import { RecentCarts } from '../node/recent-carts.js';
import { BAD_REQUEST, handle } from './invoke-handler.js';

const CART_FILTERS: FileFilter[] = [
  { name: 'Carts (.lua, .tic, .png)', extensions: ['lua', 'tic', 'png'] },
  { name: 'All files', extensions: ['*'] },
];

function dialogsFor(window: BrowserWindow): CartDialogs {
  return {
    pickOpen: async (folder) => {
      const result = await dialog.showOpenDialog(window, { title: 'Open cart', defaultPath: folder, properties: ['openFile'], filters: CART_FILTERS });
      return result.canceled ? undefined : result.filePaths[0];
    },
    pickSave: async (defaultPath) => {
      const result = await dialog.showSaveDialog(window, { title: 'Save cart', defaultPath, filters: CART_FILTERS, properties: ['showOverwriteConfirmation'] });
      return result.canceled || !result.filePath ? undefined : result.filePath;
    },
  };
}

function startFolder(): string {
  try {
    return app.getPath('documents');
  } catch {
    return app.getPath('home');
  }
}

export function installCartFileIpc(): void {
  const recent = new RecentCarts(path.join(app.getPath('userData'), 'recent-carts.json'));
  const files = new CartFileService(recent, startFolder());
  handle(IPC_CHANNELS.openCart, (window) => files.open(dialogsFor(window)));
  handle(IPC_CHANNELS.recentCarts, () => files.recent());
  handle(IPC_CHANNELS.openRecentCart, (_window, [filePath]) => {
    if (!isFilePath(filePath)) throw new Error(BAD_REQUEST);
    return files.openRecent(filePath);
  });
  handle(IPC_CHANNELS.saveCartTarget, (window, [name, currentPath, saveAs]) => {
    const request = parseSaveTargetRequest(name, currentPath, saveAs);
    if (!request) throw new Error(BAD_REQUEST);
    return files.saveTarget(dialogsFor(window), request);
  });
  handle(IPC_CHANNELS.writeCartFile, async (_window, [filePath, bytes]) => {
    const request = parseWriteRequest(filePath, bytes);
    if (!request) throw new Error(BAD_REQUEST);
    await files.write(request);
    return null;
  });
}
