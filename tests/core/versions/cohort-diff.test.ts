import { describe, expect, it } from 'vitest';
import type { JourneyEvent } from '../../../core/model/event';
import type { Journey } from '../../../core/model/journey';
import { makeProfile } from '../../../core/model/profile';
import { cohortDiff } from '../../../core/versions/cohort-diff';
import type { Assumption } from '../../../core/forecast/assumptions';

const T0 = Date.parse('2025-03-03T08:00:00Z');
const HOUR = 3_600_000;

/** Cart → wait 1 h → reminder; `second` adds a second reminder a day later. */
function cart(
  options: { second?: boolean; loop?: boolean; expect?: Record<string, number> } = {},
): Journey {
  const mail = (id: string, subject: string) => ({
    id,
    kind: 'message',
    config: {
      channel: 'email',
      from: 'Shop <hello@example.com>',
      subject,
      html: '<p>Hi <a href="{{ unsubscribe_url }}">Unsubscribe</a> Shop, Street 1, Stockholm</p>',
      ...(options.expect && { expect: options.expect }),
    },
  });
  const nodes: unknown[] = [
    { id: 'carted', kind: 'trigger', config: { on: 'event', event: 'cart' } },
    { id: 'wait', kind: 'wait', config: { mode: 'duration', duration: 'PT1H' } },
    mail('first', 'Your cart'),
  ];
  const edges = [
    { from: 'carted', to: 'wait' },
    { from: 'wait', to: 'first' },
  ];
  if (options.second) {
    nodes.push({ id: 'day', kind: 'wait', config: { mode: 'duration', duration: 'P1D' } });
    nodes.push(mail('second', options.loop ? 'Your cart' : 'Still thinking?'));
    edges.push({ from: 'first', to: 'day' }, { from: 'day', to: 'second' });
  }
  return {
    format: 'journey-studio/journey',
    version: 1,
    id: 'cart',
    name: 'Cart',
    settings: { reentry: 'never', timezone: 'UTC', goal: { event: 'purchase', exit: true } },
    nodes,
    edges,
  } as unknown as Journey;
}

const profiles = ['ann', 'bo', 'cy'].map((id) => makeProfile(id, { email: `${id}@example.com` }));
const events: JourneyEvent[] = [
  { profileId: 'ann', name: 'cart', time: T0, properties: {} },
  { profileId: 'bo', name: 'cart', time: T0 + HOUR, properties: {} },
  // Cy buys before the second reminder: she waits for it, then leaves with the one message.
  { profileId: 'cy', name: 'cart', time: T0, properties: {} },
  { profileId: 'cy', name: 'purchase', time: T0 + 2 * HOUR, properties: {} },
];
const window = { start: T0, end: T0 + 3 * 24 * HOUR };

describe('cohortDiff', () => {
  it('finds the people whose path changes and the message added', () => {
    const diff = cohortDiff({
      before: cart(),
      after: cart({ second: true }),
      profiles,
      events,
      ...window,
    });
    expect(diff.compared).toBe(3);
    expect(diff.changed.count).toBe(3);
    expect(diff.changed.listed.map((p) => p.profileId)).toEqual(['ann', 'bo', 'cy']);
    const cy = diff.changed.listed[2];
    expect(cy?.after.path).toEqual(['carted', 'wait', 'first', 'day']);
    expect(cy?.after.messages).toEqual(cy?.before.messages);
    const ann = diff.changed.listed[0];
    expect(ann?.before.path).toEqual(['carted', 'wait', 'first']);
    expect(ann?.after.path).toEqual(['carted', 'wait', 'first', 'day', 'second']);
    expect(ann?.after.messages).toEqual(['Your cart', 'Still thinking?']);
    expect(diff.messages.added).toEqual([
      { nodeId: 'second', title: 'second', before: 0, after: 2 },
    ]);
    expect(diff.messages.removed).toEqual([]);
    expect(diff.twice).toEqual({ before: 0, after: 0, listed: [] });
  });

  it('finds the message removed when the versions are the other way round', () => {
    const diff = cohortDiff({
      before: cart({ second: true }),
      after: cart(),
      profiles,
      events,
      ...window,
    });
    expect(diff.messages.removed).toEqual([
      { nodeId: 'second', title: 'second', before: 2, after: 0 },
    ]);
    expect(diff.messages.added).toEqual([]);
  });

  it('names the people who would get the same message twice', () => {
    const diff = cohortDiff({
      before: cart(),
      after: cart({ second: true, loop: true }),
      profiles,
      events,
      ...window,
    });
    expect(diff.twice.before).toBe(0);
    expect(diff.twice.after).toBe(2);
    expect(diff.twice.listed).toEqual([
      { profileId: 'ann', message: 'Your cart' },
      { profileId: 'bo', message: 'Your cart' },
    ]);
  });

  it('says nothing changed for the same version', () => {
    const diff = cohortDiff({ before: cart(), after: cart(), profiles, events, ...window });
    expect(diff.changed.count).toBe(0);
    expect(diff.conversions.change).toEqual({ mean: 0, p10: 0, p50: 0, p90: 0 });
  });

  it('gives conversions and unsubscribes before and after over the runs, with ranges only when there are enough', () => {
    const assumptions = (j: Journey): Assumption[] =>
      j.nodes
        .filter((n) => n.kind === 'message')
        .flatMap((n) => [
          {
            node: n.id,
            outcome: 'convert' as const,
            rate: 0.3,
            within: 'P1D',
            source: 'node' as const,
          },
          {
            node: n.id,
            outcome: 'unsubscribe' as const,
            rate: 0.1,
            within: 'P1D',
            source: 'node' as const,
          },
        ]);
    const many = Array.from({ length: 60 }, (_, i) =>
      makeProfile(`p${i}`, { email: `p${i}@example.com` }),
    );
    const carts = many.map((p, i) => ({
      profileId: p.id,
      name: 'cart',
      time: T0 + i * 60_000,
      properties: {},
    }));
    const input = {
      before: cart(),
      after: cart({ second: true }),
      profiles: many,
      events: carts,
      ...window,
      seed: 3,
      assumptions,
    };
    const few = cohortDiff({ ...input, runs: 10 });
    expect(few.tooFewToTell).toBe(true);
    expect(few.conversions.interval95).toBeNull();
    const enough = cohortDiff({ ...input, runs: 40 });
    expect(enough.tooFewToTell).toBe(false);
    expect(enough.conversions.interval95).not.toBeNull();
    // A second reminder can only add conversions and unsubscribes: the same draws, one more message.
    expect(enough.conversions.after.p50).toBeGreaterThan(enough.conversions.before.p50);
    expect(enough.unsubscribes.after.p50).toBeGreaterThan(enough.unsubscribes.before.p50);
    expect(enough.conversions.change.p10).toBeGreaterThanOrEqual(0);
    // Same seed, same inputs: the same comparison.
    expect(cohortDiff({ ...input, runs: 40 })).toEqual(enough);
  });
});
