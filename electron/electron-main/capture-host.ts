// The desktop studio's captures: saved by CaptureFolder (electron/node) into Nibble in the user's
// pictures folder (the app's data folder where the system has none).
import path from 'node:path';
import { app } from 'electron';
import { CaptureFolder, parseCaptureRequest } from '../node/capture-folder.js';
import { IPC_CHANNELS } from '../node/ipc-channels.js';
import { BAD_REQUEST, handle } from './invoke-handler.js';

function capturesFolder(): string {
  try {
    return path.join(app.getPath('pictures'), 'Nibble');
  } catch {
    return path.join(app.getPath('userData'), 'captures');
  }
}

export function installCaptureIpc(): void {
  const folder = new CaptureFolder(capturesFolder());
  handle(IPC_CHANNELS.saveCapture, (_window, [name, bytes]) => {
    const request = parseCaptureRequest(name, bytes);
    if (!request) throw new Error(BAD_REQUEST);
    return folder.save(request);
  });
}
