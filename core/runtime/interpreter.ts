import type { Condition, Filter } from '../conditions/condition';
import { compileCondition, matchesFilters, type ConditionContext } from '../conditions/evaluate';
import { addDuration } from '../model/duration';
import type { JourneyEvent, StoredEvent } from '../model/event';
import { isValidTimeZone } from '../model/local-time';
import {
  applyProfileChange,
  makeProfile,
  type Profile,
  type ProfileChange,
} from '../model/profile';
import type { CompiledJourney } from './compiled-journey';
import { splitBucket } from './hash';
import type {
  EngineStore,
  Enrollment,
  EnrollmentStatus,
  EntryVia,
  StepObserver,
  StepRecord,
  Wake,
} from './ports';
import type { NodeDefinition } from '../nodes/node-definition';
import type {
  Channel,
  MessageDraft,
  SkipReason,
  StepContext,
  StepDecision,
  WaitReason,
} from './step';

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
  unsubscribeUrl?: (journeyId: string, profileId: string, channel: Channel) => string;
}

/** Steps one enrollment may take in one instant before the interpreter stops it. */
const MAX_INSTANT_STEPS = 10_000;

interface Indexes {
  source: readonly CompiledJourney[];
  byTriggerEvent: Map<string, { journey: CompiledJourney; where?: readonly Filter[] }[]>;
  segments: { journey: CompiledJourney; condition: Condition; usesEvents: boolean }[];
  dates: CompiledJourney[];
}

function usesEvents(condition: Condition): boolean {
  if ('all' in condition) return condition.all.some(usesEvents);
  if ('any' in condition) return condition.any.some(usesEvents);
  if ('not' in condition) return usesEvents(condition.not);
  return 'event' in condition;
}

/**
 * The one interpreter of journey semantics. Given an event, an identify or a due wake-up, it
 * moves the affected enrollments through every step that needs no time and stops each at a
 * wait, an exit or an open port. The simulator drives it with a virtual clock and memory
 * stores; the executor with the system clock and SQLite. Node behaviour lives in the node
 * definitions; this class only sequences it.
 */
export class Interpreter {
  private indexes: Indexes | undefined;
  private readonly context = new NodeContext(this);
  private lastZoneProfile: Profile | undefined;
  private lastZoneJourney: CompiledJourney | undefined;
  private lastZone = 'UTC';
  /** Profiles changed by update nodes or identify during the current unit of work. */
  private readonly changed = new Set<string>();

  constructor(private readonly options: InterpreterOptions) {}

  private get store(): EngineStore {
    return this.options.store;
  }

  /**
   * Hands a step record to the observer. Each caller writes its record whole, in one object
   * literal: completing records of every type in one place made each of those writes a slow
   * one. An enrollment's records list its own fields before `at`, `journeyId` and `profileId`,
   * the order the journal stores them in.
   */
  private record(step: StepRecord): void {
    this.options.observer?.record(step);
  }

  private index(): Indexes {
    const live = this.options.catalog.live();
    if (this.indexes?.source === live) return this.indexes;
    const byTriggerEvent: Indexes['byTriggerEvent'] = new Map();
    const segments: Indexes['segments'] = [];
    const dates: CompiledJourney[] = [];
    for (const journey of live) {
      const { events, segment, dated } = journey.entry;
      for (const { event, where } of events ?? []) {
        const list = byTriggerEvent.get(event) ?? [];
        list.push({ journey, ...(where && { where }) });
        byTriggerEvent.set(event, list);
      }
      if (segment) segments.push({ journey, condition: segment, usesEvents: usesEvents(segment) });
      if (dated) dates.push(journey);
    }
    this.indexes = { source: live, byTriggerEvent, segments, dates };
    return this.indexes;
  }

  private profile(id: string): Profile {
    let profile = this.store.getProfile(id);
    if (!profile) {
      profile = makeProfile(id);
      this.store.putProfile(profile);
    }
    return profile;
  }

  private zoneOf(profile: Profile, journey: CompiledJourney): string {
    // Consecutive steps mostly concern the same profile and journey.
    if (profile === this.lastZoneProfile && journey === this.lastZoneJourney) return this.lastZone;
    const attribute = profile.attributes.timezone;
    this.lastZone =
      typeof attribute === 'string' && isValidTimeZone(attribute)
        ? attribute
        : journey.settings.timezone;
    this.lastZoneProfile = profile;
    this.lastZoneJourney = journey;
    return this.lastZone;
  }

