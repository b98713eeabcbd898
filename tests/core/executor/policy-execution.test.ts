import { expect, it } from 'vitest';
import type { Journey, JourneySettings } from '../../../core/model/journey';
import { makeProfile } from '../../../core/model/profile';
import { SENDING_POLICY_KEY } from '../../../core/policy/sending-policy';
import { describeEachStore } from '../adapters/postgres/test-stores';
import { chain, edge, journey, node } from '../build';
import { executeScenario, simulateScenario } from './agreement';

const START = Date.parse('2026-05-04T00:00:00Z');
const H = 3_600_000;

function waker(id: string, event: string, settings: JourneySettings): Journey {
  return journey(
    [
      node('start', 'trigger', { on: 'event', event }),
      node('hold', 'wait', { mode: 'until', time: '09:00' }),
      node('mail', 'message', {
        channel: 'email',
        from: 'shop@example.com',
        subject: `From ${id}`,
        html: '<p>Hi</p>',
      }),
    ],
    chain('start', 'hold', 'mail'),
    settings,
    id,
  );
}

/** Mails whoever did `first`, once they also do `then` (a wait for the event, up to a day). */
function resumer(id: string, first: string, then: string, settings: JourneySettings): Journey {
  return journey(
    [
      node('start', 'trigger', { on: 'event', event: first }),
      node('hold', 'wait', { mode: 'event', event: then, timeout: 'P1D' }),
      node('mail', 'message', {
        channel: 'email',
        from: 'shop@example.com',
        subject: `From ${id}`,
        html: '<p>Hi</p>',
      }),
    ],
    [edge('start', 'hold'), edge('hold', 'mail', 'event')],
    settings,
    id,
  );
}

describeEachStore('the sending policy in execution', (store) => {
  it('lets the journey that matters more send first, whether the event resumes it or starts it', async () => {
    // One event both moves on a low-priority journey waiting for it and starts a high-priority
    // one; the id "aaa" would win a tie, so only priority can put "zzz" first.
    const scenario = {
      journey: resumer('aaa', 'cart', 'view', { priority: 10 }),
      alongside: [
        journey(
          [
            node('start', 'trigger', { on: 'event', event: 'view' }),
            node('mail', 'message', {
              channel: 'email',
              from: 'shop@example.com',
              subject: 'From zzz',
              html: '<p>Hi</p>',
            }),
          ],
          chain('start', 'mail'),
          { priority: 90 },
          'zzz',
        ),
      ],
      policy: { email: { max: 1, per: 'P1D' } },
      profiles: [makeProfile('p', { email: 'p@example.com' })],
      events: [
        { profileId: 'p', name: 'cart', time: START + 6 * H, properties: {} },
        { profileId: 'p', name: 'view', time: START + 7 * H, properties: {} },
      ],
      start: START,
      end: START + 12 * H,
    };
    const simulated = simulateScenario(scenario);
    const run = await executeScenario(scenario, { db: await store.open() });
    for (const driver of [simulated, run]) {
      expect(driver.messages.map((m) => [m.journeyId, m.at])).toEqual([['zzz', START + 7 * H]]);
      const skips = [...driver.paths.values()].flat().filter((s) => s.type === 'skip');
      expect(skips).toMatchObject([
        { journeyId: 'aaa', reason: 'policy', filledBy: 'zzz', at: START + 7 * H },
      ]);
    }
  });

  it('lets one of two journeys waking a person at the same instant through a full window', async () => {
    const run = await executeScenario(
      {
        journey: waker('alpha', 'cart', { priority: 40 }),
        alongside: [waker('bravo', 'view', { priority: 60 })],
        policy: { email: { max: 1, per: 'P1D' } },
        profiles: [makeProfile('p', { email: 'p@example.com' })],
        events: [
          { profileId: 'p', name: 'cart', time: START + 6 * H, properties: {} },
          { profileId: 'p', name: 'view', time: START + 7 * H, properties: {} },
        ],
        start: START,
        end: START + 12 * H,
      },
      { db: await store.open() },
    );
    expect(run.messages.map((m) => [m.journeyId, m.at])).toEqual([['bravo', START + 9 * H]]);
    const skips = [...run.paths.values()].flat().filter((s) => s.type === 'skip');
    expect(skips).toMatchObject([
      { journeyId: 'alpha', reason: 'policy', filledBy: 'bravo', at: START + 9 * H },
    ]);
    // The journal keeps who filled the window, for the profile's history.
    const journaled = (
      run.db.prepare("SELECT step FROM journal_steps WHERE type = 'skip'").all() as {
        step: string;
      }[]
    ).map((r) => ({ by: (JSON.parse(r.step) as { filledBy?: string }).filledBy }));
    expect(journaled).toEqual([{ by: 'bravo' }]);
  });

  it('reads the library’s policy as it is when a step runs', async () => {
    const run = await executeScenario(
      {
        journey: waker('alpha', 'cart', {}),
        profiles: [makeProfile('p', { email: 'p@example.com' })],
        events: [{ profileId: 'p', name: 'cart', time: START + 6 * H, properties: {} }],
        start: START,
        end: START + 12 * H,
      },
      { db: await store.open() },
    );
    expect(run.messages).toHaveLength(1);
    // A policy saved now holds the next message back; with it removed, one goes again.
    const settings = run.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    settings.run(SENDING_POLICY_KEY, JSON.stringify({ email: { max: 1, per: 'P2D' } }));
    const at = START + 12 * H;
    run.executor.ingest(
      [{ type: 'track', event: { profileId: 'p', name: 'cart', time: at, properties: {} } }],
      at,
    );
    run.executor.runDue(START + 33 * H);
    const count = () =>
      (run.db.prepare('SELECT COUNT(*) AS n FROM outbox').get() as { n: number }).n;
    expect(count()).toBe(1);
    run.db.prepare('DELETE FROM settings WHERE key = ?').run(SENDING_POLICY_KEY);
    run.executor.ingest(
      [{ type: 'track', event: { profileId: 'p', name: 'cart', time: at, properties: {} } }],
      START + 34 * H,
    );
    run.executor.runDue(START + 58 * H);
    expect(count()).toBe(2);
  });
});
