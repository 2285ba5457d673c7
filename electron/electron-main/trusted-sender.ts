// IPC is answered only for the top frame of a studio window showing the studio's own page.
import { BrowserWindow, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { isAppUrl } from '../node/app-origin.js';

/** The sender's web contents when the message came from the top frame of a studio window. */
export function trustedSender(event: IpcMainEvent | IpcMainInvokeEvent): WebContents | undefined {
  const frame = event.senderFrame;
  if (frame === null || frame !== event.sender.mainFrame || !isAppUrl(frame.url)) return undefined;
  if (BrowserWindow.fromWebContents(event.sender) === null) return undefined;
  return event.sender;
}
