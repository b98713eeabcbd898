import { writeFileSync } from 'node:fs';
import { ImportError } from '../import/import-problems';
import type { Journey } from '../model/journey';
import type { SendingPolicy } from '../policy/sending-policy';
import { simulatePortfolio, type PortfolioResult } from '../simulator/portfolio';
import { SimulationInputError } from '../simulator/simulate';
import { validateJourney } from '../validation/validate';
import { place, readJourneyFile } from './journey-input';
import type { CommandResult, Output } from './output';
import { formatPortfolio } from './portfolio-output';
import { readSampleData, windowFor, type RunOptions, type SampleDataOptions } from './sample-data';
import { formatTrace } from './simulate-output';

/** The options of `simulate` with several journeys. */
export interface PortfolioOptions extends SampleDataOptions {
  json?: string;
  trace?: string[];
}

/** Reads and checks every journey file; problems are said on `out`, each with its place. */
function readJourneys(files: readonly string[], out: Output): Journey[] | undefined {
  const journeys: Journey[] = [];
  let ok = true;
  for (const file of files) {
    const input = readJourneyFile(file);
    if (!input.ok) {
      for (const p of input.problems)
        out.error(`${place(file, p)}  error  ${p.code}  ${p.message}`);
      ok = false;
      continue;
    }
    const validation = validateJourney(input.journey);
    if (!validation.valid) {
      for (const issue of validation.issues.filter((i) => i.severity === 'error'))
        out.error(
          `${place(file, issue.path ? input.locate(issue.path) : undefined)}  error  ${issue.code}${issue.nodeId ? `  [${issue.nodeId}]` : ''}  ${issue.message}`,
        );
      out.error(`${file}: not valid, so it cannot be simulated (npm run cli -- validate ${file})`);
      ok = false;
      continue;
    }
    journeys.push(input.journey);
  }
  return ok ? journeys : undefined;
}

/**
 * `simulate a.json b.json …`: the journeys together on the same profiles and events, under the
 * sending policy (DESIGN §8). Prints what they do together, then each journey's own summary;
 * with `--json`, writes the report with `journeys` and `portfolio`.
 */
export async function simulatePortfolioFiles(
  files: readonly string[],
  values: PortfolioOptions,
  options: RunOptions,
  policy: SendingPolicy | undefined,
  out: Output,
): Promise<CommandResult> {
  const journeys = readJourneys(files, out);
  if (!journeys) return { exitCode: 1 };
  const traced = new Set(values.trace ?? []);
  let result: PortfolioResult;
  try {
    const data = await readSampleData(values, out);
    const window = windowFor(options, data.first, data.last);
    result = simulatePortfolio({
      journeys,
      profiles: data.profiles,
      events: data.events,
      start: window.start,
      end: window.end,
      seed: options.seed,
      policy,
      trace: traced,
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
