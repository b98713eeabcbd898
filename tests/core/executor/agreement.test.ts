import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MailContext } from '../../../core/adapters/email/mail-message';
import { SmtpTransport } from '../../../core/adapters/email/smtp-transport';
import { EmbeddedTransport } from '../../../core/adapters/email/embedded-transport';
import { UnsubscribeLinks } from '../../../core/adapters/http/unsubscribe-links';
import { engineTables } from '../../../core/adapters/engine-tables';
import { ManualClock } from '../../../core/adapters/system-clock';
import { Delivery, type SendResult, type Transport } from '../../../core/executor/delivery';
import { addressFor } from '../../../core/runtime/consent';
import type { OutboxMessage } from '../../../core/runtime/ports';
import { parseMail } from '../adapters/email/mime';
import { SmtpSink } from '../adapters/email/smtp-sink';
import { describeEachStore, seedsOn } from '../adapters/postgres/test-stores';
import {
  comparable,
  enrollmentsFromPaths,
  executeScenario,
  plain,
  simulateScenario,
} from './agreement';
import { randomScenario, withRepublish } from './scenario-generator';

const SEEDS = Array.from({ length: 300 }, (_, i) => i + 1);
const BASE = 'http://127.0.0.1:9999';

/** Both drivers' unsubscribe links, as what they stand for: UNSUB(journey, profile). */
function normalize(messages: readonly OutboxMessage[], links: UnsubscribeLinks): OutboxMessage[] {
  const replace = (text: string) =>
    text
      .replace(
        /https:\/\/unsubscribe\.invalid\/([^/"<\s]+)\/([^"<\s]+)/g,
        (_, j: string, p: string) => `UNSUB(${decodeURIComponent(j)},${decodeURIComponent(p)})`,
      )
      .replace(/http:\/\/127\.0\.0\.1:9999\/u\/([\w.-]+)/g, (_, token: string) => {
        const target = links.verify(token);
        return target ? `UNSUB(${target.journeyId},${target.profileId})` : 'FORGED';
      });
  return plain(messages).map((m) => ({
    ...m,
    content: Object.fromEntries(
      Object.entries(m.content).map(([k, v]) => [k, typeof v === 'string' ? replace(v) : v]),
    ) as OutboxMessage['content'],
  }));
}

function perProfile(messages: readonly OutboxMessage[]): Record<string, OutboxMessage[]> {
  const out: Record<string, OutboxMessage[]> = {};
  for (const m of messages) (out[m.profileId] ??= []).push(m);
  return out;
}

/** Webhooks are not part of this comparison: recorded, never sent to the made-up URLs. */
const recordOnly: Transport = {
  name: 'recorded',
  send: (): Promise<SendResult> => Promise.resolve({ ok: true, detail: 'recorded' }),
};

let sink: SmtpSink;
beforeAll(async () => {
  sink = new SmtpSink();
  await sink.start();
}, 60_000);
afterAll(async () => {
  await sink.stop();
}, 60_000);

describeEachStore('simulation and execution agree', (store) => {
  it.each(seedsOn(store, SEEDS))('seed %i', async (seed) => {
    const scenario = randomScenario(seed);
    const sim = simulateScenario(scenario);

    const db = await store.open();
    const clock = new ManualClock(scenario.start);
    const links = new UnsubscribeLinks(`secret-${seed}`, () => BASE);
    const mail: MailContext = {
      installId: 'agree',
      unsubscribeUrl: (e) =>
        links.url({
          channel: e.channel,
          address: e.to,
          profileId: e.profileId,
          journeyId: e.journeyId,
        }),
    };
    const smtp = new SmtpTransport({ url: sink.url, timeoutMs: 5_000 }, mail);
    const embedded = new EmbeddedTransport(mail);
    const delivery = new Delivery({
      store: engineTables(db).outbox,
      transport: (channel) =>
        channel === 'email' ? smtp : channel === 'webhook' ? recordOnly : embedded,
      clock,
      concurrency: 8,
    });
    const before = sink.received.length;
    const exec = await executeScenario(scenario, {
      db,
      clock,
      unsubscribeUrl: (store) => (journeyId, profileId, channel) =>
        links.url({
          channel,
          address:
            channel === 'webhook'
              ? ''
              : (addressFor(channel, store.getProfile(profileId)?.attributes ?? {}) ?? ''),
          profileId,
          journeyId,
        }),
      afterRun: async () => {
        for (;;) {
          const started = delivery.pump();
          await delivery.idle();
          delivery.commit();
          if (started === 0) break;
        }
      },
    });
    smtp.close();

    // Paths: every step of every profile, in order.
    expect(plain(Object.fromEntries(exec.paths))).toEqual(plain(Object.fromEntries(sim.paths)));
    // Messages: keys, addresses, times and rendered content, each profile's in order (the
    // simulator runs one profile's whole window before the next).
    expect(perProfile(normalize(exec.messages, links))).toEqual(
      perProfile(normalize(sim.messages, links)),
    );
    // Enrollments: the stored state is what the simulator's steps describe.
    const derived = enrollmentsFromPaths(sim.paths);
    const stored = exec.enrollments.map(comparable);
    expect(stored.length).toBe(derived.size);
    expect(stored).toEqual(stored.map((e) => plain(derived.get(e.id as string))));

    // What reached the SMTP server is each email exactly as enqueued, once.
    const received = sink.received.slice(before).map((m) => parseMail(m.raw));
    const byKey = new Map(received.map((m) => [m.headers.get('x-journey-studio-key'), m]));
    expect(byKey.size).toBe(received.length);
    const rows = db.prepare("SELECT key, status FROM outbox WHERE channel = 'email'").all() as {
      key: string;
      status: string;
    }[];
    for (const row of rows) {
      const message = exec.messages.find((m) => m.key === row.key)!;
      const got = byKey.get(row.key);
      if (row.status === 'cancelled') {
        // Consent changed later in the same instant (an update node): checked again at send time.
        expect(got).toBeUndefined();
        continue;
      }
      expect(row.status).toBe('delivered');
      const content = message.content as Extract<OutboxMessage['content'], { channel: 'email' }>;
      // Domains are case-insensitive; nodemailer writes them in lower case.
      expect(got?.headers.get('to')?.toLowerCase()).toBe(message.to.toLowerCase());
      expect(got?.headers.get('subject')).toBe(content.subject.replace(/\s+/g, ' ').trim());
      expect(got?.html).toBe(content.html);
      if (content.text !== undefined) expect(got?.text).toBe(content.text);
    }
    expect(received.length).toBe(rows.filter((r) => r.status === 'delivered').length);
    db.close();
  });
});

describeEachStore('simulation and execution agree on a version published part-way', (store) => {
  it.each(seedsOn(store, SEEDS.slice(0, 80)))('seed %i', async (seed) => {
    const scenario = withRepublish(randomScenario(seed), seed);
    const sim = simulateScenario(scenario);
    const exec = await executeScenario(scenario, { db: await store.open() });
    expect(plain(Object.fromEntries(exec.paths))).toEqual(plain(Object.fromEntries(sim.paths)));
    expect(perProfile(plain(exec.messages))).toEqual(perProfile(plain(sim.messages)));
    const derived = enrollmentsFromPaths(sim.paths);
    const stored = exec.enrollments.map(comparable);
    expect(stored).toEqual(stored.map((e) => plain(derived.get(e.id as string))));
    exec.db.close();
  });
});
