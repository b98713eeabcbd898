import { writeFileSync } from 'node:fs';
import { ImportError } from '../import/import-problems';
import type { SendingPolicy } from '../policy/sending-policy';
import { simulatePortfolio, type PortfolioResult } from '../simulator/portfolio';
import { SimulationInputError } from '../simulator/simulate';
import { PortfolioEngagement } from './forecast-input';
import { readValidJourneys } from './journey-input';
import type { CommandResult, Output } from './output';
import { formatPortfolio } from './portfolio-output';
import { readSampleData, windowFor, type RunOptions, type SampleDataOptions } from './sample-data';
import { formatTrace } from './simulate-output';

/** The options of `simulate` with several journeys. */
export interface PortfolioOptions extends SampleDataOptions {
  json?: string;
  trace?: string[];
}

/** How the journeys are simulated together: the policy, and a forecast's runs and assumptions. */
export interface PortfolioPlan {
  policy: SendingPolicy | undefined;
  runs: number;
  /** `--assume`: "defaults" or nothing. */
  assume: string | undefined;
}

/**
 * `simulate a.json b.json …`: the journeys together on the same profiles and events, under the
 * sending policy (DESIGN §8), and with `--runs`/`--assume` as a forecast (DESIGN §7). Prints what
 * they do together, then each journey's own summary; with `--json`, writes the report with
 * `journeys` and `portfolio`.
 */
export async function simulatePortfolioFiles(
  files: readonly string[],
  values: PortfolioOptions,
  options: RunOptions,
  plan: PortfolioPlan,
  out: Output,
): Promise<CommandResult> {
  const { policy, runs, assume } = plan;
  const journeys = readValidJourneys(files, out);
  if (!journeys) {
    out.error('journey-studio: nothing was simulated; fix the journeys above first.');
    return { exitCode: 1 };
  }
  const traced = new Set(values.trace ?? []);
  let result: PortfolioResult;
  try {
    const engagement = new PortfolioEngagement(journeys);
    const data = await readSampleData(values, out, engagement.seen);
    const window = windowFor(options, data.first, data.last);
    const assumptions = engagement.assumptions(journeys, runs, assume);
    result = simulatePortfolio({
      journeys,
      profiles: data.profiles,
      events: data.events,
      start: window.start,
      end: window.end,
      seed: options.seed,
      policy,
      trace: traced,
      runs,
      ...(assumptions && { assumptions }),
    });
  } catch (error) {
    if (error instanceof ImportError) {
      out.error(`journey-studio: ${error.message}`);
      return { exitCode: 1 };
    }
    if (error instanceof SimulationInputError) {
      out.error(
        `journey-studio: ${error.message}${/window/.test(error.message) ? ' (without events, give --start and --end or --days)' : ''}`,
      );
      return { exitCode: 2 };
    }
    throw error;
  }
  for (const line of formatPortfolio(journeys, result.report)) out.print(line);
  for (const profileId of traced) {
    out.print('');
    for (const line of formatTrace(profileId, result.traces.get(profileId) ?? [])) out.print(line);
  }
  if (values.json) {
    writeFileSync(values.json, `${JSON.stringify(result.report, null, 2)}\n`);
    out.print(`\nReport written to ${values.json}`);
  }
  return { exitCode: 0 };
}
