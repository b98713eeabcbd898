import { describe, expect, it } from 'vitest';
import { serializeJourney } from '../../core/model/journey-file';
import type { Journey } from '../../core/model/journey';
import { flowToJourney, journeyToFlow } from '../../renderer/canvas/flow-mapping';
import { fixtureFiles, loadJourney } from '../core/fixtures';

describe('journey ⇄ flow mapping', () => {
  it.each(fixtureFiles('journeys'))('round-trips %s unchanged', (file) => {
    const journey = loadJourney(file);
    const flow = journeyToFlow(journey);
    const back = flowToJourney(journey, flow.nodes, flow.edges);
    expect(back).toEqual(journey);
    expect(serializeJourney(back)).toBe(serializeJourney(journey));
    // Nothing changed, so nothing was copied.
    expect(back).toBe(journey);
  });

  it('draws every node and edge, with ports as handles', () => {
    const journey = loadJourney('abandoned-cart.json');
    const flow = journeyToFlow(journey);
    expect(flow.nodes.map((n) => n.id)).toEqual(journey.nodes.map((n) => n.id));
    const branch = flow.edges.find((e) => e.source === 'bought');
    expect(branch).toMatchObject({ sourceHandle: 'no', target: 'mail1' });
    expect(flow.edges.find((e) => e.source === 'start')?.sourceHandle).toBe('next');
  });

  it('keeps positions from the file and keeps unplaced nodes unplaced until moved', () => {
    const journey = loadJourney('forward-compatible.json');
    const flow = journeyToFlow(journey);
    expect(flow.nodes.find((n) => n.id === 'start')?.position).toEqual({ x: 10, y: 20 });
    const score = flow.nodes.find((n) => n.id === 'score');
    expect(score?.data.autoPosition).toBeDefined();

    const moved = flow.nodes.map((n) =>
      n.id === 'score'
        ? { ...n, position: { x: 300, y: 400 } }
        : n.id === 'start'
          ? { ...n, position: { x: 0, y: 0 } }
          : n,
    );
    const back = flowToJourney(journey, moved, flow.edges);
    expect(back.nodes.find((n) => n.id === 'score')?.position).toEqual({ x: 300, y: 400 });
    // Keys a newer build wrote inside position survive a move.
    expect(back.nodes.find((n) => n.id === 'start')?.position).toEqual({ x: 0, y: 0, layer: 2 });
    expect(back.nodes.find((n) => n.id === 'hot')?.position).toBeUndefined();
  });

  it('keeps unknown keys on the journey, nodes, configs and edges', () => {
    const journey = loadJourney('forward-compatible.json');
    const flow = journeyToFlow(journey);
    const rewired = flow.edges.map((e) => (e.source === 'hot' ? { ...e, target: 'loop-wait' } : e));
    const back = flowToJourney(journey, flow.nodes, rewired) as Journey & Record<string, unknown>;
    expect(back['x-exported-by']).toBe('a future build');
    expect(back.nodes[0]).toMatchObject({ 'x-color': 'teal', config: { 'x-sampling': 0.5 } });
    expect(back.edges[0]).toMatchObject({ 'x-note': 'entry' });
    expect(back.edges.find((e) => e.from === 'hot')).toEqual({
      from: 'hot',
      port: 'no',
      to: 'loop-wait',
    });
  });

  it('leaves out the port of a new edge through "next"', () => {
    const journey = loadJourney('welcome-series.json');
    const flow = journeyToFlow(journey);
    const [first] = journey.nodes;
    const last = journey.nodes[journey.nodes.length - 1];
    const extra = {
      id: 'new',
      source: first!.id,
      sourceHandle: 'next',
      target: last!.id,
    };
    const back = flowToJourney(journey, flow.nodes, [...flow.edges, extra]);
    expect(back.edges[back.edges.length - 1]).toEqual({ from: first!.id, to: last!.id });
  });

  it('reuses unchanged node objects when a journey changes', () => {
    const journey = loadJourney('abandoned-cart.json');
    const before = journeyToFlow(journey);
    const edited: Journey = {
      ...journey,
      nodes: journey.nodes.map((n) =>
        n.id === 'wait1' ? { ...n, config: { mode: 'duration', duration: 'PT2H' } } : n,
      ),
    };
    const after = journeyToFlow(edited, { previous: before });
    for (const [i, node] of after.nodes.entries()) {
      if (node.id === 'wait1') expect(node).not.toBe(before.nodes[i]);
      else expect(node).toBe(before.nodes[i]);
    }
    expect(after.edges).toEqual(before.edges);
  });

  it('gives repeated connections distinct ids', () => {
    const journey = loadJourney('abandoned-cart.json');
    const doubled = { ...journey, edges: [...journey.edges, journey.edges[0]!] };
    const ids = journeyToFlow(doubled).edges.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
