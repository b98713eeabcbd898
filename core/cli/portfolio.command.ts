import { writeFileSync } from 'node:fs';
import { ImportError } from '../import/import-problems';
import type { Journey } from '../model/journey';
import type { SendingPolicy } from '../policy/sending-policy';
import { simulatePortfolioInShards } from '../adapters/portfolio-shards';
import { ShardImportError } from '../adapters/simulation-shards';
import { compilePortfolio, simulatePortfolio, type PortfolioReport } from '../simulator/portfolio';
import type { TraceStep } from '../simulator/trace';
import { describeImport } from './import-report';
import { SimulationInputError } from '../simulator/simulate';
import { JourneysEngagement } from '../forecast/data-estimates';
import { portfolioAssumptions } from './forecast-input';
import { readValidJourneys } from './journey-input';
import type { CommandResult, Output } from './output';
import { sheetChoice } from './sheet-option';
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
  /** Threads to spread the people over (1: this one). */
  threads: number;
  /** The script a thread that simulates a share starts from (`CliEnvironment.simulationScript`). */
  workerScript: URL | undefined;
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
  const { policy, runs, assume, threads, workerScript } = plan;
  const journeys = readValidJourneys(files, out);
  if (!journeys) {
    out.error('journey-studio: nothing was simulated; fix the journeys above first.');
    return { exitCode: 1 };
  }
  const traced = new Set(values.trace ?? []);
  let result: { report: PortfolioReport; traces: ReadonlyMap<string, TraceStep[]> };
  try {
    compilePortfolio(journeys);
    if (threads > 1 && workerScript) {
      const sharded = await simulatePortfolioInShards(
        {
          journeys,
          profilesFile: values.profiles,
          profileMapping: values['profile-map'],
          eventsFile: values.events,
          eventMapping: values.map,
          ...sheetChoice(values.sheet),
          seed: options.seed,
          trace: [...traced],
          window: (first, last) => windowFor(options, first, last),
          runs,
          policy,
          assume: (estimates) => portfolioAssumptions(journeys, estimates, runs, assume),
        },
        threads,
        workerScript,
      );
      if (values.profiles && sharded.profiles)
        describeImport(values.profiles, sharded.profiles, out);
      if (values.events && sharded.events) describeImport(values.events, sharded.events, out);
      return printed(journeys, sharded, values, traced, out);
    }
    const engagement = new JourneysEngagement(journeys);
    const data = await readSampleData(values, out, {
      profile: (p) => engagement.addProfile(p),
      event: (e) => engagement.add(e),
    });
    const window = windowFor(options, data.first, data.last);
    const assumptions = portfolioAssumptions(journeys, engagement.estimates(), runs, assume);
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
    if (error instanceof ImportError || error instanceof ShardImportError) {
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
  return printed(journeys, result, values, traced, out);
}

/** Prints the portfolio's summary and traces, and writes its report with `--json`. */
function printed(
  journeys: readonly Journey[],
  result: { report: PortfolioReport; traces: ReadonlyMap<string, TraceStep[]> },
  values: PortfolioOptions,
  traced: ReadonlySet<string>,
  out: Output,
): CommandResult {
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
