import { describe, expect, it } from 'vitest';
import { edge, journey, node } from '../../build';
import { calm, found, mail, trigger, where } from './helpers';

const split = (weights: number[]) =>
  node('ab', 'split', {
    variants: weights.map((weight, i) => ({ key: ['A', 'B', 'control'][i], weight })),
  });

const test = (weights: number[], goal = true) =>
  journey(
    [trigger(), split(weights), mail('a'), mail('b')],
    [edge('start', 'ab'), edge('ab', 'a', 'A'), edge('ab', 'b', 'B')],
    { ...calm, ...(goal && { goal: { event: 'purchase' } }) },
  );

describe('split-without-goal', () => {
  it('warns about a split in a journey without a goal', () => {
    const [issue] = found('split-without-goal', test([50, 50], false));
    expect(issue?.nodeId).toBe('ab');
    expect(issue?.message).toMatch(/Split "ab" divides profiles, but the journey has no goal/);
  });

  it('is satisfied by a goal', () => {
    expect(where('split-without-goal', test([50, 50]))).toEqual([]);
  });
});

describe('split-weights-not-100', () => {
  it('warns when the weights add up to something else, with the shares they give', () => {
    const [issue] = found('split-weights-not-100', test([45, 45, 20]));
    expect(issue?.nodeId).toBe('ab');
    expect(issue?.message).toBe(
      'The weights of split "ab" add up to 110, not 100, so the shares are not what they read: A 40.9%, B 40.9%, control 18.2%. Make them add up to 100.',
    );
    expect(where('split-weights-not-100', test([1, 1]))).toEqual(['ab']);
  });

  it('is satisfied by weights adding up to 100, fractions included', () => {
    expect(where('split-weights-not-100', test([45, 45, 10]))).toEqual([]);
    expect(where('split-weights-not-100', test([33.3, 33.3, 33.4]))).toEqual([]);
  });
});
