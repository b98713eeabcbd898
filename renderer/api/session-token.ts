const KEY = 'journey-studio.token';

/**
 * The browser-mode access token. The server prints `http://127.0.0.1:<port>/#token=…`; the token
 * moves from the address bar into this tab's session storage at once, so it is neither left in
 * the history nor sent in a Referer, and a reload keeps working.
 */
export function takeSessionToken(
  location: Location,
  history: History,
  storage: Storage,
): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    storage.setItem(KEY, token);
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    return token;
  }
  return storage.getItem(KEY);
}
