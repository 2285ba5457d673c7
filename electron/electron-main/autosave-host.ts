// The desktop studio's autosave: the open cart kept in a file of the app's data folder by
// AutosaveFile (electron/node), which checks what the page sends and writes it durably.
import { app } from 'electron';
import { AutosaveFile, parseAutosavedCart } from '../node/autosave-file.js';
import { IPC_CHANNELS } from '../node/ipc-channels.js';
import { BAD_REQUEST, handle } from './invoke-handler.js';

export function installAutosaveIpc(): void {
  const file = new AutosaveFile(app.getPath('userData'));
  handle(IPC_CHANNELS.loadAutosave, () => file.load());
  handle(IPC_CHANNELS.saveAutosave, async (_window, [value]) => {
    const doc = parseAutosavedCart(value);
    if (!doc) throw new Error(BAD_REQUEST);
    await file.save(doc);
    return null;
  });
}
