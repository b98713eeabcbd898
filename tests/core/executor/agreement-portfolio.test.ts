import { expect, it } from 'vitest';
import { EmbeddedTransport } from '../../../core/adapters/email/embedded-transport';
import { engineTables } from '../../../core/adapters/engine-tables';
import { ManualClock } from '../../../core/adapters/system-clock';
import { Delivery, type SendResult, type Transport } from '../../../core/executor/delivery';
import { requireDuration, subtractDuration } from '../../../core/model/duration';
import type { SendingPolicy } from '../../../core/policy/sending-policy';
import type { OutboxMessage } from '../../../core/runtime/ports';
import {
  comparable,
  enrollmentsFromPaths,
  executeScenario,
  plain,
  simulateScenario,
} from './agreement';
import { randomPortfolioScenario } from './scenario-generator';
import { describeEachStore, seedsOn } from '../adapters/postgres/test-stores';

const SEEDS = Array.from({ length: 120 }, (_, i) => i + 1);

function perProfile(messages: readonly OutboxMessage[]): Record<string, OutboxMessage[]> {
  const out: Record<string, OutboxMessage[]> = {};
  for (const m of plain(messages)) (out[m.profileId] ??= []).push(m);
  return out;
}

/** Webhooks are recorded, never sent to the made-up URLs. */
const recordOnly: Transport = {
  name: 'recorded',
  send: (): Promise<SendResult> => Promise.resolve({ ok: true, detail: 'recorded' }),
};

/**
 * Messages that break the policy: for each counted message, more than `max` counted messages
 * of its channel to its person in the window ending at it. Windows are measured in UTC here,
 * so a calendar-day limit is checked as 24 hours (the scenarios' limits are `PT…` or `P1D`).
 */
function overPolicy(messages: readonly OutboxMessage[], policy: SendingPolicy): string[] {
  const out: string[] = [];
  for (const m of messages) {
    const limit = policy[m.channel];
    if (!limit || m.transactional) continue;
    const from = subtractDuration(m.at, requireDuration(limit.per), 'UTC');
    const inWindow = messages.filter(
      (o) =>
        o.profileId === m.profileId &&
        o.channel === m.channel &&
        !o.transactional &&
        o.at > from &&
        o.at <= m.at,
    );
    if (inWindow.length > limit.max) out.push(m.key);
  }
  return out;
}

// The policy's check runs on both databases; on PostgreSQL every tenth seed.
describeEachStore(
  'three journeys under a sending policy: simulation and execution agree',
  (store) => {
    const seeds = seedsOn(store, SEEDS);
    let held = 0;
    let transactional = 0;

    it.each(seeds)('seed %i', async (seed) => {
      const scenario = randomPortfolioScenario(seed);
      const sim = simulateScenario(scenario);
      const db = await store.open();
      const clock = new ManualClock(scenario.start);
      const embedded = new EmbeddedTransport({
        installId: 'agree',
        unsubscribeUrl: () => 'https://unsubscribe.invalid/',
      });
      const delivery = new Delivery({
        store: engineTables(db).outbox,
        transport: (channel) => (channel === 'webhook' ? recordOnly : embedded),
        clock,
        concurrency: 4,
      });
      const exec = await executeScenario(scenario, {
        db,
        clock,
        // Delivery runs between steps, as live: a message it cancels (consent changed) still
        // counted for the policy when its step wrote it, in both drivers.
        afterRun: async () => {
          for (;;) {
            const started = delivery.pump();
            await delivery.idle();
            delivery.commit();
            if (started === 0) break;
          }
        },
      });

      expect(plain(Object.fromEntries(exec.paths))).toEqual(plain(Object.fromEntries(sim.paths)));
      expect(perProfile(exec.messages)).toEqual(perProfile(sim.messages));
      const derived = enrollmentsFromPaths(sim.paths);
      const stored = exec.enrollments.map(comparable);
      expect(stored.length).toBe(derived.size);
      expect(stored).toEqual(stored.map((e) => plain(derived.get(e.id as string))));
      // What went into the outbox keeps the policy.
      expect(overPolicy(exec.messages, scenario.policy ?? {})).toEqual([]);

      for (const steps of sim.paths.values())
        for (const step of steps) if (step.type === 'skip' && step.reason === 'policy') held++;
      transactional += exec.messages.filter((m) => m.transactional).length;
      db.close();
    });

    it('held messages back and let transactional ones through, across the seeds', () => {
      expect(held).toBeGreaterThan(seeds.length / 6);
      expect(transactional).toBeGreaterThan(seeds.length / 24);
    });
  },
);
