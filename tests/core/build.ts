import type { Journey, JourneyEdge, JourneyNode, JourneySettings } from '../../core/model/journey';

/** A node for a test journey: `node('w', 'wait', { mode: 'duration', duration: 'PT1H' })`. */
export function node(id: string, kind: string, config: Record<string, unknown> = {}): JourneyNode {
  return { id, kind, config };
}

/** An edge for a test journey: `edge('a', 'b')` or `edge('c', 'b', 'yes')`. */
export function edge(from: string, to: string, port?: string): JourneyEdge {
  return port === undefined ? { from, to } : { from, port, to };
}

export function journey(
  nodes: JourneyNode[],
  edges: JourneyEdge[],
  settings: JourneySettings = {},
  id = 'test-journey',
): Journey {
  return {
    format: 'journey-studio/journey',
    version: 1,
    id,
    name: 'Test journey',
    settings,
    nodes,
    edges,
  };
}

/** Edges that chain nodes one after the other through `next`. */
export function chain(...ids: string[]): JourneyEdge[] {
  return ids.slice(1).map((to, i) => edge(ids[i] as string, to));
}
