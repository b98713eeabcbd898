import { channelDefinition } from '../channels/registry';
import type { TraceStep } from '../simulator/trace';
import { MAX_EXPECTED, type CaseOutcome } from './cases-schema';

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

function outcomeOf(steps: readonly TraceStep[]): CaseOutcome {
  const entered = steps.filter((s) => s.type === 'enter').at(-1);
  if (!entered) return 'not_entered';
  const ended = steps.find((s) => s.type === 'end' && s.enrollmentId === entered.enrollmentId);
  // A case is one person under one id: nothing of it is ever merged, so `merged` never shows.
  return ended?.status === 'merged' ? 'exited' : (ended?.status ?? 'active');
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
