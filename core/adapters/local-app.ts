import { randomUUID } from 'node:crypto';
import type { EngineLauncher, LaunchHooks } from '../app/app-engine';
import type { ServerConsolePorts } from '../app/server-console';
import { buildAppService, type AppService } from '../app/app-service';
import type { TestMailer } from '../app/execution.handlers';
import { memorySecretStore } from '../app/memory-secret-store';
import type { SecretStore } from '../runtime/secret-store';
import { ImapFeedbackMailbox } from './email/feedback-mailbox';
import { SmtpTransport } from './email/smtp-transport';
import { UnsubscribeLinks } from './http/unsubscribe-links';
import { noBackups, SqliteBackups } from './sqlite/backups';
import { FeedbackStore } from './sqlite/feedback-store';
import { databaseFile, defaultDataDir } from './files/data-dir';
import { privateFolder } from './files/private-files';
import { DEFAULT_EVENT_API_PORT } from './http/event-api';
import { remoteEngine } from './http/remote-engine';
import { journeyExecutions } from './engine-tables';
import { openLocalEngine } from './local-engine';
import { openDatabase, type Db } from './sqlite/database';
import { DatasetRepository } from './sqlite/dataset-repository';
import { SqliteBacklog } from './sqlite/engine-backlog';
import { lockEngine } from './sqlite/engine-lock';
import { lockProblem, startProblem } from './engine-start-problem';
import { SqliteImageLibrary } from './sqlite/image-store';
import { JourneyRepository } from './sqlite/journey-repository';
import { SqliteOutbox } from './sqlite/outbox-store';
import { SettingsRepository } from './sqlite/settings';
import { SimulationRunRepository } from './sqlite/simulation-runs';
import { SqliteVersionHistory } from './sqlite/version-history';
import { systemTimers } from './system-timers';

export interface AppServiceOptions {
  /** The app's data folder; the database lives in it. Defaults to the desktop app's folder. */
  dataDir?: string;
  /** An open database to use instead (tests, or a shell that opened it itself). */
  db?: Db;
  /** The clock for `updatedAt`; the system clock by default. */
  now?: () => number;
  /** Where the engine reads the SMTP password; it never stores the password itself. */
  secrets?: SecretStore;
  /** The event API's port (0: any free one); the saved one, else 8787, by default. */
  eventApiPort?: number;
  /** Problems of the live engine worth telling the operator about. */
  log?: (line: string) => void;
  /** better-sqlite3's native binding for another runtime (Electron), as the database uses. */
  nativeBinding?: string;
  /**
   * The running bundle, from which the event API starts a thread of its own (it must call
   * `runEventApiThread` when started with an `EventApiJob`); without it, the API shares the
   * engine's thread.
   */
  apiThreadScript?: URL | string;
  /**
   * The engine is already running (the command line's `serve` with its console): the service
   * uses it instead of starting one, and is itself the server (it connects to no other).
   */
  launcher?: EngineLauncher;
  /** Browser mode: the server token and shop secrets live in this process only. */
  secretsInProcess?: boolean;
}

/**
 * Starts the live engine for the app: holds the database's engine lock from the first start
 * until `release`, and puts the event API on the saved port (else 8787), or on any free one
 * when that is taken.
 */
function engineLauncher(
  db: Db,
  file: string | undefined,
  settings: SettingsRepository,
  options: AppServiceOptions,
): EngineLauncher {
  let release: (() => void) | undefined;
  const log = (line: string) => options.log?.(line);
  const lock = () => {
    try {
      release ??= lockEngine(file ?? ':memory:', {
        ...(options.nativeBinding && { nativeBinding: options.nativeBinding }),
      });
    } catch (error) {
      throw lockProblem(error, file ?? ':memory:');
    }
  };
  /** The saved port (else 8787), unless the service was given one. */
  const wanted = () => {
    const saved = Number(settings.get('eventApi.port'));
    return (
      options.eventApiPort ??
      (Number.isInteger(saved) && saved > 0 ? saved : DEFAULT_EVENT_API_PORT)
    );
  };
  const start = async (hooks: LaunchHooks, port: number) => {
    const smtpUrl = await hooks.smtpUrl();
    const webhookSecrets = await shopSecrets(options.secrets);
    const make = (port: number) =>
      openLocalEngine({
        db,
        token: settings.secret('eventApi.token'),
        port,
        smtpUrl,
        observer: hooks.observer,
        onDelivered: () => hooks.onDelivered(),
        ...(options.apiThreadScript !== undefined && {
          apiThread: {
            script: options.apiThreadScript,
            ...(options.nativeBinding && { nativeBinding: options.nativeBinding }),
          },
        }),
        log,
        webhookSecrets,
      });
    let engine = make(port);
    try {
      await engine.start();
    } catch (error) {
      await engine.stop();
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw error;
      log(`port ${port} is in use; the event API takes a free port instead`);
      engine = make(0);
      await engine.start();
    }
    return engine;
  };
  return {
    lock,
    async launch(hooks) {
      lock();
      const port = wanted();
      try {
        return await start(hooks, port);
      } catch (error) {
        throw startProblem(error, port, file ?? ':memory:');
      }
    },
    release() {
      release?.();
      release = undefined;
    },
  };
}

