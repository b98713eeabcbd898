import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, parseApiInput } from '../../../core/api/contract';
import type { LiveCounts } from '../../../core/api/execution-contract';
import { createAppService } from '../../../core/adapters/local-app';
import type { AppService } from '../../../core/app/app-service';
import { smtpUrlOf } from '../../../core/app/smtp-settings';
import { fileSecretStore } from '../../../core/adapters/files/file-secret-store';
import { openDatabase, type Db } from '../../../core/adapters/sqlite/database';
import type { Journey } from '../../../core/model/journey';
import { SmtpSink } from '../adapters/email/smtp-sink';
import { describeEachStore } from '../adapters/postgres/test-stores';
import { callerOf, refusal } from './app-calls';

const WELCOME: Journey = {
  format: 'journey-studio/journey',
  version: 1,
  id: 'welcome',
  name: 'Welcome',
  settings: { reentry: 'never', timezone: 'UTC' },
  nodes: [
    {
      id: 'signup',
      kind: 'trigger',
      position: { x: 0, y: 0 },
      config: { on: 'event', event: 'signup' },
    },
    {
      id: 'hello',
      kind: 'message',
      position: { x: 0, y: 120 },
      config: {
        channel: 'email',
        from: 'Shop <hello@example.com>',
        subject: 'Welcome, {{ profile.first_name | default: "friend" }}!',
        html: '<p>Hi {{ profile.first_name }}</p><script>alert(1)</script>',
      },
    },
    {
      id: 'later',
      kind: 'wait',
      position: { x: 0, y: 240 },
      config: { mode: 'duration', duration: 'P1D' },
    },
    { id: 'done', kind: 'exit', position: { x: 0, y: 360 }, config: {} },
  ],
  edges: [
    { from: 'signup', to: 'hello' },
    { from: 'hello', to: 'later' },
    { from: 'later', to: 'done' },
  ],
} as unknown as Journey;

const open: AppService[] = [];
const sinks: SmtpSink[] = [];
const folders: string[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((app) => app.close()));
  await Promise.all(sinks.splice(0).map((sink) => sink.stop()));
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function service(db: Db = openDatabase(':memory:')) {
  const app = createAppService({ db, eventApiPort: 0 });
  open.push(app);
  const call = callerOf(app);
  const pushed: LiveCounts[] = [];
  app.on('liveCounts', (counts) => pushed.push(counts));
  const states: string[] = [];
  app.on('executionChanged', (info) => states.push(`${info.journeyId}:${info.state}`));
  return { app, call, pushed, states };
}

