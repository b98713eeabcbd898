/**
 * What to do, at a publish, with the people inside the journey, one choice per group of them
 * (`publish-impact.ts` makes the groups). A group without a choice finishes on the version it
 * entered with, as every enrollment did before migrations existed.
 */

/** How one group of people is carried over to the version being published. */
export type MigrationChoice =
  /** Finish on the version they entered with (the default). */
  | { readonly action: 'stay' }
  /**
   * Go on from the same step of the new version: a wait keeps the wake-up time it was given,
   * a held message is sent as the new version has it.
   */
  | { readonly action: 'continue' }
  /** Arrive at a step of the new version now, as if they had just been led there. */
  | { readonly action: 'move'; readonly to: string }
  /** Leave the journey now. */
  | { readonly action: 'exit' };

export type MigrationAction = MigrationChoice['action'];

export const MIGRATION_ACTIONS = ['stay', 'continue', 'move', 'exit'] as const;

/** A choice per group key; a group left out stays on its version. */
export type MigrationPlan = Readonly<Record<string, MigrationChoice>>;

/** Why a group is a group: what the new version does to the step its people are on. */
export type ImpactReason =
  /** The step is in the new version as it was. */
  | 'unchanged'
  /** The step is there, with other settings or ways out. */
  | 'changed'
  /** The step is gone (or became another kind of step). */
  | 'removed'
  /** The step is there, but they took a variant of a split that the new version no longer has. */
  | 'variant-removed';

/** A group's key: the version people are on, why they are grouped, the step they are on. */
export interface GroupKey {
  readonly version: number;
  readonly reason: ImpactReason;
  readonly nodeId: string;
}

const REASONS: readonly ImpactReason[] = ['unchanged', 'changed', 'removed', 'variant-removed'];

/** The key of a group, as plans name it: `<version>/<reason>/<step id>`. */
export function groupKey({ version, reason, nodeId }: GroupKey): string {
  return `${version}/${reason}/${nodeId}`;
}

/** Reads a group key back; undefined for text that is not one. */
export function parseGroupKey(key: string): GroupKey | undefined {
  const first = key.indexOf('/');
  const second = key.indexOf('/', first + 1);
  if (first <= 0 || second <= first + 1 || second === key.length - 1) return undefined;
  const version = Number(key.slice(0, first));
  const reason = key.slice(first + 1, second) as ImpactReason;
  if (!Number.isInteger(version) || version < 1 || !REASONS.includes(reason)) return undefined;
  return { version, reason, nodeId: key.slice(second + 1) };
}

/** The stable codes of a plan's problems. */
export type PlanProblemCode =
  | 'migration/unknown-group'
  | 'migration/no-such-step'
  | 'migration/step-takes-no-one'
  | 'migration/cannot-continue';

/** A choice that cannot be carried out, with the group it was made for and why, in words. */
export interface PlanProblem {
  readonly code: PlanProblemCode;
  readonly group: string;
  readonly message: string;
}
