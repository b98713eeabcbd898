import type { Session } from 'electron';
import { APP_ORIGIN } from './app-protocol';

/**
 * The one permission the app uses: writing text to the clipboard (Copy, e.g. the event API's
 * address and token). Denying it too, as everything else is, broke Copy in the desktop app.
 */
const ALLOWED: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

function fromApp(url: string | undefined): boolean {
  return url === APP_ORIGIN || (url?.startsWith(`${APP_ORIGIN}/`) ?? false);
}

/**
 * The app asks for one permission, clipboard writes, and only from its own pages (not from a
 * sandboxed email, whose origin is opaque); everything else — camera, microphone, location,
 * notifications, clipboard reads, USB, serial, HID — is answered no, and downloads are allowed
 * only for data the app itself created (`blob:` URLs of the app origin).
 */
export function hardenSession(session: Session, log: (message: string) => void): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = ALLOWED.has(permission) && fromApp(details.requestingUrl);
    if (!allowed) log(`Denied a request for the "${permission}" permission.`);
    callback(allowed);
  });
  session.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin) =>
      ALLOWED.has(permission) && fromApp(requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  session.on('will-download', (event, item) => {
    if (item.getURL().startsWith(`blob:${APP_ORIGIN}/`)) return;
    log(`Cancelled a download from ${item.getURL()}.`);
    event.preventDefault();
  });
}
