import { ApiError } from '../../api/contract';
import type { EngineInfo, LiveCounts, SmtpSettings } from '../../api/execution-contract';
import type { SecretStore } from '../../runtime/secret-store';
import { EngineHost } from '../engine-host';
import type { Db } from '../sqlite/database';
import { EngineBusyError, lockEngine } from '../sqlite/engine-lock';
import { JourneyExecutions } from '../sqlite/journey-execution';
import type { SqliteOutbox } from '../sqlite/outbox-store';
import { SettingsRepository } from '../sqlite/settings';
import type { EventHub } from './event-hub';

export interface ExecutionRuntimeOptions {
  db: Db;
  /** The database file, for the one-engine-per-database lock; none for an in-memory database. */
  databaseFile?: string;
  secrets: SecretStore;
  events: EventHub;
  /** The outbox the app lists (counts while the engine is not running). */
  outbox: SqliteOutbox;
  /** The event API's port; by default the one saved in settings, else 8787, else any free one. */
  eventApiPort?: number;
  log?: (line: string) => void;
}

/** The port the event API asks for first, so senders configured once keep working. */
export const DEFAULT_EVENT_API_PORT = 8787;
/** Live counts are pushed at most this often. */
const PUSH_EVERY_MS = 400;

const SMTP_KEYS = {
  host: 'smtp.host',
  port: 'smtp.port',
  security: 'smtp.security',
  username: 'smtp.username',
  from: 'smtp.from',
} as const;

/** The SMTP settings saved from the app (the password is not among them). */
export function savedSmtpSettings(settings: SettingsRepository): SmtpSettings {
  const get = (key: string) => settings.get(key);
  const security = get(SMTP_KEYS.security);
  return {
    host: get(SMTP_KEYS.host) ?? '',
    port: Number(get(SMTP_KEYS.port) ?? 587),
    security: security === 'tls' || security === 'none' ? security : 'starttls',
    username: get(SMTP_KEYS.username) ?? '',
    from: get(SMTP_KEYS.from) ?? '',
  };
}

/** The SMTP URL of saved settings (the password goes in it only here, in memory). */
export function smtpUrlOf(settings: SmtpSettings, password: string | undefined): string {
  const scheme = settings.security === 'tls' ? 'smtps' : 'smtp';
  const user = settings.username
    ? `${encodeURIComponent(settings.username)}${password ? `:${encodeURIComponent(password)}` : ''}@`
    : '';
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  const query =
    settings.security === 'starttls'
      ? '?requireTLS=true'
      : settings.security === 'none'
        ? '?ignoreTLS=true'
        : '';
  return `${scheme}://${user}${host}:${settings.port}${query}`;
}

/**
 * The live engine inside the app service: started when a journey is live or has work left (and
 * otherwise on first use), holding the database's engine lock while it runs. It reads the SMTP
 * password from the secret store and keeps it in memory only; it pushes live counts.
 */
export class ExecutionRuntime {
  readonly executions: JourneyExecutions;
  readonly settings: SettingsRepository;
  private host: EngineHost | undefined;
  private starting: Promise<EngineHost> | undefined;
  private release: (() => void) | undefined;
  private problem: string | undefined;
  private pushTimer: NodeJS.Timeout | undefined;
  private readonly dirty = new Set<string>();
  private delivered = false;
  private readonly lastPushed = new Map<string, string>();
  private closed = false;

  constructor(private readonly options: ExecutionRuntimeOptions) {
    this.executions = new JourneyExecutions(options.db);
    this.settings = new SettingsRepository(options.db);
  }

  /** Starts the engine now if anything is live or waiting; otherwise it starts on first use. */
  startIfBusy(): void {
    const db = this.options.db;
    const any = (sql: string) => db.prepare(sql).get() !== undefined;
    const busy =
      any('SELECT 1 FROM journey_live LIMIT 1') ||
      any('SELECT 1 FROM inbox LIMIT 1') ||
      any("SELECT 1 FROM outbox WHERE status = 'pending' LIMIT 1");
    if (busy) this.engine().catch(() => undefined);
  }

