import type { Journey, JourneyNode } from '../model/journey';
import { isNodeKind, nodeDefinition } from '../nodes/registry';
import { stepTitle } from '../nodes/step-title';
import { diffJourneys, nodeRef, type JourneyChange, type NodeRef } from '../versions/journey-diff';
import {
  groupKey,
  parseGroupKey,
  type ImpactReason,
  type MigrationAction,
  type MigrationChoice,
  type MigrationPlan,
  type PlanProblem,
} from './migration-plan';

/** Where some of the people inside a journey are: one row per version, step and variants taken. */
export interface PeoplePlace {
  readonly version: number;
  readonly nodeId: string;
  /** The variant taken at each split so far, by split id. */
  readonly variants?: Readonly<Record<string, string>>;
  readonly count: number;
  /** The earliest and latest time those of them who wait move on. */
  readonly until?: { readonly first: number; readonly last: number };
}

/** A variant some people took that the new version's split no longer has. */
export interface RemovedVariant {
  readonly split: NodeRef;
  readonly key: string;
  readonly label: string;
  readonly count: number;
}

/** People on one step of one version, to whom the new version does the same thing. */
export interface ImpactGroup {
  /** The key a plan names the group by (`groupKey`). */
  readonly key: string;
  readonly fromVersion: number;
  /** The step they are on, as their version has it. */
  readonly step: NodeRef;
  readonly reason: ImpactReason;
  readonly count: number;
  readonly until?: { readonly first: number; readonly last: number };
  /** What the new version changed about the step: settings, shares, where its ways out lead. */
  readonly changes: readonly JourneyChange[];
  /** For `variant-removed`: the variants taken that are gone. */
  readonly removedVariants?: readonly RemovedVariant[];
  /** What can be chosen for them (`stay` and `exit` always). */
  readonly actions: readonly MigrationAction[];
}

/** What publishing a new version means for the people inside, group by group. */
export interface PublishImpact {
  readonly toVersion: number;
  /** People inside, in all groups. */
  readonly total: number;
  readonly groups: readonly ImpactGroup[];
  /** Steps of the new version people can be moved to, in its order. */
  readonly targets: readonly NodeRef[];
}

/** Groups are listed as the marketer reads the change: the gone first, then the changed. */
const REASON_ORDER: Record<ImpactReason, number> = {
  removed: 0,
  'variant-removed': 1,
  changed: 2,
  unchanged: 3,
};

function portIds(node: JourneyNode): Set<string> {
  if (!isNodeKind(node.kind)) return new Set();
  return new Set(
    nodeDefinition(node.kind)
      .ports(node.config)
      .map((p) => p.id),
  );
}

function variantKeys(node: JourneyNode): Map<string, string> | undefined {
  if (!isNodeKind(node.kind)) return undefined;
  const branches = nodeDefinition(node.kind).branches;
  if (!branches) return undefined;
  const parsed = nodeDefinition(node.kind).schema.safeParse(node.config);
  if (!parsed.success) return undefined;
  return new Map(branches.variants(parsed.data).map((v) => [v.key, v.label?.trim() || v.key]));
}

/** The changes of a diff that concern what happens to someone on `id`. */
function changesOf(changes: readonly JourneyChange[], id: string): JourneyChange[] {
  return changes.filter((c) => {
    switch (c.type) {
      case 'node-changed':
      case 'variants-changed':
        return c.node.id === id;
      case 'edge-added':
      case 'edge-removed':
      case 'edge-moved':
        return c.from.id === id;
      default:
        return false;
    }
  });
}

/** One published version compared with the new one, step by step. */
class VersionMapping {
  readonly nodes: Map<string, JourneyNode>;
  private readonly changes: JourneyChange[];
  private readonly changed = new Map<string, JourneyChange[]>();
  private readonly removedVariants = new Map<string, Map<string, string>>();

  constructor(
    readonly version: number,
    readonly journey: Journey,
    private readonly next: ReadonlyMap<string, JourneyNode>,
    nextJourney: Journey,
  ) {
    this.nodes = new Map(journey.nodes.map((n) => [n.id, n]));
    this.changes = diffJourneys(journey, nextJourney);
    for (const node of journey.nodes) {
      const now = next.get(node.id);
      if (!now || now.kind !== node.kind) continue;
      const own = changesOf(this.changes, node.id);
      if (own.length > 0) this.changed.set(node.id, own);
      const was = variantKeys(node);
      const is = variantKeys(now);
      if (!was || !is) continue;
      const gone = new Map([...was].filter(([key]) => !is.has(key)));
      if (gone.size > 0) this.removedVariants.set(node.id, gone);
    }
  }

