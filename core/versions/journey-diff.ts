import { edgePort, type Journey, type JourneyEdge, type JourneyNode } from '../model/journey';
import { buildGraph } from '../model/journey-graph';
import { journeySettingsSchema } from '../model/journey-settings';
import { isRecord } from '../model/json-text';
import { isNodeKind, nodeDefinition } from '../nodes/registry';
import { stepTitle } from '../nodes/step-title';
import { diffValue, type DiffValue } from './diff-values';
import { fieldChanges, sameValue, type FieldChange } from './field-changes';

/** A step as a change names it: its id, its title in that version, and what kind it is. */
export interface NodeRef {
  readonly id: string;
  /** Its label, else its summary ("Wait 1 day"), else its kind's name. */
  readonly title: string;
  readonly kind: string;
  /** The kind's name: "Wait", "Message". */
  readonly kindTitle: string;
}

/** A way out of a step that has more than one ("yes", a variant). */
export interface PortRef {
  readonly id: string;
  /** As the canvas labels it: "Yes", "Timeout", a variant's label. */
  readonly label: string;
}

/** A variant of a random split whose share, label or existence changed. */
export interface VariantChange {
  readonly key: string;
  readonly label?: string;
  /** Its weight and its share of all weights (0–1); absent when the variant is new. */
  readonly before?: { readonly weight: number; readonly share: number; readonly label?: string };
  /** Absent when the variant was removed. */
  readonly after?: { readonly weight: number; readonly share: number; readonly label?: string };
}

/**
 * One difference between two versions of a journey, as structure: the app words it in each of
 * its languages, `describeChange` in English. Steps are matched by id; a step whose kind changed
 * counts as removed and added.
 */
export type JourneyChange =
  | { readonly type: 'journey-renamed'; readonly before: string; readonly after: string }
  | { readonly type: 'description-changed'; readonly before: DiffValue; readonly after: DiffValue }
  | ({ readonly type: 'setting-changed' } & FieldChange)
  | {
      readonly type: 'node-added';
      readonly node: NodeRef;
      /** The steps that lead to it, and those it leads to, in the new version. */
      readonly from: readonly NodeRef[];
      readonly to: readonly NodeRef[];
    }
  | { readonly type: 'node-removed'; readonly node: NodeRef }
  | {
      readonly type: 'node-renamed';
      readonly node: NodeRef;
      readonly before: string;
      readonly after: string;
    }
  | ({ readonly type: 'node-changed'; readonly node: NodeRef } & FieldChange)
  | {
      readonly type: 'variants-changed';
      readonly node: NodeRef;
      readonly variants: readonly VariantChange[];
    }
  | {
      readonly type: 'edge-added' | 'edge-removed';
      readonly from: NodeRef;
      readonly port?: PortRef;
      readonly to: NodeRef;
    }
  | {
      /** The same way out of a step now leads elsewhere. */
      readonly type: 'edge-moved';
      readonly from: NodeRef;
      readonly port?: PortRef;
      readonly before: NodeRef;
      readonly after: NodeRef;
    }
  /** Steps only moved on the canvas: nothing a profile would notice. */
  | { readonly type: 'layout-changed'; readonly steps: number };

export type JourneyChangeType = JourneyChange['type'];

/** A step as a change names it. */
export function nodeRef(node: JourneyNode): NodeRef {
  const kind = isNodeKind(node.kind) ? nodeDefinition(node.kind).label : node.kind;
  return { id: node.id, title: stepTitle(node), kind: node.kind, kindTitle: kind };
}

/** A config as the kind's facets read it, when it fits the kind's schema. */
function parsedConfig(node: JourneyNode): { ok: true; config: unknown } | { ok: false } {
  if (!isNodeKind(node.kind)) return { ok: false };
  const parsed = nodeDefinition(node.kind).schema.safeParse(node.config);
  return parsed.success ? { ok: true, config: parsed.data } : { ok: false };
}

