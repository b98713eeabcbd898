import { describe, expect, it } from 'vitest';
import { forecastReport } from '../../../core/forecast/forecast-report';
import { mergeRunCounts } from '../../../core/forecast/run-counts';
import { murmur3 } from '../../../core/runtime/hash';
import { chain, edge, node } from '../build';
import { cohort, forecast, mail, signupJourney } from './helpers';

const j = signupJourney(
  [
    node('ab', 'split', {
      variants: [
        { key: 'control', weight: 20 },
        { key: 'a', weight: 40 },
        { key: 'b', weight: 40 },
      ],
    }),
    mail('m1', { open: 0.4, click: 0.1, convert: 0.05, unsubscribe: 0.01, within: 'P2D' }),
    node('wait', 'wait', { mode: 'duration', duration: 'P1D' }),
    node('opened', 'condition', { event: 'Email Opened', op: 'performed', since: 'entry' }),
    mail('m2', { open: 0.3, convert: 0.03, within: 'P2D' }),
  ],
  [
    edge('start', 'ab'),
    edge('ab', 'm1', 'a'),
    edge('ab', 'wait', 'b'),
    ...chain('m1', 'wait', 'opened'),
    edge('opened', 'm2', 'no'),
  ],
  { goal: { event: 'purchase', exit: true, within: 'P7D' } },
);
const data = cohort(400, () => ({}), { price: 12.5 });

describe('a forecast is determined by its inputs and seed', () => {
  it('gives the same forecast for the same seed, and another for another seed', () => {
    const one = forecast(j, data, 30, { seed: 7 }).report;
    const again = forecast(j, data, 30, { seed: 7 }).report;
    const other = forecast(j, data, 30, { seed: 8 }).report;
    expect(again).toEqual(one);
    expect(other.forecast).not.toEqual(one.forecast);
  });

  it('does not depend on the order profiles are simulated in', () => {
    const reversed = {
      profiles: [...data.profiles].reverse(),
      events: [...data.events].reverse(),
    };
    const one = forecast(j, data, 30).report;
    const other = forecast(j, reversed, 30).report;
    expect(other.forecast).toEqual(one.forecast);
    expect(other.assumptions).toEqual(one.assumptions);
  });

  it('adds up, run by run, from disjoint groups of profiles to the forecast of all', () => {
    const whole = forecast(j, data, 30);
    const shards = [0, 1, 2].map((shard) => {
      const mine = (id: string) => murmur3(id, 0x51a4d) % 3 === shard;
      return forecast(
        j,
        {
          profiles: data.profiles.filter((p) => mine(p.id)),
          events: data.events.filter((e) => mine(e.profileId)),
        },
        30,
      );
    });
    const merged = (whole.runs ?? []).map((_, run) =>
      mergeRunCounts(
        shards.map((s) => s.runs?.[run] ?? whole.runs?.[run]).filter((r) => r !== undefined),
      ),
    );
    const report = forecastReport(merged, whole.report.assumptions ?? []);
    expect(report.forecast).toEqual(whole.report.forecast);
    const { samples: _a, ...mergedRun0 } = report;
    const { samples: _b, ...wholeRun0 } = whole.report;
    expect(mergedRun0).toEqual(wholeRun0);
  });

  it('is the same whether runs share their steps up to each profile’s first draw or not', () => {
    // Some buy on their own, before, during or after their responses.
    const events = [...data.events];
    for (let i = 0; i < 400; i += 3) {
      const signup = data.events[i];
      if (signup)
        events.push({ ...signup, name: 'purchase', time: signup.time + (i % 7) * 3_600_000 });
    }
    const mixed = { profiles: data.profiles, events };
    const shared = forecast(j, mixed, 25);
    const apart = forecast(j, mixed, 25, { shareFirstSteps: false });
    // Which profiles a later run lists as samples (its first ones) may differ; nothing else.
    const counts = (runs: typeof shared.runs) =>
      runs?.map(({ report: { samples: _s, ...report }, ...rest }) => ({ ...rest, report }));
    expect(counts(shared.runs)).toEqual(counts(apart.runs));
    expect(shared.report).toEqual(apart.report);
    expect(shared.report.forecast?.conversions.caused.p90).toBeGreaterThan(0);
  });

  it('simulates once and counts every run alike when nothing can respond', () => {
    const silent = signupJourney([mail('m1')], chain('start', 'm1'));
    const result = forecast(silent, data, 25);
    expect(result.report.assumptions).toEqual([]);
    expect(result.report.forecast?.messages.m1?.sent).toEqual({
      mean: 400,
      p10: 400,
      p50: 400,
      p90: 400,
    });
    expect(result.report.forecast?.runs).toBe(25);
  });
});