  // ---------------------------------------------------------------- units of work

  /**
   * Applies an event at `now`: conversions first, then enrollments waiting for it, then
   * new entries, then segment re-checks. Returns the event as stored.
   */
  handleEvent(event: JourneyEvent, now: number): StoredEvent {
    this.profile(event.profileId);
    const stored = this.store.addEvent(event);
    this.applyGoals(stored, now);
    this.resumeEventWaits(stored, now);
    const indexes = this.index();
    for (const { journey, where } of indexes.byTriggerEvent.get(event.name) ?? []) {
      if (matchesFilters(where, stored.properties))
        this.enroll(journey, event.profileId, now, 'event', stored);
    }
    for (const segment of indexes.segments) {
      if (segment.usesEvents)
        this.evaluateSegment(segment.journey, segment.condition, event.profileId, now);
    }
    this.settle(now);
    return stored;
  }

  /** Stores an event as history only: visible to conditions, never triggering anything. */
  recordHistory(event: JourneyEvent): StoredEvent {
    this.profile(event.profileId);
    return this.store.addEvent(event);
  }

  /** Sets profile attributes from outside a journey (identify, import) at `now`. */
  handleIdentify(
    profileId: string,
    traits: Readonly<Record<string, unknown>>,
    now: number,
  ): Profile {
    const updated = applyProfileChange(this.profile(profileId), { set: traits });
    this.store.putProfile(updated);
    this.changed.add(profileId);
    this.settle(now);
    return updated;
  }

  /**
   * Starts the live journeys (or one of them) for a profile at `now`: segment triggers enroll
   * a matching profile, date triggers schedule its next anniversary.
   */
  start(profileId: string, now: number, journeyId?: string): void {
    const indexes = this.index();
    for (const segment of indexes.segments) {
      if (!journeyId || segment.journey.id === journeyId) {
        this.evaluateSegment(segment.journey, segment.condition, profileId, now);
      }
    }
    for (const journey of indexes.dates) {
      if (!journeyId || journey.id === journeyId) this.scheduleAnniversary(journey, profileId, now);
    }
    this.settle(now);
  }

  /** Runs a due wake-up at `now` (its time or later). Stale wake-ups are ignored. */
  handleWake(wake: Wake, now: number): void {
    switch (wake.kind) {
      case 'enrollment':
        this.wakeEnrollment(wake.enrollmentId, wake.token, now);
        break;
      case 'segment': {
        const segment = this.index().segments.find((s) => s.journey.id === wake.journeyId);
        if (segment) this.evaluateSegment(segment.journey, segment.condition, wake.profileId, now);
        break;
      }
      case 'date':
        this.fireAnniversary(wake.journeyId, wake.profileId, wake.at, now);
        break;
    }
    this.settle(now);
  }

  /** Segment and date triggers see profile changes made during the unit of work. */
  private settle(now: number): void {
    // Most units of work change no profile. (Clearing an empty set is not free: it allocates.)
    if (this.changed.size === 0) return;
    for (let round = 0; this.changed.size > 0 && round < 100; round++) {
      const profiles = [...this.changed];
      this.changed.clear();
      const indexes = this.index();
      for (const profileId of profiles) {
        for (const segment of indexes.segments)
          this.evaluateSegment(segment.journey, segment.condition, profileId, now);
        for (const journey of indexes.dates) this.scheduleAnniversary(journey, profileId, now);
      }
    }
    this.changed.clear();
  }

  // ---------------------------------------------------------------- entries

  private conditionContext(
    profile: Profile,
    zone: string,
    now: number,
    enrollment?: Enrollment,
  ): ConditionContext {
    return {
      attributes: profile.attributes,
      events: this.store.eventsOf(profile.id),
      now,
      zone,
      entryAt: enrollment?.enteredAt,
      triggerSeq: enrollment?.trigger?.seq,
    };
  }