function portRef(node: JourneyNode, port: string): PortRef | undefined {
  if (!isNodeKind(node.kind)) return { id: port, label: port };
  const definition = nodeDefinition(node.kind);
  const ports = definition.ports(node.config);
  if (ports.length <= 1 && ports[0]?.id === port) return undefined;
  const parsed = definition.branches ? parsedConfig(node) : { ok: false as const };
  // A variant by the name the marketer gave it; the canvas adds its share, which is said apart.
  const variant =
    parsed.ok && definition.branches
      ? definition.branches.variants(parsed.config).find((v) => v.key === port)
      : undefined;
  if (variant) return { id: port, label: variant.label?.trim() ? variant.label : variant.key };
  return { id: port, label: ports.find((p) => p.id === port)?.label ?? port };
}

function shares(variants: readonly { key: string; label?: string; weight: number }[]) {
  const total = variants.reduce((sum, v) => sum + (v.weight > 0 ? v.weight : 0), 0);
  return new Map(
    variants.map((v) => [
      v.key,
      {
        weight: v.weight,
        share: total > 0 && v.weight > 0 ? v.weight / total : 0,
        ...(v.label !== undefined && { label: v.label }),
      },
    ]),
  );
}

/** Shares are compared as the canvas shows them, to a tenth of a percent. */
const sameShare = (a: number, b: number) => Math.round(a * 1000) === Math.round(b * 1000);

function variantChanges(before: JourneyNode, after: JourneyNode): VariantChange[] | undefined {
  const definition = nodeDefinition(after.kind);
  const old = parsedConfig(before);
  const now = parsedConfig(after);
  if (!definition.branches || !old.ok || !now.ok) return undefined;
  const was = shares(definition.branches.variants(old.config));
  const is = shares(definition.branches.variants(now.config));
  const out: VariantChange[] = [];
  for (const key of new Set([...is.keys(), ...was.keys()])) {
    const b = was.get(key);
    const a = is.get(key);
    if (b && a && sameShare(b.share, a.share) && b.label === a.label) continue;
    const label = a?.label ?? b?.label;
    out.push({
      key,
      ...(label !== undefined && { label }),
      ...(b && { before: b }),
      ...(a && { after: a }),
    });
  }
  return out;
}

function nodeChanges(before: JourneyNode, after: JourneyNode, out: JourneyChange[]): void {
  const node = nodeRef(after);
  const oldTitle = before.label?.trim() ?? '';
  const newTitle = after.label?.trim() ?? '';
  if (oldTitle !== newTitle)
    out.push({ type: 'node-renamed', node, before: stepTitle(before), after: stepTitle(after) });
  if (!isNodeKind(after.kind)) {
    if (!sameValue(before.config, after.config))
      out.push({
        type: 'node-changed',
        node,
        field: [],
        titles: [],
        before: diffValue(before.config),
        after: diffValue(after.config),
      });
    return;
  }
  const definition = nodeDefinition(after.kind);
  const variants = variantChanges(before, after);
  for (const change of fieldChanges(
    definition.schema,
    before.config,
    after.config,
    definition.label,
    // The variants of a split are said as shares, below, when both versions can be read.
    (spec) => variants !== undefined && spec.shape.widget === 'variants',
  ))
    out.push({ type: 'node-changed', node, ...change });
  if (variants?.length) out.push({ type: 'variants-changed', node, variants });
}

function edgeKey(edge: JourneyEdge): string {
  return JSON.stringify([edge.from, edgePort(edge), edge.to]);
}

