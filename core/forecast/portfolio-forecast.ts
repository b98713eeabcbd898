import {
  addTallies,
  type PortfolioSummary,
  type PortfolioTally,
} from '../simulator/portfolio-watch';
import { mergeRunCounts, type RunCounts } from './run-counts';
import { spreadOf, type Spread } from './statistics';

/** One run of a portfolio's forecast, counted: each journey's counts, and what they did together. */
export interface PortfolioRunCounts {
  journeys: Record<string, RunCounts>;
  tally: PortfolioTally;
}

/**
 * What several journeys do together over the runs of a forecast (DESIGN §7 and §8): each figure of
 * the portfolio's summary as `{ mean, p10, p50, p90 }` over the runs (nearest rank).
 */
export interface PortfolioForecast {
  runs: number;
  /** Person-days with 0, 1 and 2+ messages. */
  messagesPerProfilePerDay: { '0': Spread; '1': Spread; '2+': Spread };
  /** Messages per person per day, on average. */
  mean: Spread;
  /** The most messages one person got on one local day. */
  most: Spread;
  /** Pairs of journeys that reached the same person on the same local day. */
  collisions: { journeys: [string, string]; profiles: Spread }[];
  /** Messages the sending policy held back, and which journey each lost to. */
  policy: {
    held: Spread;
    lost: { journey: string; to: string; messages: Spread; profiles: Spread }[];
  };
}

/** The counts of disjoint parts of a cohort in the same run (threads, or shared parts), added up. */
export function mergePortfolioRunCounts(parts: readonly PortfolioRunCounts[]): PortfolioRunCounts {
  const [first, ...rest] = parts;
  if (!first) throw new Error('mergePortfolioRunCounts needs at least one part');
  return rest.reduce<PortfolioRunCounts>(
    (a, b) => ({
      journeys: Object.fromEntries(
        Object.entries(a.journeys).map(([id, counts]) => {
          const other = b.journeys[id];
          return [id, other ? mergeRunCounts([counts, other]) : counts];
        }),
      ),
      tally: addTallies(a.tally, b.tally),
    }),
    first,
  );
}

const pairKey = (a: string, b: string) => `${a}\u0000${b}`;

/** The portfolio's figures over the runs' summaries (run 0 first). */
export function portfolioForecastOf(runs: readonly PortfolioSummary[]): PortfolioForecast {
  const over = (figure: (run: PortfolioSummary) => number): Spread => spreadOf(runs.map(figure));
  // A pair that collides, or loses to the policy, in any run; 0 in the runs where it does not.
  const collisions = new Map<string, [string, string]>();
  const losses = new Map<string, { journey: string; to: string }>();
  for (const run of runs) {
    for (const c of run.collisions) collisions.set(pairKey(...c.journeys), c.journeys);
    for (const l of run.policy.lost)
      losses.set(pairKey(l.journey, l.to), { journey: l.journey, to: l.to });
  }
  const collisionsOf = (run: PortfolioSummary, key: string) =>
    run.collisions.find((c) => pairKey(...c.journeys) === key)?.profiles ?? 0;
  const lossOf = (run: PortfolioSummary, key: string) =>
    run.policy.lost.find((l) => pairKey(l.journey, l.to) === key);
  return {
    runs: runs.length,
    messagesPerProfilePerDay: {
      '0': over((r) => r.messagesPerProfilePerDay['0']),
      '1': over((r) => r.messagesPerProfilePerDay['1']),
      '2+': over((r) => r.messagesPerProfilePerDay['2+']),
    },
    mean: over((r) => r.mean),
    most: over((r) => r.most),
    collisions: [...collisions]
      .map(([key, journeys]) => ({ journeys, profiles: over((r) => collisionsOf(r, key)) }))
      .sort(
        (a, b) =>
          b.profiles.mean - a.profiles.mean || a.journeys.join().localeCompare(b.journeys.join()),
      ),
    policy: {
      held: over((r) => r.policy.held),
      lost: [...losses]
        .map(([key, { journey, to }]) => ({
          journey,
          to,
          messages: over((r) => lossOf(r, key)?.messages ?? 0),
          profiles: over((r) => lossOf(r, key)?.profiles ?? 0),
        }))
        .sort(
          (a, b) =>
            b.messages.mean - a.messages.mean ||
            a.journey.localeCompare(b.journey) ||
            a.to.localeCompare(b.to),
        ),
    },
  };
}
