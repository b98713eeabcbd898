import { parseArgs } from 'node:util';
import { fileSource } from '../adapters/import/file-source';
import { ImportError } from '../import/import-problems';
import { importEvents, loadProfiles, type ImportSummary } from '../import/importer';
import type { ValidationIssue } from '../validation/catalogue';
import { validateJourney, type ValidationContext } from '../validation/validate';
import { describeWarnings } from './import-report';
import { place, readJourneyFile } from './journey-input';
import type { CommandResult, Output } from './output';
import { SHEET_OPTION, sheetChoice } from './sheet-option';
import { plural, usageError } from './output';

export const VALIDATE_USAGE =
  'validate <journey.json>... [--all] [--json]\n' +
  '           [--profiles <file>] [--events <file>] [--map <mapping>] [--profile-map <mapping>] [--sheet <name|number>]';

interface Finding {
  place: string;
  severity: string;
  code: string;
  nodeId?: string;
  message: string;
}

function formatFinding(f: Finding): string {
  const node = f.nodeId ? `  [${f.nodeId}]` : '';
  return `${f.place}  ${f.severity.padEnd(7)}  ${f.code}${node}  ${f.message}`;
}

function noteLeftOut(file: string, summary: ImportSummary, out: Output): void {
  describeWarnings(file, summary, out);
  if (summary.rejected === 0) return;
  const first = summary.problems[0];
  out.error(
    `${file}: ${plural(summary.rejected, 'row')} left out${first ? ` (first: line ${first.line}, ${first.reason})` : ''}`,
  );
}

/** Sample data for the data-aware checks: profiles and events, as `simulate` reads them. */
async function sampleData(
  values: {
    profiles?: string;
    events?: string;
    map?: string;
    'profile-map'?: string;
    sheet?: string;
  },
  out: Output,
): Promise<ValidationContext> {
  let profiles: ValidationContext['profiles'];
  let events: ValidationContext['events'];
  if (values.profiles) {
    const loaded = await loadProfiles(fileSource(values.profiles), {
      mapping: values['profile-map'],
      ...sheetChoice(values.sheet),
    });
    noteLeftOut(values.profiles, loaded.summary, out);
    profiles = loaded.profiles;
  }
  if (values.events) {
    // The checks only ask which events happen: the names are kept, not the events.
    const names = new Set<string>();
    const summary = await importEvents(fileSource(values.events), {
      mapping: values.map,
      ...sheetChoice(values.sheet),
      onRow: (event) => names.add(event.name),
    });
    noteLeftOut(values.events, summary, out);
    events = [...names].map((name) => ({ name }));
  }
  return { ...(profiles && { profiles }), ...(events && { events }) };
}

/**
 * `validate`: exit 0 when every journey is valid (warnings allowed), 1 with each problem on a
 * line of its own otherwise. `--all` also lists notes (open ports); `--json` prints findings as
 * JSON. `--profiles` and `--events` turn on the checks that compare a journey with sample data.
 */
export async function validateCommand(args: string[], out: Output): Promise<CommandResult> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      all: { type: 'boolean' },
      json: { type: 'boolean' },
      profiles: { type: 'string' },
      events: { type: 'string' },
      map: { type: 'string' },
      'profile-map': { type: 'string' },
      ...SHEET_OPTION,
    },
  });
  if (positionals.length === 0)
    return usageError(out, `validate needs a journey file: ${VALIDATE_USAGE}`);
  let context: ValidationContext;
  try {
    context = await sampleData(values, out);
  } catch (error) {
    if (error instanceof ImportError) {
      out.error(`journey-studio: ${error.message}`);
      return { exitCode: 1 };
    }
    throw error;
  }
  let failed = false;
  const report: Record<string, { valid: boolean; findings: Finding[] }> = {};
  for (const file of positionals) {
    const input = readJourneyFile(file);
    let findings: Finding[];
    let valid: boolean;
    if (!input.ok) {
      valid = false;
      findings = input.problems.map((p) => ({
        place: place(file, p),
        severity: 'error',
        code: p.code,
        nodeId: p.nodeId,
        message: p.message,
      }));
    } else {
      const result = validateJourney(input.journey, undefined, context);
      valid = result.valid;
      const shown = result.issues.filter(
        (i: ValidationIssue) => values.all || i.severity !== 'info',
      );
      findings = shown.map((i) => ({
        place: place(file, i.path ? input.locate(i.path) : undefined),
        severity: i.severity,
        code: i.code,
        nodeId: i.nodeId,
        message: i.message,
      }));
      const notes = result.issues.length - result.errors - result.warnings;
      if (!values.json) {
        findings.forEach((f) => out.print(formatFinding(f)));
        const hidden = notes && !values.all ? ' (--all shows them)' : '';
        const summary = `${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')}, ${plural(notes, 'note')}${hidden}`;
        out.print(`${file}: ${valid ? 'valid' : 'not valid'} (${summary})`);
      }
    }
    if (!input.ok && !values.json) {
      findings.forEach((f) => out.print(formatFinding(f)));
      out.print(`${file}: not valid (cannot be read as a journey)`);
    }
    report[file] = { valid, findings };
    failed ||= !valid;
  }
  if (values.json) out.print(JSON.stringify(report, null, 2));
  return { exitCode: failed ? 1 : 0 };
}
