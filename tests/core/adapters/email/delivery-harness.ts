import { EmbeddedTransport } from '../../../../core/adapters/email/embedded-transport';
import type { MailContext } from '../../../../core/adapters/email/mail-message';
import { SmtpTransport } from '../../../../core/adapters/email/smtp-transport';
import { UnsubscribeLinks } from '../../../../core/adapters/http/unsubscribe-links';
import { WebhookTransport } from '../../../../core/adapters/http/webhook-transport';
import { openDatabase } from '../../../../core/adapters/sqlite/database';
import { SqliteEngineStore } from '../../../../core/adapters/sqlite/engine-store';
import { LiveJourneys } from '../../../../core/adapters/sqlite/live-journeys';
import { SqliteOutbox } from '../../../../core/adapters/sqlite/outbox-store';
import { SettingsRepository } from '../../../../core/adapters/sqlite/settings';
import { SuppressionList } from '../../../../core/adapters/sqlite/suppressions';
import { ManualClock } from '../../../../core/adapters/system-clock';
import { Delivery, type Transport } from '../../../../core/executor/delivery';
import { Executor } from '../../../../core/executor/executor';
import type { RetryPolicy } from '../../../../core/executor/retry-policy';
import type { Journey } from '../../../../core/model/journey';
import { chain, journey, node } from '../../build';

export const T = Date.parse('2026-05-01T10:00:00Z');
export const POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 60_000 };

export const cartMail: Journey = journey(
  [
    node('start', 'trigger', { on: 'event', event: 'cart' }),
    node('mail', 'message', {
      channel: 'email',
      from: 'Shop <shop@example.com>',
      subject: 'Your {{ event.brand }} cart, {{ profile.first_name }}',
      html: '<p>Hej {{ profile.first_name }} — åäö</p><a href="{{ unsubscribe_url }}">Unsubscribe</a>',
      text: 'Hej {{ profile.first_name }}',
    }),
  ],
  chain('start', 'mail'),
  {},
  'cart-mail',
);

export interface HarnessOptions {
  smtpUrl?: string;
  smtpTimeoutMs?: number;
  policy?: Partial<RetryPolicy>;
  journey?: Journey;
  /** Webhook hosts allowed on this computer or a private network (the local test receivers). */
  allowedHosts?: string[];
}

/**
 * The execution side without timers: a database, the executor on a manual clock, and delivery
 * through a real transport. Messages are enqueued by running a journey, as in production.
 */
export function deliveryHarness(options: HarnessOptions = {}) {
  const db = openDatabase(':memory:');
  const store = new SqliteEngineStore(db, { now: () => T });
  const live = new LiveJourneys(db);
  const clock = new ManualClock(T);
  const settings = new SettingsRepository(db);
  const links = new UnsubscribeLinks(
    settings.secret('unsubscribe.secret'),
    () => 'http://127.0.0.1:9999',
  );
  const executor = new Executor({ store, catalog: live, library: live, clock });
  const outbox = new SqliteOutbox(db);
  const mail: MailContext = {
    installId: 'test01',
    unsubscribeUrl: (entry) =>
      links.url({
        channel: entry.channel,
        address: entry.to,
        profileId: entry.profileId,
        journeyId: entry.journeyId,
      }),
  };
  const smtp = options.smtpUrl
    ? new SmtpTransport({ url: options.smtpUrl, timeoutMs: options.smtpTimeoutMs ?? 2_000 }, mail)
    : undefined;
  const embedded = new EmbeddedTransport(mail);
  const webhook = new WebhookTransport({
    timeoutMs: 1_000,
    allowedHosts: () => options.allowedHosts ?? [],
  });
  const delivery = new Delivery({
    store: outbox,
    transport: (channel): Transport =>
      channel === 'webhook' ? webhook : channel === 'email' ? (smtp ?? embedded) : embedded,
    clock,
    policy: { ...POLICY, ...options.policy },
    concurrency: 8,
  });
  executor.publish(options.journey ?? cartMail, T);

  /** Enqueues one message per profile through the journey. */
  function enqueue(profiles: string[], brand = 'acme'): void {
    executor.ingest(
      profiles.flatMap((id) => [
        {
          type: 'identify' as const,
          profileId: id,
          traits: { email: `${id}@example.com`, first_name: id.toUpperCase() },
        },
        { type: 'track' as const, event: { profileId: id, name: 'cart', properties: { brand } } },
      ]),
      clock.now(),
    );
    executor.runDue(clock.now());
  }

  /** Attempts everything due now, until nothing more is due. */
  async function deliverDue(): Promise<void> {
    for (let round = 0; round < 1_000; round++) {
      const started = delivery.pump();
      await delivery.idle();
      delivery.commit();
      if (started === 0) return;
    }
  }

  const rows = () =>
    db
      .prepare(
        'SELECT id, key, status, attempts, last_error, next_attempt_at, transport FROM outbox ORDER BY id',
      )
      .all() as {
      id: number;
      key: string;
      status: string;
      attempts: number;
      last_error: string | null;
      next_attempt_at: number;
      transport: string | null;
    }[];

  const log = () =>
    db
      .prepare('SELECT outbox_id, attempt, outcome, detail FROM delivery_log ORDER BY id')
      .all() as {
      outbox_id: number;
      attempt: number;
      outcome: string;
      detail: string | null;
    }[];

  return {
    db,
    store,
    clock,
    executor,
    outbox,
    delivery,
    links,
    suppressions: new SuppressionList(db),
    enqueue,
    deliverDue,
    rows,
    log,
    close: () => smtp?.close(),
  };
}