  /** The running engine, started if need be; refuses when another process holds the database. */
  engine(): Promise<EngineHost> {
    if (this.closed) return Promise.reject(new ApiError('conflict', 'The engine has stopped.'));
    if (this.host) return Promise.resolve(this.host);
    this.starting ??= this.start().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  /** The engine if it is running, without starting it. */
  get running(): EngineHost | undefined {
    return this.host;
  }

  private async start(): Promise<EngineHost> {
    try {
      this.release ??= lockEngine(this.options.databaseFile ?? ':memory:');
    } catch (error) {
      if (error instanceof EngineBusyError) {
        this.problem = `Another Journey Studio engine (process ${error.pid}) is running on this database — the command line’s run or serve. Stop it to run journeys from the app.`;
        throw new ApiError('conflict', this.problem);
      }
      throw error;
    }
    this.problem = undefined;
    const smtpUrl = await this.smtpUrl();
    const saved = Number(this.settings.get('eventApi.port'));
    const wanted =
      this.options.eventApiPort ??
      (Number.isInteger(saved) && saved > 0 ? saved : DEFAULT_EVENT_API_PORT);
    let host = this.makeHost(wanted, smtpUrl);
    try {
      await host.start();
    } catch (error) {
      await host.stop();
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || wanted === 0) throw error;
      this.log(`port ${wanted} is in use; the event API takes a free port instead`);
      host = this.makeHost(0, smtpUrl);
      await host.start();
    }
    if (this.closed) {
      await host.stop();
      throw new ApiError('conflict', 'The engine has stopped.');
    }
    this.host = host;
    this.pushTimer = setInterval(() => this.push(), PUSH_EVERY_MS);
    this.pushTimer.unref();
    return host;
  }

  private makeHost(port: number, smtpUrl: string | undefined): EngineHost {
    return new EngineHost({
      db: this.options.db,
      token: this.settings.secret('eventApi.token'),
      port,
      smtpUrl,
      observer: { record: (step) => this.dirty.add(step.journeyId) },
      onDelivered: () => {
        this.delivered = true;
      },
      log: (line) => this.log(line),
    });
  }

  private log(line: string): void {
    this.options.log?.(line);
  }

  // ---------------------------------------------------------------- SMTP

  smtpSettings(): SmtpSettings {
    return savedSmtpSettings(this.settings);
  }

  saveSmtpSettings(settings: SmtpSettings): void {
    this.options.db.transaction(() => {
      this.settings.set(SMTP_KEYS.host, settings.host);
      this.settings.set(SMTP_KEYS.port, String(settings.port));
      this.settings.set(SMTP_KEYS.security, settings.security);
      this.settings.set(SMTP_KEYS.username, settings.username);
      this.settings.set(SMTP_KEYS.from, settings.from);
    })();
  }

  /** The URL email goes to with the saved settings, or undefined for the embedded outbox. */
  async smtpUrl(): Promise<string | undefined> {
    const settings = this.smtpSettings();
    if (!settings.host) return undefined;
    return smtpUrlOf(settings, await this.options.secrets.get('smtp-password'));
  }

  /** Applies saved settings to the running engine. */
  async applySmtp(): Promise<void> {
    const url = await this.smtpUrl();
    this.host?.setSmtpUrl(url);
  }

  // ---------------------------------------------------------------- what the app shows

  info(): EngineInfo {
    const host = this.host;
    if (!host) {
      return {
        running: false,
        ...(this.problem && { problem: this.problem }),
        email: this.smtpSettings().host ? 'smtp' : 'embedded',
        inbox: 0,
        wakes: 0,
        messages: this.options.outbox.counts(),
        failures: 0,
      };
    }
    const status = host.status();
    return {
      running: true,
      eventApiUrl: host.api.url,
      eventApiToken: this.settings.secret('eventApi.token'),
      email: host.emailTransport,
      inbox: status.inbox,
      wakes: status.wakes,
      messages: status.outbox,
      failures: status.failures,
    };
  }

  counts(journeyId: string): LiveCounts {
    return this.executions.counts(journeyId);
  }

  /** Marks a journey's counts as changed (after a state change), pushed on the next tick. */
  touch(journeyId: string): void {
    this.dirty.add(journeyId);
  }

  private push(): void {
    if (this.dirty.size === 0 && !this.delivered) return;
    const ids = new Set(this.dirty);
    if (this.delivered) for (const id of this.executions.known()) ids.add(id);
    this.dirty.clear();
    this.delivered = false;
    try {
      for (const id of ids) {
        const counts = this.counts(id);
        const text = JSON.stringify(counts);
        if (this.lastPushed.get(id) === text) continue;
        this.lastPushed.set(id, text);
        this.options.events.emit('liveCounts', counts);
      }
      this.options.events.emit('engineChanged', this.info());
    } catch (error) {
      this.log(`live counts could not be read: ${String(error)}`);
    }
  }

  /** Stops the engine cleanly (work left resumes at the next start) and releases the lock. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.pushTimer);
    const host = this.host ?? (await this.starting?.catch(() => undefined));
    this.host = undefined;
    await host?.stop();
    this.release?.();
    this.release = undefined;
  }
}
