import { isoTime } from '../model/local-time';
import type { Journey } from '../model/journey';
import { wellFormedSettings } from '../model/journey-settings';
import { isNodeKind, nodeDefinition } from '../nodes/registry';
import type { TraceStep } from '../simulator/trace';
import {
  CASES_FORMAT,
  CASES_VERSION,
  MAX_EVENTS_PER_CASE,
  MAX_EXPECTED,
  type CaseDocument,
  type CasesFile,
} from './cases-schema';
import { observation, type TracedMessage } from './observation';

/** One person's path as a trace shows it, with what the person is and did. */
export interface TracedPerson {
  profileId: string;
  attributes: Readonly<Record<string, unknown>>;
  events: readonly {
    readonly name: string;
    readonly time: number;
    readonly properties: Readonly<Record<string, unknown>>;
  }[];
  steps: readonly TraceStep[];
  messages: readonly TracedMessage[];
}

/**
 * A case, or why none can be made: a code and its limits for the app to word, and the sentence
 * in English.
 */
export type CaseFromTrace =
  | { ok: true; case: CaseDocument }
  | {
      ok: false;
      code: 'too-many-events' | 'too-many-steps';
      values: { count?: number; max: number };
      message: string;
    };

/** Every event the journey reacts to or looks back on: its entry, waits, conditions and goal. */
export function eventsNamedBy(journey: Journey): Set<string> {
  const names = new Set<string>();
  for (const node of journey.nodes) {
    if (!isNodeKind(node.kind)) continue;
    const definition = nodeDefinition(node.kind);
    const parsed = definition.schema.safeParse(node.config);
    if (!parsed.success || !definition.reads) continue;
    const used = definition.reads.names(parsed.data);
    for (const name of [...(used.events ?? []), ...(used.history ?? [])]) names.add(name);
  }
  const goal = wellFormedSettings(journey.settings).goal;
  if (goal) names.add(goal.event);
  return names;
}

const time = (at: number) => isoTime(at).replace(/\.000Z$/, 'Z');

/**
 * A test case that expects exactly what a trace shows: the person (their attributes), the events
 * the journey reacts to (others cannot change the path, and would only bury the ones that do),
 * the same window and seed, and the path, messages with their subjects and times, skips with
 * their reasons, and how the last time in the journey ended.
 */
export function caseFromTrace(
  journey: Journey,
  person: TracedPerson,
  run: { start: number; end: number; seed: number; name: string },
): CaseFromTrace {
  const named = eventsNamedBy(journey);
  const events = person.events.filter((e) => named.has(e.name) && e.time <= run.end);
  if (events.length > MAX_EVENTS_PER_CASE)
    return {
      ok: false,
      code: 'too-many-events',
      values: { count: events.length, max: MAX_EVENTS_PER_CASE },
      message: `This person has ${events.length.toLocaleString('en-US')} events the journey reacts to; a test case holds at most ${MAX_EVENTS_PER_CASE.toLocaleString('en-US')}.`,
    };
  const seen = observation(person.steps, person.messages);
  if (seen.truncated)
    return {
      ok: false,
      code: 'too-many-steps',
      values: { max: MAX_EXPECTED },
      message: `This person went through more than ${MAX_EXPECTED.toLocaleString('en-US')} steps, messages or skips; a test case expects at most that many.`,
    };
  const { id: _id, ...attributes } = person.attributes;
  return {
    ok: true,
    case: {
      name: run.name,
      profile: { id: person.profileId, ...attributes },
      start: time(run.start),
      end: time(run.end),
      ...(run.seed !== 0 && { seed: run.seed }),
      events: [...events]
        .sort((a, b) => a.time - b.time)
        .map((e) => ({
          name: e.name,
          at: time(e.time),
          ...(Object.keys(e.properties).length > 0 && { properties: { ...e.properties } }),
        })),
      expect: {
        path: seen.path,
        messages: seen.messages.map((m) => ({
          node: m.nodeId,
          subject: m.subject,
          at: time(m.at),
        })),
        skips: seen.skips.map((s) => ({ node: s.nodeId, reason: s.reason })),
        outcome: seen.outcome,
      },
    },
  };
}

/** A cases file of these cases for the journey, as the format writes it (two-space JSON). */
export function casesFileText(journeyId: string, cases: readonly CaseDocument[]): string {
  const file: CasesFile = {
    format: CASES_FORMAT,
    version: CASES_VERSION,
    journey: journeyId,
    cases: [...cases],
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
