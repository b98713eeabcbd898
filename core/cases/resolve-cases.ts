import { addDuration, parseDuration } from '../model/duration';
import type { JourneyEvent } from '../model/event';
import type { Journey } from '../model/journey';
import type { JsonPath } from '../model/json-text';
import { makeProfile } from '../model/profile';
import { defaultWindowEnd } from '../simulator/window';
import type { CasesFile } from './cases-schema';
import type {
  CasesProblem,
  CasesProblemCode,
  CasesRead,
  ExpectedMessage,
  ExpectedSkip,
  JourneyCase,
  Problem,
} from './case-types';
import { stepFinder } from './step-finder';

/** Problems from the top of the file down, as an editor lists them. */
export function inFileOrder(problems: CasesProblem[]): CasesProblem[] {
  return problems.sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}

const DAY = 86_400_000;
/** The longest a case may cover, as the app's simulations: ten years. */
export const MAX_CASE_DAYS = 3_660;
const MAX_CASE_MILLIS = MAX_CASE_DAYS * DAY;

const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)$/;

/** An instant written with its offset, as epoch milliseconds. */
function instant(text: string): number | undefined {
  if (!ISO_INSTANT.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : at;
}

/**
 * The cases of a well-formed file made ready to run on `journey`: times read (a duration counts
 * from the case's start), the window's end worked out when not given, and the steps named found.
 */
export function resolveCases(file: CasesFile, journey: Journey, problem: Problem): CasesRead {
  const problems: CasesProblem[] = [];
  if (file.journey !== undefined && file.journey !== journey.id)
    problems.push(
      problem(
        'cases-journey-mismatch',
        ['journey'],
        `These cases are for the journey "${file.journey}", not "${journey.id}". Run them with that journey, or change "journey" here.`,
      ),
    );
  const find = stepFinder(journey);
  const seen = new Set<string>();
  const cases: JourneyCase[] = [];
  file.cases.forEach((written, index) => {
    const where = (...path: (string | number)[]): JsonPath => ['cases', index, ...path];
    const before = problems.length;
    const say = (code: CasesProblemCode, path: JsonPath, message: string) =>
      problems.push(problem(code, path, message));
    if (seen.has(written.name))
      say(
        'case-duplicate-name',
        where('name'),
        `Another case is called "${written.name}"; give each case its own name.`,
      );
    seen.add(written.name);

    const start = instant(written.start);
    if (start === undefined)
      say(
        'case-time-invalid',
        where('start'),
        `"${written.start}" is not a time; write it as 2025-03-03T00:00:00Z (with Z or an offset such as +01:00).`,
      );
    const timeOf = (text: string, path: JsonPath): number | undefined => {
      if (/^-?P/.test(text)) {
        const duration = parseDuration(text);
        if (!duration.ok) {
          say('case-time-invalid', path, `${duration.reason}.`);
          return undefined;
        }
        return start === undefined ? undefined : addDuration(start, duration.duration, 'UTC');
      }
      const at = instant(text);
      if (at === undefined)
        say(
          'case-time-invalid',
          path,
          `"${text}" is not a time; write it as 2025-03-03T09:00:00Z, or as a duration from the start such as PT9H.`,
        );
      return at;
    };

    const events: JourneyEvent[] = [];
    (written.events ?? []).forEach((event, i) => {
      const time = timeOf(event.at, where('events', i, 'at'));
      if (time !== undefined)
        events.push({
          profileId: written.profile.id,
          name: event.name,
          time,
          properties: event.properties ?? {},
        });
    });
    const last = events.reduce<number | undefined>(
      (max, e) => (max === undefined || e.time > max ? e.time : max),
      undefined,
    );
    let end: number | undefined;
    if (written.end !== undefined) {
      end = instant(written.end);
      if (end === undefined)
        say(
          'case-time-invalid',
          where('end'),
          `"${written.end}" is not a time; write it as 2025-03-10T00:00:00Z.`,
        );
      else if (start !== undefined && end < start)
        say('case-window-invalid', where('end'), 'The case ends before it starts.');
      else if (start !== undefined && end - start > MAX_CASE_MILLIS)
        say(
          'case-window-invalid',
          where('end'),
          `A case covers at most ${MAX_CASE_DAYS.toLocaleString('en-US')} days; this one ends ${Math.ceil((end - start) / DAY).toLocaleString('en-US')} days after it starts.`,
        );
      else if (last !== undefined && last > end)
        say(
          'case-window-invalid',
          where('end'),
          `An event happens at ${new Date(last).toISOString()}, after the case ends; move the end later or the event earlier.`,
        );
    } else if (start !== undefined) {
      // Long enough for the last event's entry to go through the journey, as the app simulates.
      end = defaultWindowEnd(journey, Math.max(last ?? start, start));
      if (end !== undefined && end - start > MAX_CASE_MILLIS)
        say(
          'case-window-invalid',
          where('events'),
          `A case covers at most ${MAX_CASE_DAYS.toLocaleString('en-US')} days; its last event and the journey after it reach ${Math.ceil((end - start) / DAY).toLocaleString('en-US')} days past the start. Start the case later, or give it an end.`,
        );
    }

    const step = (name: string, path: JsonPath): string | undefined => {
      const found = find(name);
      if (found.ok) return found.id;
      say(found.ambiguous ? 'case-ambiguous-step' : 'case-unknown-step', path, found.message);
      return undefined;
    };
    const { expect } = written;
    const path = expect.path?.map((name, i) => step(name, where('expect', 'path', i)));
    const messages = expect.messages?.map((m, i) => ({
      nodeId: step(m.node, where('expect', 'messages', i, 'node')),
      ...(m.subject !== undefined && { subject: m.subject }),
      ...(m.at !== undefined && { at: timeOf(m.at, where('expect', 'messages', i, 'at')) }),
    }));
    const skips = expect.skips?.map((s, i) => ({
      nodeId: step(s.node, where('expect', 'skips', i, 'node')),
      reason: s.reason,
    }));
    if (!path && !messages && !skips && expect.outcome === undefined)
      say(
        'case-expects-nothing',
        where('expect'),
        'The case expects nothing, so it cannot fail: give a path, messages, skips or an outcome.',
      );
    if (problems.length > before || start === undefined || end === undefined) return;
    const { id, ...attributes } = written.profile;
    cases.push({
      name: written.name,
      profile: makeProfile(id, attributes),
      start,
      end,
      seed: written.seed ?? 0,
      events,
      expect: {
        ...(path && { path: path as string[] }),
        ...(messages && { messages: messages as ExpectedMessage[] }),
        ...(skips && { skips: skips as ExpectedSkip[] }),
        ...(expect.outcome !== undefined && { outcome: expect.outcome }),
      },
    });
  });
  return problems.length ? { ok: false, problems: inFileOrder(problems) } : { ok: true, cases };
}
