import type { JourneyEvent } from '../core/model/event';
import type { Journey } from '../core/model/journey';
import { makeProfile, type Profile } from '../core/model/profile';

/**
 * The benchmark journey: 10 nodes — a trigger, waits of 1 hour and 1 day, two conditions, a
 * 50/50 split, three emails and an exit.
 */
export const BENCH_JOURNEY: Journey = {
  format: 'journey-studio/journey',
  version: 1,
  id: 'bench',
  name: 'Benchmark journey',
  settings: { reentry: 'after_exit', goal: { event: 'purchase' }, timezone: 'UTC' },
  nodes: [
    { id: 'signup', kind: 'trigger', config: { on: 'event', event: 'signup' } },
    { id: 'wait-1h', kind: 'wait', config: { mode: 'duration', duration: 'PT1H' } },
    { id: 'engaged', kind: 'condition', config: { attribute: 'score', op: 'gte', value: 50 } },
    {
      id: 'welcome-hot',
      kind: 'message',
      config: {
        channel: 'email',
        from: 'Shop <shop@example.com>',
        subject: 'Welcome back, {{ profile.first_name }}',
        html: '<p>Hi {{ profile.first_name }}, your picks from {{ profile.country }} are here.</p><a href="{{ unsubscribe_url }}">Unsubscribe</a>',
      },
    },
    {
      id: 'ab',
      kind: 'split',
      config: {
        variants: [
          { key: 'A', weight: 50 },
          { key: 'B', weight: 50 },
        ],
      },
    },
    {
      id: 'offer-a',
      kind: 'message',
      config: {
        channel: 'email',
        from: 'Shop <shop@example.com>',
        subject: '{{ profile.first_name }}, 10% off your first order',
        html: '<p>Use WELCOME10, {{ profile.first_name }}.</p><a href="{{ unsubscribe_url }}">Unsubscribe</a>',
      },
    },
    { id: 'wait-1d', kind: 'wait', config: { mode: 'duration', duration: 'P1D' } },
    {
      id: 'bought',
      kind: 'condition',
      config: { event: 'purchase', op: 'performed', since: 'entry' },
    },
    {
      id: 'offer-b',
      kind: 'message',
      config: {
        channel: 'email',
        from: 'Shop <shop@example.com>',
        subject: 'Free shipping for you, {{ profile.first_name }}',
        html: '<p>Free shipping this week.</p><a href="{{ unsubscribe_url }}">Unsubscribe</a>',
      },
    },
    { id: 'done', kind: 'exit', config: {} },
  ],
  edges: [
    { from: 'signup', to: 'wait-1h' },
    { from: 'wait-1h', to: 'engaged' },
    { from: 'engaged', port: 'yes', to: 'welcome-hot' },
    { from: 'engaged', port: 'no', to: 'ab' },
    { from: 'ab', port: 'A', to: 'offer-a' },
    { from: 'ab', port: 'B', to: 'wait-1d' },
    { from: 'wait-1d', to: 'bought' },
    { from: 'bought', port: 'no', to: 'offer-b' },
    { from: 'offer-b', to: 'done' },
  ],
};

const FIRST_NAMES = [
  'Ann',
  'Bo',
  'Carl',
  'Dana',
  'Eva',
  'Filip',
  'Greta',
  'Hugo',
  'Ida',
  'Jon',
  'Karin',
  'Lars',
];
const COUNTRIES = ['SE', 'NO', 'DK', 'FI', 'DE'];

/** A deterministic generator (mulberry32), so every run measures the same work. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const BENCH_START = Date.parse('2026-05-01T00:00:00Z');
export const BENCH_DAYS = 8;

export interface BenchCohort {
  profiles: Profile[];
  events: JourneyEvent[];
}

/** `n` profiles, each signing up during the first day; a third buy within two days. */
export function benchCohort(n: number): BenchCohort {
  const rand = random(42);
  const profiles: Profile[] = [];
  const events: JourneyEvent[] = [];
  for (let i = 0; i < n; i++) {
    const id = `p${i}`;
    profiles.push(
      makeProfile(id, {
        email: `${id}@example.com`,
        first_name: FIRST_NAMES[i % FIRST_NAMES.length],
        country: COUNTRIES[i % COUNTRIES.length],
        score: Math.floor(rand() * 100),
      }),
    );
    const signup = BENCH_START + Math.floor(rand() * 86_400_000);
    events.push({ profileId: id, name: 'signup', time: signup, properties: {} });
    if (rand() < 0.33)
      events.push({
        profileId: id,
        name: 'purchase',
        time: signup + Math.floor(rand() * 2 * 86_400_000),
        properties: { price: 20 },
      });
  }
  return { profiles, events };
}
