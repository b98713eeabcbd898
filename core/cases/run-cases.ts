import { channelDefinition } from '../channels/registry';
import type { Journey } from '../model/journey';
import { simulate } from '../simulator/simulate';
import type { TraceStep } from '../simulator/trace';
import type { CaseOutcome } from './cases-schema';
import type { ExpectedMessage, ExpectedSkip, JourneyCase } from './case-types';
import { diffSequences, type DiffLine } from './sequence-diff';
import { MAX_EXPECTED } from './cases-schema';

/** A message the person was sent, as a case compares it. */
export interface SentMessage {
  nodeId: string;
  channel: string;
  /** The one-line title: an email's subject, an SMS's text, a push title, a webhook's URL. */
  subject: string;
  at: number;
}

export interface SkippedMessage {
  nodeId: string;
  reason: string;
  detail?: string;
}

/** What happened to the case's person, as far as a case can expect it. */
export interface CaseObservation {
  /** Node ids of every step arrived at, in order, over every time in the journey. */
  path: string[];
  messages: SentMessage[];
  skips: SkippedMessage[];
  /** How the last time in the journey ended (`active`: still inside when the case ends). */
  outcome: CaseOutcome;
  /** Items past `MAX_EXPECTED + 1` of a list are left out of the comparison. */
  truncated: boolean;
}

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

function outcomeOf(steps: readonly TraceStep[]): CaseOutcome {
  const entered = steps.filter((s) => s.type === 'enter').at(-1);
  if (!entered) return 'not_entered';
  const ended = steps.find((s) => s.type === 'end' && s.enrollmentId === entered.enrollmentId);
  return ended?.status ?? 'active';
}

/** A message as a trace lists it: rendered content, at an instant. */
export interface TracedMessage {
  nodeId: string;
  channel: string;
  at: number;
  content: Readonly<Record<string, unknown>>;
}

/** The one-line title of a rendered message, by its channel; empty for an unknown channel. */
function titleOf(message: TracedMessage): string {
  try {
    return channelDefinition(message.channel).title(message.content);
  } catch {
    return '';
  }
}

/**
 * What a case compares, from one person's trace and messages: the same for a case run here and
 * for a path the app traced and saves as a case.
 */
export function observation(
  steps: readonly TraceStep[],
  sent: readonly TracedMessage[],
): CaseObservation {
  const keep = MAX_EXPECTED + 1;
  const path = steps.flatMap((s) => (s.type === 'arrive' && s.nodeId ? [s.nodeId] : []));
  const skips = steps.flatMap((s) =>
    s.type === 'skip' && s.nodeId
      ? [{ nodeId: s.nodeId, reason: s.reason ?? '', detail: s.text }]
      : [],
  );
  const messages = sent.map((m) => ({
    nodeId: m.nodeId,
    channel: m.channel,
    subject: titleOf(m),
    at: m.at,
  }));
  return {
    path: path.slice(0, keep),
    messages: messages.slice(0, keep),
    skips: skips.slice(0, keep),
    outcome: outcomeOf(steps),
    truncated: path.length > keep || messages.length > keep || skips.length > keep,
  };
}

/** Runs one case's person through the journey on the simulator's virtual clock. */
export function observeCase(journey: Journey, testCase: JourneyCase): CaseObservation {
  const id = testCase.profile.id;
  const result = simulate({
    journey,
    profiles: [testCase.profile],
    events: testCase.events,
    start: testCase.start,
    end: testCase.end,
    seed: testCase.seed,
    trace: new Set([id]),
  });
  return observation(
    result.traces.get(id) ?? [],
    result.messages.map((m) => ({ ...m, content: { ...m.content } })),
  );
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