async function sink(): Promise<SmtpSink> {
  const server = new SmtpSink();
  sinks.push(server);
  await server.start();
  return server;
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function saved(call: ReturnType<typeof service>['call'], journey: Journey = WELCOME) {
  const imported = await call('importJourney', {
    fileName: 'welcome.json',
    text: JSON.stringify(journey),
  });
  expect(imported.ok).toBe(true);
}

/** The journey running with email over `smtp`, and Ada signed up: her welcome email is on its way. */
async function signupOverSmtp(smtp: SmtpSink, db?: Db) {
  const started = service(db);
  const { call } = started;
  await call('saveSmtpSettings', {
    host: '127.0.0.1',
    port: smtp.port,
    security: 'none',
    username: '',
    from: '',
  });
  await saved(call);
  await call('publishJourney', { journeyId: 'welcome' });
  await call('setExecutionState', { journeyId: 'welcome', state: 'running' });
  await call('sendTestEvent', { userId: 'ada', event: 'signup', traits: { email: 'a@x.io' } });
  return started;
}

async function postTrack(
  call: ReturnType<typeof service>['call'],
  body: Record<string, unknown>,
): Promise<Response> {
  const engine = await call('getEngineInfo', {});
  return fetch(`${engine.eventApiUrl}/v1/track`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${engine.eventApiToken}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
}

describe('publishing and running a journey', () => {
  it('answers a published version as it was frozen, whatever was saved since', async () => {
    const { call } = service();
    await saved(call);
    await call('publishJourney', { journeyId: 'welcome' });
    const edited = structuredClone(WELCOME);
    edited.name = 'Welcome, second draft';
    await call('saveJourney', { journey: edited });
    const v1 = await call('getJourneyVersion', { journeyId: 'welcome', version: 1 });
    expect(v1.version).toBe(1);
    expect(v1.journey.name).toBe('Welcome');
    expect(v1.journey.nodes.map((n) => n.id)).toEqual(['signup', 'hello', 'later', 'done']);
    const missing = await refusal(call('getJourneyVersion', { journeyId: 'welcome', version: 2 }));
    expect([missing.code, missing.message, missing.field]).toEqual([
      'not-found',
      'Journey "welcome" has no published version 2.',
      'version',
    ]);
    const unknown = await refusal(call('getJourneyVersion', { journeyId: 'nope', version: 1 }));
    expect(unknown.code).toBe('not-found');
  });

  it('runs the published version: an event on the API becomes an email in the outbox', async () => {
    const { call, pushed, states } = service();
    await saved(call);
    expect((await call('getExecution', { journeyId: 'welcome' })).state).toBe('unpublished');

    const published = await call('publishJourney', { journeyId: 'welcome' });
    expect(published).toMatchObject({ state: 'ready', latestVersion: 1, created: true });
    expect(published.liveVersion).toBeUndefined();
    expect(published.changedSincePublish).toBe(false);
    expect((await call('publishJourney', { journeyId: 'welcome' })).created).toBe(false);

    const running = await call('setExecutionState', { journeyId: 'welcome', state: 'running' });
    expect(running).toMatchObject({ state: 'running', liveVersion: 1 });
    // Every window hears of it, not only the one that asked.
    expect(states).toEqual(['welcome:ready', 'welcome:ready', 'welcome:running']);

    const engine = await call('getEngineInfo', {});
    expect(engine.running).toBe(true);
    expect(engine.eventApiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(engine.email).toBe('embedded');
    const unauthorised = await fetch(`${engine.eventApiUrl}/v1/track`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'ada', event: 'signup' }),
    });
    expect(unauthorised.status).toBe(401);

    await fetch(`${engine.eventApiUrl}/v1/identify`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${engine.eventApiToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        userId: 'ada',
        traits: { email: 'ada@example.com', first_name: 'Ada' },
      }),
    });
    expect((await postTrack(call, { userId: 'ada', event: 'signup' })).status).toBe(200);

    const outbox = await until(
      () => call('listOutbox', { journeyId: 'welcome' }),
      (o) => o.messages[0]?.status === 'delivered',
    );
    expect(outbox.messages).toHaveLength(1);
    expect(outbox.messages[0]).toMatchObject({
      to: 'ada@example.com',
      title: 'Welcome, Ada!',
      nodeId: 'hello',
      transport: 'embedded',
      version: 1,
    });
    const detail = await call('getOutboxMessage', { id: outbox.messages[0]!.id });
    expect(detail.content.html).toContain('<p>Hi Ada</p>');
    expect(detail.log.map((l) => l.outcome)).toEqual(['delivered']);

    const counts = await until(
      () => call('getExecution', { journeyId: 'welcome' }),
      (e) => e.counts.nodes.later?.here === 1,
    );
    expect(counts.counts).toMatchObject({ entered: 1, active: 1 });
    expect(counts.counts.nodes.hello?.messages?.delivered).toBe(1);
    // The same counts reach the renderer without asking.
    await until(
      () => Promise.resolve(pushed.at(-1)),
      (p) => p?.nodes.hello?.messages?.delivered === 1,
    );
  });

  it('refuses to publish a journey with errors, naming them, and to start one never published', async () => {
    const { call } = service();
    const broken = { ...WELCOME, edges: WELCOME.edges.slice(1) } as Journey;
    await saved(call, broken);
    const error = await refusal(call('publishJourney', { journeyId: 'welcome' }));
    expect(error.code).toBe('invalid-request');
    expect(error.message).toMatch(/problems to fix before it can be published/);
    const start = await refusal(
      call('setExecutionState', { journeyId: 'welcome', state: 'running' }),
    );
    expect(start.code).toBe('conflict');
    expect(start.message).toMatch(/Publish the journey before starting it/);
    expect((await refusal(call('getExecution', { journeyId: 'nope' }))).code).toBe('not-found');
  });

  it('a new version published while running takes new entries; enrollments keep theirs', async () => {
    const { call } = service();
    await saved(call);
    await call('publishJourney', { journeyId: 'welcome' });
    await call('setExecutionState', { journeyId: 'welcome', state: 'running' });
    await call('sendTestEvent', {
      userId: 'ada',
      event: 'signup',
      traits: { email: 'ada@example.com' },
    });
    await until(
      () => call('listOutbox', {}),
      (o) => o.messages.length === 1,
    );
    const changed = structuredClone(WELCOME) as Journey & {
      nodes: { id: string; config: Record<string, unknown> }[];
    };
    changed.nodes[1]!.config.subject = 'Hello there';
    await call('saveJourney', { journey: changed });
    expect((await call('getExecution', { journeyId: 'welcome' })).changedSincePublish).toBe(true);
    const republished = await call('publishJourney', { journeyId: 'welcome' });
    expect(republished).toMatchObject({ state: 'running', liveVersion: 2, created: true });

    await call('sendTestEvent', {
      userId: 'bob',
      event: 'signup',
      traits: { email: 'bob@example.com' },
    });
    const outbox = await until(
      () => call('listOutbox', {}),
      (o) => o.messages.length === 2,
    );
    expect(outbox.messages.map((m) => [m.to, m.version, m.title])).toEqual([
      ['bob@example.com', 2, 'Hello there'],
      ['ada@example.com', 1, 'Welcome, friend!'],
    ]);
  });
});

