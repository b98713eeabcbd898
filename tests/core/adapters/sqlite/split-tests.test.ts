import { expect, it } from 'vitest';
import { journeyExecutions } from '../../../../core/adapters/engine-tables';
import { makeProfile } from '../../../../core/model/profile';
import { pickVariant } from '../../../../core/nodes/split.node';
import { splitBucket } from '../../../../core/runtime/hash';
import type { SimulationReport } from '../../../../core/simulator/report';
import { edge, journey, node } from '../../build';
import { executeScenario, simulateScenario, type Scenario } from '../../executor/agreement';
import { describeEachStore } from '../postgres/test-stores';

const T = Date.parse('2026-05-04T10:00:00Z');
const HOUR = 3_600_000;
const VARIANTS = [
  { key: 'A', weight: 50 },
  { key: 'B', weight: 30 },
  { key: 'control', weight: 20 },
];

function scenario(autoWinner?: Record<string, unknown>): Scenario {
  const j = journey(
    [
      node('start', 'trigger', { on: 'event', event: 'cart' }),
      node('ab', 'split', { variants: VARIANTS, ...(autoWinner && { autoWinner }) }),
      node('w', 'wait', { mode: 'duration', duration: 'P1D' }),
      node('mail', 'message', {
        channel: 'email',
        from: 'a@example.com',
        subject: 'Hi',
        html: '<p>Hi</p>',
      }),
      node('out', 'exit'),
    ],
    [
      edge('start', 'ab'),
      edge('ab', 'w', 'A'),
      edge('ab', 'w', 'B'),
      edge('w', 'mail'),
      edge('ab', 'out', 'control'),
    ],
    { goal: { event: 'purchase' } },
    'live-ab',
  );
  const ids = Array.from({ length: 90 }, (_, i) => `p${i}`);
  return {
    journey: j,
    profiles: ids.map((id) => makeProfile(id, { email: `${id}@example.com` })),
    events: ids.flatMap((id, i) => [
      { profileId: id, name: 'cart', time: T + i * 20 * 60_000, properties: {} },
      // Every third buys two hours later: the control has left by then, and still counts.
      ...(i % 3 === 0
        ? [
            {
              profileId: id,
              name: 'purchase',
              time: T + i * 20 * 60_000 + 2 * HOUR,
              properties: {},
            },
          ]
        : []),
    ]),
    start: T,
    end: T + 3 * 24 * HOUR,
  };
}

describeEachStore('A/B figures of a running journey', (store) => {
  it('measure every assignment alike, as the simulation does', async () => {
    const s = scenario();
    const exec = await executeScenario(s, { db: await store.open() });
    const counts = journeyExecutions(exec.db).counts('live-ab');
    // By hand: the variant each profile is drawn into, and every third one buying.
    const expected: Record<string, { entered: number; converted: number }> = {};
    s.profiles.forEach((p, i) => {
      const key = pickVariant(VARIANTS, splitBucket(0, 'live-ab', 'ab', p.id));
      const row = (expected[key] ??= { entered: 0, converted: 0 });
      row.entered++;
      if (i % 3 === 0) row.converted++;
    });
    expect(expected.control?.converted).toBeGreaterThan(0);
    expect(counts.variants).toEqual({ ab: expected });
    expect(counts.winners).toBeUndefined();
    const { report } = simulateScenario(s);
    expect((report as SimulationReport).conversions.byVariant).toEqual(counts.variants);
    exec.db.close();
  });

  it('give the automatic winner once decided, and nothing before anyone arrives', async () => {
    const s = scenario({ metric: 'conversion', minPerVariant: 5, confidence: 0.5 });
    const empty = await executeScenario({ ...s, events: [], end: T }, { db: await store.open() });
    expect(journeyExecutions(empty.db).counts('live-ab')).not.toHaveProperty('variants');
    empty.db.close();
    const exec = await executeScenario(s, { db: await store.open() });
    const counts = journeyExecutions(exec.db).counts('live-ab');
    const { report } = simulateScenario(s);
    expect(Object.keys(counts.winners ?? {})).toEqual(['ab']);
    expect(counts.winners).toEqual((report as SimulationReport).winners);
    exec.db.close();
  });
});
