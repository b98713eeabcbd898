import { describe, expect, it } from 'vitest';
import { resolveAssumptions } from '../../../core/forecast/assumptions';
import type { Journey, JourneyNode } from '../../../core/model/journey';
import {
  mergePortfolioRunCounts,
  type PortfolioRunCounts,
} from '../../../core/forecast/portfolio-forecast';
import { murmur3 } from '../../../core/runtime/hash';
import {
  portfolioReportOf,
  simulatePortfolio,
  type PortfolioInput,
} from '../../../core/simulator/portfolio';
import type { SimulationReport } from '../../../core/simulator/report';
import { generateEvents, generateProfiles } from '../../../core/simulator/sample-data';
import { simulate } from '../../../core/simulator/simulate';
import { STARTERS } from '../../../core/templates/starters';
import { chain, journey, node } from '../build';
import {
  binomialQuantile,
  cohort,
  DAY,
  mail,
  meanTolerance,
  quantileTolerance,
  START,
} from './helpers';

const wait = (id: string, duration: string) => node(id, 'wait', { mode: 'duration', duration });

/** A journey entered on `signup`, whose goal is a `purchase` (leaving at once). */
function member(id: string, nodes: JourneyNode[]): Journey {
  return journey(
    [node('start', 'trigger', { on: 'event', event: 'signup' }), ...nodes],
    chain('start', ...nodes.map((n) => n.id)),
    { goal: { event: 'purchase', exit: true } },
    id,
  );
}

const assumptionsOf = (journeys: readonly Journey[]) =>
  Object.fromEntries(journeys.map((j) => [j.id, resolveAssumptions(j)]));

function forecastTogether(
  journeys: Journey[],
  data: { profiles: PortfolioInput['profiles']; events: PortfolioInput['events'] },
  runs: number,
  more: Partial<PortfolioInput> = {},
) {
  return simulatePortfolio({
    journeys,
    ...data,
    start: START,
    end: START + 10 * DAY,
    runs,
    assumptions: assumptionsOf(journeys),
    ...more,
  });
}

const N = 1000;
const RUNS = 100;
const data = cohort(N);

describe('a forecast of journeys together: a caused order meets every goal it matches', () => {
  // A sends at once and may cause an order within a day (pA); B sends two days later, to those
  // who have not bought, and may cause one too (pB). A still waits when B's orders come.
  const pA = 0.2;
  const pB = 0.25;
  const a = member('a', [mail('ma', { convert: pA, within: 'P1D' }), wait('hold', 'P3D')]);
  const b = member('b', [
    wait('later', 'P2D'),
    mail('mb', { convert: pB, within: 'P1D' }),
    wait('hold', 'P3D'),
  ]);
  const result = forecastTogether([a, b], data, RUNS);
  const { journeys } = result.report;
  const ra = journeys.a?.forecast;
  const rb = journeys.b?.forecast;

  it('counts every order for both journeys, and its cause only for the journey that sent it', () => {
    for (const run of result.runs ?? []) {
      const [ca, cb] = [run.journeys.a, run.journeys.b];
      if (!ca || !cb) throw new Error('both journeys are counted');
      // Each caused order converts the person in both journeys (both still wait then).
      expect(ca.report.conversions.total).toBe(cb.report.conversions.total);
      // Attributed once: A's orders to A, B's to B; together they are every order.
      expect(ca.caused + cb.caused).toBe(ca.report.conversions.total);
      expect(ca.caused).toBe(ca.responses.ma?.converted);
      expect(cb.caused).toBe(cb.responses.mb?.converted);
      // B writes only to those A's message did not make buy.
      expect(cb.report.messages.mb?.sent).toBe(N - ca.caused);
      expect(cb.report.conversions.breakdown.caused).toBe(cb.caused);
    }
  });

  it('has the hand-computed means and binomial ranges', () => {
    if (!ra || !rb) throw new Error('both journeys are forecast');
    expect(Math.abs(ra.conversions.caused.mean - N * pA)).toBeLessThan(meanTolerance(N, pA, RUNS));
    for (const [q, key] of [
      [0.1, 'p10'],
      [0.9, 'p90'],
    ] as const)
      expect(Math.abs(ra.conversions.caused[key] - binomialQuantile(N, pA, q))).toBeLessThanOrEqual(
        quantileTolerance(N, pA, q, RUNS),
      );
    // B's: n·(1−pA)·pB on average; sent n·(1−pA).
    const bCaused = N * (1 - pA) * pB;
    expect(Math.abs(rb.conversions.caused.mean - bCaused)).toBeLessThan(
      4 * Math.sqrt((N * (1 - pA) * pB * (1 - pA * pB)) / RUNS),
    );
    expect(Math.abs((rb.messages.mb?.sent.mean ?? 0) - N * (1 - pA))).toBeLessThan(
      meanTolerance(N, pA, RUNS),
    );
    expect(ra.conversions.total.mean).toBeCloseTo(ra.conversions.caused.mean + bCaused, -1);
  });

  it('forecasts what they do together: messages per person per day, with ranges', () => {
    const together = result.report.portfolio.forecast;
    if (!together) throw new Error('the portfolio is forecast');
    expect(together.runs).toBe(RUNS);
    // Everyone gets A's message on day one; B's goes to n − A's orders on day three.
    const one = together.messagesPerProfilePerDay['1'];
    expect(one.mean).toBeCloseTo(N + N * (1 - pA), -1);
    expect(one.p10).toBeLessThan(one.p90);
    expect(together.messagesPerProfilePerDay['2+'].p90).toBe(0);
  });
});