  removed(nodeId: string): boolean {
    const now = this.next.get(nodeId);
    return !now || now.kind !== this.nodes.get(nodeId)?.kind;
  }

  /**
   * Whether someone on the step can go on from the same step of the new version: it is there,
   * and every way out a wait there may end through is still a way out.
   */
  canContinue(nodeId: string): boolean {
    const old = this.nodes.get(nodeId);
    const now = this.next.get(nodeId);
    if (!old || !now || this.removed(nodeId)) return false;
    const ports = portIds(now);
    return [...portIds(old)].every((p) => ports.has(p));
  }

  reasonOf(nodeId: string, variants: Readonly<Record<string, string>> | undefined): ImpactReason {
    if (this.removed(nodeId)) return 'removed';
    if (this.goneVariants(variants).length > 0) return 'variant-removed';
    return this.changed.has(nodeId) ? 'changed' : 'unchanged';
  }

  changesAt(nodeId: string): JourneyChange[] {
    return this.changed.get(nodeId) ?? [];
  }

  /** The variants taken that the new version's splits no longer have. */
  goneVariants(
    variants: Readonly<Record<string, string>> | undefined,
  ): { split: string; key: string; label: string }[] {
    if (!variants || this.removedVariants.size === 0) return [];
    const out: { split: string; key: string; label: string }[] = [];
    for (const [split, key] of Object.entries(variants)) {
      const label = this.removedVariants.get(split)?.get(key);
      if (label !== undefined) out.push({ split, key, label });
    }
    return out;
  }
}

/** The published versions people may be on, by number. */
export type VersionSource = (version: number) => Journey | undefined;

/**
 * The people inside a journey against the version about to be published: which group each
 * belongs to, what the new version did to their step, what can be chosen for them, and whether
 * a plan of choices can be carried out. Steps are matched by id; a step whose kind changed is
 * gone. The same object decides, person by person, when the plan is applied — in execution and
 * in simulation alike.
 *
 * @example
 * const migration = new PublishMigration(draft, 4, (v) => versions.get(v));
 * const impact = migration.impact(places); // groups with counts and changes
 * migration.check({ [impact.groups[0].key]: { action: 'move', to: 'wait-3-days' } }); // []
 */
export class PublishMigration {
  private readonly nextNodes: Map<string, JourneyNode>;
  private readonly mappings = new Map<number, VersionMapping | null>();

  constructor(
    readonly next: Journey,
    readonly nextVersion: number,
    private readonly versions: VersionSource,
  ) {
    this.nextNodes = new Map(next.nodes.map((n) => [n.id, n]));
  }

  private mapping(version: number): VersionMapping | undefined {
    let mapping = this.mappings.get(version);
    if (mapping === undefined) {
      const journey = this.versions(version);
      mapping = journey ? new VersionMapping(version, journey, this.nextNodes, this.next) : null;
      this.mappings.set(version, mapping);
    }
    return mapping ?? undefined;
  }

  /** The key of the group someone on `nodeId` of `version`, having taken `variants`, is in. */
  keyOf(version: number, nodeId: string, variants?: Readonly<Record<string, string>>): string {
    const mapping = this.mapping(version);
    const reason = mapping ? mapping.reasonOf(nodeId, variants) : 'removed';
    return groupKey({ version, reason, nodeId });
  }

  /** Steps of the new version someone can be moved to: all but the entry. */
  targets(): NodeRef[] {
    return this.next.nodes
      .filter((n) => !(isNodeKind(n.kind) && nodeDefinition(n.kind).entry))
      .map(nodeRef);
  }

