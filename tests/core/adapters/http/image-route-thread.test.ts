/**
 * Library images at `/i/<id>` from the event API in its own thread (the command line, as users
 * run it): read from the database there, answered through the library's one public address, and
 * still refused for any other host name.
 */
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../core/adapters/sqlite/database';
import { SqliteImageLibrary } from '../../../../core/adapters/sqlite/image-store';
import { SettingsRepository } from '../../../../core/adapters/sqlite/settings';
import { saveLibrarySettings, savedLibrarySettings } from '../../../../core/app/library-settings';
import { serve, stop, type CliProcess } from '../../cli/cli-process';
import { png } from '../../email-design/image-bytes';

const running: CliProcess[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((run) => stop(run)));
});

const LOGO = png(120, 40, 64);
const ID = 'img-0123456789abcdef';

/** A library on disk with one image in it. */
function libraryWithImage(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'js-images-')), 'engine.db');
  const db = openDatabase(file);
  new SqliteImageLibrary(db).add(
    {
      id: ID,
      name: 'logo.png',
      type: 'image/png',
      width: 120,
      height: 40,
      size: LOGO.length,
      addedAt: 0,
    },
    LOGO,
  );
  db.close();
  return file;
}

/** A GET as a mail program behind the public host would send it, naming that host. */
function get(url: string, path: string, host: string): Promise<{ status: number; body: Buffer }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, headers: { host }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function started(file: string, ...more: string[]): Promise<CliProcess & { url: string }> {
  const run = await serve(file, ...more);
  running.push(run);
  expect(run.engine, run.stderr).toBe(true);
  // Served from the API's own thread, not the fallback in the engine's thread.
  expect(run.stderr).not.toContain("runs in the engine's thread");
  return { ...run, url: run.url as string };
}

describe('library images from the event API’s thread', () => {
  it('serves an image to the public host given on the command line, and refuses others', async () => {
    const run = await started(libraryWithImage(), '--public-url', 'https://mail.shop.example');
    const local = await get(run.url, `/i/${ID}`, new URL(run.url).host);
    expect(local.status).toBe(200);
    expect(new Uint8Array(local.body)).toEqual(LOGO);
    const proxied = await get(run.url, `/i/${ID}`, 'mail.shop.example');
    expect(proxied.status).toBe(200);
    expect(new Uint8Array(proxied.body)).toEqual(LOGO);
    expect((await get(run.url, `/i/${ID}`, 'attacker.example')).status).toBe(421);
    expect((await get(run.url, '/i/img-ffffffffffffffff', 'mail.shop.example')).status).toBe(404);
  }, 30_000);

  it('answers the public address set in the library while it runs', async () => {
    const file = libraryWithImage();
    const run = await started(file);
    expect((await get(run.url, `/i/${ID}`, 'images.shop.example')).status).toBe(421);
    const db = openDatabase(file);
    const settings = new SettingsRepository(db);
    saveLibrarySettings(settings, {
      ...savedLibrarySettings(settings),
      publicUrl: 'https://images.shop.example',
    });
    db.close();
    // The thread reads the settings again within a second: the next requests are answered.
    const deadline = Date.now() + 10_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await get(run.url, `/i/${ID}`, 'images.shop.example')).status;
      if (status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status).toBe(200);
  }, 30_000);
});
