import { parseArgs } from 'node:util';
import type { ValidationIssue } from '../validation/catalogue';
import { validateJourney } from '../validation/validate';
import { place, readJourneyFile } from './journey-input';
import type { CommandResult, Output } from './output';
import { plural, usageError } from './output';

export const VALIDATE_USAGE = 'validate <journey.json>... [--all] [--json]';

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

/**
 * `validate`: exit 0 when every journey is valid (warnings allowed), 1 with each problem on a
 * line of its own otherwise. `--all` also lists notes (open ports); `--json` prints findings as JSON.
 */
export function validateCommand(args: string[], out: Output): CommandResult {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { all: { type: 'boolean' }, json: { type: 'boolean' } },
  });
  if (positionals.length === 0)
    return usageError(out, `validate needs a journey file: ${VALIDATE_USAGE}`);
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
      const result = validateJourney(input.journey);
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
