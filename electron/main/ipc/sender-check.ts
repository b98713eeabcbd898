import type { BrowserWindow, WebContents, WebFrameMain } from 'electron';
import { isAppUrl } from '../app-protocol';

/** What an IPC event tells about who sent it. */
export interface IpcSender {
  sender: WebContents;
  senderFrame: WebFrameMain | null;
}

/**
 * A call is trusted only from the main window's top frame while it shows the app: not from a
 * frame inside the page (the email preview), not from another window, and not from a page the
 * window was somehow navigated to.
 */
export function isTrustedSender(event: IpcSender, window: BrowserWindow | undefined): boolean {
  if (!window || window.isDestroyed()) return false;
  const contents = window.webContents;
  if (event.sender !== contents) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  const top = contents.mainFrame;
  if (frame.processId !== top.processId || frame.routingId !== top.routingId) return false;
  return isAppUrl(frame.url);
}
