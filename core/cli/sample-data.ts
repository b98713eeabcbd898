import { fileSource } from '../adapters/import/file-source';
import { importEvents, importProfiles } from '../import/importer';
import { parseEventTime, type JourneyEvent } from '../model/event';
import type { Profile } from '../model/profile';
import { SimulationInputError } from '../simulator/simulate';
import { describeImport } from './import-report';
import { sheetChoice } from './sheet-option';
import type { Output } from './output';

/**
 * What `simulate` needs besides the journeys, whether it runs one journey or several: the window
 * and seed options, and the sample data read from files.
 */

const DAY = 86_400_000;

/** The options `simulate` reads its data, window and seed from. */
export interface SampleDataOptions {
  events?: string;
  profiles?: string;
  map?: string;
  'profile-map'?: string;
  /** The sheet of a workbook to read (`--sheet`). */
  sheet?: string;
  start?: string;
  end?: string;
  days?: string;
  seed?: string;
}

/** The window and seed as the options give them (the window's open ends filled in later). */
export interface RunOptions {
  start?: number;
  end?: number;
  days?: number;
  seed: number;
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

/** The window and seed options, checked: the options, or what is wrong with them. */
export function readRunOptions(values: SampleDataOptions): RunOptions | string {
  if (!values.events && !values.profiles)
    return 'simulate needs sample data: --events <file>, --profiles <file>, or both';
  if (values.end !== undefined && values.days !== undefined)
    return 'give --end or --days, not both';
  const start = readTime(values.start, 'start');
  const end = readTime(values.end, 'end');
  for (const time of [start, end]) if (time instanceof Error) return time.message;
  const days = values.days === undefined ? undefined : Number(values.days);
  if (days !== undefined && !(Number.isFinite(days) && days > 0))
    return `--days must be a positive number, not "${values.days}"`;
  const seed = values.seed === undefined ? 0 : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0)
    return `--seed must be a whole number ≥ 0, not "${values.seed}"`;
  return { start: start as number | undefined, end: end as number | undefined, days, seed };
}

/** The window from the options, the first and last event filling in what they leave open. */
export function windowFor(
  options: RunOptions,
  first: number | undefined,
  last: number | undefined,
): { start: number; end: number } {
  const from = options.start ?? first;
  const to =
    options.end ??
    (options.days !== undefined && from !== undefined ? from + options.days * DAY : last);
  if (from === undefined || to === undefined) {
    throw new SimulationInputError(
      'A simulation needs a window: give a start and an end, or events to take it from.',
      { problem: 'no-window' },
    );
  }
  if (to < from)
    throw new SimulationInputError('The simulation window ends before it starts.', {
      problem: 'window-reversed',
    });
  return { start: from, end: to };
}

/** Sample data read from the option's files, with the first and last event's times. */
export interface SampleData {
  profiles: Profile[];
  events: JourneyEvent[];
  first: number | undefined;
  last: number | undefined;
}

/**
 * Reads the profiles and events files, telling `out` what each import kept and refused; `seen`
 * is shown every row kept (to count what the data says of engagement, say).
 */
export async function readSampleData(
  values: SampleDataOptions,
  out: Output,
  seen?: { profile(profile: Profile): void; event(event: JourneyEvent): void },
): Promise<SampleData> {
  const data: SampleData = { profiles: [], events: [], first: undefined, last: undefined };
  if (values.profiles) {
    const summary = await importProfiles(fileSource(values.profiles), {
      mapping: values['profile-map'],
      ...sheetChoice(values.sheet),
      onRow: (p) => {
        seen?.profile(p);
        data.profiles.push(p);
      },
    });
    describeImport(values.profiles, summary, out);
  }
  if (values.events) {
    const summary = await importEvents(fileSource(values.events), {
      mapping: values.map,
      ...sheetChoice(values.sheet),
      onRow: (e) => {
        if (data.first === undefined || e.time < data.first) data.first = e.time;
        if (data.last === undefined || e.time > data.last) data.last = e.time;
        seen?.event(e);
        data.events.push(e);
      },
    });
    describeImport(values.events, summary, out);
  }
  return data;
}