describe('an unsubscribe from one journey stops the others’ emails', () => {
  const pu = 0.1;
  const a = member('a', [mail('ma', { unsubscribe: pu, within: 'PT1H' })]);
  const b = member('b', [wait('later', 'P1D'), mail('mb')]);
  const result = forecastTogether([a, b], data, RUNS);
  const { report } = result;

  it('lowers B’s sends by n·p, with binomial ranges', () => {
    const sent = report.journeys.b?.forecast?.messages.mb?.sent;
    const unsubscribed = report.journeys.a?.forecast?.messages.ma?.unsubscribed;
    if (!sent || !unsubscribed) throw new Error('both are forecast');
    expect(Math.abs(sent.mean - N * (1 - pu))).toBeLessThan(meanTolerance(N, pu, RUNS));
    expect(sent.mean + unsubscribed.mean).toBe(N);
    for (const [q, key] of [
      [0.1, 'p10'],
      [0.9, 'p90'],
    ] as const)
      expect(Math.abs(sent[key] - (N - binomialQuantile(N, pu, 1 - q)))).toBeLessThanOrEqual(
        quantileTolerance(N, pu, 1 - q, RUNS),
      );
    expect(sent.p10).toBeLessThan(sent.p90);
  });

  it('skips, in every run, exactly the people who unsubscribed from A', () => {
    for (const run of result.runs ?? []) {
      const left = run.journeys.a?.responses.ma?.unsubscribed ?? 0;
      expect(left).toBeGreaterThan(0);
      expect(run.journeys.b?.report.messages.mb?.sent).toBe(N - left);
      expect(run.journeys.b?.report.skipped.unsubscribed).toBe(left);
    }
  });
});

describe('a portfolio of one journey', () => {
  it('forecasts it byte for byte as the journey alone', () => {
    const starter = STARTERS[0]?.journey as Journey;
    const profiles = generateProfiles({ count: 200, seed: 15, asOf: START });
    const events = generateEvents(profiles, { seed: 15, start: START, days: 30 });
    const window = { start: START, end: START + 30 * DAY };
    const assumptions = resolveAssumptions(starter, { defaults: true });
    const alone = simulate({
      journey: starter,
      profiles,
      events,
      ...window,
      runs: 20,
      assumptions,
    });
    const together = simulatePortfolio({
      journeys: [starter],
      profiles,
      events,
      ...window,
      runs: 20,
      assumptions: { [starter.id]: assumptions },
    });
    expect(alone.report.forecast?.conversions.caused.p90).toBeGreaterThan(0);
    expect(JSON.stringify(together.report.journeys[starter.id])).toBe(JSON.stringify(alone.report));
  });
});

