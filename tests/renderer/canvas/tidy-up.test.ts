import { describe, expect, it } from 'vitest';
import { backEdgePath, backLaneX } from '../../../renderer/canvas/back-edge';
import type { Journey } from '../../../core/model/journey';
import { createAppStore } from '../../../renderer/store/app-store';
import { STARTERS } from '../../../core/templates/starters';
import { forwardRoute } from '../../../renderer/canvas/edge-route';
import { edge, journey, node } from '../../core/build';
import { fakeApi } from '../fake-api';
import { drawnLines, grownJourney, lineCardOverlaps, tidiedCards } from './layout-lines';

const WAIT = { mode: 'duration', duration: 'PT1H' };
const IF_VIP = { attribute: 'vip', op: 'eq', value: true };

function tidied(j: Journey) {
  const store = createAppStore(fakeApi([j]));
  store.getState().loadJourney(j, 1);
  store.getState().tidyUp();
  const at = (id: string) => {
    const position = store.getState().journey?.nodes.find((n) => n.id === id)?.position;
    if (!position) throw new Error(`${id} has no position`);
    return position;
  };
  return at;
}

/** Two straight segments, from the parent's exit to each child, cross. */
function cross(a: [number, number, number, number], b: [number, number, number, number]) {
  const side = (x1: number, y1: number, x2: number, y2: number, px: number, py: number) =>
    Math.sign((x2 - x1) * (py - y1) - (y2 - y1) * (px - x1));
  return (
    side(a[0], a[1], a[2], a[3], b[0], b[1]) * side(a[0], a[1], a[2], a[3], b[2], b[3]) < 0 &&
    side(b[0], b[1], b[2], b[3], a[0], a[1]) * side(b[0], b[1], b[2], b[3], a[2], a[3]) < 0
  );
}

describe('tidy up', () => {
  it('puts Yes left of No, also where the layout would have swapped them', () => {
    // The No branch is also reached from a step on the left: left to itself, dagre puts it there.
    const at = tidied(
      journey(
        [
          node('start', 'trigger', { on: 'event', event: 'cart' }),
          node('first', 'wait', WAIT),
          node('check', 'condition', IF_VIP),
          node('yes-step', 'wait', WAIT),
          node('no-step', 'wait', WAIT),
          node('again', 'condition', IF_VIP),
          node('yes-2', 'exit'),
          node('no-2', 'exit'),
        ],
        [
          edge('start', 'first'),
          edge('first', 'check'),
          edge('check', 'no-step', 'no'),
          edge('check', 'yes-step', 'yes'),
          edge('yes-step', 'again'),
          edge('again', 'no-2', 'no'),
          edge('again', 'yes-2', 'yes'),
          edge('no-step', 'no-2'),
        ],
      ),
    );
    expect(at('yes-step').x).toBeLessThan(at('no-step').x);
    expect(at('yes-2').x).toBeLessThan(at('no-2').x);
    expect(at('check').y).toBeLessThan(at('yes-step').y);
  });

  it('lays a Yes/No diamond out without crossing lines', () => {
    const at = tidied(
      journey(
        [
          node('start', 'trigger', { on: 'event', event: 'cart' }),
          node('check', 'condition', IF_VIP),
          node('yes-step', 'wait', WAIT),
          node('no-step', 'wait', WAIT),
          node('after', 'exit'),
        ],
        [
          edge('start', 'check'),
          edge('check', 'no-step', 'no'),
          edge('check', 'yes-step', 'yes'),
          edge('no-step', 'after'),
          edge('yes-step', 'after'),
        ],
      ),
    );
    const centre = (id: string): [number, number] => [at(id).x + 124, at(id).y];
    expect(at('yes-step').x).toBeLessThan(at('no-step').x);
    expect(
      cross(
        [...centre('check'), ...centre('yes-step')],
        [...centre('check'), ...centre('no-step')],
      ),
    ).toBe(false);
    expect(
      cross(
        [...centre('yes-step'), ...centre('after')],
        [...centre('no-step'), ...centre('after')],
      ),
    ).toBe(false);
  });

  it('keeps A/B variants in their order, left to right, with no overlap', () => {
    const at = tidied(
      journey(
        [
          node('start', 'trigger', { on: 'event', event: 'cart' }),
          node('ab', 'split', {
            variants: [
              { key: 'A', weight: 40 },
              { key: 'B', weight: 40 },
              { key: 'control', weight: 20 },
            ],
          }),
          node('a', 'wait', WAIT),
          node('b', 'wait', WAIT),
          node('c', 'exit'),
          node('merge', 'exit'),
          node('b2', 'wait', WAIT),
        ],
        [
          edge('start', 'ab'),
          edge('ab', 'c', 'control'),
          edge('ab', 'b', 'B'),
          edge('ab', 'a', 'A'),
          edge('a', 'merge'),
          edge('c', 'b2'),
          edge('b', 'merge'),
        ],
      ),
    );
    expect(at('a').x).toBeLessThan(at('b').x);
    expect(at('b').x).toBeLessThan(at('c').x);
    expect(at('b').x - at('a').x).toBeGreaterThanOrEqual(248);
    expect(at('c').x - at('b').x).toBeGreaterThanOrEqual(248);
  });
});

