import type { Journey } from '../model/journey';
import { isoTime } from '../model/local-time';
import { stepTitle } from '../nodes/step-title';
import type { CasesProblem, ExpectedMessage, ExpectedSkip } from './case-types';
import type { SentMessage, SkippedMessage } from './observation';
import type { CaseFailure, CaseResult } from './run-cases';
import type { DiffLine } from './sequence-diff';

/**
 * Journey test results as lines of text, for the command line and CI logs: a line per case, and
 * under a failed one each part that differs, lined up as a diff (`-` expected and did not
 * happen, `+` happened and was not expected).
 */

const OUTCOME_WORDS: Record<string, string> = {
  completed: 'went through to the end',
  converted: 'reached the goal',
  exited: 'left at an exit step',
  active: 'still in the journey when the case ends',
  not_entered: 'never entered',
};

const time = (at: number) => isoTime(at).replace(/\.000Z$/, 'Z');

/** `file:line:column`, or the file alone when the place is unknown. */
function placeOf(file: string, problem: CasesProblem): string {
  return problem.line ? `${file}:${problem.line}:${problem.column ?? 1}` : file;
}

/** A problem of a cases file on one line: where, the code, the case and field, and why. */
export function formatCasesProblem(file: string, problem: CasesProblem): string {
  const within = [
    problem.caseName !== undefined ? `case "${problem.caseName}"` : '',
    problem.field ?? '',
  ]
    .filter(Boolean)
    .join(', ');
  return `${placeOf(file, problem)}  error  ${problem.code}  ${within ? `${within}: ` : ''}${problem.message}`;
}

function stepWords(journey: Journey): (id: string) => string {
  const titles = new Map(journey.nodes.map((n) => [n.id, stepTitle(n)]));
  return (id) => {
    const title = titles.get(id);
    return title && title !== id ? `${id} (${title})` : id;
  };
}

function expectedMessage(step: (id: string) => string, m: ExpectedMessage): string {
  const subject = m.subject !== undefined ? `  “${m.subject}”` : '';
  const at = m.at !== undefined ? `  at ${time(m.at)}` : '';
  return `${step(m.nodeId)}${subject}${at}`;
}

function sentMessage(step: (id: string) => string, m: SentMessage): string {
  return `${step(m.nodeId)}  “${m.subject}”  at ${time(m.at)}`;
}

function diffLines<E, A>(
  lines: readonly DiffLine<E, A>[],
  expected: (e: E) => string,
  actual: (a: A) => string,
): string[] {
  return lines.map((line) =>
    line.kind === 'same'
      ? `    ${actual(line.actual)}`
      : line.kind === 'missing'
        ? `  - ${expected(line.expected)}`
        : `  + ${actual(line.actual)}`,
  );
}

function failureLines(failure: CaseFailure, step: (id: string) => string): string[] {
  switch (failure.part) {
    case 'path':
      return ['path differs (- expected, + actual):', ...diffLines(failure.lines, step, step)];
    case 'messages':
      return [
        'messages differ (- expected, + actual):',
        ...diffLines(
          failure.lines,
          (e) => expectedMessage(step, e),
          (a) => sentMessage(step, a),
        ),
      ];
    case 'skips':
      return [
        'skips differ (- expected, + actual):',
        ...diffLines(
          failure.lines,
          (e: ExpectedSkip) => `${step(e.nodeId)}  skipped: ${e.reason}`,
          (a: SkippedMessage) => `${step(a.nodeId)}  skipped: ${a.reason}`,
        ),
      ];
    case 'outcome':
      return [
        `outcome differs: expected ${failure.expected} (${OUTCOME_WORDS[failure.expected] ?? ''}), got ${failure.actual} (${OUTCOME_WORDS[failure.actual] ?? ''})`,
      ];
  }
}

/** The lines for one case: `PASS name`, or `FAIL name` and what differs, indented. */
export function caseReport(journey: Journey, result: CaseResult): string[] {
  if (result.passed) return [`PASS  ${result.name}`];
  const step = stepWords(journey);
  const lines = [`FAIL  ${result.name}`];
  for (const failure of result.failures)
    lines.push(...failureLines(failure, step).map((line) => `      ${line}`));
  if (result.observed.truncated)
    lines.push(
      '      (the person went through more steps than a case compares; the rest is left out)',
    );
  return lines;
}

/** "7 cases: 6 passed, 1 failed". */
export function resultsSummary(results: readonly CaseResult[]): string {
  const failed = results.filter((r) => !r.passed).length;
  const cases = `${results.length} case${results.length === 1 ? '' : 's'}`;
  return `${cases}: ${results.length - failed} passed, ${failed} failed`;
}
