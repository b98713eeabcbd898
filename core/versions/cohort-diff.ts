import { channelDefinition, isChannel } from '../channels/registry';
import type { Assumption } from '../forecast/assumptions';
import { MIN_RUNS_FOR_INTERVAL } from '../forecast/forecast-report';
import type { RunCounts } from '../forecast/run-counts';
import { nearestRank, spreadOf, type Spread } from '../forecast/statistics';
import type { JourneyEvent } from '../model/event';
import type { Journey } from '../model/journey';
import type { Profile } from '../model/profile';
import type { OutboxMessage } from '../runtime/ports';
import { simulate, type SimulationResult } from '../simulator/simulate';

/** People whose paths are compared one by one at most; the figures cover the whole cohort. */
export const MAX_COMPARED_PEOPLE = 2_000;
/** People listed per difference at most; the rest are counted. */
export const MAX_LISTED_PEOPLE = 50;

export interface CohortDiffInput {
  before: Journey;
  after: Journey;
  profiles: readonly Profile[];
  events: readonly JourneyEvent[];
  start?: number;
  end?: number;
  seed?: number;
  /** Forecast runs (1: a replay, nobody responds). */
  runs?: number;
  /** What each version's forecast assumes; undefined for a replay. */
  assumptions?: (journey: Journey) => readonly Assumption[] | undefined;
}

/** One person whose path differs: the steps they pass and the messages they get, in each version. */
export interface PersonDiff {
  profileId: string;
  before: { path: string[]; messages: string[] };
  after: { path: string[]; messages: string[] };
}

/** A figure before and after, over the runs, with the change run by run (same seed, same draws). */
export interface FigureDiff {
  before: Spread;
  after: Spread;
  change: Spread;
  /** The 2.5th–97.5th percentile of the change over the runs; null with too few runs to tell. */
  interval95: { low: number; high: number } | null;
}

/** A message (by step) sent to more or fewer people in the new version. */
export interface MessageDiff {
  nodeId: string;
  title: string;
  before: number;
  after: number;
}

export interface CohortDiff {
  runs: number;
  /** People compared one by one (the first `MAX_COMPARED_PEOPLE`), and how many there were. */
  compared: number;
  people: number;
  /** People whose path or messages differ, listed up to `MAX_LISTED_PEOPLE`. */
  changed: { count: number; listed: PersonDiff[] };
  /** Messages only one of the versions sends, or sends to a different number of people. */
  messages: { added: MessageDiff[]; removed: MessageDiff[]; changed: MessageDiff[] };
  /** People who would get the same message (same step, or same subject) twice in the new version, and in the old. */
  twice: { before: number; after: number; listed: { profileId: string; message: string }[] };
  conversions: FigureDiff;
  unsubscribes: FigureDiff;
  /** Set when the runs are too few for ranges: a replay, or under `MIN_RUNS_FOR_INTERVAL`. */
  tooFewToTell: boolean;
}

function comparedIds(profiles: readonly Profile[], events: readonly JourneyEvent[]): Set<string> {
  const ids = new Set<string>();
  for (const p of profiles) {
    if (ids.size >= MAX_COMPARED_PEOPLE) return ids;
    ids.add(p.id);
  }
  for (const e of events) {
    if (ids.size >= MAX_COMPARED_PEOPLE) break;
    ids.add(e.profileId);
  }
  return ids;
}

function run(input: CohortDiffInput, journey: Journey, trace: Set<string>): SimulationResult {
  const runs = input.runs ?? 1;
  const assumptions = input.assumptions?.(journey);
  return simulate({
    journey,
    profiles: input.profiles,
    events: input.events,
    ...(input.start !== undefined && { start: input.start }),
    ...(input.end !== undefined && { end: input.end }),
    seed: input.seed ?? 0,
    trace,
    runs,
    ...(assumptions && { assumptions }),
  });
}

function titleOf(journey: Journey, nodeId: string): string {
  const node = journey.nodes.find((n) => n.id === nodeId);
  return node?.label?.trim() || nodeId;
}

function messageName(message: OutboxMessage): string {
  return isChannel(message.channel)
    ? channelDefinition(message.channel).title(message.content)
    : message.nodeId;
}

/** Per person, what they received: by step, and by the message's one line (its subject). */
function received(messages: readonly OutboxMessage[]) {
  const out = new Map<string, OutboxMessage[]>();
  for (const m of messages) out.set(m.profileId, [...(out.get(m.profileId) ?? []), m]);
  return out;
}