describeEachStore('publishing with people inside', (store) => {
  it('previews who is where, refuses a plan it cannot carry out, and carries out a good one', async () => {
    const { call } = service(await store.open());
    await saved(call);
    await call('publishJourney', { journeyId: 'welcome' });
    await call('setExecutionState', { journeyId: 'welcome', state: 'running' });
    for (const userId of ['ada', 'bob'])
      await call('sendTestEvent', { userId, event: 'signup', traits: { email: `${userId}@x.io` } });
    await until(
      () => call('getExecution', { journeyId: 'welcome' }),
      (info) => info.counts.nodes.later?.here === 2,
    );
    // The day's wait becomes two days, and a second wait is added after it.
    const changed = structuredClone(WELCOME) as Journey & {
      nodes: { id: string; kind: string; config: Record<string, unknown> }[];
      edges: { from: string; to: string }[];
    };
    changed.nodes[2]!.config.duration = 'P2D';
    // Nothing new to publish: nobody would be affected.
    const impact = await call('previewPublish', { journeyId: 'welcome' });
    expect(impact).toMatchObject({ toVersion: 1, changed: false, total: 0, groups: [] });
    await call('saveJourney', { journey: changed });
    const preview = await call('previewPublish', { journeyId: 'welcome' });
    expect(preview).toMatchObject({ toVersion: 2, changed: true, total: 2 });
    expect(preview.groups.map((g) => [g.key, g.count, g.step.title, g.actions])).toEqual([
      ['1/changed/later', 2, 'Wait 1 day', ['stay', 'continue', 'move', 'exit']],
    ]);
    expect(preview.groups[0]?.until?.first).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(preview.targets.map((t) => t.id)).toEqual(['hello', 'later', 'done']);

    const refused = await refusal(
      call('publishJourney', {
        journeyId: 'welcome',
        migration: { '1/changed/later': { action: 'move', to: 'signup' } },
      }),
    );
    expect([refused.code, refused.field]).toEqual(['invalid-request', 'migration']);
    expect(refused.message).toContain('cannot be moved to the trigger');
    expect((await call('getExecution', { journeyId: 'welcome' })).latestVersion).toBe(1);
    // A malformed plan never reaches the handler.
    expect(() =>
      parseApiInput('publishJourney', {
        journeyId: 'welcome',
        migration: { '1/changed/later': { action: 'teleport' } },
      }),
    ).toThrow(ApiError);

    const published = await call('publishJourney', {
      journeyId: 'welcome',
      migration: { '1/changed/later': { action: 'exit' } },
    });
    expect(published).toMatchObject({
      liveVersion: 2,
      created: true,
      migrated: { continue: 0, move: 0, exit: 2 },
    });
    expect(published.counts).toMatchObject({ active: 0, exited: 2 });
  });

  it('lets only a running journey carry its people over', async () => {
    const { call } = service(await store.open());
    await saved(call);
    await call('publishJourney', { journeyId: 'welcome' });
    const refused = await refusal(
      call('publishJourney', {
        journeyId: 'welcome',
        migration: { '1/changed/later': { action: 'exit' } },
      }),
    );
    expect([refused.code, refused.field]).toEqual(['conflict', 'migration']);
  });
});

