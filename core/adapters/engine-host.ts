import type { TransportKind } from '../channels/channel-definition';
import { channelDefinition } from '../channels/registry';
import { Delivery, type OutboxEntry, type Transport } from '../executor/delivery';
import { Executor, type PublishResult } from '../executor/executor';
import type { RetryPolicy } from '../executor/retry-policy';
import type { Journey } from '../model/journey';
import { applyProfileChange, makeProfile, type Profile } from '../model/profile';
import { addressFor } from '../runtime/consent';
import type { Clock, StepObserver } from '../runtime/ports';
import type { Channel } from '../runtime/step';
import { EmbeddedTransport } from './email/embedded-transport';
import type { MailContext } from './email/mail-message';
import { SmtpTransport } from './email/smtp-transport';
import { EventApi, type EventApiStats } from './http/event-api';
import { UnsubscribeLinks } from './http/unsubscribe-links';
import { WebhookTransport } from './http/webhook-transport';
import type { Db } from './sqlite/database';
import { SqliteEngineStore } from './sqlite/engine-store';
import { LiveJourneys, type LiveJourney } from './sqlite/live-journeys';
import { SqliteOutbox, type OutboxStatus } from './sqlite/outbox-store';
import { SettingsRepository } from './sqlite/settings';
import { SuppressionList } from './sqlite/suppressions';
import { SystemClock } from './system-clock';

export interface EngineHostOptions {
  db: Db;
  /** Bearer token of the event API. */
  token: string;
  /** Event API port; 0 picks a free one. */
  port?: number;
  /** Send email over SMTP; without it, email goes to the embedded outbox. */
  smtpUrl?: string;
  smtpTimeoutMs?: number;
  /** Connections kept open to the SMTP server (default 5). */
  smtpConnections?: number;
  /** The base of unsubscribe links when the API is reached through another address. */
  publicUrl?: string;
  clock?: Clock;
  retry?: Partial<RetryPolicy>;
  deliveryConcurrency?: number;
  /** Units per engine transaction. */
  batchSize?: number;
  /** Steps, as they are committed (live views). */
  observer?: StepObserver;
  /** Problems worth telling the operator about (a storage error, a retry of the loop). */
  log?: (line: string) => void;
  /** Delivery finished attempts (live views). */
  onDelivered?: () => void;
}

export interface EngineStatus {
  inbox: number;
  events: number;
  wakes: number;
  enrollments: { active: number; ended: number };
  outbox: Record<OutboxStatus, number>;
  failures: number;
  api: EventApiStats;
}

/** The longest the engine sleeps without looking at the clock again. */
const MAX_SLEEP_MS = 30_000;
/**
 * Units per turn of the event loop. API requests are read and answered between turns, so a
 * turn is kept short (milliseconds): a long one would leave every connection waiting.
 */
const UNITS_PER_TURN = 500;
/**
 * Units per turn while requests are streaming in. Acknowledging comes first: what is accepted
 * is durable in the inbox, and the engine catches up in the pauses, in time order all the same.
 */
const UNITS_PER_BUSY_TURN = 64;
/** How long after an accepted request the API counts as busy. */
const BUSY_MS = 100;
const DAY = 24 * 60 * 60 * 1000;
/** Delivery outcomes are committed once this many are finished… */
const COMMIT_OUTCOMES = 64;
/** …or this long after the first of them finished. */
const COMMIT_WITHIN_MS = 20;
/** Free attempt slots that make it worth fetching more due messages. */
const PUMP_AT_FREE = 8;

/**
 * The engine running live: the executor on the system clock, delivery, and the event API, each
 * driven by timers. Shared by `run`, `serve` and the desktop app's main process.
 */
