import { openDatabase, type Db } from '../../../core/adapters/sqlite/database';
import { engineTables } from '../../../core/adapters/engine-tables';
import type { SqliteEngineStore } from '../../../core/adapters/sqlite/engine-store';
import { suppressionEntry } from '../../../core/adapters/sqlite/suppressions';
import { ManualClock } from '../../../core/adapters/system-clock';
import { Executor } from '../../../core/executor/executor';
import type { JourneyEvent } from '../../../core/model/event';
import type { Journey } from '../../../core/model/journey';
import { makeProfile, type Profile } from '../../../core/model/profile';
import type { Enrollment, OutboxMessage, StepRecord } from '../../../core/runtime/ports';
import type { Channel, MessageContent } from '../../../core/runtime/step';
import { SENDING_POLICY_KEY, type SendingPolicy } from '../../../core/policy/sending-policy';
import { simulatePortfolio } from '../../../core/simulator/portfolio';
import type { Republish } from '../../../core/simulator/republish-step';
import { simulate } from '../../../core/simulator/simulate';

/** A journey (or several), a cohort, events and a window: what both drivers are given. */
export interface Scenario {
  journey: Journey;
  profiles: Profile[];
  events: JourneyEvent[];
  start: number;
  end: number;
  /** Suppressed addresses as `channel:address`. */
  suppressed?: string[];
  /** Journeys live beside `journey` (a portfolio, DESIGN §8). */
  alongside?: Journey[];
  /** The library's sending policy. */
  policy?: SendingPolicy;
  /** A new version of `journey` published part-way, with its migration plan. */
  republish?: Republish;
}

export interface DriverResult {
  /** Step records per profile, in order. */
  paths: Map<string, StepRecord[]>;
  messages: OutboxMessage[];
}

function byProfile(records: readonly StepRecord[]): Map<string, StepRecord[]> {
  const paths = new Map<string, StepRecord[]>();
  for (const r of records) {
    const list = paths.get(r.profileId);
    if (list) list.push(r);
    else paths.set(r.profileId, [r]);
  }
  return paths;
}

export function simulateScenario(s: Scenario): DriverResult & { report: unknown } {
  const records: StepRecord[] = [];
  if (s.alongside) {
    const portfolio = simulatePortfolio({
      journeys: [s.journey, ...s.alongside],
      profiles: s.profiles,
      events: s.events,
      start: s.start,
      end: s.end,
      trace: 'all',
      suppressed: s.suppressed,
      policy: s.policy,
      observers: [{ record: (r) => records.push(r) }],
    });
    return {
      paths: byProfile(records),
      messages: [...portfolio.messages],
      report: portfolio.report,
    };
  }
  const result = simulate({
    journey: s.journey,
    profiles: s.profiles,
    events: s.events,
    start: s.start,
    end: s.end,
    trace: 'all',
    suppressed: s.suppressed,
    policy: s.policy,
    ...(s.republish && { republish: s.republish }),
    observers: [{ record: (r) => records.push(r) }],
  });
  return { paths: byProfile(records), messages: [...result.messages], report: result.report };
}

export interface ExecutionRun extends DriverResult {
  db: Db;
  store: SqliteEngineStore;
  executor: Executor;
  clock: ManualClock;
  enrollments: Enrollment[];
}

export interface ExecuteOptions {
  /** Called after every runDue with the clock's time (deliveries, say). */
  afterRun?: (now: number) => void | Promise<void>;
  /** The unsubscribe link messages get; made from the store, which knows addresses. */
  unsubscribeUrl?: (
    store: SqliteEngineStore,
  ) => (journeyId: string, profileId: string, channel: Channel) => string;
  db?: Db;
  clock?: ManualClock;
}

/**
 * Drives the executor on a fake clock exactly as `simulate` drives the interpreter: profiles
 * first, history, the journey published at the window's start, then the events of each
 * instant ingested together and everything due run up to that instant.
 */
