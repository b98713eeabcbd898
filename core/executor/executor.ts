import type { JourneyEvent } from '../model/event';
import type { MigrationPlan, PlanProblem } from '../migration/migration-plan';
import { PublishMigration } from '../migration/publish-migration';
import type { Journey } from '../model/journey';
import { compileJourney, startsWithEveryone } from '../runtime/compiled-journey';
import { Interpreter, type InterpreterOptions } from '../runtime/interpreter';
import type { Clock, StepObserver, StepRecord } from '../runtime/ports';
import type {
  AcceptOutcome,
  EngineInput,
  LiveStore,
  InboxItem,
  LiveCatalog,
  PendingWake,
  PublishPort,
} from './ports';

export interface ExecutorOptions {
  store: LiveStore;
  catalog: LiveCatalog;
  clock: Clock;
  /** Needed by `publish`. */
  library?: PublishPort;
  /** Sees every step after the transaction holding it has committed. */
  observer?: StepObserver;
  /** The one-click unsubscribe link put in messages. */
  unsubscribeUrl?: InterpreterOptions['unsubscribeUrl'];
  /** Units (one input, one wake-up, one profile started) per transaction. */
  batchSize?: number;
  /** Whether step records are written to the journal table (default true). */
  journal?: boolean;
  /**
   * Catching up (the live engine): a unit more than this late runs at the time of the run rather
   * than the time it was due, and later units never run before it, so quiet hours and the
   * journey's `maxLateness` apply to what really happens. Without it (tests, replays on a fake
   * clock) every unit runs at the time it was due, exactly as the simulator runs it.
   */
  lateAfterMs?: number;
}

export interface RunResult {
  /** Inputs applied, wake-ups run, and profiles started. */
  inputs: number;
  wakes: number;
  started: number;
  /** Units that failed and were set aside (see the failures table). */
  failed: number;
  /** True when the unit limit stopped it with more work due. */
  more: boolean;
}

export interface PublishResult {
  journeyId: string;
  version: number;
  /** False when the newest version already was this document. */
  created: boolean;
  /** Whether existing profiles are being started (segment and date triggers). */
  starting: boolean;
  /** With a migration plan: how many people went on, were moved, or were taken out. */
  migrated?: MigrationCounts;
}

/** How many people a publish's migration carried over, by what was chosen for them. */
export type MigrationCounts = Record<'continue' | 'move' | 'exit', number>;

/** A publish refused because its migration plan cannot be carried out. */
export class MigrationPlanError extends Error {
  constructor(readonly problems: readonly PlanProblem[]) {
    super(problems.map((p) => p.message).join(' '));
  }
}

const INPUT_FETCH = 256;
const PROFILE_FETCH = 512;

/** Collects the step records of the unit in progress; hands them on once committed. */
class StepBuffer implements StepObserver {
  unit: StepRecord[] = [];
  committed: StepRecord[] = [];

  record(step: StepRecord): void {
    this.unit.push(step);
  }
}

/**
 * Executes journeys on the local database: the second driver of the one interpreter, next to
 * the simulator. It keeps the simulator's timeline exactly: inputs are applied at the instant
 * they were accepted, wake-ups at the instant they were due, in time order, and at one instant
 * inputs go before wake-ups. A driver makes this explicit by calling `ingest(inputs, now)` and
 * then `runDue(now)`; wake-ups due before `now` then run before those inputs, and wake-ups due
 * at `now` after them — on a fake clock this replays a simulation step for step.
 *
 * Every unit (an input, a wake-up, a profile started) commits with everything it changed and
 * every message it enqueued, so a crash loses nothing acknowledged and repeats nothing applied.
 */
