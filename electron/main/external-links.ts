import { LIBRARY_DEFAULTS } from '../../core/forecast/defaults';

/**
 * Pages the app may open in the user's browser: reference material the app links to. Anything
 * else a page tries to open is dropped, so a link smuggled into a journey (a message body, a
 * template) cannot launch arbitrary URLs or local programs through `shell.openExternal`.
 */
/**
 * The publications the forecast's published rates come from (core/forecast/defaults.ts), each at
 * its own address: a forecast's Assumptions tab links them.
 */
export function librarySourceUrls(): string[] {
  const urls = new Set<string>();
  for (const purposes of Object.values(LIBRARY_DEFAULTS))
    for (const row of Object.values(purposes))
      for (const rate of Object.values(row)) if (rate.source.url) urls.add(rate.source.url);
  return [...urls];
}

export const EXTERNAL_LINK_ALLOW_LIST: readonly { origin: string; pathPrefix: string }[] = [
  ...librarySourceUrls().map((url) => {
    const { origin, pathname } = new URL(url);
    return { origin, pathPrefix: pathname };
  }),
  { origin: 'https://liquidjs.com', pathPrefix: '/' },
  { origin: 'https://shopify.github.io', pathPrefix: '/liquid/' },
  { origin: 'https://segment.com', pathPrefix: '/docs/connections/spec/' },
  { origin: 'https://en.wikipedia.org', pathPrefix: '/wiki/ISO_8601' },
  { origin: 'https://www.rfc-editor.org', pathPrefix: '/rfc/rfc8058' },
];

export const HELP_LINKS = {
  liquid: 'https://liquidjs.com/tutorials/intro-to-liquid.html',
  eventApi: 'https://segment.com/docs/connections/spec/track/',
  durations: 'https://en.wikipedia.org/wiki/ISO_8601#Durations',
} as const;

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') {
    return false;
  }
  return EXTERNAL_LINK_ALLOW_LIST.some(
    (entry) => parsed.origin === entry.origin && parsed.pathname.startsWith(entry.pathPrefix),
  );
}

/** Opens `url` in the browser when the allow-list has it; says whether it did. */
export function openExternalIfAllowed(
  url: string,
  openExternal: (url: string) => Promise<void>,
  log: (message: string) => void = () => {},
): boolean {
  if (!isAllowedExternalUrl(url)) {
    log(`Refused to open ${url}: not on the allow-list of external links.`);
    return false;
  }
  openExternal(url).catch((error: unknown) => log(`Could not open ${url}: ${String(error)}`));
  return true;
}
