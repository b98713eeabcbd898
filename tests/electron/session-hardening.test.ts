import type { Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { hardenSession } from '../../electron/main/session-hardening';
import { fake, preventable, resetFakes } from './fake-electron';

vi.mock('electron', () => import('./fake-electron').then((m) => m.electronModule()));

function hardened() {
  resetFakes();
  hardenSession(fake.session as unknown as Session, vi.fn());
  return fake.session;
}

describe('the session', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid'])(
    'denies a request for %s',
    (permission) => {
      const session = hardened();
      const callback = vi.fn();
      session.permissionRequestHandler?.({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
    },
  );

  it('lets the app itself write to the clipboard, which Copy needs, and nothing else', () => {
    const session = hardened();
    const request = (permission: string, requestingUrl: string) => {
      const callback = vi.fn();
      session.permissionRequestHandler?.({}, permission, callback, { requestingUrl });
      return callback.mock.calls[0]?.[0] as boolean;
    };
    expect(request('clipboard-sanitized-write', 'app://journey-studio/index.html')).toBe(true);
    expect(
      session.permissionCheckHandler?.({}, 'clipboard-sanitized-write', 'app://journey-studio', {}),
    ).toBe(true);
    // Not for a page from elsewhere, nor for a sandboxed email, nor reading.
    expect(request('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(session.permissionCheckHandler?.({}, 'clipboard-sanitized-write', 'null', {})).toBe(
      false,
    );
    expect(request('clipboard-read', 'app://journey-studio/index.html')).toBe(false);
  });

  it('answers every other permission check and device request with no', () => {
    const session = hardened();
    expect(session.permissionCheckHandler?.({}, 'media', 'app://journey-studio', {})).toBe(false);
    expect(session.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
    const callback = vi.fn();
    session.displayMediaRequestHandler?.({}, callback);
    expect(callback).toHaveBeenCalledWith(null);
  });

  it('lets only the app’s own data be downloaded', () => {
    const session = hardened();
    const download = (url: string) => {
      const event = preventable({});
      session.emit('will-download', event, { getURL: () => url });
      return event.defaultPrevented;
    };
    expect(download('blob:app://journey-studio/0b6e…')).toBe(false);
    expect(download('https://evil.example/payload.exe')).toBe(true);
    expect(download('blob:https://evil.example/x')).toBe(true);
  });
});
