import type { Assumption } from '../forecast/assumptions';
import type { DataEstimates } from '../forecast/data-estimates';
import { mergePortfolioRunCounts, type PortfolioRunCounts } from '../forecast/portfolio-forecast';
import type { Journey } from '../model/journey';
import { NO_POLICY } from '../policy/sending-policy';
import { portfolioReportOf, type PortfolioReport } from '../simulator/portfolio';
import {
  expectMessage,
  inShards,
  tracesOf,
  windowOfShards,
  type ShardedInput,
  type ShardedResult,
} from './simulation-shards';

/** Several journeys together on many threads (see `ShardedInput`; `journey` is not used). */
export interface ShardedPortfolioInput extends Omit<
  ShardedInput,
  'journey' | 'engagement' | 'assume'
> {
  journeys: Journey[];
  /** Each journey's assumptions from what the data says of it; none for a plain replay. */
  assume?: (
    estimates: Record<string, DataEstimates> | undefined,
  ) => Record<string, Assumption[]> | undefined;
}

/**
 * A portfolio (DESIGN §8) on many threads: each thread simulates its share of the people through
 * every journey and run; each run's counts are added up across threads, then reported.
 */
export async function simulatePortfolioInShards(
  input: ShardedPortfolioInput,
  shards: number,
  script: URL,
): Promise<Omit<ShardedResult, 'report'> & { report: PortfolioReport }> {
  const { window: decideWindow, assume, journeys, ...rest } = input;
  let assumptions: Record<string, Assumption[]> | undefined;
  const { loaded, done } = await inShards(
    { ...rest, journey: journeys[0] as Journey, portfolio: journeys },
    shards,
    script,
    (all) => {
      assumptions = assume?.(all[0]?.estimatesByJourney);
      return { type: 'run', ...windowOfShards(all, decideWindow), byJourney: assumptions };
    },
  );
  const parts = done.map((m) => expectMessage(m, 'done-portfolio'));
  const runs = (parts[0] as (typeof parts)[number]).runs.map((_, run) =>
    mergePortfolioRunCounts(parts.map((p) => p.runs[run] as PortfolioRunCounts)),
  );
  const report = portfolioReportOf(
    runs,
    {
      profiles: parts.reduce((sum, p) => sum + p.profiles, 0),
      seed: input.seed,
      policy: input.policy ?? NO_POLICY,
    },
    runs.length > 1 || assumptions !== undefined ? { assumptions: assumptions ?? {} } : undefined,
  );
  return {
    report,
    traces: tracesOf(parts),
    steps: parts.reduce((sum, d) => sum + d.steps, 0),
    profiles: loaded[0]?.profiles,
    events: loaded[0]?.events,
  };
}
