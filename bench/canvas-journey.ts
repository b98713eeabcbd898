import type { Journey, JourneyEdge, JourneyNode } from '../core/model/journey';
import { layoutPositions } from '../renderer/canvas/auto-layout';

/**
 * A realistic large journey: a trigger, a ten-way split, and on each branch a chain of
 * wait → condition → (yes: message, then the next wait; no: update → exit) blocks.
 */
export function bigJourney(size: number): Journey {
  const nodes: JourneyNode[] = [
    { id: 'start', kind: 'trigger', config: { on: 'event', event: 'cart' } },
    {
      id: 'ab',
      kind: 'split',
      config: {
        variants: Array.from({ length: 10 }, (_, i) => ({ key: `V${i + 1}`, weight: 10 })),
      },
    },
  ];
  const edges: JourneyEdge[] = [{ from: 'start', to: 'ab' }];
  const tails = Array.from({ length: 10 }, (_, i) => ({ from: 'ab', port: `V${i + 1}` }));
  let n = 0;
  while (nodes.length + 5 <= size) {
    const branch = n % 10;
    const tail = tails[branch]!;
    const id = (kind: string) => `${kind}-${n}`;
    nodes.push(
      { id: id('wait'), kind: 'wait', config: { mode: 'duration', duration: 'P1D' } },
      {
        id: id('check'),
        kind: 'condition',
        config: { event: 'purchase', op: 'performed', since: 'entry' },
      },
      {
        id: id('mail'),
        kind: 'message',
        config: {
          channel: 'email',
          from: 'shop@example.com',
          subject: `Reminder ${n}: {{ profile.first_name | default: 'there' }}`,
          html: '<p>Your cart is waiting.</p><p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>',
        },
      },
      { id: id('tag'), kind: 'update', config: { set: { bought: true } } },
      { id: id('done'), kind: 'exit', config: {} },
    );
    edges.push(
      { ...tail, to: id('wait') },
      { from: id('wait'), to: id('check') },
      { from: id('check'), port: 'no', to: id('mail') },
      { from: id('check'), port: 'yes', to: id('tag') },
      { from: id('tag'), to: id('done') },
    );
    tails[branch] = { from: id('mail'), port: 'next' };
    n++;
  }
  // Whatever is left over ends a branch.
  for (let branch = 0; nodes.length < size; branch++) {
    const id = `end-${branch}`;
    nodes.push({ id, kind: 'exit', config: {} });
    edges.push({ ...tails[branch]!, to: id });
  }
  const positions = layoutPositions(
    nodes.map((node) => ({ id: node.id })),
    edges,
  );
  return {
    format: 'journey-studio/journey',
    version: 1,
    id: 'bench-500',
    name: 'Benchmark: 500 steps',
    settings: {
      goal: { event: 'purchase', exit: true },
      quietHours: { start: '21:00', end: '08:00' },
      frequencyCap: { max: 2, per: 'P1D' },
    },
    nodes: nodes.map((node) => ({ ...node, position: positions.get(node.id)! })),
    edges: edges.map((e) => (e.port === 'next' ? { from: e.from, to: e.to } : e)),
  };
}