  private evaluateSegment(
    journey: CompiledJourney,
    condition: Condition,
    profileId: string,
    now: number,
  ): void {
    const profile = this.profile(profileId);
    const compiled = compileCondition(condition);
    const ctx = this.conditionContext(profile, this.zoneOf(profile, journey), now);
    const member = compiled.test(ctx);
    const before = this.store.getSegmentMembership(journey.id, profileId);
    if (before !== member) this.store.setSegmentMembership(journey.id, profileId, member);
    if (member && before !== true) this.enroll(journey, profileId, now, 'segment');
    const next = compiled.nextChange(ctx);
    if (next !== undefined)
      this.store.schedule({ kind: 'segment', at: next, journeyId: journey.id, profileId });
  }

  private scheduleAnniversary(journey: CompiledJourney, profileId: string, from: number): void {
    const dated = journey.entry.dated;
    if (!dated) return;
    const profile = this.profile(profileId);
    const at = dated.next(profile.attributes, from, this.zoneOf(profile, journey));
    if (at !== undefined)
      this.store.schedule({ kind: 'date', at, journeyId: journey.id, profileId });
  }

  private fireAnniversary(journeyId: string, profileId: string, at: number, now: number): void {
    const journey = this.index().dates.find((j) => j.id === journeyId);
    const dated = journey?.entry.dated;
    if (!journey || !dated) return;
    const profile = this.profile(profileId);
    // The date may have changed since this wake-up was planned: enter only on the real one.
    const expected = dated.next(profile.attributes, at, this.zoneOf(profile, journey));
    // Once per anniversary: a change to the profile during this instant (an update node of the
    // journey just entered) plans the same anniversary again, and it must not enter twice.
    const entered = this.store
      .enrollmentsOf(profileId)
      .some((e) => e.journeyId === journeyId && e.via === 'date' && e.enteredAt === now);
    if (expected === at && !entered) this.enroll(journey, profileId, now, 'date');
    this.scheduleAnniversary(journey, profileId, Math.max(at, now) + 1);
  }

  private enroll(
    journey: CompiledJourney,
    profileId: string,
    now: number,
    via: EntryVia,
    event?: StoredEvent,
  ): void {
    let earlier = 0;
    let active = false;
    for (const e of this.store.enrollmentsOf(profileId)) {
      if (e.journeyId !== journey.id) continue;
      earlier++;
      active ||= e.status === 'active';
    }
    const { reentry } = journey.settings;
    if (reentry === 'never' && earlier > 0) {
      this.record({
        at: now,
        journeyId: journey.id,
        profileId,
        type: 'entry-refused',
        reason: 'reentry_never',
        detail: 'this journey admits a profile once',
      });
      return;
    }
    if (reentry === 'after_exit' && active) {
      this.record({
        at: now,
        journeyId: journey.id,
        profileId,
        type: 'entry-refused',
        reason: 'already_active',
        detail: 'already in this journey',
      });
      return;
    }
    const entry = earlier + 1;
    const enrollment: Enrollment = {
      // join builds a flat string; a template literal leaves a tree of pieces alive per id.
      id: [journey.id, profileId, entry].join(':'),
      journeyId: journey.id,
      version: journey.version,
      profileId,
      entry,
      enteredAt: now,
      via,
      trigger: event,
      status: 'active',
      nodeId: journey.triggerId,
      visits: 0,
    };
    this.record({
      type: 'enter',
      enrollmentId: enrollment.id,
      via,
      event: event?.name,
      at: now,
      journeyId: enrollment.journeyId,
      profileId: enrollment.profileId,
    });
    this.advance(journey, enrollment, journey.triggerId, now);
  }

  // ---------------------------------------------------------------- events for enrollments

  private applyGoals(event: StoredEvent, now: number): void {
    // Enrollments started while this runs are appended; they must not see this event.
    const list = this.store.enrollmentsOf(event.profileId);
    for (let i = 0, n = list.length; i < n; i++) {
      const enrollment = list[i] as Enrollment;
      if (enrollment.convertedAt !== undefined || enrollment.trigger?.seq === event.seq) continue;
      const journey = this.options.catalog.version(enrollment.journeyId, enrollment.version);
      const goal = journey?.settings.goal;
      if (!journey || !goal || goal.event !== event.name || event.time < enrollment.enteredAt)
        continue;
      if (goal.within) {
        const zone = this.zoneOf(this.profile(event.profileId), journey);
        if (event.time > addDuration(enrollment.enteredAt, goal.within, zone)) continue;
      } else if (enrollment.status !== 'active') {
        continue;
      }
      if (!matchesFilters(goal.where, event.properties)) continue;
      enrollment.convertedAt = now;
      this.record({
        type: 'convert',
        enrollmentId: enrollment.id,
        event: event.name,
        variants: { ...(enrollment.variants ?? {}) },
        at: now,
        journeyId: enrollment.journeyId,
        profileId: enrollment.profileId,
      });
      if (enrollment.status === 'active' && goal.exit) this.end(enrollment, 'converted', now);
      else this.store.putEnrollment(enrollment);
    }
  }