export class Executor {
  private interpreter: Interpreter;
  private readonly buffer = new StepBuffer();
  private readonly batchSize: number;
  /** Whether units run in savepoints of their own (after a failure in the batch). */
  private careful = false;
  /** The latest time `runDue` has run up to: nothing is applied before it any more. */
  private ranTo = Number.NEGATIVE_INFINITY;
  /** Catching up: the latest time a unit ran at; the next ones run no earlier. */
  private stepFloor = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: ExecutorOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.interpreter = this.makeInterpreter();
  }

  private makeInterpreter(): Interpreter {
    return new Interpreter({
      catalog: this.options.catalog,
      store: this.options.store,
      observer: this.buffer,
      unsubscribeUrl: this.options.unsubscribeUrl,
    });
  }

  private get store(): LiveStore {
    return this.options.store;
  }

  /**
   * Accepts inputs durably, as accepted at `now`; returns once they are committed. Inputs that
   * carry a `messageId` seen before are acknowledged as duplicates and not stored again.
   */
  ingest(inputs: readonly EngineInput[], now = this.options.clock.now()): AcceptOutcome[] {
    return this.store.transaction(() => this.store.accept(inputs, now));
  }

  /** The latest time `runDue` has run up to, since this executor was made. */
  get ranUntil(): number {
    return this.ranTo;
  }

  /** When the next unit falls due: the oldest waiting input, or the next wake-up. */
  nextDueAt(): number | undefined {
    const input = this.store.pendingInputs(1)[0]?.receivedAt;
    const wake = this.store.nextWake()?.wake.at;
    // Read outside a transaction: nothing of it may be trusted later.
    this.store.discardCache();
    if (input === undefined) return wake;
    return wake === undefined ? input : Math.min(input, wake);
  }

  /**
   * Applies everything due at or before `now`, in time order (inputs before wake-ups at one
   * instant), in transactions of `batchSize` units. Stops after `maxUnits` with `more` set.
   */
  runDue(now = this.options.clock.now(), maxUnits = Number.POSITIVE_INFINITY): RunResult {
    this.ranTo = Math.max(this.ranTo, now);
    const result: RunResult = { inputs: 0, wakes: 0, started: 0, failed: 0, more: false };
    let budget = maxUnits;
    while (budget > 0) {
      const limit = Math.min(this.batchSize, budget);
      // Optimistic: the whole batch in one transaction. Should a unit fail, the batch is undone
      // and run again with a savepoint per unit, to set the failing one aside.
      const batch = this.tryBatch(now, limit, false) ?? this.tryBatch(now, limit, true);
      if (!batch) throw new Error('a failing unit could not be set aside');
      result.inputs += batch.counts.inputs;
      result.wakes += batch.counts.wakes;
      result.started += batch.counts.started;
      result.failed += batch.counts.failed;
      budget -= batch.done;
      if (!batch.more) return result;
    }
    result.more = true;
    return result;
  }

  /**
   * Runs one batch in one transaction. Without `careful`, a failing unit undoes the batch and
   * it returns undefined; with it, each unit has a savepoint of its own (slower: SQLite copies
   * every page a unit changes aside first). Storage errors are thrown either way.
   */
  private tryBatch(
    now: number,
    limit: number,
    careful: boolean,
  ): { counts: RunResult; done: number; more: boolean } | undefined {
    const counts: RunResult = { inputs: 0, wakes: 0, started: 0, failed: 0, more: false };
    let done = 0;
    let more = false;
    this.careful = careful;
    try {
      this.store.transaction(() => {
        more = this.batch(now, limit, counts, () => done++);
        this.writeJournal();
      });
    } catch (error) {
      this.buffer.committed = [];
      this.buffer.unit = [];
      this.store.discardCache();
      // The interpreter may hold half a unit of work in memory.
      this.interpreter = this.makeInterpreter();
      if (careful || this.store.isStorageError(error)) throw error;
      return undefined;
    } finally {
      this.careful = false;
    }
    this.store.discardCache();
    this.emitCommitted();
    return { counts, done, more };
  }

  private writeJournal(): void {
    if (this.options.journal !== false && this.buffer.unit.length > 0)
      this.store.journal(this.buffer.unit);
    for (const step of this.buffer.unit) this.buffer.committed.push(step);
    this.buffer.unit = [];
  }

  /**
   * Publishes a journey: freezes a version, makes it take new entries, and for segment and
   * date triggers starts it for every existing profile (in batches, as due work). Running
   * enrollments finish on the version they entered with, unless `migration` chooses otherwise
   * for their group: then they are carried over (or taken out) in the same transaction, so
   * the publish happens with its plan whole or not at all. A plan that cannot be carried out
   * throws `MigrationPlanError` and nothing is published.
   */
  publish(
    journey: Journey,
    now = this.options.clock.now(),
    migration?: MigrationPlan,
  ): PublishResult {
    const library = this.options.library;
    if (!library) throw new Error('This executor was built without a journey library.');
    let result: PublishResult;
    try {
      result = this.store.transaction(() => {
        const published = library.publish(journey, now);
        const starting = published.created && startsWithEveryone(compileJourney(journey));
        if (starting) this.store.accept([{ type: 'start', journeyId: journey.id }], now);
        const migrated =
          migration && Object.keys(migration).length > 0
            ? this.migrate(journey, published.version, migration, now)
            : undefined;
        return { journeyId: journey.id, ...published, starting, ...(migrated && { migrated }) };
      });
    } catch (error) {
      this.buffer.committed = [];
      this.buffer.unit = [];
      this.interpreter = this.makeInterpreter();
      throw error;
    }
    this.store.discardCache();
    this.options.catalog.refresh();
    this.emitCommitted();
    return result;
  }

  /** Carries the people inside over to `version` as the plan chooses; returns how many went how. */
  private migrate(
    journey: Journey,
    version: number,
    plan: MigrationPlan,
    now: number,
  ): MigrationCounts {
    const catalog = this.options.catalog;
    const migration = new PublishMigration(
      journey,
      version,
      (v) => catalog.version(journey.id, v)?.journey,
    );
    const problems = migration.check(plan);
    if (problems.length > 0) throw new MigrationPlanError(problems);
    const next = compileJourney(journey, version);
    const counts: MigrationCounts = { continue: 0, move: 0, exit: 0 };
    for (const id of this.store.activeEnrollmentIds(journey.id)) {
      const enrollment = this.store.getEnrollment(id);
      if (!enrollment || enrollment.status !== 'active') continue;
      const choice = migration.choiceFor(plan, enrollment);
      if (!choice) continue;
      this.interpreter.migrate(id, choice, next, now);
      this.writeJournal();
      counts[choice.action]++;
    }
    return counts;
  }

  /**
   * Stores past events as history, in one transaction: conditions see them, nothing is
   * triggered (as events before a simulation's window).
   */
  recordHistory(events: Iterable<JourneyEvent>): number {
    return this.store.transaction(() => {
      let n = 0;
      for (const event of events) {
        this.interpreter.recordHistory(event);
        n++;
      }
      return n;
    });
  }

  /**
   * Starts a live journey for every profile, as due work at `now` (after profiles were
   * imported). Only segment and date triggers do anything when started.
   */
  start(journeyId: string, now = this.options.clock.now()): void {
    const journey = this.options.catalog.live().find((j) => j.id === journeyId);
    if (journey && startsWithEveryone(journey)) this.ingest([{ type: 'start', journeyId }], now);
  }

  // ---------------------------------------------------------------- one transaction

  private batch(now: number, limit: number, result: RunResult, count: () => void): boolean {
    let inputs = this.store.pendingInputs(INPUT_FETCH);
    let next = 0;
    let starting: { itemId: number; ids: { id: string; cursor: string }[] } | undefined;
    for (let n = 0; n < limit; n++) {
      if (next >= inputs.length && inputs.length === INPUT_FETCH) {
        inputs = this.store.pendingInputs(INPUT_FETCH);
        next = 0;
      }
      const candidate = inputs[next];
      const item = candidate && candidate.receivedAt <= now ? candidate : undefined;
      const pending = this.store.nextWake();
      const wake = pending && pending.wake.at <= now ? pending : undefined;
      if (item && (!wake || item.receivedAt <= wake.wake.at)) {
        if (item.input.type === 'start') {
          if (!starting || starting.itemId !== item.id || starting.ids.length === 0) {
            starting = {
              itemId: item.id,
              ids: this.store.profilesAfter(item.cursor, PROFILE_FETCH),
            };
          }
          const profile = starting.ids.shift();
          if (profile === undefined) {
            this.run(item, () => this.store.completeInput(item.id), result);
            next++;
          } else {
            const journeyId = item.input.journeyId;
            this.run(
              item,
              () => {
                this.interpreter.start(profile.id, this.stepTime(item.receivedAt, now), journeyId);
                this.store.setStartCursor(item.id, profile.cursor);
              },
              result,
              () => this.store.setStartCursor(item.id, profile.cursor),
            );
            item.cursor = profile.cursor;
            result.started++;
          }
        } else {
          this.run(item, () => this.apply(item, now), result);
          result.inputs++;
          next++;
        }
      } else if (wake) {
        this.run(wake, () => this.wake(wake, now), result);
        result.wakes++;
      } else {
        return false;
      }
      count();
    }
    return true;
  }

  /**
   * The time a unit due at `due` runs at during a run at `now`: when it was due, unless the
   * executor is catching up (see `lateAfterMs`).
   */
  private stepTime(due: number, now: number): number {
    const lateAfter = this.options.lateAfterMs;
    if (lateAfter === undefined) return due;
    const at = Math.max(now - due > lateAfter ? now : due, this.stepFloor);
    this.stepFloor = at;
    return at;
  }

  private apply(item: InboxItem, now: number): void {
    const input = item.input;
    const due = item.receivedAt;
    const at = this.stepTime(due, now);
    if (input.type === 'track') {
      this.interpreter.handleEvent({ ...input.event, time: input.event.time ?? due }, at, due);
    } else if (input.type === 'identify') {
      this.interpreter.handleIdentify(input.profileId, input.traits, at, input.anonymousId);
    }
    this.store.completeInput(item.id);
  }

  private wake(pending: PendingWake, now: number): void {
    if (this.store.takeWake(pending))
      this.interpreter.handleWake(pending.wake, this.stepTime(pending.wake.at, now));
  }

  /**
   * Runs one unit. Carefully, a unit that throws for a reason other than storage is undone
   * alone and set aside in the failures table (with `skip` applied, so it is not retried
   * forever); storage errors abort the whole transaction, to be retried.
   */
  private run(
    subject: InboxItem | PendingWake,
    work: () => void,
    result: RunResult,
    skip?: () => void,
  ): void {
    if (!this.careful) {
      work();
      return;
    }
    const store = this.store;
    try {
      store.unit(() => {
        work();
        this.writeJournal();
      });
    } catch (error) {
      this.buffer.unit = [];
      store.discardCache();
      this.interpreter = this.makeInterpreter();
      if (store.isStorageError(error)) throw error;
      const isWake = 'key' in subject;
      const at = isWake ? subject.wake.at : subject.receivedAt;
      store.unit(() => {
        if (skip) skip();
        else if (isWake) store.takeWake(subject);
        else store.completeInput(subject.id);
        store.recordFailure(
          isWake ? 'wake' : 'input',
          isWake ? subject.wake : subject,
          error instanceof Error ? (error.stack ?? error.message) : String(error),
          at,
        );
      });
      result.failed++;
    }
  }

  private emitCommitted(): void {
    const steps = this.buffer.committed;
    this.buffer.committed = [];
    const observer = this.options.observer;
    if (observer) for (const step of steps) observer.record(step);
  }
}
