import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Output } from '../../../core/cli/output';
import { statusLine } from '../../../core/cli/engine-session';
import { runCommand } from '../../../core/cli/run.command';
import { serveCommand } from '../../../core/cli/serve.command';
import type { LiveEngine } from '../../../core/executor/live-engine';
import { serializeJourney } from '../../../core/model/journey-file';
import type { Journey } from '../../../core/model/journey';
import { chain, journey, node } from '../build';
import { FIXTURES } from '../fixtures';
import { cli } from './cli';

const TOKEN = 'cli-test-token-0123456789';

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'js-run-'));
}

function writeJourney(dir: string, j: Journey, name = `${j.id}.json`): string {
  const file = join(dir, name);
  writeFileSync(file, serializeJourney(j));
  return file;
}

const vips = (subject = 'Welcome, VIP') =>
  journey(
    [
      node('start', 'trigger', {
        on: 'segment',
        condition: { attribute: 'vip', op: 'eq', value: true },
      }),
      node('mail', 'message', {
        channel: 'email',
        from: 'shop@example.com',
        subject,
        html: '<p>Hi</p>',
      }),
    ],
    chain('start', 'mail'),
    {},
    'vips',
  );

const carts = journey(
  [
    node('start', 'trigger', { on: 'event', event: 'cart' }),
    node('mail', 'message', {
      channel: 'email',
      from: 'shop@example.com',
      subject: 'Cart',
      html: '<p>x</p>',
    }),
  ],
  chain('start', 'mail'),
  {},
  'carts',
);

interface Ready {
  url: string;
  engine: LiveEngine;
}

/** Runs a command in-process until `body` is done with the engine, then stops it like Ctrl+C. */
async function session(
  command: typeof runCommand,
  args: string[],
  body: (ready: Ready) => Promise<void> = () => Promise.resolve(),
) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out: Output = { print: (l) => stdout.push(l), error: (l) => stderr.push(l) };
  const stop = new AbortController();
  let failure: Error | undefined;
  const code = await command(args, out, {
    env: {},
    signal: stop.signal,
    statusEveryMs: 0,
    onReady: (ready) => {
      body(ready).then(
        () => stop.abort(),
        (error: unknown) => {
          failure = error instanceof Error ? error : new Error(String(error));
          stop.abort();
        },
      );
    },
  });
  if (failure) throw failure;
  return { code: code.exitCode, stdout, stderr };
}

