import type { Condition } from '../conditions/condition';
import { compileCondition } from '../conditions/evaluate';
import type { AutoWinnerRule, WinnerDecision } from '../forecast/auto-winner';
import type { Profile, ProfileChange } from '../model/profile';
import { policyBlock, policyWindowStart, type PolicyBlock } from '../policy/policy-decision';
import type { NodeDefinition } from '../nodes/node-definition';
import type { CompiledJourney } from './compiled-journey';
import { splitBucket } from './hash';
import type { ProfileAccess } from './profile-access';
import type { EngineStore, Enrollment } from './ports';
import type { StepEffects } from './step-effects';
import type {
  Channel,
  MessageDraft,
  SkipFacts,
  SkipReason,
  StepContext,
  StepDecision,
  WaitReason,
} from './step';

/** What a node context reads besides the profile: the store and the run's options. */
export interface NodeContextReads {
  readonly store: EngineStore;
  readonly profiles: ProfileAccess;
  /** Moves split assignment (simulation's `--seed`). */
  readonly seed: number;
  /** The one-click unsubscribe link for a message, when the host has one. */
  readonly unsubscribeUrl?: (
    journeyId: string,
    profileId: string,
    channel: Channel,
    sender?: string,
  ) => string;
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
 * Reads go to the store; writes go through the `StepEffects` it was made with.
 */
export class NodeContext implements StepContext<unknown> {
  journey!: StepContext<unknown>['journey'];
  triggerProperties: Readonly<Record<string, unknown>> = NO_PROPERTIES;
  config: unknown;
  nodeId = '';
  now = 0;
  /** When the unit of work under way was due; the interpreter sets it for each unit. */
  unitDue: number | undefined;
  resumed: WaitReason | undefined;
  private compiled!: CompiledJourney;
  private enrollment!: Enrollment;
  private current!: Profile;

  constructor(
    private readonly effects: StepEffects,
    private readonly reads: NodeContextReads,
  ) {}

  /** Runs `definition.step` for the enrollment at `nodeId`; `profile` is then the profile as changed. */
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

  get due(): number {
    return Math.min(this.unitDue ?? this.now, this.now);
  }

  get zone(): string {
    return this.reads.profiles.zoneOf(this.current, this.compiled);
  }

  evaluate(condition: Condition): boolean {
    const { profiles } = this.reads;
    const zone = profiles.zoneOf(this.current, this.compiled);
    return compileCondition(condition).test(
      profiles.conditionContext(this.current, zone, this.now, this.enrollment),
    );
  }

  bucket(): number {
    return splitBucket(this.reads.seed, this.compiled.id, this.nodeId, this.enrollment.profileId);
  }

  isSuppressed(channel: Channel, address: string): boolean {
    return this.reads.store.isSuppressed(channel, address);
  }

  messagesSentSince(since: number): number {
    return this.reads.store.sentCount(this.compiled.id, this.enrollment.profileId, since);
  }

  policyBlock(channel: Channel): PolicyBlock | undefined {
    const { store } = this.reads;
    const limit = store.sendingPolicy()[channel];
    if (!limit) return undefined;
    const since = policyWindowStart(this.now, limit, this.zone);
    return policyBlock(
      channel,
      limit,
      store.policySends(this.enrollment.profileId, channel, since),
    );
  }

  unsubscribeUrl(channel: Channel, sender?: string): string {
    const journeyId = this.compiled.id;
    const profileId = this.enrollment.profileId;
    return (
      this.reads.unsubscribeUrl?.(journeyId, profileId, channel, sender) ??
      `https://unsubscribe.invalid/${encodeURIComponent(journeyId)}/${encodeURIComponent(profileId)}`
    );
  }

  send(message: MessageDraft): void {
    this.effects.send(this.compiled, this.enrollment, this.nodeId, message, this.now);
  }

  skip(reason: SkipReason, detail: string, facts?: SkipFacts): void {
    this.effects.skip(this.enrollment, this.nodeId, reason, detail, this.now, facts);
  }

  updateProfile(change: ProfileChange): void {
    this.current = this.effects.updateProfile(this.enrollment, this.nodeId, change, this.now);
  }

  assignVariant(key: string): void {
    this.effects.assignVariant(this.enrollment, this.nodeId, key, this.now);
  }

  winner(test: { variants: readonly string[]; rule: AutoWinnerRule }): WinnerDecision | undefined {
    return this.effects.winner(
      { journeyId: this.compiled.id, nodeId: this.nodeId, ...test },
      this.now,
    );
  }
}