  private resumeEventWaits(event: StoredEvent, now: number): void {
    const list = this.store.enrollmentsOf(event.profileId);
    for (let i = 0, n = list.length; i < n; i++) {
      const enrollment = list[i] as Enrollment;
      const wait = enrollment.wait;
      if (enrollment.status !== 'active' || !wait?.event) continue;
      if (wait.event.name !== event.name || event.time < wait.since) continue;
      if (!matchesFilters(wait.event.where, event.properties)) continue;
      const journey = this.options.catalog.version(enrollment.journeyId, enrollment.version);
      if (!journey) continue;
      enrollment.wait = undefined;
      this.leave(journey, enrollment, enrollment.nodeId, wait.event.port, now);
    }
  }

  private wakeEnrollment(enrollmentId: string, token: number, now: number): void {
    const enrollment = this.store.getEnrollment(enrollmentId);
    const wait = enrollment?.wait;
    if (!enrollment || !wait || enrollment.status !== 'active' || enrollment.visits !== token)
      return;
    const journey = this.options.catalog.version(enrollment.journeyId, enrollment.version);
    if (!journey) return;
    enrollment.wait = undefined;
    if (wait.timeoutPort === undefined)
      this.advance(journey, enrollment, enrollment.nodeId, now, wait.reason);
    else this.leave(journey, enrollment, enrollment.nodeId, wait.timeoutPort, now);
  }

  // ---------------------------------------------------------------- moving

  private end(
    enrollment: Enrollment,
    status: Exclude<EnrollmentStatus, 'active'>,
    now: number,
  ): void {
    enrollment.status = status;
    enrollment.endedAt = now;
    enrollment.wait = undefined;
    this.store.putEnrollment(enrollment);
    this.record({
      type: 'end',
      enrollmentId: enrollment.id,
      nodeId: enrollment.nodeId,
      status,
      at: now,
      journeyId: enrollment.journeyId,
      profileId: enrollment.profileId,
    });
  }

  /** Records leaving `nodeId` through `port`; returns the node it leads to, if any. */
  private recordLeave(
    journey: CompiledJourney,
    enrollment: Enrollment,
    nodeId: string,
    port: string,
    now: number,
  ): string | undefined {
    const to = journey.nodes.get(nodeId)?.targets.get(port);
    this.record({
      type: 'leave',
      enrollmentId: enrollment.id,
      nodeId,
      port,
      to,
      at: now,
      journeyId: enrollment.journeyId,
      profileId: enrollment.profileId,
    });
    return to;
  }

  /** Leaves `nodeId` through `port`: on to the connected node, or out of the journey. */
  private leave(
    journey: CompiledJourney,
    enrollment: Enrollment,
    nodeId: string,
    port: string,
    now: number,
  ): void {
    const to = this.recordLeave(journey, enrollment, nodeId, port, now);
    if (to === undefined) this.end(enrollment, 'completed', now);
    else this.advance(journey, enrollment, to, now);
  }

