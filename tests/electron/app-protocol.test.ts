import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  createAppProtocolHandler,
  isAppUrl,
  resolveAppFile,
} from '../../electron/main/app-protocol';

const base = mkdtempSync(join(tmpdir(), 'app-protocol-'));
const root = join(base, 'renderer');

beforeAll(() => {
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Journey Studio</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'export {};');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  // Beside the served folder: what a traversal would try to reach.
  writeFileSync(join(base, 'secret.txt'), 'the SMTP password');
});

const get = (url: string, method = 'GET') => createAppProtocolHandler(root)({ url, method });

describe('the app protocol', () => {
  it('serves the renderer with the content security policy', async () => {
    const response = await get('app://journey-studio/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('Journey Studio');
  });

  it('serves the root as index.html and assets with their types', async () => {
    expect(await (await get('app://journey-studio/')).text()).toContain('Journey Studio');
    const script = await get('app://journey-studio/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const style = await get('app://journey-studio/assets/index-abc.css');
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it.each([
    'app://journey-studio/../secret.txt',
    'app://journey-studio/assets/../../secret.txt',
    'app://journey-studio/%2e%2e/secret.txt',
    'app://journey-studio/..%2fsecret.txt',
    'app://journey-studio/assets%2f..%2f..%2fsecret.txt',
    'app://journey-studio/..%5csecret.txt',
    'app://journey-studio/assets\\..\\..\\secret.txt',
    'app://journey-studio/index.html%00.js',
    'app://journey-studio/%E0%A4%A',
    'app://journey-studio//etc/passwd',
    'app://journey-studio/' + encodeURIComponent(join(base, 'secret.txt')),
  ])('refuses a path out of the renderer folder: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('SMTP');
  });

  it('answers only its own host', async () => {
    expect((await get('app://evil-host/index.html')).status).toBe(404);
    expect(resolveAppFile(root, 'file:///etc/passwd')).toBeUndefined();
  });

  it('refuses anything but reading', async () => {
    expect((await get('app://journey-studio/index.html', 'POST')).status).toBe(405);
    const head = await get('app://journey-studio/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers 404 for a missing file', async () => {
    expect((await get('app://journey-studio/nope.js')).status).toBe(404);
  });

  it('is a secure standard scheme with its own origin', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP');
    expect(isAppUrl('app://journey-studio/index.html')).toBe(true);
    expect(isAppUrl('app://journey-studio.evil.example/')).toBe(false);
    expect(isAppUrl('https://journey-studio/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('the content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((directive) => {
      const [name = '', ...values] = directive.trim().split(/\s+/);
      return [name, values];
    }),
  );

  it('runs only the app’s own scripts: no inline scripts, no eval', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives.get('default-src')).toEqual(["'none'"]);
  });

  it('allows no plugins, no frames from anywhere, no base or form targets, no framing', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('connects nowhere but the app itself', () => {
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });
});
