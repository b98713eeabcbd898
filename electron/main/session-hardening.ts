import type { Session } from 'electron';
import { APP_ORIGIN } from './app-protocol';

/**
 * The app asks for no permission — no camera, microphone, location, notifications, clipboard
 * reads, USB, serial or HID — so every request and every check is answered no, and downloads
 * are allowed only for data the app itself created (`blob:` URLs of the app origin).
 */
export function hardenSession(session: Session, log: (message: string) => void): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`Denied a request for the "${permission}" permission.`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  session.on('will-download', (event, item) => {
    if (item.getURL().startsWith(`blob:${APP_ORIGIN}/`)) return;
    log(`Cancelled a download from ${item.getURL()}.`);
    event.preventDefault();
  });
}
