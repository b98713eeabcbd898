/**
 * The app as the console of a server engine: browser mode connects to a real `serve` process on
 * loopback with its token (Library ▸ Settings ▸ Run on a server), publishes and starts a journey
 * designed in the app, and the run panel shows the server's counts once an event reaches the
 * server's event API. Back to this computer is one click.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, stop, TOKEN, type CliProcess } from '../core/cli/cli-process';
import { node, startStudio, type Studio } from './studio';
import { importWelcome } from './welcome-journey';

let studio: Studio;
let server: CliProcess;
let serverDir: string;
let context: BrowserContext;
let page: Page;

const text = async (testId: string): Promise<string> =>
  (await page.getByTestId(testId).first().textContent()) ?? '';

beforeAll(async () => {
  serverDir = mkdtempSync(join(tmpdir(), 'js-e2e-server-'));
  server = await serve(join(serverDir, 'server.db'));
  if (!server.url) throw new Error(`serve did not start: ${server.stderr}`);
  studio = await startStudio();
  await importWelcome(studio, { timezone: 'UTC', html: '<p>Hi</p>' });
  ({ page, context } = await studio.open());
});

afterAll(async () => {
  await context?.close();
  await studio?.close();
  if (server) await stop(server);
  rmSync(serverDir, { recursive: true, force: true });
});

describe('the app as the console of a server engine', () => {
  it('connects with the token, publishes to the server, and shows its counts', async () => {
    const url = server.url!;
    const host = new URL(url).host;
    await page.getByRole('button', { name: 'Settings' }).click();
    const section = page.getByTestId('server-section');
    await expect
      .poll(() => section.getByTestId('engine-where').textContent())
      .toBe('Running on this computer');
    await section.getByLabel('Server address').fill(url);
    await section.getByLabel('Access token').fill(TOKEN);
    await section.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => section.getByTestId('server-report').textContent())
      .toMatch(
        new RegExp(
          `^Reached ${host}: Journey Studio \\d+\\.\\d+\\.\\d+, the token was accepted, no journeys live\\.$`,
        ),
      );
    await section.getByRole('button', { name: 'Run journeys on this server' }).click();
    await expect
      .poll(() => section.getByTestId('engine-where').textContent())
      .toBe(`Running on ${host}`);
    await page.keyboard.press('Escape');

    await page.getByTestId('journey-welcome').click();
    await node(page, 'hello').waitFor();
    await page.getByTestId('run-open').click();
    await page.getByTestId('run-panel').waitFor();
    await expect.poll(() => text('engine-where')).toBe(`Running on ${host}`);
    await page.getByTestId('run-publish').click();
    await page.getByTestId('publish-confirm').click();
    await expect.poll(() => text('run-state')).toContain('Ready');
    await page.getByTestId('run-start').click();
    await page.getByTestId('start-confirm').click();
    await expect.poll(() => text('run-state')).toContain('Running v1');

    // The journey is live on the server, not here.
    const hello = (await (
      await fetch(`${url}/api/hello`, { headers: { Authorization: `Bearer ${TOKEN}` } })
    ).json()) as { journeysLive: number };
    expect(hello.journeysLive).toBe(1);
    const here = await studio.api<{ id: string; liveVersion?: number }[]>('listJourneys', {});
    expect(here.find((j) => j.id === 'welcome')?.liveVersion).toBeUndefined();

    // An event reaches the server's event API from outside; its counts reach the run panel.
    const post = (path: string, body: unknown) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect(
      (await post('/v1/identify', { userId: 'ada', traits: { email: 'ada@example.com' } })).status,
    ).toBe(200);
    expect((await post('/v1/track', { userId: 'ada', event: 'signup' })).status).toBe(200);
    await expect.poll(() => text('live-here-later'), { timeout: 15_000 }).toContain('1');
    await expect.poll(() => text('live-delivered-hello')).toContain('1');
  });

  it('goes back to this computer in one click', async () => {
    await page.getByTestId('run-close').click();
    await page.getByRole('button', { name: 'Journeys' }).click();
    await page.getByTestId('library').waitFor();
    await page.getByRole('button', { name: 'Settings' }).click();
    const section = page.getByTestId('server-section');
    await section.getByRole('button', { name: 'Run on this computer instead' }).click();
    await expect
      .poll(() => section.getByTestId('engine-where').textContent())
      .toBe('Running on this computer');
  });
});