function twiceOf(byPerson: Map<string, OutboxMessage[]>) {
  const out: { profileId: string; message: string }[] = [];
  for (const [profileId, list] of byPerson) {
    const nodes = new Set<string>();
    const names = new Set<string>();
    for (const m of list) {
      const name = messageName(m);
      if (nodes.has(m.nodeId) || names.has(name)) {
        out.push({ profileId, message: name });
        break;
      }
      nodes.add(m.nodeId);
      names.add(name);
    }
  }
  return out;
}

function figure(
  runs: number,
  before: readonly RunCounts[] | undefined,
  after: readonly RunCounts[] | undefined,
  value: (r: RunCounts) => number,
  fallback: [number, number],
): FigureDiff {
  const b = before?.map(value) ?? [fallback[0]];
  const a = after?.map(value) ?? [fallback[1]];
  const change = a.map((v, i) => v - (b[i] ?? 0));
  const sorted = [...change].sort((x, y) => x - y);
  return {
    before: spreadOf(b),
    after: spreadOf(a),
    change: spreadOf(change),
    interval95:
      runs >= MIN_RUNS_FOR_INTERVAL
        ? { low: nearestRank(sorted, 2.5), high: nearestRank(sorted, 97.5) }
        : null,
  };
}

const unsubscribed = (r: RunCounts) =>
  Object.values(r.responses).reduce((sum, c) => sum + c.unsubscribed, 0);

/**
 * Two versions of a journey simulated on the same cohort, window and seed (with the same forecast
 * runs and each version's own assumptions), compared: the people whose path or messages differ,
 * messages added or removed, people who would get the same message twice, and conversions and
 * unsubscribes before and after — each over the runs with its change run by run, never a bare
 * number; `tooFewToTell` when the runs cannot give a range.
 *
 * @example
 * cohortDiff({ before: v3, after: draft, profiles, events, seed: 7, runs: 100, assumptions });
 */
export function cohortDiff(input: CohortDiffInput): CohortDiff {
  const trace = comparedIds(input.profiles, input.events);
  const old = run(input, input.before, trace);
  const now = run(input, input.after, trace);
  const oldBy = received(old.messages.filter((m) => trace.has(m.profileId)));
  const newBy = received(now.messages.filter((m) => trace.has(m.profileId)));
  const pathOf = (result: SimulationResult, id: string) =>
    (result.traces.get(id) ?? []).flatMap((s) =>
      s.type === 'arrive' && s.nodeId ? [s.nodeId] : [],
    );
  let count = 0;
  const listed: PersonDiff[] = [];
  for (const id of trace) {
    const before = {
      path: pathOf(old, id),
      messages: (oldBy.get(id) ?? []).map(messageName),
    };
    const after = { path: pathOf(now, id), messages: (newBy.get(id) ?? []).map(messageName) };
    const same =
      before.path.join('\u0000') === after.path.join('\u0000') &&
      before.messages.join('\u0000') === after.messages.join('\u0000');
    if (same) continue;
    count++;
    if (listed.length < MAX_LISTED_PEOPLE) listed.push({ profileId: id, before, after });
  }
  const sent = (result: SimulationResult) =>
    new Map(Object.entries(result.report.messages).map(([id, m]) => [id, m.sent]));
  const oldSent = sent(old);
  const newSent = sent(now);
  const messages: CohortDiff['messages'] = { added: [], removed: [], changed: [] };
  for (const [nodeId, after] of newSent) {
    const before = oldSent.get(nodeId);
    const row = { nodeId, title: titleOf(input.after, nodeId), before: before ?? 0, after };
    if (before === undefined) messages.added.push(row);
    else if (before !== after) messages.changed.push(row);
  }
  for (const [nodeId, before] of oldSent)
    if (!newSent.has(nodeId))
      messages.removed.push({ nodeId, title: titleOf(input.before, nodeId), before, after: 0 });
  const twiceAfter = twiceOf(newBy);
  const runs = input.runs ?? 1;
  return {
    runs,
    compared: trace.size,
    people: old.report.profiles,
    changed: { count, listed },
    messages,
    twice: {
      before: twiceOf(oldBy).length,
      after: twiceAfter.length,
      listed: twiceAfter.slice(0, MAX_LISTED_PEOPLE),
    },
    conversions: figure(runs, old.runs, now.runs, (r) => r.report.conversions.total, [
      old.report.conversions.total,
      now.report.conversions.total,
    ]),
    unsubscribes: figure(runs, old.runs, now.runs, unsubscribed, [0, 0]),
    tooFewToTell: runs < MIN_RUNS_FOR_INTERVAL,
  };
}