async function until(what: string, check: () => boolean): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('run', () => {
  it('imports profiles, publishes, starts segment journeys, takes events, and prints what runs', async () => {
    const dir = folder();
    const db = join(dir, 'engine.db');
    const files = [writeJourney(dir, vips()), writeJourney(dir, carts)];
    const result = await session(
      runCommand,
      [
        ...files,
        '--db',
        db,
        '--port',
        '0',
        '--token',
        TOKEN,
        '--profiles',
        join(FIXTURES, 'data', 'profiles.csv'),
      ],
      async ({ url, engine }) => {
        const reply = await fetch(`${url}/v1/track`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify({ userId: 'u2', event: 'cart' }),
        });
        expect(reply.status).toBe(200);
        await until('the messages', () => engine.outbox.counts().delivered === 2);
      },
    );
    // The fixture repeats one profile id on purpose: it is imported, and said.
    expect(result.stderr).toEqual([
      `${join(FIXTURES, 'data', 'profiles.csv')}: warning  duplicate-ids  1 row repeats a profile id an earlier row has (first: "u1" on line 5, first on line 2). Each later row updated that profile.`,
    ]);
    expect(result.code).toBe(0);
    const text = result.stdout.join('\n');
    expect(text).toMatch(/Event API {2}http:\/\/127\.0\.0\.1:\d+/);
    expect(text).toContain('Token      from --token (cli-…, 25 characters)');
    expect(text).not.toContain(TOKEN);
    expect(text).toContain('Profiles   3 imported from');
    expect(text).toContain('Journey    vips v1 (published now, starting existing profiles)');
    expect(text).toContain('Journey    carts v1 (published now)');
    expect(text).toContain('Email      embedded outbox');
    expect(text).toContain('Stopped.');
    const check = new Database(db, { readonly: true });
    // u1 is the only VIP with an address (u3 is a VIP without one); u2 sent a cart.
    expect(check.prepare('SELECT profile_id, journey_id FROM outbox ORDER BY id').all()).toEqual([
      { profile_id: 'u1', journey_id: 'vips' },
      { profile_id: 'u2', journey_id: 'carts' },
    ]);
    check.close();
  });

  it('resumes on the same database: an unchanged journey keeps its version, a changed one gets the next', async () => {
    const dir = folder();
    const db = join(dir, 'engine.db');
    const first = await session(runCommand, [
      writeJourney(dir, carts),
      '--db',
      db,
      '--port',
      '0',
      '--token',
      TOKEN,
    ]);
    expect(first.code).toBe(0);
    const again = await session(runCommand, [
      writeJourney(dir, carts),
      '--db',
      db,
      '--port',
      '0',
      '--token',
      TOKEN,
    ]);
    expect(again.stdout).toContain('  Journey    carts v1 (unchanged)');
    const changed = { ...carts, name: 'Carts, renamed' };
    const third = await session(runCommand, [
      writeJourney(dir, changed),
      writeJourney(dir, vips()),
      '--db',
      db,
      '--port',
      '0',
      '--token',
      TOKEN,
    ]);
    expect(third.stdout).toContain('  Journey    carts v2 (published now)');
    const serve = await session(serveCommand, ['--db', db, '--port', '0', '--token', TOKEN]);
    expect(serve.code).toBe(0);
    expect(serve.stdout).toContain('  Journey    carts v2 (Carts, renamed)');
    expect(serve.stdout).toContain('  Journey    vips v1 (Test journey)');
  });

  it('makes a token when none is given, and prints it', async () => {
    const dir = folder();
    const result = await session(runCommand, [
      writeJourney(dir, carts),
      '--db',
      join(dir, 'e.db'),
      '--port',
      '0',
    ]);
    expect(result.stdout.join('\n')).toMatch(/Token {6}[\w-]{32} {2}\(made for this run/);
  });

  it('refuses a second engine on the same database', async () => {
    const dir = folder();
    const db = join(dir, 'engine.db');
    const file = writeJourney(dir, carts);
    let second: Awaited<ReturnType<typeof cli>> | undefined;
    await session(runCommand, [file, '--db', db, '--port', '0', '--token', TOKEN], async () => {
      second = await cli('run', file, '--db', db, '--port', '0', '--token', TOKEN);
    });
    expect(second?.code).toBe(1);
    expect(second?.stderr.join('\n')).toContain('Another Journey Studio engine');
  });

  it('starts nothing when a journey has errors', async () => {
    const dir = folder();
    const db = join(dir, 'engine.db');
    const result = await cli('run', join(FIXTURES, 'invalid', 'two-triggers.json'), '--db', db);
    expect(result.code).toBe(1);
    expect(result.stderr.join('\n')).toContain('nothing was started');
    expect(existsSync(db)).toBe(false);
  });

  it.each([
    [['run'], 'needs a journey file'],
    [['run', 'x.json', '--port', 'http'], '--port must be a port number'],
    [['run', 'x.json', '--port', '70000'], '--port must be a port number'],
    [['run', 'x.json', '--smtp', 'mail.example.com'], '--smtp'],
    [['run', 'x.json', '--token', 'short'], 'at least 16 characters'],
    [['run', 'x.json', '--token', ''], '--token is empty: give a token, or leave it out'],
    [['run', 'x.json', '--profile-map', 'id=user'], '--profile-map needs --profiles'],
    [['run', 'x.json', '--frobnicate'], 'Unknown option'],
    [['serve', '--port', '-1'], "'--port' argument is ambiguous"],
  ])('is a usage error: %j', async (argv, message) => {
    const dir = folder();
    const args = argv.map((a) => (a === 'x.json' ? writeJourney(dir, carts) : a));
    const result = await cli(
      ...args,
      ...(args[0] === 'run' && args.length > 1 ? ['--db', join(dir, 'e.db')] : []),
    );
    expect(result.code).toBe(2);
    expect(result.stderr.join('\n')).toContain(message);
  });

  it('says what is wrong with a profile file, and starts nothing', async () => {
    const dir = folder();
    const missing = join(dir, 'nope.csv');
    const result = await cli(
      'run',
      writeJourney(dir, carts),
      '--db',
      join(dir, 'e.db'),
      '--port',
      '0',
      '--token',
      TOKEN,
      '--profiles',
      missing,
    );
    expect(result.code).toBe(1);
    expect(result.stderr.join('\n')).toContain('nope.csv');
  });
});

describe('the live status line', () => {
  it('says what the engine has done and what waits', () => {
    const line = statusLine(
      {
        inbox: 12,
        events: 1204,
        wakes: 340,
        enrollments: { active: 88, ended: 40 },
        outbox: { pending: 2, delivered: 75, dead: 1, cancelled: 3 },
        failures: 0,
        api: { requests: 0, accepted: 0, duplicates: 0, rejected: 0, commits: 0 },
      },
      new Date('2026-05-01T14:02:05Z'),
    );
    expect(line).toBe(
      '14:02:05  events 1,204 (+12 queued) · wake-ups 340 scheduled · enrollments 88 active, 40 ended · messages 75 delivered, 2 pending, 1 dead, 3 cancelled',
    );
  });
});
