// How main answers the studio's invoke channels: for studio windows only, with errors sent back as
// data carrying their own message (a rejection's message would carry Electron's prefix).
import { BrowserWindow, ipcMain } from 'electron';
import type { IpcResult } from '../node/cart-file-ipc.js';
import { trustedSender } from './trusted-sender.js';

export const BAD_REQUEST = 'the studio sent a malformed request';

export function handle<T>(channel: string, run: (window: BrowserWindow, args: unknown[]) => Promise<T> | T): void {
  ipcMain.handle(channel, async (event, ...args: unknown[]): Promise<IpcResult<T>> => {
    const sender = trustedSender(event);
    const window = sender ? BrowserWindow.fromWebContents(sender) : null;
    if (!window) return { ok: false, error: 'refused: the request did not come from a studio window' };
    try {
      return { ok: true, value: await run(window, args) };
    } catch (err) {
      return { ok: false, error: (err as Error).message };
    }
  });
}