describe('a forecast of journeys together is determined by its inputs and seed', () => {
  const a = member('a', [
    mail('ma', { open: 0.4, convert: 0.1, unsubscribe: 0.05, within: 'P1D' }),
    wait('hold', 'P2D'),
  ]);
  const b = member('b', [wait('later', 'P1D'), mail('mb', { convert: 0.2, within: 'P1D' })]);
  const small = cohort(300);
  // B's email comes a day after A's: held when A's was sent, lost to A.
  const policy = { email: { max: 1, per: 'P2D' } } as const;
  const withoutSamples = (report: SimulationReport | undefined) => {
    const { samples: _samples, ...rest } = report as SimulationReport;
    return rest;
  };

  it('gives the same forecast whatever order people come in, and another for another seed', () => {
    const one = forecastTogether([a, b], small, 20, { policy }).report;
    const reversed = forecastTogether(
      [b, a],
      { profiles: [...small.profiles].reverse(), events: [...small.events].reverse() },
      20,
      { policy },
    ).report;
    for (const id of ['a', 'b'])
      expect(withoutSamples(reversed.journeys[id])).toEqual(withoutSamples(one.journeys[id]));
    expect(reversed.portfolio).toEqual(one.portfolio);
    const other = forecastTogether([a, b], small, 20, { policy, seed: 3 }).report;
    expect(other.portfolio.forecast).not.toEqual(one.portfolio.forecast);
  });

  it('adds up, run by run, from disjoint groups of people (threads) to the forecast of all', () => {
    const whole = forecastTogether([a, b], small, 20, { policy });
    const parts = [0, 1].map((part) => {
      const mine = (id: string) => murmur3(id, 0x51a4d) % 2 === part;
      return forecastTogether(
        [a, b],
        {
          profiles: small.profiles.filter((p) => mine(p.id)),
          events: small.events.filter((e) => mine(e.profileId)),
        },
        20,
        { policy },
      );
    });
    const runs = whole.runs.map((_, run) =>
      mergePortfolioRunCounts(parts.map((p) => p.runs[run] as PortfolioRunCounts)),
    );
    const merged = portfolioReportOf(
      runs,
      { profiles: 300, seed: 0, policy },
      { assumptions: assumptionsOf([a, b]) },
    );
    expect(merged.portfolio).toEqual(whole.report.portfolio);
    for (const id of ['a', 'b'])
      expect(withoutSamples(merged.journeys[id])).toEqual(
        withoutSamples(whole.report.journeys[id]),
      );
    const held = merged.portfolio.forecast?.policy;
    expect(held?.held.p10).toBeLessThan(held?.held.p90 ?? 0);
    expect(held?.lost.map((l) => [l.journey, l.to])).toEqual([['b', 'a']]);
  });

  it('is the same whether runs share their steps up to each person’s first draw or not', () => {
    // B's email comes two hours after A's, on the same day: a day of two messages, one before
    // where the runs part and one after.
    const soon = member('b', [wait('soon', 'PT2H'), mail('mb', { convert: 0.2, within: 'P1D' })]);
    const counts = (runs: PortfolioRunCounts[]) =>
      runs.map(({ journeys, tally }) => ({
        tally,
        journeys: Object.fromEntries(
          Object.entries(journeys).map(([id, { report, ...rest }]) => {
            const { samples: _samples, ...withoutThem } = report;
            return [id, { ...rest, report: withoutThem }];
          }),
        ),
      }));
    for (const [journeys, more] of [
      [[a, soon], {}],
      [[a, b], { policy }],
    ] as const) {
      // Hosts that watch every run see the records of each run simulated, from where it starts.
      let seen = { shared: 0, apart: 0 };
      const watch = (key: keyof typeof seen) => [{ record: () => void seen[key]++ }];
      const shared = forecastTogether([...journeys], small, 20, more);
      const apart = forecastTogether([...journeys], small, 20, { ...more, shareFirstSteps: false });
      expect(counts(shared.runs)).toEqual(counts(apart.runs));
      expect(shared.report).toEqual(apart.report);
      forecastTogether([...journeys], small, 20, { ...more, observers: watch('shared') });
      forecastTogether([...journeys], small, 20, {
        ...more,
        observers: watch('apart'),
        shareFirstSteps: false,
      });
      expect(seen.shared).toBeLessThan(seen.apart);
      seen = { shared: 0, apart: 0 };
    }
    const together = forecastTogether([a, soon], small, 20).report.portfolio.forecast;
    expect(together?.messagesPerProfilePerDay['2+'].p50).toBeGreaterThan(0);
  });
});