  /**
   * Runs nodes from `nodeId` until the enrollment waits or ends. With `resumed`, the node is
   * run again after the wait it asked for (a held message), without counting a new arrival.
   */
  private advance(
    journey: CompiledJourney,
    enrollment: Enrollment,
    nodeId: string,
    now: number,
    resumed?: WaitReason,
  ): void {
    let current = nodeId;
    let again = resumed;
    let profile = this.profile(enrollment.profileId);
    for (let steps = 0; steps < MAX_INSTANT_STEPS; steps++) {
      const node = journey.nodes.get(current);
      if (!node) {
        this.end(enrollment, 'completed', now);
        return;
      }
      enrollment.nodeId = current;
      if (!again) {
        enrollment.visits++;
        this.record({
          type: 'arrive',
          enrollmentId: enrollment.id,
          nodeId: current,
          at: now,
          journeyId: enrollment.journeyId,
          profileId: enrollment.profileId,
        });
      }
      const decision = this.context.run(
        node.definition,
        journey,
        enrollment,
        profile,
        node.config,
        current,
        now,
        again,
      );
      profile = this.context.profile;
      again = undefined;
      if (decision.type === 'exit') {
        this.end(enrollment, 'exited', now);
        return;
      }
      if (decision.type === 'wait') {
        enrollment.wait = {
          until: decision.until,
          reason: decision.reason,
          since: now,
          timeoutPort: decision.timeoutPort,
          event: decision.event,
        };
        this.store.putEnrollment(enrollment);
        this.store.schedule({
          kind: 'enrollment',
          at: decision.until,
          journeyId: journey.id,
          profileId: enrollment.profileId,
          enrollmentId: enrollment.id,
          token: enrollment.visits,
        });
        this.record({
          type: 'wait',
          enrollmentId: enrollment.id,
          nodeId: current,
          until: decision.until,
          reason: decision.reason,
          event: decision.event?.name,
          at: now,
          journeyId: enrollment.journeyId,
          profileId: enrollment.profileId,
        });
        return;
      }
      const to = this.recordLeave(journey, enrollment, current, decision.port, now);
      if (to === undefined) {
        this.end(enrollment, 'completed', now);
        return;
      }
      current = to;
    }
    // Validation forbids loops without a wait; this only guards against a journey that slipped past it.
    this.end(enrollment, 'exited', now);
  }

  // ---------------------------------------------------------------- services for nodes

  /** @internal for NodeContext */
  evaluate(
    condition: Condition,
    profile: Profile,
    zone: string,
    now: number,
    enrollment: Enrollment,
  ): boolean {
    return compileCondition(condition).test(this.conditionContext(profile, zone, now, enrollment));
  }

  /** @internal for NodeContext */
  updateProfile(
    enrollment: Enrollment,
    journey: CompiledJourney,
    nodeId: string,
    change: ProfileChange,
    now: number,
  ): Profile {
    const updated = applyProfileChange(this.profile(enrollment.profileId), change);
    this.store.putProfile(updated);
    this.changed.add(enrollment.profileId);
    this.record({
      type: 'update',
      enrollmentId: enrollment.id,
      nodeId,
      change,
      at: now,
      journeyId: enrollment.journeyId,
      profileId: enrollment.profileId,
    });
    return updated;
  }

  /** @internal for NodeContext */
  send(
    enrollment: Enrollment,
    journey: CompiledJourney,
    nodeId: string,
    message: MessageDraft,
    now: number,
  ): void {
    const key = `${enrollment.id}/${nodeId}/${enrollment.visits}`;
    this.store.addMessage({
      key,
      journeyId: journey.id,
      version: journey.version,
      nodeId,
      enrollmentId: enrollment.id,
      profileId: enrollment.profileId,
      channel: message.channel,
      to: message.to,
      at: now,
      content: message.content,
    });
    this.record({
      type: 'message',
      enrollmentId: enrollment.id,
      nodeId,
      channel: message.channel,
      to: message.to,
      key,
      at: now,
      journeyId: enrollment.journeyId,
      profileId: enrollment.profileId,
    });
  }

  /** @internal for NodeContext */
  skip(
    enrollment: Enrollment,
    journey: CompiledJourney,
    nodeId: string,
    reason: SkipReason,
    detail: string,
    now: number,
  ): void {
    this.record({
      type: 'skip',
      enrollmentId: enrollment.id,
      nodeId,
      reason,
      detail,
      at: now,
      journeyId: enrollment.journeyId,
      profileId: enrollment.profileId,
    });
  }

  /** @internal for NodeContext */
  assignVariant(
    enrollment: Enrollment,
    journey: CompiledJourney,
    nodeId: string,
    key: string,
    now: number,
  ): void {
    (enrollment.variants ??= {})[nodeId] = key;
    this.record({
      type: 'variant',
      enrollmentId: enrollment.id,
      nodeId,
      key,
      at: now,
      journeyId: enrollment.journeyId,
      profileId: enrollment.profileId,
    });
  }

