import type { MigrationChoice } from '../migration/migration-plan';
import type { JourneyEvent, StoredEvent } from '../model/event';
import type { Profile } from '../model/profile';
import type { CompiledJourney } from './compiled-journey';
import { applyConsentEvent, type ConsentEventContext } from './consent-events';
import { EnrollmentMoves } from './enrollment-moves';
import { Entries } from './entries';
import { NodeContext } from './node-context';
import { ProfileAccess } from './profile-access';
import { mergeProfiles, resolveProfileId, type MergeContext } from './profile-merge';
import type { EngineStore, StepObserver, Wake } from './ports';
import { StoreEffects } from './step-effects';
import { StepRecords } from './step-records';
import type { Channel } from './step';
import { TriggerIndex } from './trigger-index';

/** The journeys an interpreter runs. */
export interface JourneyCatalog {
  /** Journeys that accept new entries, each at its live version, in a stable order. */
  live(): readonly CompiledJourney[];
  /** Any version an enrollment may still be running on. */
  version(journeyId: string, version: number): CompiledJourney | undefined;
}

/** A catalog of fixed journeys, each at one version (simulation, tests). */
export function fixedCatalog(journeys: readonly CompiledJourney[]): JourneyCatalog {
  const byId = new Map(journeys.map((j) => [j.id, j]));
  return {
    live: () => journeys,
    version: (id, version) => {
      const journey = byId.get(id);
      return journey && journey.version === version ? journey : undefined;
    },
  };
}

export interface InterpreterOptions {
  catalog: JourneyCatalog;
  store: EngineStore;
  observer?: StepObserver;
  /** Moves split assignment (simulation's `--seed`); execution uses 0, the default. */
  seed?: number;
  /** The one-click unsubscribe link for a message. */
  unsubscribeUrl?: (
    journeyId: string,
    profileId: string,
    channel: Channel,
    sender?: string,
  ) => string;
}

/** Rounds of looking again at changed profiles before a unit of work stops. */
const MAX_SETTLE_ROUNDS = 100;

/**
 * The one interpreter of journey semantics. Given an event, an identify or a due wake-up, it
 * moves the affected enrollments through every step that needs no time and stops each at a
 * wait, an exit or an open port. The simulator drives it with a virtual clock and memory
 * stores; the executor with the system clock and SQLite. Node behaviour lives in the node
 * definitions; this class only sequences one unit of work: entries (`Entries`), moves of
 * enrollments under way (`EnrollmentMoves`), and what nodes do (`NodeContext`, `StepEffects`).
 */
export class Interpreter {
  private readonly store: EngineStore;
  private readonly catalog: JourneyCatalog;
  private readonly profiles: ProfileAccess;
  private readonly moves: EnrollmentMoves;
  private readonly entries: Entries;
  private readonly consent: ConsentEventContext;
  private readonly context: NodeContext;
  private readonly merging: MergeContext;
  private triggers: TriggerIndex | undefined;

  constructor(options: InterpreterOptions) {
    const { catalog, store } = options;
    this.store = store;
    this.catalog = catalog;
    this.profiles = new ProfileAccess(store);
    const records = new StepRecords(options.observer);
    const context = (this.context = new NodeContext(
      new StoreEffects(store, this.profiles, records),
      {
        store,
        profiles: this.profiles,
        seed: options.seed ?? 0,
        unsubscribeUrl: options.unsubscribeUrl,
      },
    ));
    this.moves = new EnrollmentMoves(catalog, store, this.profiles, records, context);
    this.entries = new Entries(store, this.profiles, records, this.moves);
    this.consent = { store, profiles: this.profiles, records };
    this.merging = { store, profiles: this.profiles, moves: this.moves };
  }

  /** The live journeys by entry route, built again when the catalog's live list changes. */
  private index(): TriggerIndex {
    const live = this.catalog.live();
    if (this.triggers?.source !== live) this.triggers = new TriggerIndex(live);
    return this.triggers;
  }

  /**
   * Applies an event at `now`: what it says about consent first (`Unsubscribed`, `Complained`),
   * then conversions, then enrollments waiting for it and new entries journey by journey in
   * priority order, then segment re-checks. Returns the event as stored. `due` is when it should have been applied, when that
   * is earlier (it was accepted while the engine could not run).
   */
  handleEvent(event: JourneyEvent, now: number, due = now): StoredEvent {
    this.context.unitDue = due;
    const own = this.identify(event, now);
    this.profiles.get(own.profileId);
    const stored = this.store.addEvent(own);
    applyConsentEvent(stored, this.consent, now);
    this.moves.applyGoals(stored, now);
    this.entries.respondToEvent(this.index(), stored, now);
    this.settle(now);
    return stored;
  }