function edgeChanges(
  before: Journey,
  after: Journey,
  kept: ReadonlySet<string>,
  out: JourneyChange[],
): void {
  const oldNodes = new Map(before.nodes.map((n) => [n.id, n]));
  const newNodes = new Map(after.nodes.map((n) => [n.id, n]));
  // Connections to steps added or removed go with those steps' own changes.
  const between = (edge: JourneyEdge) => kept.has(edge.from) && kept.has(edge.to);
  const oldKeys = new Set(before.edges.map(edgeKey));
  const newKeys = new Set(after.edges.map(edgeKey));
  const removed = before.edges.filter((e) => between(e) && !newKeys.has(edgeKey(e)));
  const added = after.edges.filter((e) => between(e) && !oldKeys.has(edgeKey(e)));
  const exit = (e: JourneyEdge) => JSON.stringify([e.from, edgePort(e)]);
  const addedByExit = new Map<string, JourneyEdge[]>();
  for (const edge of added)
    addedByExit.set(exit(edge), [...(addedByExit.get(exit(edge)) ?? []), edge]);
  const moved = new Set<JourneyEdge>();
  // Both ends are in both versions: named as they are now, the port as it was.
  const now = (id: string) => nodeRef(newNodes.get(id) as JourneyNode);
  for (const edge of removed) {
    const port = portRef(oldNodes.get(edge.from) as JourneyNode, edgePort(edge));
    const candidates = addedByExit.get(exit(edge)) ?? [];
    const replacement = candidates.length === 1 ? candidates[0] : undefined;
    if (replacement && !moved.has(replacement)) {
      moved.add(replacement);
      out.push({
        type: 'edge-moved',
        from: now(edge.from),
        ...(port && { port }),
        before: now(edge.to),
        after: now(replacement.to),
      });
      continue;
    }
    out.push({
      type: 'edge-removed',
      from: now(edge.from),
      ...(port && { port }),
      to: now(edge.to),
    });
  }
  for (const edge of added) {
    if (moved.has(edge)) continue;
    const port = portRef(newNodes.get(edge.from) as JourneyNode, edgePort(edge));
    out.push({
      type: 'edge-added',
      from: now(edge.from),
      ...(port && { port }),
      to: now(edge.to),
    });
  }
}

/**
 * What changed from one version of a journey to the next, as a marketer would say it: steps
 * added, removed or renamed, each setting that changed with its value before and after (in
 * durations, times and options, not file syntax), new shares of a split, connections added,
 * removed or moved, and the journey's own settings. Moving steps on the canvas is one change of
 * its own. The order follows the journey: its settings, then its steps in the new version's
 * order, steps removed, then connections.
 *
 * @example
 * diffJourneys(published, draft).map(describeChange);
 * // ['“Wait 2 days”: Wait for 2 days → 3 days', 'New step “SMS reminder” after “Reminder 1”']
 */
export function diffJourneys(before: Journey, after: Journey): JourneyChange[] {
  const out: JourneyChange[] = [];
  if (before.name !== after.name)
    out.push({ type: 'journey-renamed', before: before.name, after: after.name });
  if ((before.description ?? '') !== (after.description ?? ''))
    out.push({
      type: 'description-changed',
      before: diffValue(before.description || undefined),
      after: diffValue(after.description || undefined),
    });
  const settings = (s: unknown) => (isRecord(s) ? s : {});
  for (const change of fieldChanges(
    journeySettingsSchema,
    settings(before.settings),
    settings(after.settings),
    'Settings',
  ))
    out.push({ type: 'setting-changed', ...change });

  const oldNodes = new Map(before.nodes.map((n) => [n.id, n]));
  const graph = buildGraph(after);
  const kept = new Set(
    after.nodes.filter((n) => oldNodes.get(n.id)?.kind === n.kind).map((n) => n.id),
  );
  let moved = 0;
  for (const node of after.nodes) {
    const old = oldNodes.get(node.id);
    if (old && kept.has(node.id)) {
      nodeChanges(old, node, out);
      if (!sameValue(old.position, node.position)) moved++;
      continue;
    }
    const refs = (ids: readonly string[]) =>
      [...new Set(ids)].flatMap((id) => {
        const n = graph.nodes.get(id);
        return n ? [nodeRef(n)] : [];
      });
    out.push({
      type: 'node-added',
      node: nodeRef(node),
      from: refs((graph.incoming.get(node.id) ?? []).map((e) => e.from)),
      to: refs((graph.outgoing.get(node.id) ?? []).map((e) => e.to)),
    });
  }
  for (const node of before.nodes)
    if (!kept.has(node.id)) out.push({ type: 'node-removed', node: nodeRef(node) });
  edgeChanges(before, after, kept, out);
  if (moved > 0) out.push({ type: 'layout-changed', steps: moved });
  return out;
}