  /** @internal for NodeContext */
  get seed(): number {
    return this.options.seed ?? 0;
  }

  /** @internal for NodeContext */
  unsubscribeUrl(journeyId: string, profileId: string, channel: Channel): string {
    return (
      this.options.unsubscribeUrl?.(journeyId, profileId, channel) ??
      `https://unsubscribe.invalid/${encodeURIComponent(journeyId)}/${encodeURIComponent(profileId)}`
    );
  }

  /** @internal for NodeContext */
  sentCount(journeyId: string, profileId: string, since: number): number {
    return this.store.sentCount(journeyId, profileId, since);
  }

  /** @internal for NodeContext */
  isSuppressed(channel: Channel, address: string): boolean {
    return this.store.isSuppressed(channel, address);
  }

  /** @internal for NodeContext */
  zone(profile: Profile, journey: CompiledJourney): string {
    return this.zoneOf(profile, journey);
  }
}

const journeyViews = new WeakMap<CompiledJourney, StepContext<unknown>['journey']>();

function journeyView(compiled: CompiledJourney): StepContext<unknown>['journey'] {
  let view = journeyViews.get(compiled);
  if (!view) {
    view = { id: compiled.id, name: compiled.journey.name, settings: compiled.settings };
    journeyViews.set(compiled, view);
  }
  return view;
}

const NO_PROPERTIES: Readonly<Record<string, unknown>> = Object.freeze({});

/**
 * What one node sees for one enrollment at one instant. One instance is reused for every step
 * (steps never nest: node effects only collect), which keeps the hot loop free of allocations.
 */
class NodeContext implements StepContext<unknown> {
  journey!: StepContext<unknown>['journey'];
  triggerProperties: Readonly<Record<string, unknown>> = NO_PROPERTIES;
  config: unknown;
  nodeId = '';
  now = 0;
  resumed: WaitReason | undefined;
  private compiled!: CompiledJourney;
  private enrollment!: Enrollment;
  private current!: Profile;

  constructor(private readonly interpreter: Interpreter) {}

  run(
    definition: NodeDefinition,
    compiled: CompiledJourney,
    enrollment: Enrollment,
    profile: Profile,
    config: unknown,
    nodeId: string,
    now: number,
    resumed: WaitReason | undefined,
  ): StepDecision {
    // Consecutive steps mostly run in the same journey: its view is looked up on a change only.
    if (compiled !== this.compiled) {
      this.compiled = compiled;
      this.journey = journeyView(compiled);
    }
    this.enrollment = enrollment;
    this.triggerProperties = enrollment.trigger?.properties ?? NO_PROPERTIES;
    this.config = config;
    this.nodeId = nodeId;
    this.now = now;
    this.resumed = resumed;
    this.current = profile;
    return definition.step(this);
  }

  get profile(): Profile {
    return this.current;
  }

  get zone(): string {
    return this.interpreter.zone(this.current, this.compiled);
  }

  evaluate(condition: Condition): boolean {
    return this.interpreter.evaluate(condition, this.current, this.zone, this.now, this.enrollment);
  }

  bucket(): number {
    return splitBucket(
      this.interpreter.seed,
      this.compiled.id,
      this.nodeId,
      this.enrollment.profileId,
    );
  }

  isSuppressed(channel: Channel, address: string): boolean {
    return this.interpreter.isSuppressed(channel, address);
  }

  messagesSentSince(since: number): number {
    return this.interpreter.sentCount(this.compiled.id, this.enrollment.profileId, since);
  }

  unsubscribeUrl(channel: Channel): string {
    return this.interpreter.unsubscribeUrl(this.compiled.id, this.enrollment.profileId, channel);
  }

  send(message: MessageDraft): void {
    this.interpreter.send(this.enrollment, this.compiled, this.nodeId, message, this.now);
  }

  skip(reason: SkipReason, detail: string): void {
    this.interpreter.skip(this.enrollment, this.compiled, this.nodeId, reason, detail, this.now);
  }

  updateProfile(change: ProfileChange): void {
    this.current = this.interpreter.updateProfile(
      this.enrollment,
      this.compiled,
      this.nodeId,
      change,
      this.now,
    );
  }

  assignVariant(key: string): void {
    this.interpreter.assignVariant(this.enrollment, this.compiled, this.nodeId, key, this.now);
  }
}
