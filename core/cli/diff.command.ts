import { parseArgs } from 'node:util';
import type { Spread } from '../forecast/statistics';
import { ImportError } from '../import/import-problems';
import { JourneyNotRunnableError } from '../runtime/compiled-journey';
import { SimulationInputError } from '../simulator/simulate';
import { describeChanges } from '../versions/change-words';
import { cohortDiff, type CohortDiff, type FigureDiff } from '../versions/cohort-diff';
import { diffJourneys } from '../versions/journey-diff';
import { COHORT_OPTIONS, cohortSettings, readCohort } from './cohort-input';
import { place, readJourneyFile } from './journey-input';
import { plural, usageError, type CommandResult, type Output } from './output';

export const DIFF_USAGE =
  'diff <old.json> <new.json> [--profiles <file>] [--events <file>] [--sheet <name|number>] [--start <time>] [--end <time>]\n' +
  '           [--seed <n>] [--runs <n>]   # what changed, in words; with sample data, what it changes for people';

const people = (count: number) =>
  `${count.toLocaleString('en')} ${count === 1 ? 'person' : 'people'}`;
const n = (value: number) => value.toLocaleString('en', { maximumFractionDigits: 1 });

function range(s: Spread, runs: number): string {
  if (runs < 2 || s.p10 === s.p90) return n(s.p50);
  return `${n(s.p50)} (${n(s.p10)}–${n(s.p90)})`;
}

function figureLine(name: string, f: FigureDiff, diff: CohortDiff): string {
  const sign = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${n(Math.abs(v))}`;
  const change = f.interval95
    ? `${sign(f.change.p50)} (95% of runs: ${sign(f.interval95.low)} to ${sign(f.interval95.high)})`
    : `${sign(f.change.p50)} — too few runs to tell (${diff.runs}; a range needs 40)`;
  return `${name}: ${range(f.before, diff.runs)} → ${range(f.after, diff.runs)}, change ${change}`;
}

/** The cohort diff in English lines, for the terminal. */
export function formatCohortDiff(diff: CohortDiff): string[] {
  const lines = [
    `On the same ${people(diff.people)}, seed and ${plural(diff.runs, 'run')}:`,
    figureLine('Conversions', diff.conversions, diff),
    figureLine('Unsubscribes', diff.unsubscribes, diff),
    `${people(diff.changed.count)} of the ${n(diff.compared)} compared would take another path or get other messages`,
  ];
  for (const m of diff.messages.added) lines.push(`  + ${m.title}: sent ${n(m.after)} times (new)`);
  for (const m of diff.messages.removed)
    lines.push(`  − ${m.title}: sent ${n(m.before)} times before (removed)`);
  for (const m of diff.messages.changed)
    lines.push(`  ~ ${m.title}: sent ${n(m.before)} → ${n(m.after)} times`);
  lines.push(
    `${people(diff.twice.after)} would get the same message twice (before: ${n(diff.twice.before)})`,
  );
  for (const t of diff.twice.listed.slice(0, 10)) lines.push(`  ${t.profileId}: ${t.message}`);
  for (const p of diff.changed.listed.slice(0, 10)) {
    lines.push(`  ${p.profileId}`);
    lines.push(`    before: ${p.before.path.join(' → ') || '(does not enter)'}`);
    lines.push(`    after:  ${p.after.path.join(' → ') || '(does not enter)'}`);
  }
  return lines;
}

/**
 * `diff`: what changed between two versions of a journey, in words; with `--profiles` and/or
 * `--events`, both simulated on that cohort with the same seed and runs, and compared.
 */
export async function diffCommand(args: string[], out: Output): Promise<CommandResult> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: COHORT_OPTIONS,
  });
  const [oldFile, newFile, ...extra] = positionals;
  if (!oldFile || !newFile || extra.length)
    return usageError(out, `diff takes two journey files: ${DIFF_USAGE}`);
  const settings = cohortSettings(values, 1);
  if (!settings.ok) return usageError(out, settings.message);
  const [before, after] = [readJourneyFile(oldFile), readJourneyFile(newFile)];
  for (const input of [before, after])
    if (!input.ok)
      for (const p of input.problems)
        out.error(`${place(input.file, p)}  error  ${p.code}  ${p.message}`);
  if (!before.ok || !after.ok) return { exitCode: 1 };
  const changes = describeChanges(diffJourneys(before.journey, after.journey));
  out.print(changes.length ? `${plural(changes.length, 'change')}:` : 'No changes.');
  for (const line of changes) out.print(`  ${line}`);
  if (!values.profiles && !values.events) return { exitCode: 0 };
  try {
    const cohort = await readCohort(values, settings, [before.journey, after.journey], out);
    const diff = cohortDiff({
      before: before.journey,
      after: after.journey,
      ...cohort,
      assumptions: cohort.runs > 1 ? cohort.assumptions : undefined,
    });
    out.print('');
    for (const line of formatCohortDiff(diff)) out.print(line);
  } catch (error) {
    if (error instanceof ImportError || error instanceof JourneyNotRunnableError) {
      out.error(`journey-studio: ${error.message}`);
      return { exitCode: 1 };
    }
    if (error instanceof SimulationInputError) {
      out.error(`journey-studio: ${error.message} (without events, give --start and --end)`);
      return { exitCode: 2 };
    }
    throw error;
  }
  return { exitCode: 0 };
}