export async function executeScenario(
  s: Scenario,
  options: ExecuteOptions = {},
): Promise<ExecutionRun> {
  const db = options.db ?? openDatabase(':memory:');
  // SQLite or PostgreSQL, whichever `db` is: the same comparison runs on both.
  const { store, journeys: live } = engineTables(db, { now: () => 0 });
  const clock = options.clock ?? new ManualClock(s.start);
  clock.set(s.start);
  const records: StepRecord[] = [];
  const executor = new Executor({
    store,
    catalog: live,
    library: live,
    clock,
    observer: { record: (r) => records.push(r) },
    unsubscribeUrl: options.unsubscribeUrl?.(store),
    batchSize: 37,
  });
  const events = [...s.events].sort((a, b) => a.time - b.time);
  store.transaction(() => {
    for (const p of s.profiles) store.putProfile(p);
    for (const e of events)
      if (!store.getProfile(e.profileId)) store.putProfile(makeProfile(e.profileId));
    const add = db.prepare(
      'INSERT INTO suppressions (entry, reason, created_at) VALUES (?, ?, 0) ON CONFLICT DO NOTHING',
    );
    for (const entry of s.suppressed ?? []) {
      const [channel, ...rest] = entry.split(':');
      add.run(suppressionEntry(channel as Channel, rest.join(':')), 'test');
    }
    if (s.policy)
      db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(
        SENDING_POLICY_KEY,
        JSON.stringify(s.policy),
      );
  });
  let next = 0;
  const history: JourneyEvent[] = [];
  while (next < events.length && (events[next] as JourneyEvent).time < s.start)
    history.push(events[next++] as JourneyEvent);
  executor.recordHistory(history);
  // Together, the simulator starts each profile's journeys by priority, then id: published in
  // that order, execution starts them alike.
  for (const journey of [s.journey, ...(s.alongside ?? [])].sort(startOrder))
    executor.publish(journey, s.start);
  executor.runDue(s.start);
  await options.afterRun?.(s.start);
  let republish = s.republish;
  // The new version comes once everything due up to its instant has run, as in simulation.
  const publishBefore = async (t: number) => {
    if (!republish || republish.at >= t) return;
    clock.set(republish.at);
    executor.runDue(republish.at);
    executor.publish(republish.journey, republish.at, republish.migration);
    executor.runDue(republish.at);
    await options.afterRun?.(republish.at);
    republish = undefined;
  };
  while (next < events.length && (events[next] as JourneyEvent).time <= s.end) {
    const t = (events[next] as JourneyEvent).time;
    await publishBefore(t);
    const group: JourneyEvent[] = [];
    while (next < events.length && (events[next] as JourneyEvent).time === t)
      group.push(events[next++] as JourneyEvent);
    clock.set(t);
    executor.ingest(
      group.map((event) => ({ type: 'track' as const, event })),
      t,
    );
    executor.runDue(t);
    await options.afterRun?.(t);
  }
  await publishBefore(s.end + 1);
  clock.set(s.end);
  executor.runDue(s.end);
  await options.afterRun?.(s.end);
  const messages = (
    db.prepare('SELECT * FROM outbox ORDER BY id').all() as Record<string, unknown>[]
  ).map((r): OutboxMessage => ({
    key: r.key as string,
    journeyId: r.journey_id as string,
    version: r.version as number,
    nodeId: r.node_id as string,
    enrollmentId: r.enrollment_id as string,
    profileId: r.profile_id as string,
    channel: r.channel as Channel,
    to: r.address as string,
    at: r.at as number,
    content: JSON.parse(r.content as string) as MessageContent,
    ...(r.transactional === 1 && { transactional: true as const }),
  }));
  const enrollments = (
    db.prepare('SELECT data FROM enrollments ORDER BY ord').all() as { data: string }[]
  ).map((r) => JSON.parse(r.data) as Enrollment);
  return { db, store, executor, clock, paths: byProfile(records), messages, enrollments };
}

function startOrder(a: Journey, b: Journey): number {
  const priority = (j: Journey) =>
    typeof j.settings.priority === 'number' ? j.settings.priority : 50;
  return priority(b) - priority(a) || (a.id < b.id ? -1 : 1);
}

/** JSON round trip: drops undefined fields, as storage does. */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The enrollments as the step records describe them, for comparing with stored ones. */
export function enrollmentsFromPaths(
  paths: Map<string, StepRecord[]>,
): Map<string, Partial<Enrollment>> {
  const out = new Map<string, Partial<Enrollment>>();
  for (const records of paths.values()) {
    for (const r of records) {
      if (!('enrollmentId' in r)) continue;
      let e = out.get(r.enrollmentId);
      if (!e) {
        e = {
          id: r.enrollmentId,
          journeyId: r.journeyId,
          profileId: r.profileId,
          visits: 0,
          status: 'active',
        };
        out.set(r.enrollmentId, e);
      }
      switch (r.type) {
        case 'enter':
          e.enteredAt = r.at;
          e.via = r.via;
          break;
        case 'arrive':
          e.nodeId = r.nodeId;
          e.visits = (e.visits ?? 0) + 1;
          break;
        case 'wait':
          e.wait = { until: r.until, reason: r.reason, since: r.at };
          break;
        case 'leave':
          delete e.wait;
          break;
        case 'variant':
          (e.variants ??= {})[r.nodeId] = r.key;
          break;
        case 'convert':
          e.convertedAt = r.at;
          break;
        case 'end':
          e.status = r.status;
          e.endedAt = r.at;
          delete e.wait;
          break;
        default:
          break;
      }
    }
  }
  return out;
}

/** The parts of a stored enrollment the step records can tell. */
export function comparable(e: Enrollment): Partial<Enrollment> {
  return plain({
    id: e.id,
    journeyId: e.journeyId,
    profileId: e.profileId,
    visits: e.visits,
    variants: e.variants,
    status: e.status,
    enteredAt: e.enteredAt,
    via: e.via,
    nodeId: e.nodeId,
    ...(e.wait && { wait: { until: e.wait.until, reason: e.wait.reason, since: e.wait.since } }),
    ...(e.convertedAt !== undefined && { convertedAt: e.convertedAt }),
    ...(e.endedAt !== undefined && { endedAt: e.endedAt }),
  });
}
