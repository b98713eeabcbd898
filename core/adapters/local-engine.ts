import type { TransportKind } from '../channels/channel-definition';
import { channelDefinition } from '../channels/registry';
import type { OutboxMessageRecord, Transport } from '../executor/delivery';
import { LiveEngine } from '../executor/live-engine';
import type { TransportSet } from '../executor/ports';
import type { RetryPolicy } from '../executor/retry-policy';
import { addressFor } from '../runtime/consent';
import type { Clock, StepObserver } from '../runtime/ports';
import type { Channel } from '../runtime/step';
import { EmbeddedTransport } from './email/embedded-transport';
import type { MailContext } from './email/mail-message';
import { SmtpTransport } from './email/smtp-transport';
import { EventApi } from './http/event-api';
import { UnsubscribeLinks } from './http/unsubscribe-links';
import { SqliteImageLibrary } from './sqlite/image-store';
import { PUBLIC_BASE_URL_KEY } from '../email-design/images';
import { WebhookTransport } from './http/webhook-transport';
import type { Db } from './sqlite/database';
import { SqliteBacklog } from './sqlite/engine-backlog';
import { SqliteEngineStore } from './sqlite/engine-store';
import { LiveJourneys } from './sqlite/live-journeys';
import { SqliteOutbox } from './sqlite/outbox-store';
import { SettingsRepository } from './sqlite/settings';
import { SuppressionList } from './sqlite/suppressions';
import { SystemClock } from './system-clock';
import { systemTimers } from './system-timers';

export interface LocalEngineOptions {
  db: Db;
  /** Bearer token of the event API. */
  token: string;
  /** Event API port; 0 (the default) picks a free one. */
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

/**
 * The transports of this machine: email over SMTP when a server is set, else into the embedded
 * outbox with SMS and push; webhooks as real HTTP requests.
 */
class LocalTransports implements TransportSet {
  private smtp: SmtpTransport | undefined;
  private smtpAt: string | undefined;
  private readonly embedded: EmbeddedTransport;
  private readonly transports: Record<TransportKind, Transport>;

  constructor(
    private readonly mail: MailContext,
    smtpUrl: string | undefined,
    private readonly smtpOptions: { timeoutMs?: number; maxConnections?: number },
  ) {
    const embedded = new EmbeddedTransport(mail);
    this.embedded = embedded;
    this.smtp = this.smtpTransport(smtpUrl);
    this.smtpAt = smtpUrl;
    const transports: Record<TransportKind, Transport> = {
      mail: this.smtp ?? embedded,
      kept: embedded,
      http: new WebhookTransport(),
    };
    this.transports = transports;
  }

  private smtpTransport(url: string | undefined): SmtpTransport | undefined {
    if (!url) return undefined;
    return new SmtpTransport({ url, ...this.smtpOptions }, this.mail);
  }

  transport(channel: Channel): Transport {
    return this.transports[channelDefinition(channel).transport];
  }

  get email(): 'smtp' | 'embedded' {
    return this.smtp ? 'smtp' : 'embedded';
  }

  get smtpUrl(): string | undefined {
    return this.smtpAt;
  }

  useSmtp(url: string | undefined): (() => void) | undefined {
    const previous = this.smtp;
    this.smtp = this.smtpTransport(url);
    this.smtpAt = url;
    this.transports.mail = this.smtp ?? this.embedded;
    return previous && (() => previous.close());
  }

  close(): void {
    this.smtp?.close();
  }
}

/**
 * The live engine on this machine: its state and outbox in the SQLite database, email over SMTP
 * (or into the embedded outbox), the event API and unsubscribe pages on 127.0.0.1, the system
 * clock and timers. Shared by `run`, `serve`, browser mode and the desktop app's engine process.
 *
 * @example
 * const engine = openLocalEngine({ db: openDatabase(file), token, port: 8787 });
 * const url = await engine.start();
 */
export function openLocalEngine(options: LocalEngineOptions): LiveEngine {
  const db = options.db;
  const clock = options.clock ?? new SystemClock();
  const settings = new SettingsRepository(db);
  const suppressions = new SuppressionList(db);
  const store = new SqliteEngineStore(db, { now: () => clock.now() });
  const links: UnsubscribeLinks = new UnsubscribeLinks(
    settings.secret('unsubscribe.secret'),
    () => options.publicUrl ?? api.url,
  );
  const addressOf = (profileId: string, channel: Channel): string => {
    return addressFor(channel, store.getProfile(profileId)?.attributes ?? {}) ?? '';
  };
  const images = new SqliteImageLibrary(db);
  const mail: MailContext = {
    installId: settings.secret('install.id', 6),
    image: (id) => {
      const meta = images.get(id);
      const data = meta && images.data(id);
      return meta && data ? { name: meta.name, type: meta.type, data } : undefined;
    },
    publicBaseUrl: () => settings.get(PUBLIC_BASE_URL_KEY) ?? '',
    unsubscribeUrl: (message: OutboxMessageRecord) =>
      links.url({
        channel: message.channel,
        address: message.to,
        profileId: message.profileId,
        journeyId: message.journeyId,
      }),
  };
  const api: EventApi = new EventApi({
    ingest: (inputs) => engine.ingest(inputs),
    token: options.token,
    port: options.port ?? 0,
    status: () => engine.status(),
    image: (id) => mail.image?.(id),
    unsubscribe: {
      links,
      suppress: (target) => {
        suppressions.add(
          target.channel,
          target.address,
          `unsubscribe link (${target.journeyId})`,
          clock.now(),
        );
      },
    },
  });
  const engine: LiveEngine = new LiveEngine({
    clock,
    timers: systemTimers,
    store,
    journeys: new LiveJourneys(db),
    outbox: new SqliteOutbox(db),
    backlog: new SqliteBacklog(db),
    transports: new LocalTransports(mail, options.smtpUrl, {
      timeoutMs: options.smtpTimeoutMs,
      maxConnections: options.smtpConnections,
    }),
    eventApi: api,
    unsubscribeUrl: (journeyId, profileId, channel) =>
      links.url({
        channel,
        address: addressOf(profileId, channel),
        profileId,
        journeyId,
      }),
    retry: options.retry,
    deliveryConcurrency: options.deliveryConcurrency,
    batchSize: options.batchSize,
    observer: options.observer,
    log: options.log,
    onDelivered: options.onDelivered,
  });
  return engine;
}
