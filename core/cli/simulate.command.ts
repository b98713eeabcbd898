import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ImportError } from '../adapters/import/import-problems';
import { importEvents, importProfiles, type ImportSummary } from '../adapters/import/importer';
import { parseEventTime, type JourneyEvent } from '../model/event';
import type { Profile } from '../model/profile';
import { SimulationInputError, simulate } from '../simulator/simulate';
import { validateJourney } from '../validation/validate';
import { place, readJourneyFile } from './journey-input';
import { plural, usageError, type CommandResult, type Output } from './output';
import { formatReport, formatTrace } from './simulate-output';

export const SIMULATE_USAGE =
  'simulate <journey.json> [--events <file>] [--profiles <file>] [--map <mapping>] [--profile-map <mapping>]\n' +
  '           [--start <time>] [--end <time> | --days <n>] [--seed <n>] [--json <out.json>] [--trace <profile id>]...';

const DAY = 86_400_000;

function describeImport(file: string, summary: ImportSummary, out: Output): void {
  if (summary.rejected === 0) return;
  out.error(
    `${file}: ${plural(summary.rejected, 'row')} left out, ${summary.imported.toLocaleString('en')} kept:`,
  );
  for (const problem of summary.problems.slice(0, 10)) {
    out.error(
      `  ${file}:${problem.line}  ${problem.code}${problem.column ? ` (${problem.column})` : ''}  ${problem.reason}`,
    );
  }
  if (summary.rejected > 10)
    out.error(`  … and ${(summary.rejected - 10).toLocaleString('en')} more`);
}

function readTime(value: string | undefined, option: string): number | undefined | Error {
  if (value === undefined) return undefined;
  const time = parseEventTime(value);
  return time === undefined
    ? new Error(
        `--${option} "${value}" is not a time; use ISO 8601 (2019-10-01T00:00:00Z), "2019-10-01 00:00:00 UTC" or epoch milliseconds`,
      )
    : time;
}

/**
 * `simulate`: runs a journey over sample profiles and events on a virtual clock, prints a
 * readable summary (a row per node), and with `--json` writes the report of DESIGN.md §4.
 */
export async function simulateCommand(args: string[], out: Output): Promise<CommandResult> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      events: { type: 'string' },
      profiles: { type: 'string' },
      map: { type: 'string' },
      'profile-map': { type: 'string' },
      start: { type: 'string' },
      end: { type: 'string' },
      days: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'string' },
      trace: { type: 'string', multiple: true },
    },
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length)
    return usageError(out, `simulate takes one journey file: ${SIMULATE_USAGE}`);
  if (!values.events && !values.profiles) {
    return usageError(
      out,
      'simulate needs sample data: --events <file>, --profiles <file>, or both',
    );
  }
  if (values.end !== undefined && values.days !== undefined)
    return usageError(out, 'give --end or --days, not both');
  const start = readTime(values.start, 'start');
  const end = readTime(values.end, 'end');
  for (const time of [start, end]) if (time instanceof Error) return usageError(out, time.message);
  const days = values.days === undefined ? undefined : Number(values.days);
  if (days !== undefined && !(Number.isFinite(days) && days > 0))
    return usageError(out, `--days must be a positive number, not "${values.days}"`);
  const seed = values.seed === undefined ? 0 : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0)
    return usageError(out, `--seed must be a whole number ≥ 0, not "${values.seed}"`);

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

  const profiles: Profile[] = [];
  const events: JourneyEvent[] = [];
  try {
    if (values.profiles) {
      const summary = await importProfiles(values.profiles, {
        mapping: values['profile-map'],
        onRow: (p) => profiles.push(p),
      });
      describeImport(values.profiles, summary, out);
    }
    if (values.events) {
      const summary = await importEvents(values.events, {
        mapping: values.map,
        onRow: (e) => events.push(e),
      });
      describeImport(values.events, summary, out);
    }
  } catch (error) {
    if (error instanceof ImportError) {
      out.error(`journey-studio: ${error.message}`);
      return { exitCode: 1 };
    }
    throw error;
  }

  let windowStart = start as number | undefined;
  if (windowStart === undefined && days !== undefined) {
    windowStart = events.reduce<number | undefined>(
      (min, e) => (min === undefined || e.time < min ? e.time : min),
      undefined,
    );
  }
  const windowEnd =
    (end as number | undefined) ??
    (days !== undefined && windowStart !== undefined ? windowStart + days * DAY : undefined);
  const traced = new Set(values.trace ?? []);
  let result;
  try {
    result = simulate({
      journey: input.journey,
      profiles,
      events,
      start: windowStart,
      end: windowEnd,
      seed,
      trace: traced,
    });
  } catch (error) {
    if (error instanceof SimulationInputError) {
      out.error(
        `journey-studio: ${error.message} (without events, give --start and --end or --days)`,
      );
      return { exitCode: 2 };
    }
    throw error;
  }
  for (const line of formatReport(input.journey, result.report)) out.print(line);
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