describeEachStore('pausing and stopping', (store) => {
  it('pause takes no one new, those inside carry on; start resumes', async () => {
    const { call } = service(await store.open());
    await saved(call);
    await call('publishJourney', { journeyId: 'welcome' });
    await call('setExecutionState', { journeyId: 'welcome', state: 'running' });
    await call('sendTestEvent', { userId: 'ada', event: 'signup', traits: { email: 'a@x.io' } });
    await until(
      () => call('getExecution', { journeyId: 'welcome' }),
      (e) => e.counts.entered === 1,
    );
    const paused = await call('setExecutionState', { journeyId: 'welcome', state: 'paused' });
    expect(paused.state).toBe('paused');
    expect(paused.liveVersion).toBeUndefined();
    await call('sendTestEvent', { userId: 'bob', event: 'signup', traits: { email: 'b@x.io' } });
    // Once the engine has applied Bob's event, he has not entered; Ada is still inside.
    await until(
      () => call('getEngineInfo', {}),
      (i) => i.inbox === 0,
    );
    const still = await call('getExecution', { journeyId: 'welcome' });
    expect(still.counts).toMatchObject({ entered: 1, active: 1 });

    await call('setExecutionState', { journeyId: 'welcome', state: 'running' });
    await call('sendTestEvent', { userId: 'cy', event: 'signup', traits: { email: 'c@x.io' } });
    await until(
      () => call('getExecution', { journeyId: 'welcome' }),
      (e) => e.counts.entered === 2,
    );
  });

  it('stop ends everyone inside and cancels their messages not yet sent', async () => {
    const smtp = await sink();
    smtp.reply = () => ({ code: 451, message: 'try again later' });
    const { call } = await signupOverSmtp(smtp, await store.open());
    const retrying = await until(
      () => call('listOutbox', { journeyId: 'welcome' }),
      (o) => (o.messages[0]?.attempts ?? 0) >= 1,
    );
    expect(retrying.messages[0]).toMatchObject({ status: 'pending' });
    expect(retrying.messages[0]!.lastError).toMatch(/try again later/);

    const stopped = await call('setExecutionState', { journeyId: 'welcome', state: 'stopped' });
    expect(stopped.state).toBe('stopped');
    expect(stopped.counts).toMatchObject({ entered: 1, active: 0, exited: 1 });
    expect(stopped.counts.messages).toMatchObject({ pending: 0, cancelled: 1 });
    const detail = await call('getOutboxMessage', { id: retrying.messages[0]!.id });
    expect(detail.status).toBe('cancelled');
    expect(detail.log.at(-1)).toMatchObject({ outcome: 'cancelled' });
    expect(
      (await refusal(call('setExecutionState', { journeyId: 'welcome', state: 'paused' }))).code,
    ).toBe('conflict');
  });
});

