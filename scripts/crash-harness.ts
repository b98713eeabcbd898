// The crash test: a `run` process SIGKILLed at seeded random moments while events stream in
// and wake-ups fire, restarted on the same database each time; then everything is checked.
// Used by tests/core/cli/crash.test.ts (a few kills) and `npm run soak` (a thousand and more).
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { SMTPServer } from 'smtp-server';

/** The project folder, whether this runs from scripts/ or bundled into out/node/. */
function projectRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'scripts', 'cli.mjs'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the project folder');
    dir = up;
  }
  return dir;
}

const ROOT = projectRoot();
const TOKEN = 'crash-test-token-0123456789';

/** A small seeded generator (mulberry32), so a run can be replayed from its seed. */
function rng(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    let t = (state = (state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every cart enters (reentry: always), gets an email, waits, and maybe a second one. */
const CART = {
  format: 'journey-studio/journey',
  version: 1,
  id: 'crash-cart',
  name: 'Crash test cart',
  settings: { reentry: 'always' },
  nodes: [
    { id: 'start', kind: 'trigger', config: { on: 'event', event: 'cart' } },
    {
      id: 'first',
      kind: 'message',
      config: {
        channel: 'email',
        from: 'shop@example.com',
        subject: 'Your cart, {{ profile.first_name }}',
        html: '<p>{{ event.item }}</p><a href="{{ unsubscribe_url }}">Unsubscribe</a>',
      },
    },
    { id: 'wait', kind: 'wait', config: { mode: 'duration', duration: 'PT1S' } },
    {
      id: 'bought',
      kind: 'condition',
      config: { event: 'purchase', op: 'performed', since: 'entry' },
    },
    { id: 'score', kind: 'update', config: { increment: { score: 1 } } },
    {
      id: 'second',
      kind: 'message',
      config: {
        channel: 'email',
        from: 'shop@example.com',
        subject: 'Still there?',
        html: '<p>2</p>',
      },
    },
  ],
  edges: [
    { from: 'start', to: 'first' },
    { from: 'first', to: 'wait' },
    { from: 'wait', to: 'bought' },
    { from: 'bought', port: 'no', to: 'score' },
    { from: 'score', to: 'second' },
  ],
};

/** A second journey with a wait-for-event and an SMS, so units touch several enrollments. */
const SIGNUP = {
  format: 'journey-studio/journey',
  version: 1,
  id: 'crash-signup',
  name: 'Crash test signup',
  settings: { reentry: 'always' },
  nodes: [
    { id: 'start', kind: 'trigger', config: { on: 'event', event: 'signup' } },
    {
      id: 'sms',
      kind: 'message',
      config: { channel: 'sms', text: 'Welcome {{ profile.first_name }}' },
    },
    { id: 'wait', kind: 'wait', config: { mode: 'event', event: 'cart', timeout: 'PT2S' } },
  ],
  edges: [
    { from: 'start', to: 'sms' },
    { from: 'sms', to: 'wait' },
  ],
};

export interface CrashOptions {
  seed: number;
  kills: number;
  /** Working folder for the database and journey files. */
  dir: string;
  /** Longest time a process runs before it is killed, after it is ready. */
  maxLifeMs?: number;
  /** Every n-th process sends email over SMTP to a local server (0: never). */
  smtpEvery?: number;
  log?: (line: string) => void;
}

export interface CrashReport {
  seed: number;
  kills: number;
  eventsSent: number;
  eventsAcknowledged: number;
  /** Calls sent again after a kill, with the same messageId: each was applied once all the same. */
  eventsResent: number;
  eventsApplied: number;
  lostAcknowledged: number;
  duplicateEvents: number;
  enrollments: number;
  steps: number;
  messages: number;
  duplicateSteps: number;
  embeddedDeliveredTwice: number;
  notDelivered: number;
  smtp: { received: number; distinctMessageIds: number; duplicates: number };
  /** Waits left on their timer: wake-ups that fired. */
  wakeupsFired: number;
  failures: number;
  integrity: string;
  problems: string[];
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Sent {
  messageId: string;
  body: Record<string, unknown>;
}

/** Sends calls to the API and remembers which were acknowledged. */
class Sender {
  readonly acked = new Set<string>();
  readonly unacked = new Map<string, Sent>();
  sent = 0;
  /** Calls sent again, with the same messageId, after a kill cut off their answer. */
  readonly resent = new Set<string>();
  private n = 0;
  private readonly random: () => number;

  constructor(seed: number) {
    this.random = rng(seed ^ 0x5eed);
  }

  private next(): Sent[] {
    const profile = `u${Math.floor(this.random() * 40)}`;
    const id = () => `m-${++this.n}`;
    const roll = this.random();
    const identify = {
      type: 'identify',
      userId: profile,
      traits: { email: `${profile}@example.com`, first_name: profile.toUpperCase() },
    };
    const event = (name: string) => ({
      type: 'track',
      userId: profile,
      event: name,
      properties: { item: `i${this.n}` },
    });
    if (roll < 0.1) return [{ messageId: id(), body: identify }];
    if (roll < 0.3) return [{ messageId: id(), body: event('purchase') }];
    if (roll < 0.45) return [{ messageId: id(), body: event('signup') }];
    return [
      { messageId: id(), body: identify },
      { messageId: id(), body: event('cart') },
    ];
  }

  /** Sends until `stop` resolves; calls cut off by a kill stay unacknowledged for a retry. */
  async stream(url: string, stop: Promise<void>, concurrency = 3): Promise<void> {
    let stopped = false;
    void stop.then(() => (stopped = true));
    const worker = async () => {
      while (!stopped) {
        const retry = [...this.unacked.values()].slice(0, 20);
        const calls = retry.length > 0 ? retry : this.next();
        for (const c of calls) this.unacked.set(c.messageId, c);
        if (retry.length === 0) this.sent += calls.length;
        else for (const c of calls) this.resent.add(c.messageId);
        const single = calls.length === 1 && this.random() < 0.5;
        const withIds = calls.map((c) => ({ ...c.body, messageId: c.messageId }));
        try {
          const res = await fetch(
            `${url}${single ? `/v1/${String(calls[0]!.body.type)}` : '/v1/batch'}`,
            {
              method: 'POST',
              headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
              body: JSON.stringify(single ? withIds[0] : { batch: withIds }),
            },
          );
          await res.text();
          if (res.status === 200) {
            for (const c of calls) {
              this.acked.add(c.messageId);
              this.unacked.delete(c.messageId);
            }
          }
        } catch {
          // Killed mid-request: not acknowledged; sent again (same messageId) to the next process.
          await sleep(5);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null)
      throw new Error(`run exited with ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(`${url}/v1/health`);
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(10);
  }
  throw new Error('run did not become ready');
}

class SmtpCounter {
  readonly ids: string[] = [];
  private server: SMTPServer | undefined;
  port = 0;

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        let raw = '';
        stream.on('data', (c: Buffer) => (raw += c.toString()));
        stream.on('end', () => {
          this.ids.push(/^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? '?');
          callback();
        });
      },
    });
    // A client killed mid-session resets its connection: nothing to report.
    server.on('error', () => undefined);
    this.server = server;
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    this.port = (server.server.address() as { port: number }).port;
  }

  stop(): Promise<void> {
    return new Promise((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}

/** Runs the whole crash test and checks the database it leaves. */
export async function crashTest(options: CrashOptions): Promise<CrashReport> {
  const log = options.log ?? (() => undefined);
  const random = rng(options.seed);
  mkdirSync(options.dir, { recursive: true });
  const db = join(options.dir, 'engine.db');
  const journeys = [join(options.dir, 'cart.json'), join(options.dir, 'signup.json')];
  writeFileSync(journeys[0]!, JSON.stringify(CART, null, 2));
  writeFileSync(journeys[1]!, JSON.stringify(SIGNUP, null, 2));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const smtp = new SmtpCounter();
  if (options.smtpEvery) await smtp.start();
  const sender = new Sender(options.seed);
  const stderrTail: string[] = [];

  const launch = (useSmtp: boolean): ChildProcess => {
    const args = [
      join(ROOT, 'scripts', 'cli.mjs'),
      'run',
      ...journeys,
      '--db',
      db,
      '--port',
      String(port),
      '--token',
      TOKEN,
    ];
    if (useSmtp) args.push('--smtp', `smtp://127.0.0.1:${smtp.port}`);
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr?.on('data', (c: Buffer) => {
      stderrTail.push(c.toString());
      if (stderrTail.length > 50) stderrTail.shift();
    });
    return child;
  };
  const exited = (child: ChildProcess) =>
    new Promise<void>((r) =>
      child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r()),
    );

  for (let kill = 1; kill <= options.kills; kill++) {
    const useSmtp = options.smtpEvery ? kill % options.smtpEvery === 0 : false;
    const child = launch(useSmtp);
    try {
      await waitForHealth(url, child);
    } catch (error) {
      child.kill('SIGKILL');
      throw new Error(`${String(error)}\n${stderrTail.join('')}`, { cause: error });
    }
    const life = Math.floor(random() * (options.maxLifeMs ?? 800));
    let stop!: () => void;
    const stopped = new Promise<void>((r) => (stop = r));
    const streaming = sender.stream(url, stopped);
    await sleep(life);
    child.kill('SIGKILL');
    await exited(child);
    stop();
    await streaming;
    if (kill % 50 === 0 || kill === options.kills)
      log(`kill ${kill}/${options.kills}: ${sender.acked.size} events acknowledged so far`);
  }

  // A last process: the calls cut off by kills are sent again, then everything drains.
  const last = launch(false);
  await waitForHealth(url, last);
  while (sender.unacked.size > 0) {
    let stop!: () => void;
    const stopped = new Promise<void>((r) => (stop = r));
    const streaming = sender.stream(url, stopped, 1);
    await sleep(50);
    stop();
    await streaming;
  }
  const check = new Database(db, { readonly: true });
  const pending = () =>
    (
      check
        .prepare(
          "SELECT (SELECT COUNT(*) FROM inbox) + (SELECT COUNT(*) FROM wakes) + (SELECT COUNT(*) FROM outbox WHERE status = 'pending') AS n",
        )
        .get() as { n: number }
    ).n + spooled(db);
  const until = Date.now() + 60_000;
  while (pending() > 0 && Date.now() < until) await sleep(100);
  last.kill('SIGTERM');
  await exited(last);
  check.close();
  await smtp.stop();
  return verify(db, sender, options, smtp);
}

/** Requests the event API acknowledged that the engine has not taken into its inbox yet. */
function spooled(db: string): number {
  const file = `${db}-spool`;
  if (!existsSync(file)) return 0;
  const spool = new Database(file, { readonly: true });
  try {
    return (spool.prepare('SELECT COUNT(*) AS n FROM spool').get() as { n: number }).n;
  } finally {
    spool.close();
  }
}

function verify(
  file: string,
  sender: Sender,
  options: CrashOptions,
  smtp: SmtpCounter,
): CrashReport {
  const db = new Database(file, { readonly: true });
  const all = <T>(sql: string) => db.prepare(sql).all() as T[];
  const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const problems: string[] = [];

  const applied = new Map<string, number>();
  for (const r of all<{ message_id: string }>(
    'SELECT message_id FROM events WHERE message_id IS NOT NULL',
  ))
    applied.set(r.message_id, (applied.get(r.message_id) ?? 0) + 1);
  // Identify calls leave no event row: their message ids are in message_ids, applied with the inbox.
  const seen = new Set(
    all<{ message_id: string }>('SELECT message_id FROM message_ids').map((r) => r.message_id),
  );
  let lost = 0;
  for (const id of sender.acked) if (!seen.has(id)) lost++;
  const duplicateEvents = [...applied.values()].filter((n) => n > 1).length;
  const inbox = one('SELECT COUNT(*) AS n FROM inbox') + spooled(file);
  if (inbox > 0) problems.push(`${inbox} accepted inputs were never applied`);
  if (lost > 0) problems.push(`${lost} acknowledged events are missing`);
  if (duplicateEvents > 0) problems.push(`${duplicateEvents} events were applied twice`);

  // Every applied cart event entered the cart journey once (reentry: always).
  const carts = one("SELECT COUNT(*) AS n FROM events WHERE name = 'cart'");
  const cartEntries = one("SELECT COUNT(*) AS n FROM enrollments WHERE journey_id = 'crash-cart'");
  if (carts !== cartEntries)
    problems.push(`${carts} cart events but ${cartEntries} cart enrollments`);
  const active = one("SELECT COUNT(*) AS n FROM enrollments WHERE status = 'active'");
  if (active > 0) problems.push(`${active} enrollments never finished`);

  // No step ran twice: each arrival of an enrollment at a node is in the journal once, and
  // the journal's messages are exactly the outbox.
  const arrivals = all<{ enrollment_id: string; node_id: string; n: number }>(
    "SELECT enrollment_id, node_id, COUNT(*) AS n FROM journal_steps WHERE type = 'arrive' GROUP BY enrollment_id, node_id HAVING n > 1",
  );
  const journalMessages = one("SELECT COUNT(*) AS n FROM journal_steps WHERE type = 'message'");
  const distinctJournalKeys = one(
    "SELECT COUNT(DISTINCT step ->> '$.key') AS n FROM journal_steps WHERE type = 'message'",
  );
  const outbox = one('SELECT COUNT(*) AS n FROM outbox');
  const duplicateSteps = arrivals.length + (journalMessages - distinctJournalKeys);
  if (duplicateSteps > 0) problems.push(`${duplicateSteps} steps were applied twice`);
  if (distinctJournalKeys !== outbox)
    problems.push(`journal has ${distinctJournalKeys} messages, the outbox ${outbox}`);

  // Delivery: every message finished; the embedded outbox holds each at most once.
  const notDelivered = one("SELECT COUNT(*) AS n FROM outbox WHERE status <> 'delivered'");
  if (notDelivered > 0) problems.push(`${notDelivered} messages were not delivered`);
  const twice = one(
    "SELECT COUNT(*) AS n FROM (SELECT outbox_id FROM delivery_log WHERE outcome = 'delivered' GROUP BY outbox_id HAVING COUNT(*) > 1)",
  );
  const mailbox = one('SELECT COUNT(*) AS n FROM mailbox');
  const embedded = one("SELECT COUNT(*) AS n FROM outbox WHERE transport = 'embedded'");
  if (twice > 0) problems.push(`${twice} messages were recorded as delivered twice`);
  if (mailbox !== embedded)
    problems.push(`the embedded outbox holds ${mailbox} copies of ${embedded} messages`);
  const distinctIds = new Set(smtp.ids).size;
  const smtpRows = one("SELECT COUNT(*) AS n FROM outbox WHERE transport = 'smtp'");
  if (distinctIds < smtpRows)
    problems.push(`${smtpRows} messages went over SMTP but only ${distinctIds} arrived`);

  const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? '?';
  if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);
  const failures = one('SELECT COUNT(*) AS n FROM failures');
  if (failures > 0) problems.push(`${failures} units failed`);
  const report: CrashReport = {
    seed: options.seed,
    kills: options.kills,
    eventsSent: sender.sent,
    eventsAcknowledged: sender.acked.size,
    eventsResent: sender.resent.size,
    eventsApplied: seen.size,
    lostAcknowledged: lost,
    duplicateEvents,
    enrollments: one('SELECT COUNT(*) AS n FROM enrollments'),
    steps: one('SELECT COUNT(*) AS n FROM journal_steps'),
    messages: outbox,
    duplicateSteps,
    embeddedDeliveredTwice: twice,
    notDelivered,
    smtp: {
      received: smtp.ids.length,
      distinctMessageIds: distinctIds,
      duplicates: smtp.ids.length - distinctIds,
    },
    wakeupsFired: one(
      "SELECT COUNT(*) AS n FROM journal_steps WHERE type = 'leave' AND node_id = 'wait' AND step ->> '$.port' <> 'event'",
    ),
    failures,
    integrity,
    problems,
  };
  db.close();
  return report;
}
