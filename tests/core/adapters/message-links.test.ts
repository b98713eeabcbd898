import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLocalEngine } from '../../../core/adapters/local-engine';
import { openDatabase, type Db } from '../../../core/adapters/sqlite/database';
import { SettingsRepository } from '../../../core/adapters/sqlite/settings';
import { saveLibrarySettings, savedLibrarySettings } from '../../../core/app/library-settings';
import type { LiveEngine } from '../../../core/executor/live-engine';
import { chain, journey, node } from '../build';
import { serve } from '../cli/cli-process';
import { parseMail } from './email/mime';
import { SmtpSink } from './email/smtp-sink';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const mail = journey(
  [
    node('start', 'trigger', { on: 'event', event: 'cart' }),
    node('mail', 'message', {
      channel: 'email',
      from: 'Shop <shop@shop.example>',
      subject: 'Cart',
      html: '<a href="{{ unsubscribe_url }}">Unsubscribe</a>',
    }),
  ],
  chain('start', 'mail'),
  {},
  'cart',
);

function withSettings(db: Db, change: Partial<ReturnType<typeof savedLibrarySettings>>): void {
  const settings = new SettingsRepository(db);
  saveLibrarySettings(settings, { ...savedLibrarySettings(settings), ...change });
}

async function sendOne(db: Db, smtpUrl: string, publicUrl?: string): Promise<LiveEngine> {
  const engine = openLocalEngine({
    db,
    token: 'links-test-token-0123456789',
    smtpUrl,
    port: 0,
    ...(publicUrl && { publicUrl }),
  });
  cleanups.push(() => engine.stop());
  engine.publish(mail);
  await engine.start();
  engine.ingest([
    { type: 'identify', profileId: 'ann', traits: { email: 'ann@example.com' } },
    { type: 'track', event: { profileId: 'ann', name: 'cart', properties: {} } },
  ]);
  return engine;
}

async function sink(): Promise<SmtpSink> {
  const server = new SmtpSink();
  await server.start();
  cleanups.push(() => server.stop());
  return server;
}

describe('unsubscribe links that recipients can reach', () => {
  it('with a public address: the one-click link there, in the header and the body', async () => {
    const smtp = await sink();
    await sendOne(openDatabase(':memory:'), smtp.url, 'https://shop.example/journeys');
    await waitFor(() => smtp.received.length === 1);
    const sent = parseMail(smtp.received[0]!.raw);
    expect(sent.headers.get('list-unsubscribe')).toMatch(
      /^<https:\/\/shop\.example\/journeys\/u\/[\w.-]+>$/,
    );
    expect(sent.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(sent.html).toContain('href="https://shop.example/journeys/u/');
  });

  it('links the library’s images from the same public address as the unsubscribe link', async () => {
    const smtp = await sink();
    const db = openDatabase(':memory:');
    withSettings(db, { publicUrl: 'https://shop.example/journeys' });
    const engine = openLocalEngine({ db, token: 'links-test-token-0123456789', smtpUrl: smtp.url });
    cleanups.push(() => engine.stop());
    engine.publish(
      journey(
        [
          node('start', 'trigger', { on: 'event', event: 'cart' }),
          node('mail', 'message', {
            channel: 'email',
            from: 'Shop <shop@shop.example>',
            subject: 'Cart',
            html: '<img src="cid:img-0123456789abcdef@journey-studio" alt="Logo"><a href="{{ unsubscribe_url }}">Unsubscribe</a>',
          }),
        ],
        chain('start', 'mail'),
        {},
        'cart',
      ),
    );
    await engine.start();
    engine.ingest([
      { type: 'identify', profileId: 'ann', traits: { email: 'ann@example.com' } },
      { type: 'track', event: { profileId: 'ann', name: 'cart', properties: {} } },
    ]);
    await waitFor(() => smtp.received.length === 1);
    const sent = parseMail(smtp.received[0]!.raw);
    expect(sent.html).toContain('src="https://shop.example/journeys/i/img-0123456789abcdef"');
    expect(sent.html).toContain('href="https://shop.example/journeys/u/');
  });

  it('without one, a mailto: on the sender’s domain (RFC 2369) when a mailbox is read', async () => {
    const smtp = await sink();
    const db = openDatabase(':memory:');
    withSettings(db, {
      mailbox: { host: 'imap.shop.example', port: 993, security: 'tls', username: 'u' },
    });
    await sendOne(db, smtp.url);
    await waitFor(() => smtp.received.length === 1);
    const sent = parseMail(smtp.received[0]!.raw);
    const header = sent.headers.get('list-unsubscribe') ?? '';
    expect(header).toMatch(/^<mailto:unsubscribe@shop\.example\?subject=Unsubscribe%20[\w.-]+>$/);
    // No one-click POST without a link to post to; the body's link is the same mailto:.
    expect(sent.headers.has('list-unsubscribe-post')).toBe(false);
    expect(sent.html).toContain('href="mailto:unsubscribe@shop.example?subject=Unsubscribe%20');
  });

  it('refuses to send through a server elsewhere while links would lead to this computer', async () => {
    const db = openDatabase(':memory:');
    const engine = await sendOne(db, 'smtp://mail.example.invalid:2525');
    await waitFor(
      () => engine.status().outbox.pending === 1 && engine.outbox.nextDueAt() !== undefined,
    );
    await waitFor(
      () =>
        (db.prepare('SELECT last_error FROM outbox').get() as { last_error: string | null })
          .last_error !== null,
    );
    expect(db.prepare('SELECT status, last_error FROM outbox').get() as object).toEqual({
      status: 'pending',
      last_error:
        'Email through mail.example.invalid would carry unsubscribe links to this computer (127.0.0.1), which no recipient can reach. Set a public address for links (Settings → Links, or --public-url), or a mailbox for unsubscribes that Journey Studio reads (Settings → Mailbox).',
    });
  });

  it('the command line refuses to start so, and says what to set', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'js-links-')), 'engine.db');
    const refused = await serve(db, '--smtp', 'smtp://mail.example.com:587');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('would carry unsubscribe links to this computer');
    expect(refused.stderr).toContain('--public-url');
    const started = await serve(
      db,
      '--smtp',
      'smtp://mail.example.com:587',
      '--public-url',
      'https://shop.example',
    );
    cleanups.push(() => {
      started.child.kill('SIGKILL');
    });
    expect(started.engine).toBe(true);
  }, 30_000);
});
