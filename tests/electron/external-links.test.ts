import { describe, expect, it, vi } from 'vitest';
import {
  HELP_LINKS,
  isAllowedExternalUrl,
  librarySourceUrls,
  openExternalIfAllowed,
} from '../../electron/main/external-links';

describe('external links', () => {
  it.each([
    'https://liquidjs.com/tutorials/intro-to-liquid.html',
    'https://shopify.github.io/liquid/filters/date/',
    'https://segment.com/docs/connections/spec/identify/',
    'https://en.wikipedia.org/wiki/ISO_8601#Durations',
  ])('opens %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'http://liquidjs.com/',
    'https://liquidjs.com.evil.example/',
    'https://user:pass@liquidjs.com/',
    'https://shopify.github.io/other-project/',
    'https://segment.com/pricing',
    'https://segment.com/docs/connections/spec/../../../pricing',
    'file:///Applications/Calculator.app',
    'smb://attacker/share',
    'javascript:alert(1)',
    'mailto:someone@example.com',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('allows every link the Help menu offers', () => {
    for (const url of Object.values(HELP_LINKS)) expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it('allows the publications of the forecast’s published rates, each at its own address', () => {
    const urls = librarySourceUrls();
    expect(urls).toContain('https://resources.klaviyo.com/2024-benchmark-report/p/4');
    for (const url of urls) expect(isAllowedExternalUrl(url)).toBe(true);
    expect(isAllowedExternalUrl('https://www.mediapost.com/publications/article/999999/')).toBe(
      false,
    );
  });

  it('hands only allowed links to the shell', () => {
    const openExternal = vi.fn(() => Promise.resolve());
    expect(openExternalIfAllowed('https://evil.example/', openExternal)).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
    expect(openExternalIfAllowed(HELP_LINKS.liquid, openExternal)).toBe(true);
    expect(openExternal).toHaveBeenCalledWith(HELP_LINKS.liquid);
  });
});
