import { describe, expect, it } from 'vitest';
import { resolveAssumptions } from '../../../core/forecast/assumptions';
import type { JourneyEvent } from '../../../core/model/event';
import { makeProfile } from '../../../core/model/profile';
import type { StepRecord } from '../../../core/runtime/ports';
import { simulate } from '../../../core/simulator/simulate';
import { chain, edge, journey, node } from '../build';
import { executeScenario, plain } from './agreement';

const T = Date.parse('2026-05-04T09:00:00Z');
const HOUR = 3_600_000;

const mail = (id: string, expect?: Record<string, unknown>) =>
  node(id, 'message', {
    channel: 'email',
    from: 'shop@example.com',
    subject: 'Hello',
    html: '<p>Hi</p>',
    ...(expect && { expect }),
  });

// A welcome with a reminder for those who did not open, a wait for a click, and an offer.
const j = journey(
  [
    node('start', 'trigger', { on: 'event', event: 'signup' }),
    mail('welcome', {
      open: 0.5,
      click: 0.2,
      convert: 0.1,
      unsubscribe: 0.1,
      complain: 0.05,
      within: 'PT12H',
    }),
    node('wait', 'wait', { mode: 'duration', duration: 'PT12H' }),
    node('opened', 'condition', { event: 'Email Opened', op: 'performed', since: 'entry' }),
    mail('reminder', { open: 0.4, click: 0.1, unsubscribe: 0.05, within: 'PT6H' }),
    node('click', 'wait', { mode: 'event', event: 'Email Link Clicked', timeout: 'PT8H' }),
    mail('offer', { convert: 0.2, within: 'P1D' }),
  ],
  [
    ...chain('start', 'welcome', 'wait', 'opened'),
    edge('opened', 'reminder', 'no'),
    edge('reminder', 'click'),
    edge('click', 'offer', 'event'),
  ],
  { goal: { event: 'purchase', exit: true } },
  'welcome-forecast',
);

describe('responses drawn in simulation, posted as events to the executor', () => {
  it('give the same paths and messages', async () => {
    const profiles = Array.from({ length: 120 }, (_, i) =>
      makeProfile(`p${i}`, { email: `p${i}@example.com` }),
    );
    const observed: JourneyEvent[] = profiles.map((p, i) => ({
      profileId: p.id,
      name: 'signup',
      time: T + i * 137_000,
      properties: { price: 30 },
    }));
    // Some buy on their own, some while a response of theirs is due.
    for (let i = 0; i < 120; i += 7)
      observed.push({
        profileId: `p${i}`,
        name: 'purchase',
        time: T + i * 137_000 + 5 * HOUR,
        properties: {},
      });
    const start = T;
    const end = T + 3 * 24 * HOUR;
    const records: StepRecord[] = [];
    const responses: JourneyEvent[] = [];
    const sim = simulate({
      journey: j,
      profiles,
      events: observed,
      start,
      end,
      seed: 11,
      trace: 'all',
      runs: 1,
      assumptions: resolveAssumptions(j),
      observers: [{ record: (r) => records.push(r) }],
      onResponse: (event) => responses.push(event),
    });
    const kinds = new Set(responses.map((e) => e.name));
    expect([...kinds].sort()).toEqual([
      'Complained',
      'Email Link Clicked',
      'Email Opened',
      'Unsubscribed',
      'purchase',
    ]);
    const exec = await executeScenario({
      journey: j,
      profiles,
      // Observed events first at an instant, then the responses in the order they were drawn.
      events: [...observed, ...responses],
      start,
      end,
    });
    const paths = new Map<string, StepRecord[]>();
    for (const r of records) paths.set(r.profileId, [...(paths.get(r.profileId) ?? []), r]);
    expect(plain(Object.fromEntries(exec.paths))).toEqual(plain(Object.fromEntries(paths)));
    const messages = (list: readonly { key: string; to: string; at: number }[]) =>
      list.map(({ key, to, at }) => ({ key, to, at })).sort((a, b) => a.key.localeCompare(b.key));
    expect(messages(exec.messages)).toEqual(messages(sim.messages));
    expect(sim.report.messages.reminder?.skipped).toMatchObject({
      unsubscribed: expect.any(Number) as number,
    });
    const suppressed = exec.db.prepare('SELECT COUNT(*) AS n FROM suppressions').get() as {
      n: number;
    };
    expect(suppressed.n).toBe(responses.filter((e) => e.name === 'Complained').length);
  });
});