describe('lines down the journey, after tidy up', () => {
  // Yes goes straight to the shared step; No reaches it after two steps of its own.
  const joined = journey(
    [
      node('start', 'trigger', { on: 'event', event: 'order' }),
      node('check', 'condition', IF_VIP),
      node('no-1', 'condition', IF_VIP),
      node('no-2', 'wait', WAIT),
      node('no-3', 'wait', WAIT),
      node('shared', 'wait', WAIT),
      node('after', 'exit'),
    ],
    [
      edge('start', 'check'),
      edge('check', 'shared', 'yes'),
      edge('check', 'no-1', 'no'),
      edge('no-1', 'no-2', 'yes'),
      edge('no-2', 'no-3'),
      edge('no-3', 'shared'),
      edge('shared', 'after'),
    ],
  );

  it('draws a Yes line that skips steps to a shared step round them, not through them', () => {
    const cards = tidiedCards(joined);
    // Turning halfway, as every line did, the Yes line ran through the steps of the No side.
    expect(lineCardOverlaps(drawnLines(joined, cards, false), cards)).not.toEqual([]);
    expect(lineCardOverlaps(drawnLines(joined, cards, true), cards)).toEqual([]);
    expect(cards.get('check')?.y).toBeLessThan(cards.get('shared')?.y ?? 0);
  });

  it.each([
    ...STARTERS.map((s) => s.journey),
    ...[1, 2, 3, 4, 5, 6, 7, 8].map((seed) => grownJourney(seed, 16)),
  ])('passes through no step in $id', (j) => {
    const cards = tidiedCards(j);
    expect(lineCardOverlaps(drawnLines(j, cards, true), cards)).toEqual([]);
  });

  it('keeps the plain shape, turning halfway, where nothing is in its way', () => {
    const card = { x: 400, y: 100, width: 248, height: 90 };
    expect(forwardRoute({ x: 124, y: 90 }, { x: 124, y: 400 }, [card])).toBeUndefined();
    const round = forwardRoute({ x: 124, y: 90 }, { x: 124, y: 400 }, [{ ...card, x: 0 }]);
    expect(round?.[0]).toEqual({ x: 124, y: 90 });
    expect(round?.[round.length - 1]).toEqual({ x: 124, y: 400 });
  });
});

describe('a connection back up the journey', () => {
  it('runs in a lane right of the steps it passes, not through them', () => {
    const cards = [
      { x: 0, y: 0, width: 248, height: 90 },
      { x: -40, y: 150, width: 400, height: 90 },
      { x: 0, y: 300, width: 248, height: 90 },
      { x: 900, y: 900, width: 248, height: 90 },
    ];
    const source = { x: 124, y: 390 };
    const target = { x: 124, y: 0 };
    const lane = backLaneX(source, target, cards);
    expect(lane).toBeGreaterThan(360);
    expect(lane).toBeLessThan(900);
    const [path, labelX] = backEdgePath(source, target, lane);
    expect(labelX).toBe(lane);
    const xs = [...path.matchAll(/[LMQ] ([-\d.]+) ([-\d.]+)/g)].map((m) => Number(m[1]));
    // It leaves the exit and enters the entry straight, and its vertical run is in the lane.
    expect(path.startsWith('M 124 390')).toBe(true);
    expect(path.endsWith('L 124 0')).toBe(true);
    expect(Math.max(...xs)).toBe(lane);
  });
});
