import type { Journey, JourneyEdge, JourneyNode } from '../../core/model/journey';
import type { PortSpec } from '../../core/nodes/node-definition';
import { isEntryKind } from '../../core/nodes/registry';
import { nodePorts, portRow } from '../nodes/card-shape';

/** A step, shown once: where the walk first reaches it. `via` is the connection that led there. */
export interface OutlineStep {
  type: 'step';
  key: string;
  node: JourneyNode;
  via?: JourneyEdge;
  children: OutlineItem[];
}

/** One exit of a branching step (Yes, No, a variant…), with the steps that follow it. */
export interface OutlineExit {
  type: 'exit';
  key: string;
  node: JourneyNode;
  port: PortSpec;
  children: OutlineItem[];
}

/** A connection to a step already shown elsewhere (a merge, or a loop back): not followed again. */
export interface OutlineLink {
  type: 'link';
  key: string;
  node: JourneyNode;
  via: JourneyEdge;
  children: readonly [];
}

/** The steps no trigger leads to. */
export interface OutlineUnconnected {
  type: 'unconnected';
  key: string;
  /** How many steps it holds, however deep. */
  count: number;
  children: OutlineItem[];
}

export type OutlineItem = OutlineStep | OutlineExit | OutlineLink | OutlineUnconnected;

export const UNCONNECTED_KEY = 'unconnected';

export const stepKey = (id: string): string => `step:${id}`;

const portOf = (edge: JourneyEdge): string => edge.port ?? 'next';

/**
 * The journey as an indented tree, from each trigger in the order of the file. A trigger holds
 * the steps that follow it; a step with one plain exit is followed by its next step on the same
 * level; a step with labelled exits (a condition's Yes and No, a split's variants in order, a
 * wait's Event and Timeout) holds one group per exit, in the order its card shows them. A step
 * reached a second time is a link, never walked again, so a loop ends. Steps no trigger reaches
 * close the tree under "Not connected", each chain from the step nothing leads into.
 */
export function outlineTree(journey: Journey): OutlineItem[] {
  const byId = new Map(journey.nodes.map((n) => [n.id, n]));
  const leaving = new Map<string, JourneyEdge[]>();
  for (const edge of journey.edges) {
    if (!byId.has(edge.to)) continue;
    leaving.set(edge.from, [...(leaving.get(edge.from) ?? []), edge]);
  }
  const seen = new Set<string>();

  /** What follows one exit: each connection's chain, one after the other. */
  const after = (node: JourneyNode, port: string): OutlineItem[] =>
    (leaving.get(node.id) ?? [])
      .filter((e) => portOf(e) === port)
      .flatMap((e) => chain(byId.get(e.to) as JourneyNode, e));

  /** The exits of a step as groups, or the chain after its one plain exit. */
  const exits = (node: JourneyNode): OutlineItem[] => {
    const ports = nodePorts(node);
    if (portRow(ports) === 'plain') return after(node, 'next');
    return ports.map((port) => ({
      type: 'exit',
      key: `exit:${node.id}:${port.id}`,
      node,
      port,
      children: after(node, port.id),
    }));
  };

  /** A step and the steps after it on the same level, until a branch, an end or a step seen. */
  function chain(first: JourneyNode, via: JourneyEdge): OutlineItem[] {
    const items: OutlineItem[] = [];
    let node: JourneyNode | undefined = first;
    let edge = via;
    while (node) {
      if (seen.has(node.id)) {
        items.push({
          type: 'link',
          key: `link:${edge.from}:${portOf(edge)}:${node.id}`,
          node,
          via: edge,
          children: [],
        });
        return items;
      }
      seen.add(node.id);
      const step: OutlineStep = {
        type: 'step',
        key: stepKey(node.id),
        node,
        via: edge,
        children: [],
      };
      items.push(step);
      const next = (leaving.get(node.id) ?? []).filter((e) => portOf(e) === 'next');
      const onward = next[0];
      if (portRow(nodePorts(node)) === 'plain' && next.length === 1 && onward) {
        edge = onward;
        node = byId.get(onward.to);
        continue;
      }
      step.children = exits(node);
      return items;
    }
    return items;
  }

  /** A step that starts a tree of its own: what follows it is held beneath it. */
  const root = (node: JourneyNode): OutlineStep => {
    seen.add(node.id);
    return { type: 'step', key: stepKey(node.id), node, children: exits(node) };
  };

  const tree: OutlineItem[] = journey.nodes.filter((n) => isEntryKind(n.kind)).map(root);
  const entered = new Set(journey.edges.filter((e) => byId.has(e.from)).map((e) => e.to));
  const heads = journey.nodes.filter((n) => !entered.has(n.id));
  const loose: OutlineItem[] = [];
  const before = seen.size;
  // Chains from the steps nothing leads into first; then whatever is left, which is a loop.
  for (const node of [...heads, ...journey.nodes]) {
    if (!seen.has(node.id)) loose.push(root(node));
  }
  if (loose.length > 0) {
    const count = seen.size - before;
    tree.push({ type: 'unconnected', key: UNCONNECTED_KEY, count, children: loose });
  }
  return tree;
}

/** A row of the tree as shown: its item, how deep, and its place among its siblings. */
export interface OutlineRow {
  item: OutlineItem;
  level: number;
  parent?: string;
  position: number;
  siblings: number;
}

/** The rows a reader can reach, in order: closed items hide what they hold. */
export function visibleRows(
  items: readonly OutlineItem[],
  closed: ReadonlySet<string>,
  level = 1,
  parent?: string,
  into: OutlineRow[] = [],
): OutlineRow[] {
  items.forEach((item, i) => {
    into.push({ item, level, parent, position: i + 1, siblings: items.length });
    if (item.children.length > 0 && !closed.has(item.key))
      visibleRows(item.children, closed, level + 1, item.key, into);
  });
  return into;
}

/** Each item's key to the key of the item holding it. */
export function parentKeys(
  items: readonly OutlineItem[],
  into = new Map<string, string>(),
): Map<string, string> {
  for (const item of items) {
    for (const child of item.children) into.set(child.key, item.key);
    parentKeys(item.children, into);
  }
  return into;
}

/** The step a row is about: its own, an exit's, or the one a link goes to. */
export function rowStep(item: OutlineItem): JourneyNode | undefined {
  return item.type === 'unconnected' ? undefined : item.node;
}
