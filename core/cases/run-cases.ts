import type { Journey } from '../model/journey';
import type { StepObserver, StepRecord } from '../runtime/ports';
import { simulate } from '../simulator/simulate';
import { TraceRecorder } from '../simulator/trace';
import { MAX_EXPECTED, type CaseOutcome } from './cases-schema';
import type { ExpectedMessage, ExpectedSkip, JourneyCase } from './case-types';
import {
  observation,
  type CaseObservation,
  type SentMessage,
  type SkippedMessage,
} from './observation';
import { diffSequences, type DiffLine } from './sequence-diff';

/** A part of a case that did not go as expected. */
export type CaseFailure =
  | { readonly part: 'path'; readonly lines: DiffLine<string, string>[] }
  | { readonly part: 'messages'; readonly lines: DiffLine<ExpectedMessage, SentMessage>[] }
  | { readonly part: 'skips'; readonly lines: DiffLine<ExpectedSkip, SkippedMessage>[] }
  | { readonly part: 'outcome'; readonly expected: CaseOutcome; readonly actual: CaseOutcome };

export interface CaseResult {
  name: string;
  passed: boolean;
  failures: CaseFailure[];
  observed: CaseObservation;
}

/**
 * Step records a case keeps at most: a path of a thousand steps, with its waits, messages and
 * leavings, fits several times over. A journey that loops for years past that is cut short.
 */
export const MAX_CASE_RECORDS = 20_000;

/** The trace of the case's one person, up to `MAX_CASE_RECORDS` records. */
class BoundedTrace implements StepObserver {
  readonly recorder = new TraceRecorder('all');
  private count = 0;
  overflow = false;

  record(step: StepRecord): void {
    if (this.count >= MAX_CASE_RECORDS) {
      this.overflow = true;
      return;
    }
    this.count++;
    this.recorder.record(step);
  }
}

/** Runs one case's person through the journey on the simulator's virtual clock. */
export function observeCase(journey: Journey, testCase: JourneyCase): CaseObservation {
  const trace = new BoundedTrace();
  const result = simulate({
    journey,
    profiles: [testCase.profile],
    events: testCase.events,
    start: testCase.start,
    end: testCase.end,
    seed: testCase.seed,
    observers: [trace],
    // Only this person is simulated: the first messages are theirs, as many as a case compares.
    keepMessages: MAX_EXPECTED + 1,
  });
  const seen = observation(
    trace.recorder.trace(testCase.profile.id),
    result.messages.map((m) => ({ ...m, content: { ...m.content } })),
  );
  return trace.overflow ? { ...seen, truncated: true } : seen;
}

const sameMessage = (e: ExpectedMessage, a: SentMessage) =>
  e.nodeId === a.nodeId &&
  (e.subject === undefined || e.subject === a.subject) &&
  (e.at === undefined || e.at === a.at);

/** Compares what happened with what the case expects; a part left out of `expect` always passes. */
export function checkCase(testCase: JourneyCase, observed: CaseObservation): CaseResult {
  const { expect } = testCase;
  const failures: CaseFailure[] = [];
  const differs = (lines: readonly DiffLine<unknown, unknown>[]) =>
    lines.some((line) => line.kind !== 'same');
  if (expect.path) {
    const lines = diffSequences(expect.path, observed.path, (e, a) => e === a);
    if (differs(lines)) failures.push({ part: 'path', lines });
  }
  if (expect.messages) {
    const lines = diffSequences(expect.messages, observed.messages, sameMessage);
    if (differs(lines)) failures.push({ part: 'messages', lines });
  }
  if (expect.skips) {
    const lines = diffSequences(
      expect.skips,
      observed.skips,
      (e, a) => e.nodeId === a.nodeId && e.reason === a.reason,
    );
    if (differs(lines)) failures.push({ part: 'skips', lines });
  }
  if (expect.outcome !== undefined && expect.outcome !== observed.outcome)
    failures.push({ part: 'outcome', expected: expect.outcome, actual: observed.outcome });
  return { name: testCase.name, passed: failures.length === 0, failures, observed };
}

/** Runs every case, in order. */
export function runCases(journey: Journey, cases: readonly JourneyCase[]): CaseResult[] {
  return cases.map((testCase) => checkCase(testCase, observeCase(journey, testCase)));
}
