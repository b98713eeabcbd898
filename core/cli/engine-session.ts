import { randomBytes } from 'node:crypto';
import { smtpUrlProblem } from '../adapters/email/smtp-transport';
import { databaseFile, defaultDataDir } from '../adapters/files/data-dir';
import { privateFolder } from '../adapters/files/private-files';
import { ApiError } from '../api/contract';
import type { ConsoleBackend } from '../adapters/http/console-route';
import { DEFAULT_EVENT_API_PORT } from '../adapters/http/event-api';
import { openLocalEngine } from '../adapters/local-engine';
import { PostgresUnusableError } from '../adapters/postgres/pg-connection';
import { isPostgresUrl, openPostgres } from '../adapters/postgres/pg-database';
import { DatabaseUnusableError, openDatabase, type Db } from '../adapters/sqlite/database';
import { EngineBusyError, lockEngine } from '../adapters/sqlite/engine-lock';
import { ImapFeedbackMailbox } from '../adapters/email/feedback-mailbox';
import { UnsubscribeLinks } from '../adapters/http/unsubscribe-links';
import { SqliteBackups } from '../adapters/sqlite/backups';
import { FeedbackStore } from '../adapters/sqlite/feedback-store';
import { SettingsRepository } from '../adapters/sqlite/settings';
import { systemTimers } from '../adapters/system-timers';
import { savedLibrarySettings } from '../app/library-settings';
import { sendingProblem } from '../app/sending-preflight';
import { savedSmtpSettings, smtpUrlOf } from '../app/smtp-settings';
import type { LiveEngine } from '../executor/live-engine';
import type { EngineStatus } from '../executor/ports';
import { checkExposure, ExposureError, type ExposureFlags } from './exposure';
import { plural, type Output } from './output';
import type { WorkerCommand } from './worker-pool';
import type { ConsoleHooks } from './serve-console';

export interface SessionFlags extends ExposureFlags {
  /** A SQLite file, or a PostgreSQL server as postgres://user:password@host:port/database. */
  db?: string;
  /** A worker beside the engine that takes requests (PostgreSQL): no event API of its own. */
  worker?: boolean;
  port?: string;
  token?: string;
  smtp?: string;
  /** `--public-url`: where recipients reach the engine, for the links in messages. */
  'public-url'?: string;
}

/** What tests (and embedders) can set: the environment, and a signal that stops the engine. */
export interface SessionDeps {
  env?: NodeJS.ProcessEnv;
  /** Stops the engine like SIGINT does. */
  signal?: AbortSignal;
  /** Called once the engine runs, with its URL and token. */
  onReady?: (ready: { url: string; token: string; db: string; engine: LiveEngine }) => void;
  /** Milliseconds between status lines; 0 turns them off. */
  statusEveryMs?: number;
  /** The bundled command line, from which the event API's own thread starts. */
  threadScript?: URL;
  /** How `serve --workers` starts each further worker (tests give their own). */
  workerCommand?: WorkerCommand;
}

export class SessionError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

export interface Session {
  engine: LiveEngine;
  db: Db;
  file: string;
  token: string;
  tokenNote: string;
  port: number;
  release: () => void;
  /** Starts what runs beside the engine (daily backups, reading the mailbox); returns its stop. */
  background: () => () => void;
  /** Set by `serve`'s console once it takes the engine up (`openServeConsole`). */
  hooks: ConsoleHooks;
}

/** The console's backend once `serve` has opened it (`openServeConsole`), refusing until then. */
function consoleOnceOpen(hooks: ConsoleHooks): ConsoleBackend {
  const opened = (): ConsoleBackend => {
    if (hooks.backend) return hooks.backend;
    throw new ApiError('internal', 'The engine is starting; try again shortly.', undefined, {
      reason: 'engine-starting',
    });
  };
  return {
    call: (method, input) => Promise.resolve().then(() => opened().call(method, input)),
    hello: () => Promise.resolve().then(() => opened().hello()),
    listen: (listener) => (hooks.backend ? hooks.backend.listen(listener) : () => undefined),
  };
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_EVENT_API_PORT;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535)
    throw new SessionError(`--port must be a port number (0 to 65535), not "${value}"`, 2);
  return port;
}

/** `smtp://user:***@host:port`: the URL without its password, for printing. */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

/**
 * Takes the engine lock, opens the database (creating and migrating it), and builds the
 * engine; nothing listens yet. Bad flags are usage errors (2); a database that cannot be used
 * is an error (1).
 */