  /** The people, grouped: the gone steps first, then as the journey lists its steps. */
  impact(places: readonly PeoplePlace[]): PublishImpact {
    type Building = Omit<ImpactGroup, 'count' | 'until'> & {
      order: number;
      count: number;
      until?: { first: number; last: number };
    };
    const groups = new Map<string, Building>();
    const removed = new Map<string, Map<string, RemovedVariant>>();
    const targets = this.targets();
    let total = 0;
    for (const place of places) {
      if (place.version === this.nextVersion || place.count <= 0) continue;
      total += place.count;
      const key = this.keyOf(place.version, place.nodeId, place.variants);
      const mapping = this.mapping(place.version);
      let group = groups.get(key);
      if (!group) {
        const reason = (parseGroupKey(key) as { reason: ImpactReason }).reason;
        const node = mapping?.nodes.get(place.nodeId);
        const step = node
          ? nodeRef(node)
          : { id: place.nodeId, title: place.nodeId, kind: '', kindTitle: '' };
        const actions: MigrationAction[] = ['stay'];
        if (mapping?.canContinue(place.nodeId)) actions.push('continue');
        if (targets.length > 0) actions.push('move');
        actions.push('exit');
        group = {
          key,
          fromVersion: place.version,
          step,
          reason,
          count: 0,
          changes: mapping?.changesAt(place.nodeId) ?? [],
          actions,
          order: mapping ? [...mapping.nodes.keys()].indexOf(place.nodeId) : 0,
        };
        groups.set(key, group);
      }
      group.count += place.count;
      if (place.until) {
        const was = group.until;
        group.until = was
          ? {
              first: Math.min(was.first, place.until.first),
              last: Math.max(was.last, place.until.last),
            }
          : place.until;
      }
      if (group.reason === 'variant-removed' && mapping) {
        const gone = removed.get(key) ?? new Map<string, RemovedVariant>();
        removed.set(key, gone);
        for (const v of mapping.goneVariants(place.variants)) {
          const id = `${v.split}\u0000${v.key}`;
          const split = mapping.nodes.get(v.split) as JourneyNode;
          const known = gone.get(id);
          gone.set(id, {
            split: nodeRef(split),
            key: v.key,
            label: v.label,
            count: (known?.count ?? 0) + place.count,
          });
        }
      }
    }
    const list = [...groups.values()]
      .map(({ order, ...group }) => {
        const gone = removed.get(group.key);
        return { order, group: gone ? { ...group, removedVariants: [...gone.values()] } : group };
      })
      .sort(
        (a, b) =>
          REASON_ORDER[a.group.reason] - REASON_ORDER[b.group.reason] ||
          a.group.fromVersion - b.group.fromVersion ||
          a.order - b.order,
      )
      .map((g) => g.group);
    return { toVersion: this.nextVersion, total, groups: list, targets };
  }

  /**
   * The problems of a plan, each with a stable code and the group it concerns; none when it can
   * be carried out. Groups nobody is in any more are fine: their choice applies to no one.
   */
  check(plan: MigrationPlan): PlanProblem[] {
    const problems: PlanProblem[] = [];
    for (const [group, choice] of Object.entries(plan)) {
      const key = parseGroupKey(group);
      const mapping = key && this.mapping(key.version);
      if (!key || !mapping) {
        problems.push({
          code: 'migration/unknown-group',
          group,
          message: `“${group}” names no group of people in a published version of this journey.`,
        });
        continue;
      }
      const step = mapping.nodes.get(key.nodeId);
      const title = step ? stepTitle(step) : key.nodeId;
      if (choice.action === 'continue' && !mapping.canContinue(key.nodeId))
        problems.push({
          code: 'migration/cannot-continue',
          group,
          message: mapping.removed(key.nodeId)
            ? `“${title}” is not in the new version, so the people on it cannot go on from there: move them to a step, let them finish on version ${key.version}, or let them leave.`
            : `“${title}” has lost a way out in the new version, so the people waiting on it cannot go on from there: move them to a step instead.`,
        });
      if (choice.action === 'move') {
        const target = this.nextNodes.get(choice.to);
        if (!target)
          problems.push({
            code: 'migration/no-such-step',
            group,
            message: `The new version has no step “${choice.to}” to move the people on “${title}” to.`,
          });
        else if (isNodeKind(target.kind) && nodeDefinition(target.kind).entry)
          problems.push({
            code: 'migration/step-takes-no-one',
            group,
            message: `People cannot be moved to the trigger “${stepTitle(target)}”: it only lets new people in. Choose a step after it.`,
          });
      }
    }
    return problems;
  }

  /** What the plan does with one person; undefined when they stay on their version. */
  choiceFor(
    plan: MigrationPlan,
    person: {
      readonly version: number;
      readonly nodeId: string;
      readonly variants?: Readonly<Record<string, string>>;
    },
  ): Exclude<MigrationChoice, { action: 'stay' }> | undefined {
    if (person.version === this.nextVersion) return undefined;
    const choice = plan[this.keyOf(person.version, person.nodeId, person.variants)];
    return choice && choice.action !== 'stay' ? choice : undefined;
  }
}
