import type { TransportKind } from '../channels/channel-definition';
import { channelDefinition } from '../channels/registry';
import type { OutboxMessageRecord, Transport } from '../executor/delivery';
import { LiveEngine } from '../executor/live-engine';
import type { EventApiPort, TransportSet } from '../executor/ports';
import type { RetryPolicy } from '../executor/retry-policy';
import { sendingProblem } from '../app/sending-preflight';
import { addressFor } from '../runtime/consent';
import type { Clock, StepObserver } from '../runtime/ports';
import type { Channel } from '../runtime/step';
import { EmbeddedTransport } from './email/embedded-transport';
import type { MailContext } from './email/mail-message';
import { SmtpTransport } from './email/smtp-transport';
import { consoleRoute, type ConsoleBackend } from './http/console-route';
import { EventApi } from './http/event-api';
import { EventApiThread } from './http/event-api-thread';
import { cachedLibrarySettings, MessageLinks, publicHosts } from './http/message-links';
import { UnsubscribeLinks, type UnsubscribeTarget } from './http/unsubscribe-links';
import { SqliteImageLibrary } from './sqlite/image-store';
import { WebhookTransport } from './http/webhook-transport';
import type { Db } from './sqlite/database';
import { engineTables } from './engine-tables';
import { shopWebhookRoute, type ShopSecrets } from './http/shop-webhook-route';
import { FeedbackStore } from './sqlite/feedback-store';
import { openSpool, SpoolCollector, spoolFile } from './sqlite/input-spool';
import { SettingsRepository } from './sqlite/settings';
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
  /**
   * The public address of the event API (`--public-url`), under which unsubscribe links and
   * library images are linked; wins over the library's setting.
   */
  publicUrl?: string;
  /**
   * Runs the event API in a thread of its own, started from `script` (the running bundle, which
   * calls `runEventApiThread` for an `EventApiJob`), so slow steps never hold up a request. For
   * a database on disk; without it, the API shares the engine's thread.
   */
  apiThread?: { script: URL | string; nativeBinding?: string };
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
  /**
   * A worker beside another engine on the same PostgreSQL database: it runs due work and
   * delivers, and takes no requests (the engine with the event API does).
   */
  workerOnly?: boolean;
  /** How long a worker holds a message it delivers (PostgreSQL; tests shorten it). */
  leaseMs?: number;
  /** Where the event API listens (default 127.0.0.1), and with TLS. */
  host?: string;
  tls?: { cert: Buffer; key: Buffer };
  /**
   * The signing secret of each shop whose webhooks are taken, read from the secret store (the
   * keychain; the environment on the command line) by whoever opens the engine.
   */
  webhookSecrets?: ShopSecrets;
  /**
   * The app's API for a desktop app that is this engine's console (`serve`), answered at
   * `/api/…` beside the event API. With the API's own thread, the thread checks each call and
   * passes it to the engine's thread to run; the event API stays on its thread.
   */
  console?: ConsoleBackend;
}

/** Looks for what other engines on a shared database accepted this often. */
const SHARED_POLL_MS = 200;