describe('delivery from the app', () => {
  it('a dead message can be retried and then goes out', async () => {
    const smtp = await sink();
    smtp.reply = () => ({ code: 550, message: 'mailbox unavailable' });
    const { call } = await signupOverSmtp(smtp);
    const dead = await until(
      () => call('listOutbox', { status: 'dead' }),
      (o) => o.messages.length === 1,
    );
    const id = dead.messages[0]!.id;
    expect(dead.messages[0]!.lastError).toMatch(/mailbox unavailable/);
    smtp.reply = () => undefined;
    const retried = await call('retryOutboxMessage', { id });
    expect(retried.status).toBe('pending');
    await until(
      () => call('getOutboxMessage', { id }),
      (m) => m.status === 'delivered',
    );
    expect(smtp.received.map((m) => m.to)).toEqual([['a@x.io']]);
    expect((await refusal(call('retryOutboxMessage', { id }))).code).toBe('conflict');
  });

  it('keeps the SMTP password out of every answer and sends a test email with it', async () => {
    const { call } = service();
    const view = await call('saveSmtpSettings', {
      host: 'smtp.example.com',
      port: 587,
      security: 'starttls',
      username: 'mailer',
      from: 'studio@example.com',
      password: 'hunter2-very-secret',
    });
    expect(view).toMatchObject({ host: 'smtp.example.com', passwordSet: true });
    expect(JSON.stringify(view)).not.toContain('hunter2');
    expect(JSON.stringify(await call('getSmtpSettings', {}))).not.toContain('hunter2');
    expect(JSON.stringify(await call('getEngineInfo', {}))).not.toContain('hunter2');
    const kept = await call('saveSmtpSettings', {
      host: 'smtp.example.com',
      port: 587,
      security: 'starttls',
      username: 'mailer',
      from: 'studio@example.com',
    });
    expect(kept.passwordSet).toBe(true);
    const { passwordSet: _set, protection: _protection, ...settings } = kept;
    const forgotten = await call('saveSmtpSettings', { ...settings, clearPassword: true });
    expect(forgotten.passwordSet).toBe(false);
    const bad = await refusal(
      call('saveSmtpSettings', { ...settings, host: 'smtp example.com; rm -rf' }),
    );
    expect(bad).toMatchObject({ code: 'invalid-request', field: 'host' });
  });

  it('a test email reaches a local SMTP server; without a server it says email stays local', async () => {
    const { call } = service();
    expect(await call('sendTestEmail', { to: 'me@example.com' })).toMatchObject({ ok: false });
    const smtp = await sink();
    await call('saveSmtpSettings', {
      host: '127.0.0.1',
      port: smtp.port,
      security: 'none',
      username: '',
      from: 'studio@example.com',
    });
    const sent = await call('sendTestEmail', { to: 'me@example.com' });
    expect(sent.ok).toBe(true);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatchObject({ from: 'studio@example.com', to: ['me@example.com'] });
    expect(smtp.received[0]!.raw).toContain('Subject: Journey Studio test email');
    await smtp.stop();
    const down = await call('sendTestEmail', { to: 'me@example.com' });
    expect(down.ok).toBe(false);
    expect(down.detail).toMatch(/ECONNREFUSED/);
  });
});

describe('secrets and settings', () => {
  it('builds the SMTP URL with the password encoded, TLS as chosen', () => {
    const settings = {
      host: 'mail.example.com',
      port: 465,
      security: 'tls' as const,
      username: 'me@example.com',
      from: '',
    };
    expect(smtpUrlOf(settings, 'p@ss:word/')).toBe(
      'smtps://me%40example.com:p%40ss%3Aword%2F@mail.example.com:465',
    );
    expect(smtpUrlOf({ ...settings, security: 'starttls', port: 587 }, undefined)).toBe(
      'smtp://me%40example.com@mail.example.com:587?requireTLS=true',
    );
  });

  it('browser mode keeps secrets in a file only this user can read', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'js-secrets-'));
    folders.push(folder);
    const file = join(folder, 'browser-secrets.json');
    const store = fileSecretStore(file);
    await store.set('smtp-password', 's3cret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await fileSecretStore(file).get('smtp-password')).toBe('s3cret');
    await store.delete('smtp-password');
    expect(readFileSync(file, 'utf8')).not.toContain('s3cret');
    expect(await store.protection()).toBe('plain-text');
  });

  it('one engine per database: a second app on the same folder says who holds it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'js-lock-'));
    folders.push(folder);
    const first = createAppService({ dataDir: folder, eventApiPort: 0 });
    open.push(first);
    expect((await first.handlers.getEngineInfo({})).running).toBe(true);
    const second = createAppService({ dataDir: folder, eventApiPort: 0 });
    open.push(second);
    const info = await second.handlers.getEngineInfo({});
    expect(info.running).toBe(false);
    expect(info.problem).toMatch(/Another Journey Studio engine/);
    // The same problem as a code and its facts, for the app to word in its language: the
    // first engine runs in this process, which noted its id beside the lock.
    expect(info.problemCode).toBe('engine-busy');
    expect(info.problemValues).toEqual({ pid: process.pid });
    expect(info.problem).toBe(
      `Another Journey Studio engine (process ${process.pid}) is running on this database — the command line’s run or serve, or another window. Stop it to run journeys from the app.`,
    );
  });
});