export class EngineHost {
  readonly db: Db;
  readonly clock: Clock;
  readonly store: SqliteEngineStore;
  readonly journeys: LiveJourneys;
  readonly executor: Executor;
  readonly outbox: SqliteOutbox;
  readonly delivery: Delivery;
  readonly api: EventApi;
  readonly suppressions: SuppressionList;
  readonly settings: SettingsRepository;
  readonly links: UnsubscribeLinks;
  private smtp: SmtpTransport | undefined;
  private smtpAt: string | undefined;
  private readonly mail: MailContext;
  private readonly transports: Record<TransportKind, Transport>;
  private readonly embedded: EmbeddedTransport;
  private engineTimer: NodeJS.Timeout | undefined;
  private engineAt = Number.POSITIVE_INFINITY;
  private engineSoon = false;
  private deliveryTimer: NodeJS.Timeout | undefined;
  private deliverySoon = false;
  private commitTimer: NodeJS.Timeout | undefined;
  private maintenanceTimer: NodeJS.Timeout | undefined;
  private running = false;
  private lastAccepted = Number.NEGATIVE_INFINITY;
  private stopping: Promise<void> | undefined;

  constructor(private readonly options: EngineHostOptions) {
    const db = options.db;
    this.db = db;
    this.clock = options.clock ?? new SystemClock();
    this.settings = new SettingsRepository(db);
    this.suppressions = new SuppressionList(db);
    this.store = new SqliteEngineStore(db, { now: () => this.clock.now() });
    this.journeys = new LiveJourneys(db);
    this.links = new UnsubscribeLinks(
      this.settings.secret('unsubscribe.secret'),
      () => options.publicUrl ?? this.api.url,
    );
    this.executor = new Executor({
      store: this.store,
      catalog: this.journeys,
      library: this.journeys,
      clock: this.clock,
      observer: options.observer,
      batchSize: options.batchSize ?? UNITS_PER_TURN,
      unsubscribeUrl: (journeyId, profileId, channel) =>
        this.links.url({
          channel,
          address: this.addressOf(profileId, channel),
          profileId,
          journeyId,
        }),
    });
    this.outbox = new SqliteOutbox(db);
    const mail: MailContext = {
      installId: this.settings.secret('install.id', 6),
      unsubscribeUrl: (entry: OutboxEntry) =>
        this.links.url({
          channel: entry.channel,
          address: entry.to,
          profileId: entry.profileId,
          journeyId: entry.journeyId,
        }),
    };
    this.mail = mail;
    const embedded = new EmbeddedTransport(mail);
    this.embedded = embedded;
    this.smtp = this.smtpTransport(options.smtpUrl);
    this.smtpAt = options.smtpUrl;
    const transports: Record<TransportKind, Transport> = {
      mail: this.smtp ?? embedded,
      kept: embedded,
      http: new WebhookTransport(),
    };
    this.transports = transports;
    this.delivery = new Delivery({
      store: this.outbox,
      transport: (channel) => transports[channelDefinition(channel).transport],
      clock: this.clock,
      policy: options.retry,
      concurrency: options.deliveryConcurrency ?? (this.smtp ? 32 : 64),
      onSettled: () => {
        this.deliverSoon();
        options.onDelivered?.();
      },
    });
    this.api = new EventApi({
      ingest: (inputs) => this.executor.ingest(inputs),
      token: options.token,
      port: options.port ?? 0,
      status: () => this.status(),
      onAccepted: () => {
        this.lastAccepted = this.clock.now();
        this.runSoon();
      },
      unsubscribe: {
        links: this.links,
        suppress: (target) => {
          this.suppressions.add(
            target.channel,
            target.address,
            `unsubscribe link (${target.journeyId})`,
            this.clock.now(),
          );
        },
      },
    });
  }

  private addressOf(profileId: string, channel: Channel): string {
    return addressFor(channel, this.store.getProfile(profileId)?.attributes ?? {}) ?? '';
  }

  private smtpTransport(url: string | undefined): SmtpTransport | undefined {
    if (!url) return undefined;
    return new SmtpTransport(
      {
        url,
        timeoutMs: this.options.smtpTimeoutMs,
        maxConnections: this.options.smtpConnections,
      },
      this.mail,
    );
  }

  /** The SMTP server email goes to, if any. */
  get smtpUrl(): string | undefined {
    return this.smtpAt;
  }