/** The shops' signing secrets kept in the app, for the engine's webhook route. */
async function shopSecrets(secrets: SecretStore | undefined) {
  const [shopify, woocommerce] = await Promise.all([
    secrets?.get('shopify-secret').catch(() => undefined),
    secrets?.get('woocommerce-secret').catch(() => undefined),
  ]);
  return { ...(shopify && { shopify }), ...(woocommerce && { woocommerce }) };
}

/** How the app reaches a server engine, and what it says about where its secrets are kept. */
function serverPorts(options: AppServiceOptions, secrets: SecretStore): ServerConsolePorts {
  const log = (line: string) => options.log?.(`server: ${line}`);
  return {
    ...(!options.launcher && {
      connect: (url: string, token: string) =>
        remoteEngine({ url, host: new URL(url).host, token, log }),
    }),
    secretsKeptIn: async () => {
      if (options.secretsInProcess) return 'server-process';
      return (await secrets.protection()) === 'os' ? 'keychain' : 'plain-text';
    },
  };
}

/** One plain email through the SMTP transport, on a connection of its own, closed after. */
const sendTestMail: TestMailer = async (url, mail) => {
  const transport = new SmtpTransport({ url, timeoutMs: 15_000, maxConnections: 1 });
  try {
    const result = await transport.sendMail(mail);
    return { ok: result.ok, detail: result.detail ?? 'accepted' };
  } finally {
    transport.close();
  }
};

/**
 * The app service on this machine: the database in the data folder (or the one given), its
 * repositories, and the live engine with its event API, SMTP and system clock.
 *
 * @example
 * const service = createAppService({ dataDir: app.getPath('userData') });
 * const list = await service.handlers.listJourneys({});
 */
export function createAppService(options: AppServiceOptions = {}): AppService {
  const ownsDb = options.db === undefined;
  const dataDir =
    options.dataDir !== undefined || ownsDb ? (options.dataDir ?? defaultDataDir()) : undefined;
  // The data folder holds profiles, the API token and the signing secrets: this user's alone.
  if (dataDir !== undefined) privateFolder(dataDir);
  const file = dataDir !== undefined ? databaseFile(dataDir) : undefined;
  const db = options.db ?? openDatabase(file as string);
  const settings = new SettingsRepository(db);
  const outbox = new SqliteOutbox(db);
  const backlog = new SqliteBacklog(db);
  const secrets = options.secrets ?? memorySecretStore();
  const log = (line: string) => options.log?.(line);
  const backups =
    file !== undefined
      ? new SqliteBackups(db, file, {
          log,
          ...(options.nativeBinding && { nativeBinding: options.nativeBinding }),
        })
      : noBackups;
  const mailbox = new ImapFeedbackMailbox({
    settings,
    secrets,
    feedback: new FeedbackStore(db),
    links: new UnsubscribeLinks(settings.secret('unsubscribe.secret'), () => ''),
    log,
  });
  // A copy a day, and the feedback mailbox read every few minutes, for as long as the app runs.
  const stopBackups = backups instanceof SqliteBackups ? backups.daily(systemTimers) : undefined;
  const stopMailbox = file !== undefined ? mailbox.every(systemTimers) : undefined;
  return buildAppService({
    journeys: new JourneyRepository(db),
    history: new SqliteVersionHistory(db),
    datasets: new DatasetRepository(db),
    runs: new SimulationRunRepository(db),
    executions: journeyExecutions(db),
    outbox,
    settings,
    images: new SqliteImageLibrary(db),
    secrets,
    transaction: (work) => db.transaction(work)(),
    launcher: options.launcher ?? engineLauncher(db, file, settings, options),
    server: serverPorts(options, secrets),
    backups,
    mailbox,
    engineHasWork: () => backlog.hasWork(),
    sendTestMail,
    now: options.now ?? (() => Date.now()),
    newId: () => randomUUID(),
    timers: systemTimers,
    ...(options.log && { log: options.log }),
    onClose: async () => {
      stopBackups?.();
      stopMailbox?.();
      if (backups instanceof SqliteBackups) await backups.idle();
      if (ownsDb) db.close();
    },
  });
}