export function openSession(
  flags: SessionFlags,
  deps: SessionDeps,
  out: Output,
  extras: { console?: boolean } = {},
): Session {
  const env = deps.env ?? process.env;
  const port = parsePort(flags.port);
  if (flags.smtp !== undefined) {
    const problem = smtpUrlProblem(flags.smtp);
    if (problem) throw new SessionError(`--smtp: ${problem}`, 2);
  }
  const publicUrl = flags['public-url'];
  if (publicUrl !== undefined && !/^https?:\/\/[^\s/?#]+/.test(publicUrl))
    throw new SessionError(
      `--public-url must be an address such as https://shop.example.com, not "${publicUrl}"`,
      2,
    );
  const given = flags.token ?? env.JOURNEY_STUDIO_TOKEN;
  if (given === '') {
    const from = flags.token !== undefined ? '--token' : 'JOURNEY_STUDIO_TOKEN';
    throw new SessionError(`${from} is empty: give a token, or leave it out for a new one`, 2);
  }
  if (given !== undefined && given.length < 16)
    throw new SessionError('the API token must be at least 16 characters long', 2);
  let exposure;
  try {
    exposure = checkExposure(flags, given !== undefined);
  } catch (error) {
    if (error instanceof ExposureError)
      throw new SessionError(`${error.message} [${error.code}]`, 2);
    throw error;
  }
  if (flags.worker && !isPostgresUrl(flags.db))
    throw new SessionError(
      '--worker runs beside another engine on a PostgreSQL --db (postgres://…)',
      2,
    );
  const token = given ?? randomBytes(24).toString('base64url');
  const tokenNote =
    given === undefined
      ? `${token}  (made for this run; pass --token or set JOURNEY_STUDIO_TOKEN to keep one)`
      : `${flags.token !== undefined ? 'from --token' : 'from JOURNEY_STUDIO_TOKEN'} (${token.slice(0, 4)}…, ${token.length} characters)`;
  // The app's data folder is this user's alone; a folder given with --db is left as it is.
  if (flags.db === undefined) privateFolder(defaultDataDir(env));
  const postgres = isPostgresUrl(flags.db) ? flags.db : undefined;
  const file = postgres ? maskUrl(postgres) : (flags.db ?? databaseFile(defaultDataDir(env)));
  // On PostgreSQL several engines share the database, taking turns per profile: no lock. On
  // SQLite the lock comes first, so an engine refused never opens (let alone migrates) the
  // database another one runs on.
  let release: () => void = () => undefined;
  try {
    if (!postgres) release = lockEngine(file);
  } catch (error) {
    if (error instanceof EngineBusyError) throw new SessionError(error.message, 1);
    throw new SessionError(
      `cannot open the database ${file}: ${error instanceof Error ? error.message : String(error)}`,
      1,
    );
  }
  let db: Db;
  try {
    db = postgres ? openPostgres(postgres).asDb() : openDatabase(file);
  } catch (error) {
    release();
    if (error instanceof DatabaseUnusableError || error instanceof PostgresUnusableError)
      throw new SessionError(error.message, 1);
    throw new SessionError(
      `cannot open the database ${file}: ${error instanceof Error ? error.message : String(error)}`,
      1,
    );
  }
  // The SMTP server saved in the app; its password stays in the app's keychain, so here it
  // comes from the environment when the server needs one.
  const settings = new SettingsRepository(db);
  const saved = savedSmtpSettings(settings);
  const settingsSmtp = saved.host ? smtpUrlOf(saved, env.JOURNEY_STUDIO_SMTP_PASSWORD) : undefined;
  const smtpUrl = flags.smtp ?? settingsSmtp;
  const library = savedLibrarySettings(settings);
  const problem =
    smtpUrl &&
    sendingProblem(new URL(smtpUrl).hostname, {
      ...library,
      publicUrl: publicUrl ?? library.publicUrl,
    });
  if (problem) {
    db.close();
    release();
    throw new SessionError(problem, 2);
  }
  const hooks: ConsoleHooks = {};
  const engine = openLocalEngine({
    db,
    token,
    port,
    smtpUrl,
    observer: { record: (step) => hooks.observer?.record(step) },
    onDelivered: () => hooks.onDelivered?.(),
    ...(extras.console && !flags.worker && { console: consoleOnceOpen(hooks) }),
    ...(publicUrl !== undefined && { publicUrl }),
    ...(deps.threadScript && { apiThread: { script: deps.threadScript } }),
    log: (line) => out.error(`journey-studio: ${line}`),
    host: exposure.host,
    ...(exposure.tls && { tls: exposure.tls }),
    ...(flags.worker && { workerOnly: true }),
    // How long a worker holds a message it delivers before another takes it up (PostgreSQL).
    ...(Number(env.JOURNEY_STUDIO_DELIVERY_LEASE_MS) > 0 && {
      leaseMs: Number(env.JOURNEY_STUDIO_DELIVERY_LEASE_MS),
    }),
    // Shop webhook secrets, like the passwords, come from the environment here (the desktop
    // app keeps them in the keychain).
    webhookSecrets: {
      ...(env.JOURNEY_STUDIO_SHOPIFY_SECRET && { shopify: env.JOURNEY_STUDIO_SHOPIFY_SECRET }),
      ...(env.JOURNEY_STUDIO_WOOCOMMERCE_SECRET && {
        woocommerce: env.JOURNEY_STUDIO_WOOCOMMERCE_SECRET,
      }),
    },
  });
  const background = () => {
    const log = (line: string) => out.error(`journey-studio: ${line}`);
    // A PostgreSQL server is backed up by its own tools (pg_dump, base backups).
    const backups = postgres ? undefined : new SqliteBackups(db, file, { log });
    // The mailbox password stays in the app's keychain; here it comes from the environment.
    const password = env.JOURNEY_STUDIO_IMAP_PASSWORD;
    const mailbox = new ImapFeedbackMailbox({
      settings,
      secrets: { get: (name) => Promise.resolve(name === 'imap-password' ? password : undefined) },
      feedback: new FeedbackStore(db),
      links: new UnsubscribeLinks(settings.secret('unsubscribe.secret'), () => ''),
      log,
    });
    const stops = [mailbox.every(systemTimers)];
    if (backups) stops.push(backups.daily(systemTimers));
    return () => stops.forEach((stop) => stop());
  };
  return { engine, db, file, token, tokenNote, port, release, background, hooks };
}

function formatNumber(n: number): string {
  return n.toLocaleString('en-US');
}

/** One line of live status. */
export function statusLine(s: EngineStatus, now: Date): string {
  const { active, ended: done } = s.enrollments;
  const parts = [
    `events ${formatNumber(s.events)}${s.inbox > 0 ? ` (+${formatNumber(s.inbox)} queued)` : ''}`,
    `wake-ups ${formatNumber(s.wakes)} scheduled`,
    `enrollments ${formatNumber(active)} active, ${formatNumber(done)} ended`,
    `messages ${formatNumber(s.outbox.delivered)} delivered, ${formatNumber(s.outbox.pending)} pending, ${formatNumber(s.outbox.dead)} dead, ${formatNumber(s.outbox.cancelled)} cancelled`,
  ];
  if (s.failures > 0) parts.push(`${formatNumber(s.failures)} failed units`);
  return `${now.toISOString().slice(11, 19)}  ${parts.join(' · ')}`;
}

/** Closes a session that never started (a bad profile file, say). */
export async function abandonSession(session: Session): Promise<void> {
  await session.engine.stop();
  session.db.close();
  session.release();
}

/**
 * Starts the engine and runs it until SIGINT, SIGTERM or the abort signal; then stops it
 * cleanly and closes the database. Prints the banner lines given, the API and a status line
 * whenever something changed.
 */
export async function runSession(
  session: Session,
  banner: string[],
  deps: SessionDeps,
  out: Output,
): Promise<void> {
  const { engine } = session;
  let url: string;
  try {
    url = await engine.start();
  } catch (error) {
    await abandonSession(session);
    const code = (error as NodeJS.ErrnoException).code;
    throw new SessionError(
      code === 'EADDRINUSE'
        ? `port ${session.port} is in use; pass another --port (0 picks a free one)`
        : `cannot start the event API: ${error instanceof Error ? error.message : String(error)}`,
      1,
    );
  }
  const status = engine.status();
  out.print('Journey Studio engine');
  out.print(`  Database   ${session.file}`);
  out.print(
    url
      ? `  Event API  ${url}  (POST /v1/track, /v1/identify, /v1/batch)`
      : '  Event API  none here (a worker: the engine with the event API takes requests)',
  );
  out.print(`  Token      ${session.tokenNote}`);
  out.print(
    `  Email      ${engine.emailTransport === 'smtp' ? `SMTP ${maskUrl(engine.smtpUrl ?? '')}` : 'embedded outbox (nothing leaves this machine)'}`,
  );
  for (const line of banner) out.print(line);
  out.print(
    `  Backlog    ${plural(status.inbox, 'input')} queued, ${plural(status.wakes, 'wake-up')} scheduled, ${plural(status.outbox.pending, 'message')} pending`,
  );
  out.print('Press Ctrl+C to stop.');
  deps.onReady?.({ url, token: session.token, db: session.file, engine });
  const stopBackground = session.file === ':memory:' ? () => undefined : session.background();

  await new Promise<void>((resolve) => {
    const every = deps.statusEveryMs ?? 5_000;
    let last = '';
    const timer =
      every > 0
        ? setInterval(() => {
            const line = statusLine(engine.status(), new Date());
            const key = line.slice(10);
            if (key !== last) out.print(line);
            last = key;
          }, every)
        : undefined;
    const stop = () => {
      clearInterval(timer);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      deps.signal?.removeEventListener('abort', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    deps.signal?.addEventListener('abort', stop);
    if (deps.signal?.aborted) stop();
  });
  out.print('Stopping…');
  stopBackground();
  await engine.stop();
  session.db.close();
  session.release();
  out.print('Stopped. Everything not done yet is kept and resumes at the next start.');
}