  /**
   * Sends email over SMTP to `url` from now on, or to the embedded outbox without one. Attempts
   * in flight finish on the transport they started with.
   */
  setSmtpUrl(url: string | undefined): void {
    if (url === this.smtpAt) return;
    const previous = this.smtp;
    this.smtp = this.smtpTransport(url);
    this.smtpAt = url;
    this.transports.mail = this.smtp ?? this.embedded;
    if (previous) void this.delivery.idle().then(() => previous.close());
    this.deliverSoon();
  }

  /** Where transports send email: `smtp` or the embedded outbox. */
  get emailTransport(): 'smtp' | 'embedded' {
    return this.smtp ? 'smtp' : 'embedded';
  }

  /** Publishes a journey (a new version only when it changed) and starts it if it must. */
  publish(journey: Journey): PublishResult {
    const result = this.executor.publish(journey);
    this.runSoon();
    return result;
  }

  live(): LiveJourney[] {
    return this.journeys.list();
  }

  /**
   * Adds or updates profiles as they come (attributes merged over the stored ones), committed a
   * thousand at a time. `close` commits the rest and returns how many were written. Journeys do
   * not see them until `startJourneys` (or a publish) starts them.
   */
  profileWriter(): { add(profile: Profile): void; close(): number } {
    let count = 0;
    let batch: Profile[] = [];
    const write = () => {
      this.store.transaction(() => {
        for (const p of batch) {
          const stored = this.store.getProfile(p.id);
          this.store.putProfile(
            stored
              ? applyProfileChange(stored, { set: p.attributes })
              : makeProfile(p.id, p.attributes),
          );
        }
      });
      this.store.discardCache();
      count += batch.length;
      batch = [];
    };
    return {
      add: (profile) => {
        batch.push(profile);
        if (batch.length === 1_000) write();
      },
      close: () => {
        if (batch.length > 0) write();
        return count;
      },
    };
  }

  /** Re-checks every profile against these live journeys (segments, birthdays), as due work. */
  startJourneys(journeyIds: readonly string[]): void {
    const now = this.clock.now();
    for (const id of journeyIds) this.executor.start(id, now);
    this.runSoon();
  }

  /** Starts the API (so unsubscribe links know their address), then the engine and delivery. */
  async start(): Promise<string> {
    const url = await this.api.listen();
    this.running = true;
    this.runSoon();
    this.deliverSoon();
    this.maintenanceTimer = setInterval(() => this.maintain(), 60 * 60 * 1000);
    this.maintenanceTimer.unref();
    return url;
  }