  /** Stores an event as history only: visible to conditions, never triggering anything. */
  recordHistory(event: JourneyEvent): StoredEvent {
    const own = this.identify(event, event.time);
    this.profiles.get(own.profileId);
    return this.store.addEvent(own);
  }

  /**
   * Sets profile attributes from outside a journey (identify, import) at `now`. Naming an
   * anonymous id too merges that anonymous profile into this one first (DESIGN §8).
   */
  handleIdentify(
    profileId: string,
    traits: Readonly<Record<string, unknown>>,
    now: number,
    anonymousId?: string,
  ): Profile {
    this.context.unitDue = now;
    const id = resolveProfileId(this.store, profileId);
    if (anonymousId !== undefined) mergeProfiles(this.merging, anonymousId, id, now);
    const updated =
      Object.keys(traits).length > 0
        ? this.profiles.change(id, { set: traits })
        : this.profiles.get(id);
    this.settle(now);
    return updated;
  }

  /**
   * The event as its profile's: the known profile its id was merged into, after merging the
   * anonymous profile it names beside its own id.
   */
  private identify(event: JourneyEvent, now: number): JourneyEvent {
    const id = resolveProfileId(this.store, event.profileId);
    if (event.anonymousId !== undefined) mergeProfiles(this.merging, event.anonymousId, id, now);
    if (id === event.profileId && event.anonymousId === undefined) return event;
    const { anonymousId: _named, ...rest } = event;
    return { ...rest, profileId: id };
  }

  /**
   * Starts the live journeys (or one of them) for a profile at `now`: segment triggers enroll
   * a matching profile, date triggers schedule its next anniversary.
   */
  start(profileId: string, now: number, journeyId?: string): void {
    this.context.unitDue = now;
    const index = this.index();
    for (const segment of index.segments) {
      if (!journeyId || segment.journey.id === journeyId) {
        this.entries.evaluateSegment(segment.journey, segment.condition, profileId, now);
      }
    }
    for (const journey of index.dated) {
      if (!journeyId || journey.id === journeyId)
        this.entries.scheduleAnniversary(journey, profileId, now);
    }
    this.settle(now);
  }

  /**
   * Runs a due wake-up at `now`: its time, or later when the engine catches up after a sleep
   * (steps then see how late they are). Stale wake-ups are ignored.
   */
  handleWake(wake: Wake, now: number): void {
    this.context.unitDue = wake.at;
    switch (wake.kind) {
      case 'enrollment':
        this.moves.wake(wake.enrollmentId, wake.token, now);
        break;
      case 'segment': {
        // A profile merged into another is gone; the known one has wake-ups of its own.
        if (!this.store.getProfile(wake.profileId)) break;
        const segment = this.index().segmentOf(wake.journeyId);
        if (segment)
          this.entries.evaluateSegment(segment.journey, segment.condition, wake.profileId, now);
        break;
      }
      case 'date':
        if (!this.store.getProfile(wake.profileId)) break;
        this.entries.fireAnniversary(
          this.index().datedJourney(wake.journeyId),
          wake.profileId,
          wake.at,
          now,
        );
        break;
    }
    this.settle(now);
  }

  /**
   * Carries one enrollment over to `next`, a version being published, as the publish's plan
   * chose for its group (see `migration/`); what it runs into is applied at `now`.
   */
  migrate(
    enrollmentId: string,
    choice: Exclude<MigrationChoice, { action: 'stay' }>,
    next: CompiledJourney,
    now: number,
  ): void {
    this.context.unitDue = now;
    const enrollment = this.store.getEnrollment(enrollmentId);
    if (enrollment) this.moves.migrate(enrollment, choice, next, now);
    this.settle(now);
  }

  /** Segment and date triggers see profile changes made during the unit of work. */
  private settle(now: number): void {
    const changed = this.profiles.changed;
    // Most units of work change no profile. (Clearing an empty set is not free: it allocates.)
    if (changed.size === 0) return;
    for (let round = 0; changed.size > 0 && round < MAX_SETTLE_ROUNDS; round++) {
      const profiles = [...changed];
      changed.clear();
      const index = this.index();
      for (const profileId of profiles) {
        for (const segment of index.segments)
          this.entries.evaluateSegment(segment.journey, segment.condition, profileId, now);
        for (const journey of index.dated)
          this.entries.scheduleAnniversary(journey, profileId, now);
      }
    }
    changed.clear();
  }
}