/** No event API: a worker that only runs due work and delivers. */
function noEventApi(): EventApiPort {
  const stats = { requests: 0, accepted: 0, duplicates: 0, rejected: 0, commits: 0 };
  return {
    listen: () => Promise.resolve(''),
    close: () => Promise.resolve(),
    url: '',
    stats,
  };
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
    webhookHosts: () => readonly string[],
    private readonly preflight: (smtpHost: string) => string | undefined,
  ) {
    const embedded = new EmbeddedTransport(mail);
    this.embedded = embedded;
    this.smtp = this.smtpTransport(smtpUrl);
    this.smtpAt = smtpUrl;
    const transports: Record<TransportKind, Transport> = {
      mail: this.smtp ?? embedded,
      kept: embedded,
      http: new WebhookTransport({ allowedHosts: webhookHosts }),
    };
    this.transports = transports;
  }

  private smtpTransport(url: string | undefined): SmtpTransport | undefined {
    if (!url) return undefined;
    return new SmtpTransport({ url, ...this.smtpOptions }, this.mail, this.preflight);
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

/** The event API, closing something of its own after it. */
function closingToo(api: EventApiPort, after: () => void): EventApiPort {
  return {
    listen: () => api.listen(),
    close: () => api.close().finally(after),
    get url() {
      return api.url;
    },
    get stats() {
      return api.stats;
    },
  };
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
  const binding = options.apiThread?.nativeBinding
    ? { nativeBinding: options.apiThread.nativeBinding }
    : {};
  const clock = options.clock ?? new SystemClock();
  const settings = new SettingsRepository(db);
  const tables = engineTables(db, { now: () => clock.now(), leaseMs: options.leaseMs });
  const store = tables.store;
  const library = cachedLibrarySettings(settings);
  const links: UnsubscribeLinks = new UnsubscribeLinks(
    settings.secret('unsubscribe.secret'),
    () => messageLinks.publicUrl() ?? api.url,
  );
  const messageLinks = new MessageLinks(links, library, options.publicUrl);
  const addressOf = (profileId: string, channel: Channel): string => {
    return addressFor(channel, store.getProfile(profileId)?.attributes ?? {}) ?? '';
  };
  const targetOf = (message: OutboxMessageRecord): UnsubscribeTarget => ({
    channel: message.channel,
    address: message.to,
    profileId: message.profileId,
    journeyId: message.journeyId,
  });
  const senderOf = (message: OutboxMessageRecord) =>
    'from' in message.content ? String(message.content.from) : undefined;
  const images = new SqliteImageLibrary(db);
  const mail: MailContext = {
    installId: settings.secret('install.id', 6),
    image: (id) => images.file(id),
    // Images are linked from the same public address as unsubscribe links (the event API's).
    publicBaseUrl: () => messageLinks.publicUrl() ?? '',
    unsubscribeUrl: (message) => messageLinks.oneClick(targetOf(message)),
    unsubscribeMailto: (message) => messageLinks.mailto(targetOf(message), senderOf(message)),
  };
  const feedback = new FeedbackStore(db);
  const unsubscribe = (target: UnsubscribeTarget, at: number) => {
    feedback.record({
      kind: 'unsubscribe',
      source: 'link',
      channel: target.channel,
      address: target.address,
      journeyId: target.journeyId,
      at,
    });
  };
  const localApi = () =>
    new EventApi({
      ingest: (inputs) => engine.ingest(inputs),
      token: options.token,
      port: options.port ?? 0,
      status: () => engine.status(),
      image: (id) => images.file(id),
      unsubscribe: { links, suppress: (target) => unsubscribe(target, clock.now()) },
      extraHosts: () => publicHosts(messageLinks.publicUrl()),
      ...(options.host && { host: options.host }),
      ...(options.tls && { tls: options.tls }),
      ...(options.webhookSecrets && {
        webhooks: shopWebhookRoute(options.webhookSecrets, (inputs) => engine.ingest(inputs)),
      }),
      ...(options.console && {
        console: consoleRoute(options.console, {
          token: options.token,
          log: options.log ?? (() => undefined),
        }),
      }),
    });
  // On disk, what the event API's thread accepted (or left behind before a crash) is taken in.
  // The spool is a SQLite file beside the database; on a shared server the API writes the inbox.
  const spool =
    db.name === ':memory:' || tables.shared ? undefined : openSpool(spoolFile(db.name), binding);
  const intake = spool && new SpoolCollector(db, spool, unsubscribe);
  const api: EventApiPort = options.workerOnly
    ? noEventApi()
    : spool && options.apiThread
      ? new EventApiThread({
          script: options.apiThread.script,
          job: {
            dbFile: db.name,
            ...binding,
            token: options.token,
            port: options.port ?? 0,
            unsubscribeSecret: settings.secret('unsubscribe.secret'),
            ...(options.host && { host: options.host }),
            ...(options.tls && { tls: options.tls }),
            ...(options.webhookSecrets && { webhookSecrets: options.webhookSecrets }),
            ...(options.publicUrl && { publicUrl: options.publicUrl }),
          },
          onAccepted: () => engine.inputsArrived(),
          ...(options.console && { console: options.console }),
          fallback: localApi,
          afterClose: () => spool.close(),
          ...(options.log && { log: options.log }),
        })
      : closingToo(localApi(), () => spool?.close());
  const engine: LiveEngine = new LiveEngine({
    clock,
    timers: systemTimers,
    store,
    journeys: tables.journeys,
    outbox: tables.outbox,
    backlog: tables.backlog,
    ...(intake && { intake }),
    ...(tables.shared && { sharedPollMs: SHARED_POLL_MS }),
    transports: new LocalTransports(
      mail,
      options.smtpUrl,
      { timeoutMs: options.smtpTimeoutMs, maxConnections: options.smtpConnections },
      () => library().webhookHosts,
      (smtpHost) =>
        sendingProblem(smtpHost, { ...library(), publicUrl: messageLinks.publicUrl() ?? '' }),
    ),
    eventApi: api,
    unsubscribeUrl: (journeyId, profileId, channel, sender) =>
      messageLinks.forBody(
        { channel, address: addressOf(profileId, channel), profileId, journeyId },
        sender,
      ),
    retry: options.retry,
    deliveryConcurrency: options.deliveryConcurrency,
    batchSize: options.batchSize,
    observer: options.observer,
    log: options.log,
    onDelivered: options.onDelivered,
  });
  return engine;
}