  /**
   * Stops cleanly: no new requests, the engine's current transaction finishes, attempts in
   * flight finish and their outcomes are committed. Whatever is left is in the database and
   * resumes at the next start.
   */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.running = false;
      clearTimeout(this.engineTimer);
      clearTimeout(this.deliveryTimer);
      clearTimeout(this.commitTimer);
      clearInterval(this.maintenanceTimer);
      await this.api.close();
      await this.delivery.idle();
      try {
        this.delivery.commit();
      } catch (error) {
        this.log(`could not record the last delivery outcomes: ${String(error)}`);
      }
      this.smtp?.close();
    })();
    return this.stopping;
  }

  status(): EngineStatus {
    const count = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    // Both without reading the table: `ord` numbers enrollments as they are made.
    const all = count('SELECT COALESCE(MAX(ord), 0) AS n FROM enrollments');
    const active = count(
      "SELECT COUNT(*) AS n FROM enrollments INDEXED BY enrollments_active WHERE status = 'active'",
    );
    return {
      inbox: count('SELECT COUNT(*) AS n FROM inbox'),
      // Events ever applied (seq is AUTOINCREMENT), without counting a large table.
      events: count(
        "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0) AS n",
      ),
      wakes: count('SELECT COUNT(*) AS n FROM wakes'),
      enrollments: { active, ended: all - active },
      outbox: this.outbox.counts(),
      failures: count('SELECT COUNT(*) AS n FROM failures'),
      api: { ...this.api.stats },
    };
  }

  // ---------------------------------------------------------------- loops

  private log(line: string): void {
    this.options.log?.(line);
  }

  /** Asks the engine to look for due work on the next turn of the event loop. */
  runSoon(): void {
    if (!this.running || this.engineSoon) return;
    this.engineSoon = true;
    clearTimeout(this.engineTimer);
    this.engineAt = Number.POSITIVE_INFINITY;
    setImmediate(() => {
      this.engineSoon = false;
      this.engineTurn();
    });
  }

  private engineTurn(): void {
    if (!this.running) return;
    let more: boolean;
    try {
      const now = this.clock.now();
      const busy = now - this.lastAccepted < BUSY_MS;
      const result = this.executor.runDue(now, busy ? UNITS_PER_BUSY_TURN : UNITS_PER_TURN);
      more = result.more;
      if (result.inputs + result.wakes + result.started > 0) this.deliverSoon();
      if (result.failed > 0)
        this.log(`${result.failed} unit(s) could not be applied; see the failures table`);
    } catch (error) {
      this.log(`the engine will retry after a storage error: ${String(error)}`);
      this.sleepEngine(1_000);
      return;
    }
    if (more) {
      this.runSoon();
      return;
    }
    const next = this.executor.nextDueAt();
    this.sleepEngine(next === undefined ? MAX_SLEEP_MS : next - this.clock.now());
  }

  private sleepEngine(ms: number): void {
    if (!this.running) return;
    const delay = Math.max(0, Math.min(MAX_SLEEP_MS, ms));
    const at = this.clock.now() + delay;
    if (this.engineTimer && at >= this.engineAt) return;
    clearTimeout(this.engineTimer);
    this.engineAt = at;
    this.engineTimer = setTimeout(() => {
      this.engineTimer = undefined;
      this.engineAt = Number.POSITIVE_INFINITY;
      this.engineTurn();
    }, delay);
  }

  /** Asks delivery to commit finished attempts and start new ones on the next turn. */
  deliverSoon(): void {
    if (!this.running || this.deliverySoon) return;
    this.deliverySoon = true;
    setImmediate(() => {
      this.deliverySoon = false;
      this.deliveryTurn();
    });
  }

  private deliveryTurn(): void {
    if (!this.running) return;
    const delivery = this.delivery;
    try {
      // Outcomes are committed in groups: one fsync for many messages. Until then a message
      // stays claimed, so it is not attempted twice; a crash meanwhile only repeats attempts.
      if (
        delivery.uncommitted >= COMMIT_OUTCOMES ||
        (delivery.uncommitted > 0 && delivery.busy === 0)
      )
        delivery.commit();
      else if (delivery.uncommitted > 0 && !this.commitTimer)
        this.commitTimer = setTimeout(() => {
          this.commitTimer = undefined;
          this.deliverSoon();
          if (!this.running) return;
          try {
            this.delivery.commit();
          } catch (error) {
            this.log(`delivery will retry after a storage error: ${String(error)}`);
          }
        }, COMMIT_WITHIN_MS);
      // Fetch work in handfuls rather than one message per finished attempt.
      if (delivery.free >= PUMP_AT_FREE || delivery.busy === 0) delivery.pump();
    } catch (error) {
      this.log(`delivery will retry after a storage error: ${String(error)}`);
    }
    if (delivery.busy > 0) return;
    // Nothing in flight: sleep until the next message falls due (a retry, say).
    clearTimeout(this.deliveryTimer);
    const next = delivery.nextDueAt();
    const delay =
      next === undefined
        ? MAX_SLEEP_MS
        : Math.max(50, Math.min(MAX_SLEEP_MS, next - this.clock.now()));
    this.deliveryTimer = setTimeout(() => this.deliveryTurn(), delay);
  }

  private maintain(): void {
    try {
      // Retries of a request come within minutes; a week of message ids is plenty to dedupe.
      this.db
        .prepare('DELETE FROM message_ids WHERE received_at < ?')
        .run(this.clock.now() - 7 * DAY);
    } catch (error) {
      this.log(`maintenance failed: ${String(error)}`);
    }
  }
}
