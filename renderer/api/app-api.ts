import { apiFromBridge } from '../../core/api/bridge';
import type { AppApi } from '../../core/api/contract';
import { createHttpApi } from './http-client';
import { takeSessionToken } from './session-token';

declare global {
  interface Window {
    /** The AppApi the Electron preload exposes; absent in browser mode. */
    journeyApp?: AppApi;
  }
}

/** The AppApi, or why there is none: a browser tab without the access token (shell.noToken). */
export type ApiConnection = { ok: true; api: AppApi } | { ok: false; reason: 'no-token' };

/** The AppApi for this window: the preload's in Electron, HTTP to the local engine in a browser. */
export function connectAppApi(): ApiConnection {
  // The preload's failures cross the context bridge as plain data; apiFromBridge makes them
  // ApiErrors of this page again.
  if (window.journeyApp) return { ok: true, api: apiFromBridge(window.journeyApp) };
  const token = takeSessionToken(window.location, window.history, window.sessionStorage);
  if (!token) {
    return { ok: false, reason: 'no-token' };
  }
  return { ok: true, api: createHttpApi({ baseUrl: window.location.origin, token }) };
}
