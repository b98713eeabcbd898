import { PublishMigration } from '../migration/publish-migration';
import type { MigrationPlan } from '../migration/migration-plan';
import type { Journey } from '../model/journey';
import { serializeJourney } from '../model/journey-file';
import {
  compileJourney,
  startsWithEveryone,
  type CompiledJourney,
} from '../runtime/compiled-journey';
import type { Interpreter, JourneyCatalog } from '../runtime/interpreter';
import type { EngineStore } from '../runtime/ports';

/** The version a simulation publishes part-way: the first one is version 1. */
const NEXT_VERSION = 2;

/**
 * A new version published part-way through a simulation, as execution publishes one: the
 * catalog's live version switches at `at`, and each simulated person still inside is carried
 * over by the same `PublishMigration` the executor uses. The simulator runs one profile's whole
 * window at a time, so the switch happens once per profile: `begin` sets version 1 back.
 */
export class RepublishStep {
  readonly catalog: JourneyCatalog;
  private readonly first: CompiledJourney;
  private readonly next: CompiledJourney;
  private readonly migration: PublishMigration;
  private readonly plan: MigrationPlan;
  private readonly at: number;
  private live: readonly CompiledJourney[];
  private done = false;
  /** Publishing the same document again makes no new version, as in execution: nothing happens. */
  private readonly same: boolean;

  constructor(
    first: CompiledJourney,
    republish: Republish,
    window: { start: number; end: number },
  ) {
    if (republish.journey.id !== first.id)
      throw new RepublishError(
        `The version published part-way is of journey “${republish.journey.id}”, not “${first.id}”.`,
      );
    if (!(republish.at >= window.start && republish.at <= window.end))
      throw new RepublishError('The new version must be published inside the window.');
    this.first = first;
    this.next = compileJourney(republish.journey, NEXT_VERSION);
    this.at = republish.at;
    this.same = serializeJourney(first.journey) === serializeJourney(republish.journey);
    this.plan = republish.migration ?? {};
    this.migration = new PublishMigration(republish.journey, NEXT_VERSION, (v) =>
      v === first.version ? first.journey : undefined,
    );
    const problems = this.migration.check(this.plan);
    if (problems.length > 0)
      throw new RepublishError(problems.map((p) => `${p.code}: ${p.message}`).join(' '));
    this.live = [first];
    const versions = new Map([
      [first.version, first],
      [NEXT_VERSION, this.next],
    ]);
    this.catalog = {
      live: () => this.live,
      version: (id, version) => (id === first.id ? versions.get(version) : undefined),
    };
  }

  /** A profile's window starts on version 1. */
  begin(): void {
    this.live = [this.first];
    this.done = false;
  }

  /** Whether the publish comes before the next thing due (any of these times, if given). */
  dueBefore(...times: (number | undefined)[]): boolean {
    if (this.done) return false;
    return times.every((t) => t === undefined || t > this.at);
  }

  /** Publishes the new version for one profile: carries its enrollments over, starts it. */
  publish(store: EngineStore, interpreter: Interpreter, profileId: string): void {
    this.done = true;
    if (this.same) return;
    this.live = [this.next];
    const inside = store
      .enrollmentsOf(profileId)
      .filter((e) => e.journeyId === this.first.id && e.status === 'active')
      .map((e) => ({ id: e.id, choice: this.migration.choiceFor(this.plan, e) }));
    for (const { id, choice } of inside)
      if (choice) interpreter.migrate(id, choice, this.next, this.at);
    // Execution starts a new segment or date version for every profile, after the migration.
    if (startsWithEveryone(this.next)) interpreter.start(profileId, this.at, this.next.id);
  }
}

/** A version published part-way through a simulation (see `SimulationInput.republish`). */
export interface Republish {
  at: number;
  journey: Journey;
  migration?: MigrationPlan;
}

/** A part-way publish that cannot be simulated (wrong journey, outside the window, bad plan). */
export class RepublishError extends Error {}
