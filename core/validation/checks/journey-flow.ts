import type { CheckedJourney, CheckedNode } from './checked-journey';

/**
 * A fact that travels with a profile through the journey ("no purchase since entry", "the local
 * time is between 09:00 and 10:00"), computed for every node over all the paths that reach it.
 */
export interface Flow<S> {
  /** The fact on arrival at the trigger. */
  readonly start: S;
  /** The fact on leaving `node` through `port`, given the fact on arrival. */
  through(node: CheckedNode | undefined, nodeId: string, port: string, arrival: S): S;
  /** The fact on arrival at a node reached by two paths. */
  join(a: S, b: S): S;
  same(a: S, b: S): boolean;
  /**
   * Where a loop keeps changing the fact, the fact that holds however often it is repeated
   * (e.g. "any time of day", "unboundedly many"). Called after a node's fact changed many times.
   */
  settle(fact: S): S;
}

/** Changes at one node before `settle` is applied: loops converge well before this. */
const SETTLE_AFTER = 32;

/**
 * The fact on arrival at each reachable node: a forward pass over every path from the trigger,
 * loops included, until nothing changes. Nodes without a valid config let facts pass unchanged.
 */
export function arrivalFacts<S>(journey: CheckedJourney, flow: Flow<S>): Map<string, S> {
  const facts = new Map<string, S>();
  const trigger = journey.trigger?.id;
  if (trigger === undefined) return facts;
  const { graph } = journey;
  const changes = new Map<string, number>();
  facts.set(trigger, flow.start);
  const queue = [trigger];
  const queued = new Set(queue);
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    queued.delete(id);
    const arrival = facts.get(id) as S;
    const node = journey.nodes.get(id);
    for (const port of graph.ports(id)) {
      const to = graph.target(id, port.id);
      if (to === undefined || !graph.nodes.has(to)) continue;
      const out = flow.through(node, id, port.id, arrival);
      const before = facts.get(to);
      let next = before === undefined ? out : flow.join(before, out);
      if (before !== undefined && flow.same(before, next)) continue;
      const count = (changes.get(to) ?? 0) + 1;
      changes.set(to, count);
      if (count > SETTLE_AFTER) next = flow.settle(next);
      if (before !== undefined && flow.same(before, next)) continue;
      facts.set(to, next);
      if (!queued.has(to)) {
        queued.add(to);
        queue.push(to);
      }
    }
  }
  return facts;
}
