import { statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ImportError } from '../import/import-problems';
import { ShardImportError, simulateInShards } from '../adapters/simulation-shards';
import { EngagementCounter, engagementBasis } from '../forecast/data-estimates';
import type { SimulationReport } from '../simulator/report';
import { SimulationInputError, simulate } from '../simulator/simulate';
import { autoWinnerSplits } from '../simulator/winner-passes';
import type { TraceStep } from '../simulator/trace';
import { validateJourney } from '../validation/validate';
import { describeImport } from './import-report';
import { readPolicyFile } from './policy-input';
import { simulatePortfolioFiles } from './portfolio.command';
import { readRunOptions, readSampleData, windowFor } from './sample-data';
import { place, readJourneyFile } from './journey-input';
import { usageError, type CliEnvironment, type CommandResult, type Output } from './output';
import { SHEET_OPTION, sheetChoice } from './sheet-option';
import { formatAssumptions, formatForecast } from './forecast-output';
import { assumptionsFor, readForecastOptions } from './forecast-input';
import { formatReport, formatTrace } from './simulate-output';

export const SIMULATE_USAGE =
  'simulate <journey.json>... [--events <file>] [--profiles <file>] [--map <mapping>] [--profile-map <mapping>] [--sheet <name|number>]\n' +
  '           [--start <time>] [--end <time> | --days <n>] [--seed <n>] [--json <out.json>] [--trace <profile id>]...\n' +
  '           [--threads <n>] [--runs <n>] [--assume defaults] [--policy <policy.json>]';

/**
 * Input files past this size are read and simulated on every core (see simulation-shards.ts).
 * Each thread starts the engine and reads every file again, so threads only pay once the
 * simulation outweighs that. Measured on 2 cores with one mostly free (the benchmark cohort,
 * CSV): 100,000 profiles (11 MB) took 1.4 s on one thread and 1.7 s on two; 300,000 (35 MB)
 * 3.5 s and 3.2 s; a million (117 MB) 10.9 s and 9.5 s.
 */
const SHARD_FROM_BYTES = 24 * 1024 * 1024;

/**
 * Whether the work is worth threads: the input's size times the runs of a forecast (each run
 * simulates the whole input again).
 */
function bigInput(files: readonly (string | undefined)[], runs: number): boolean {
  let bytes = 0;
  for (const file of files) {
    try {
      if (file) bytes += statSync(file).size;
    } catch {
      // A missing file is reported by the import, with its name.
    }
  }
  return bytes * runs >= SHARD_FROM_BYTES;
}

/**
 * `simulate`: runs a journey over sample profiles and events on a virtual clock, prints a
 * readable summary (a row per node), and with `--json` writes the report of DESIGN.md §4.
 */
export async function simulateCommand(
  args: string[],
  out: Output,
  env: CliEnvironment = {},
): Promise<CommandResult> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      events: { type: 'string' },
      profiles: { type: 'string' },
      map: { type: 'string' },
      'profile-map': { type: 'string' },
      ...SHEET_OPTION,
      start: { type: 'string' },
      end: { type: 'string' },
      days: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'string' },
      trace: { type: 'string', multiple: true },
      threads: { type: 'string' },
      runs: { type: 'string' },
      assume: { type: 'string' },
      policy: { type: 'string' },
    },
  });
  const [file, ...others] = positionals;
  if (!file)
    return usageError(out, `simulate takes one journey file, or several: ${SIMULATE_USAGE}`);
  const options = readRunOptions(values);
  if (typeof options === 'string') return usageError(out, options);
  const { seed } = options;
  const policy = values.policy === undefined ? undefined : readPolicyFile(values.policy, out);
  if (values.policy !== undefined && !policy) return { exitCode: 1 };
  const forecasting = readForecastOptions(values);
  if (typeof forecasting === 'string') return usageError(out, forecasting);
  const { runs } = forecasting;
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1 && threads <= 64)) {
    return usageError(
      out,
      `--threads must be a whole number from 1 to 64, not "${values.threads}"`,
    );
  }
  // Threads when asked for, or when the work is worth them (a portfolio: once per journey).
  const worthThreads = (times: number) =>
    env.simulationScript && bigInput([values.profiles, values.events], runs * times)
      ? (env.parallelism ?? 1)
      : 1;
  if (others.length > 0)
    return simulatePortfolioFiles(
      positionals,
      values,
      options,
      {
        policy,
        ...forecasting,
        threads: threads ?? worthThreads(positionals.length),
        workerScript: env.simulationScript,
      },
      out,
    );

  const input = readJourneyFile(file);
  if (!input.ok) {
    for (const p of input.problems) out.error(`${place(file, p)}  error  ${p.code}  ${p.message}`);
    return { exitCode: 1 };
  }
  const validation = validateJourney(input.journey);
  if (!validation.valid) {
    for (const issue of validation.issues.filter((i) => i.severity === 'error')) {
      out.error(
        `${place(file, issue.path ? input.locate(issue.path) : undefined)}  error  ${issue.code}${issue.nodeId ? `  [${issue.nodeId}]` : ''}  ${issue.message}`,
      );
    }
    out.error(`${file}: not valid, so it cannot be simulated (npm run cli -- validate ${file})`);
    return { exitCode: 1 };
  }

  const traced = new Set(values.trace ?? []);
  // Automatic winners need the whole cohort's assignments between passes: one thread for now.
  const shards = autoWinnerSplits(input.journey).size > 0 ? 1 : (threads ?? worthThreads(1));
  const basis = engagementBasis(input.journey);
  let result: { report: SimulationReport; traces: ReadonlyMap<string, TraceStep[]> };
  try {
    if (shards > 1 && env.simulationScript) {
      const sharded = await simulateInShards(
        {
          journey: input.journey,
          profilesFile: values.profiles,
          profileMapping: values['profile-map'],
          eventsFile: values.events,
          eventMapping: values.map,
          ...sheetChoice(values.sheet),
          seed,
          trace: [...traced],
          window: (first, last) => windowFor(options, first, last),
          runs,
          policy,
          engagement: basis,
          assume: (estimates) => assumptionsFor(input.journey, estimates, runs, values.assume),
        },
        shards,
        env.simulationScript,
      );
      if (values.profiles && sharded.profiles)
        describeImport(values.profiles, sharded.profiles, out);
      if (values.events && sharded.events) describeImport(values.events, sharded.events, out);
      result = sharded;
    } else {
      const counter = new EngagementCounter(basis);
      const data = await readSampleData(values, out, {
        profile: (p) => counter.addProfile(p),
        event: (e) => counter.add(e),
      });
      const { profiles, events } = data;
      const window = windowFor(options, data.first, data.last);
      result = simulate({
        journey: input.journey,
        profiles,
        events,
        start: window.start,
        end: window.end,
        seed,
        trace: traced,
        runs,
        policy,
        assumptions: assumptionsFor(input.journey, counter.estimates(), runs, values.assume),
      });
    }
  } catch (error) {
    if (error instanceof ImportError || error instanceof ShardImportError) {
      out.error(`journey-studio: ${error.message}`);
      return { exitCode: 1 };
    }
    if (error instanceof SimulationInputError) {
      out.error(
        `journey-studio: ${error.message} (without events, give --start and --end or --days)`,
      );
      return { exitCode: 2 };
    }
    throw error;
  }
  for (const line of formatReport(input.journey, result.report)) out.print(line);
  const { forecast, assumptions } = result.report;
  if (forecast) {
    out.print('');
    for (const line of formatForecast(input.journey, forecast)) out.print(line);
    out.print('');
    for (const line of formatAssumptions(assumptions ?? [])) out.print(line);
  }
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
