import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Profile, ProfileChange } from '../../../core/model/profile';
import { applyProfileChange } from '../../../core/model/profile';
import { compileJourney } from '../../../core/runtime/compiled-journey';
import { splitBucket } from '../../../core/runtime/hash';
import { NodeContext } from '../../../core/runtime/node-context';
import type { Enrollment } from '../../../core/runtime/ports';
import { ProfileAccess } from '../../../core/runtime/profile-access';
import type { StepEffects } from '../../../core/runtime/step-effects';
import type { MessageDraft, StepContext } from '../../../core/runtime/step';
import { MemoryStore } from '../../../core/simulator/memory-store';
import { defineNode } from '../../../core/nodes/node-definition';
import { chain, journey, node } from '../build';

const T = Date.parse('2026-05-01T10:00:00Z');

const compiled = compileJourney(
  journey(
    [node('start', 'trigger', { on: 'event', event: 'cart' }), node('x', 'exit')],
    chain('start', 'x'),
    { timezone: 'Europe/Oslo' },
  ),
);

function enrollment(profileId: string): Enrollment {
  return {
    id: `test-journey:${profileId}:1`,
    journeyId: 'test-journey',
    version: 1,
    profileId,
    entry: 1,
    enteredAt: T,
    via: 'event',
    trigger: { name: 'cart', seq: 1, properties: { brand: 'samsung' } },
    status: 'active',
    nodeId: 'x',
    visits: 1,
  };
}

/** Effects as a list of what was asked, so a step's writes can be read back. */
function recordingEffects() {
  const calls: unknown[][] = [];
  const effects: StepEffects = {
    send: (j, e, nodeId, message, now) =>
      void calls.push(['send', j.id, e.id, nodeId, message.to, now]),
    skip: (e, nodeId, reason, detail, now) =>
      void calls.push(['skip', e.id, nodeId, reason, detail, now]),
    updateProfile: (e, nodeId, change, now) => {
      calls.push(['update', e.id, nodeId, change, now]);
      return applyProfileChange({ id: e.profileId, attributes: { id: e.profileId } }, change);
    },
    assignVariant: (e, nodeId, key, now) => void calls.push(['variant', e.id, nodeId, key, now]),
    winner: (test, now) => void calls.push(['winner', test.journeyId, test.nodeId, now]),
  };
  return { calls, effects };
}

/** A node kind whose step is the test's function, to look at the context a node gets. */
function probe(step: (ctx: StepContext<unknown>) => void) {
  return defineNode({
    kind: 'probe',
    label: 'Probe',
    category: 'action',
    description: 'Looks at its context.',
    schema: z.unknown(),
    configKeys: [],
    defaults: () => ({}),
    ports: () => [],
    check: () => [],
    summary: () => 'Probe',
    step(ctx) {
      step(ctx);
      return { type: 'exit' };
    },
  });
}

function setUp(seed = 0) {
  const store = new MemoryStore();
  const profiles = new ProfileAccess(store);
  const { calls, effects } = recordingEffects();
  const context = new NodeContext(effects, {
    store,
    profiles,
    seed,
    unsubscribeUrl: (journeyId, profileId, channel) => `u/${journeyId}/${profileId}/${channel}`,
  });
  return { store, profiles, calls, context };
}

const profile = (id: string, attributes: Record<string, unknown> = {}): Profile => ({
  id,
  attributes: { id, ...attributes },
});

describe('node context', () => {
  it('shows a node its config, the instant, the trigger and the profile’s zone', () => {
    const { context } = setUp();
    const seen: unknown[] = [];
    const definition = probe((ctx) =>
      seen.push(ctx.config, ctx.nodeId, ctx.now, ctx.zone, ctx.triggerProperties, ctx.journey.name),
    );
    context.run(definition, compiled, enrollment('p'), profile('p'), { a: 1 }, 'x', T, undefined);
    context.run(
      definition,
      compiled,
      enrollment('q'),
      profile('q', { timezone: 'America/New_York' }),
      { a: 2 },
      'x',
      T + 1,
      'quiet_hours',
    );
    expect(seen).toEqual([
      { a: 1 },
      'x',
      T,
      'Europe/Oslo',
      { brand: 'samsung' },
      'Test journey',
      { a: 2 },
      'x',
      T + 1,
      'America/New_York',
      { brand: 'samsung' },
      'Test journey',
    ]);
  });

  it('writes every effect through its effects, with the enrollment, node and instant', () => {
    const { context, calls } = setUp();
    const message: MessageDraft = {
      channel: 'sms',
      to: '+4612345',
      content: { channel: 'sms', text: 'Hi' },
    };
    const change: ProfileChange = { set: { tier: 'gold' } };
    let after: Profile | undefined;
    const definition = probe((ctx) => {
      ctx.send(message);
      ctx.skip('capped', 'over the cap');
      ctx.updateProfile(change);
      after = ctx.profile;
      ctx.assignVariant('b');
    });
    context.run(definition, compiled, enrollment('p'), profile('p'), {}, 'x', T, undefined);
    expect(calls).toEqual([
      ['send', 'test-journey', 'test-journey:p:1', 'x', '+4612345', T],
      ['skip', 'test-journey:p:1', 'x', 'capped', 'over the cap', T],
      ['update', 'test-journey:p:1', 'x', change, T],
      ['variant', 'test-journey:p:1', 'x', 'b', T],
    ]);
    // The node sees the profile as its own update left it, and so does the caller.
    expect(after?.attributes).toEqual({ id: 'p', tier: 'gold' });
    expect(context.profile).toBe(after);
  });

  it('reads conditions, sends and suppressions from the store, and the host’s unsubscribe link', () => {
    const { context, store } = setUp();
    store.addEvent({ profileId: 'p', name: 'purchase', time: T - 1000, properties: {} });
    const seen: unknown[] = [];
    const definition = probe((ctx) =>
      seen.push(
        ctx.evaluate({ event: 'purchase', op: 'performed', within: 'P1D' }),
        ctx.evaluate({ event: 'purchase', op: 'performed', since: 'entry' }),
        ctx.messagesSentSince(T - 1000),
        ctx.isSuppressed('email', 'a@b.se'),
        ctx.unsubscribeUrl('email'),
        ctx.bucket(),
      ),
    );
    context.run(definition, compiled, enrollment('p'), profile('p'), {}, 'x', T, undefined);
    expect(seen).toEqual([
      true,
      false,
      0,
      false,
      'u/test-journey/p/email',
      splitBucket(0, 'test-journey', 'x', 'p'),
    ]);
  });

  it('draws split buckets with the run’s seed', () => {
    const buckets = [0, 7].map((seed) => {
      const { context } = setUp(seed);
      let bucket = -1;
      const definition = probe((ctx) => (bucket = ctx.bucket()));
      context.run(definition, compiled, enrollment('p'), profile('p'), {}, 'x', T, undefined);
      return bucket;
    });
    expect(buckets).toEqual([
      splitBucket(0, 'test-journey', 'x', 'p'),
      splitBucket(7, 'test-journey', 'x', 'p'),
    ]);
    expect(buckets[0]).not.toBe(buckets[1]);
  });
});
