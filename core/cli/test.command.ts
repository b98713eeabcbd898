import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatCasesProblem, caseReport, resultsSummary } from '../cases/case-report';
import { MAX_CASES_FILE_CHARS } from '../cases/cases-schema';
import { readCasesFile } from '../cases/read-cases';
import { runCases } from '../cases/run-cases';
import { validateJourney } from '../validation/validate';
import { place, readJourneyFile } from './journey-input';
import { plural, usageError, type CommandResult, type Output } from './output';

export const TEST_USAGE =
  'test <journey.json> [cases.json]   # runs the journey tests (default: <journey>.cases.json beside it)';

/** The help `test --help` prints: the command and the cases file format in brief. */
export const TEST_HELP = `Usage: npm run cli -- ${TEST_USAGE}

Runs scripted people through the journey on the simulator's fixed clock and checks what happens
to each: the steps they pass, the messages they get (and their subjects), the messages skipped
(and why), and how their time in the journey ends. Prints PASS or FAIL per case, with a diff
for each failure (- expected, + actual); exits 0 when every case passes, 1 when one fails or a
file has a problem, 2 when the command is used wrongly.

A cases file (docs/journey-tests.md has the whole format):
{
  "format": "journey-studio/cases", "version": 1, "journey": "abandoned-cart",
  "cases": [{
    "name": "First-time shopper gets free shipping",
    "profile": { "id": "anna", "email": "anna@example.com", "first_name": "Anna" },
    "start": "2025-03-03T08:00:00Z",            "end": "2025-03-06T00:00:00Z"  (optional)
    "events": [{ "name": "cart", "at": "PT1H", "properties": { "product_name": "Scarf" } }],
    "expect": {
      "path": ["carted", "wait-1h", "Reminder after 1 hour"],     (ids or titles)
      "messages": [{ "node": "reminder-1", "subject": "Anna, …", "at": "…" }],
      "skips": [{ "node": "reminder-1", "reason": "unsubscribed" }],
      "outcome": "completed"      (completed, converted, exited, active or not_entered)
    }
  }]
}
Times are ISO 8601 with Z or an offset, or durations from the case's start (PT1H, -P30D).
At most 200 cases a file and 1,000 events a case.`;

/** `welcome.json` → `welcome.cases.json`, beside it. */
export function defaultCasesFile(journeyFile: string): string {
  return journeyFile.endsWith('.json')
    ? `${journeyFile.slice(0, -'.json'.length)}.cases.json`
    : `${journeyFile}.cases.json`;
}

export function readText(file: string): { ok: true; text: string } | { ok: false; why: string } {
  try {
    const size = statSync(file).size;
    if (size > MAX_CASES_FILE_CHARS)
      return {
        ok: false,
        why: `it is ${size.toLocaleString('en-US')} bytes; a cases file has at most ${MAX_CASES_FILE_CHARS.toLocaleString('en-US')}`,
      };
    return { ok: true, text: readFileSync(file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      why:
        code === 'ENOENT'
          ? 'no such file'
          : code === 'EISDIR'
            ? 'it is a folder'
            : (error as Error).message,
    };
  }
}

/**
 * `test`: runs a journey's test cases (docs/journey-tests.md) and prints a diff for each failure.
 * Exit 0 when all pass, 1 when one fails or a file cannot be used, 2 for usage mistakes.
 */
export function testCommand(args: string[], out: Output): CommandResult {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    out.print(TEST_HELP);
    return { exitCode: 0 };
  }
  const [journeyFile, given, ...extra] = positionals;
  if (!journeyFile || extra.length > 0)
    return usageError(
      out,
      `test takes a journey file and, optionally, its cases file: ${TEST_USAGE}`,
    );
  const casesFile = given ?? defaultCasesFile(journeyFile);

  const input = readJourneyFile(journeyFile);
  if (!input.ok) {
    for (const p of input.problems)
      out.error(`${place(journeyFile, p)}  error  ${p.code}  ${p.message}`);
    out.error(`${journeyFile}: cannot be read as a journey, so its cases cannot run`);
    return { exitCode: 1 };
  }
  const validation = validateJourney(input.journey);
  if (!validation.valid) {
    for (const issue of validation.issues.filter((i) => i.severity === 'error'))
      out.error(
        `${place(journeyFile, issue.path ? input.locate(issue.path) : undefined)}  error  ${issue.code}${issue.nodeId ? `  [${issue.nodeId}]` : ''}  ${issue.message}`,
      );
    out.error(
      `${journeyFile}: ${plural(validation.errors, 'error')} to fix before the journey can run its cases`,
    );
    return { exitCode: 1 };
  }

  const text = readText(casesFile);
  if (!text.ok) {
    if (given === undefined)
      return usageError(
        out,
        `no cases file for ${journeyFile}: looked for ${casesFile} (${text.why}). Give the cases file after the journey.\n  ${TEST_USAGE}`,
      );
    out.error(`${casesFile}  error  cases-unreadable  Cannot read the cases file: ${text.why}.`);
    return { exitCode: 1 };
  }
  const read = readCasesFile(text.text, input.journey);
  if (!read.ok) {
    for (const problem of read.problems) out.error(formatCasesProblem(casesFile, problem));
    out.error(`${casesFile}: ${plural(read.problems.length, 'problem')}; no case was run`);
    return { exitCode: 1 };
  }

  out.print(`Testing ${journeyFile} with ${casesFile}`);
  const results = runCases(input.journey, read.cases);
  for (const result of results)
    for (const line of caseReport(input.journey, result)) out.print(line);
  out.print(resultsSummary(results));
  return { exitCode: results.every((r) => r.passed) ? 0 : 1 };
}
