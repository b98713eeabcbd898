import type { Condition, Filter } from '../../../core/conditions/condition';
import type { JourneyEvent } from '../../../core/model/event';
import type {
  Journey,
  JourneyEdge,
  JourneyNode,
  JourneySettings,
} from '../../../core/model/journey';
import { makeProfile, type Profile } from '../../../core/model/profile';
import { nodeDefinition } from '../../../core/nodes/registry';
import { validateJourney } from '../../../core/validation/validate';
import type { SendingPolicy } from '../../../core/policy/sending-policy';
import type { Scenario } from './agreement';

/** A small, fast, seeded generator (mulberry32): the same seed, the same scenario. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }

  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  weighted<T extends string>(weights: Readonly<Record<T, number>>): T {
    const entries = Object.entries(weights) as [T, number][];
    let r = this.next() * entries.reduce((s, [, w]) => s + w, 0);
    for (const [k, w] of entries) {
      if ((r -= w) < 0) return k;
    }
    return entries[entries.length - 1]![0];
  }
}

const EVENTS = ['cart', 'view', 'purchase', 'signup', 'open'] as const;
const ZONES = ['UTC', 'Europe/Stockholm', 'America/New_York', 'Asia/Tokyo'] as const;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function filter(rng: Rng): Filter {
  return rng.pick<Filter>([
    { property: 'price', op: 'gt', value: 1 },
    { property: 'price', op: 'lte', value: 2 },
    { property: 'brand', op: 'in', value: ['acme', 'zeta'] },
    { property: 'brand', op: 'exists' },
    { property: 'brand', op: 'contains', value: 'AC' },
  ]);
}

function attributeRule(rng: Rng): Condition {
  return rng.pick<Condition>([
    { attribute: 'score', op: 'gte', value: rng.int(0, 10) },
    { attribute: 'score', op: 'lt', value: rng.int(0, 10) },
    { attribute: 'plan', op: 'eq', value: 'pro' },
    { attribute: 'plan', op: 'neq', value: 'pro' },
    { attribute: 'plan', op: 'in', value: ['free', 'trial'] },
    { attribute: 'email', op: 'exists' },
    { attribute: 'tier', op: 'not_exists' },
    { attribute: 'first_name', op: 'contains', value: 'a' },
    { attribute: 'signup_date', op: 'gt', value: '2026-04-15' },
  ]);
}

function eventRule(rng: Rng, sinceEntry: boolean): Condition {
  return {
    event: rng.pick(EVENTS),
    op: rng.chance(0.7) ? 'performed' : 'not_performed',
    ...(rng.chance(0.5) && { within: rng.pick(['PT2H', 'PT12H', 'P1D', 'P3D']) }),
    ...(sinceEntry && rng.chance(0.4) && { since: 'entry' as const }),
    ...(rng.chance(0.3) && { where: [filter(rng)] }),
    ...(rng.chance(0.25) && {
      count: { op: rng.pick(['gte', 'eq', 'lt'] as const), value: rng.int(1, 3) },
    }),
  };
}

function condition(rng: Rng, sinceEntry: boolean, depth = 0): Condition {
  const kind =
    depth >= 2
      ? rng.pick(['attribute', 'event'] as const)
      : rng.weighted({ attribute: 3, event: 3, all: 1, any: 1, not: 1 });
  switch (kind) {
    case 'attribute':
      return attributeRule(rng);
    case 'event':
      return eventRule(rng, sinceEntry);
    case 'all':
      return {
        all: [condition(rng, sinceEntry, depth + 1), condition(rng, sinceEntry, depth + 1)],
      };
    case 'any':
      return {
        any: [condition(rng, sinceEntry, depth + 1), condition(rng, sinceEntry, depth + 1)],
      };
    case 'not':
      return { not: condition(rng, sinceEntry, depth + 1) };
  }
}

function trigger(rng: Rng): Record<string, unknown> {
  switch (rng.weighted({ event: 5, segment: 2, date: 1 })) {
    case 'event':
      return {
        on: 'event',
        event: rng.pick(EVENTS),
        ...(rng.chance(0.25) && { where: [filter(rng)] }),
      };
    case 'segment':
      return { on: 'segment', condition: condition(rng, false) };
    case 'date':
      return {
        on: 'date',
        attribute: 'birthday',
        ...(rng.chance(0.5) && { offset: rng.pick(['-P1D', 'PT2H', '-PT30M']) }),
        ...(rng.chance(0.6) && { time: rng.pick(['09:00', '00:00', '21:30']) }),
      };
  }
}

function message(rng: Rng): Record<string, unknown> {
  const greeting = "{{ profile.first_name | default: 'there' }}";
  switch (rng.weighted({ email: 5, sms: 1, push: 1, webhook: 1 })) {
    case 'email':
      return {
        channel: 'email',
        from: rng.pick(['shop@example.com', 'Shop <news@shop.example.org>']),
        ...(rng.chance(0.2) && { replyTo: 'help@example.com' }),
        subject: rng.pick([
          `${greeting}, your {{ event.brand | default: 'cart' }} is waiting`,
          'Hello from {{ journey.name }}',
          'Score: {{ profile.score | plus: 1 }}',
        ]),
        html: rng.pick([
          `<p>Hi ${greeting} & co</p><p>{{ event.brand }}</p><a href="{{ unsubscribe_url }}">Unsubscribe</a>`,
          "<p>{{ profile.plan | upcase }} at {{ 'now' | date: '%Y-%m-%d %H:%M' }}</p>",
          '<p>{% if profile.score > 3 %}VIP{% else %}Hi{% endif %} <{{ profile.email }}></p>',
        ]),
        ...(rng.chance(0.4) && { text: `Hi ${greeting}: {{ unsubscribe_url }}` }),
      };
    case 'sms':
      return { channel: 'sms', text: `Hi ${greeting}, {{ event.price | default: 0 }} left` };
    case 'push':
      return {
        channel: 'push',
        title: 'Hey {{ profile.first_name }}',
        body: 'Come back to {{ journey.name }}',
      };
    case 'webhook':
      return {
        channel: 'webhook',
        url: 'http://127.0.0.1:9/hook/{{ profile.id }}',
        ...(rng.chance(0.5) && { method: rng.pick(['POST', 'PUT']) }),
        ...(rng.chance(0.7) && {
          body: '{"id":"{{ profile.id }}","score":{{ profile.score | default: 0 }}}',
        }),
      };
  }
}

function wait(rng: Rng): Record<string, unknown> {
  switch (rng.weighted({ duration: 3, until: 1, event: 2 })) {
    case 'duration':
      return { mode: 'duration', duration: rng.pick(['PT10M', 'PT30M', 'PT2H', 'P1D', 'P1W']) };
    case 'until':
      return {
        mode: 'until',
        time: rng.pick(['09:00', '18:30', '00:00']),
        ...(rng.chance(0.4) && {
          days: rng.pick([['mon', 'wed', 'fri'], ['sat', 'sun'], ['tue']]),
        }),
      };
    case 'event':
      return {
        mode: 'event',
        event: rng.pick(EVENTS),
        ...(rng.chance(0.3) && { where: [filter(rng)] }),
        timeout: rng.pick(['PT1H', 'PT6H', 'P1D', 'P2D']),
      };
  }
}

function nodeConfig(rng: Rng, kind: string): Record<string, unknown> {
  switch (kind) {
    case 'wait':
      return wait(rng);
    case 'condition':
      return condition(rng, true) as unknown as Record<string, unknown>;
    case 'split': {
      const n = rng.int(2, 3);
      return {
        variants: ['A', 'B', 'C']
          .slice(0, n)
          .map((key) => ({ key, weight: rng.pick([10, 30, 50]) })),
      };
    }
    case 'message':
      return message(rng);
    case 'update':
      return rng.pick([
        { set: { plan: 'pro' } },
        { increment: { score: 3 } },
        { unset: ['tier'], set: { vip: true } },
        { set: { tier: 'gold' } },
        { increment: { score: -2 }, unset: ['plan'] },
        { set: { email_opt_out: true } },
      ]);
    default:
      return {};
  }
}

function settings(rng: Rng): JourneySettings {
  return {
    ...(rng.chance(0.7) && { reentry: rng.pick(['never', 'after_exit', 'always'] as const) }),
    ...(rng.chance(0.4) && {
      goal: {
        event: rng.pick(['purchase', 'open']),
        ...(rng.chance(0.3) && { where: [{ property: 'price', op: 'gt', value: 0 }] }),
        ...(rng.chance(0.3) && { exit: false }),
        ...(rng.chance(0.3) && { within: rng.pick(['P1D', 'P3D']) }),
      },
    }),
    ...(rng.chance(0.3) && {
      quietHours: rng.pick([
        { start: '21:00', end: '08:00' },
        { start: '12:00', end: '13:30' },
      ]),
    }),
    ...(rng.chance(0.3) && {
      frequencyCap: { max: rng.int(1, 2), per: rng.pick(['PT6H', 'P1D', 'P1W']) },
    }),
    ...(rng.chance(0.5) && { timezone: rng.pick(ZONES) }),
  };
}

/**
 * A random journey, valid by construction: every node hangs off an open port of an earlier
 * node (so all are reachable), further edges only go forward or back to a wait (so every cycle
 * passes through a wait). Every node kind and every setting appears across seeds.
 */
export function randomJourney(rng: Rng, id = 'generated'): Journey {
  const nodes: JourneyNode[] = [{ id: 'start', kind: 'trigger', config: trigger(rng) }];
  const edges: JourneyEdge[] = [];
  const open: { from: string; port: string }[] = [{ from: 'start', port: 'next' }];
  const count = rng.int(2, 9);
  for (let i = 1; i <= count && open.length > 0; i++) {
    const kind = rng.weighted({
      wait: 3,
      condition: 2,
      split: 1,
      message: 4,
      update: 1,
      exit: 0.5,
    });
    const node: JourneyNode = { id: `${kind}${i}`, kind, config: nodeConfig(rng, kind) };
    const [slot] = open.splice(Math.floor(rng.next() * open.length), 1);
    edges.push({ from: slot!.from, port: slot!.port, to: node.id });
    nodes.push(node);
    for (const port of nodeDefinition(kind).ports(node.config))
      open.push({ from: node.id, port: port.id });
  }
  const waits = nodes.filter((n) => n.kind === 'wait');
  for (const slot of open) {
    const from = nodes.findIndex((n) => n.id === slot.from);
    if (waits.length > 0 && rng.chance(0.15)) {
      edges.push({ ...slot, to: rng.pick(waits).id });
    } else if (from < nodes.length - 1 && rng.chance(0.2)) {
      edges.push({ ...slot, to: nodes[rng.int(from + 1, nodes.length - 1)]!.id });
    }
  }
  const journey: Journey = {
    format: 'journey-studio/journey',
    version: 1,
    id,
    name: `Generated ${id}`,
    settings: settings(rng),
    nodes,
    edges: edges.map((e) => (e.port === 'next' ? { from: e.from, to: e.to } : e)),
  };
  const result = validateJourney(journey);
  if (!result.valid) {
    throw new Error(
      `generated journey is not valid: ${result.issues
        .filter((i) => i.severity === 'error')
        .map((i) => `${i.code} ${i.message}`)
        .join('; ')}`,
    );
  }
  return journey;
}

function randomProfile(rng: Rng, id: string): Profile {
  const name = rng.pick(['Ana', 'Bo', 'Cy', 'Dana', 'Eve']);
  return makeProfile(id, {
    ...(rng.chance(0.85) && {
      email: rng.chance(0.9) ? `${name}.${id}@Example.com` : 'not-an-address',
    }),
    ...(rng.chance(0.5) && { phone: `+4670${rng.int(1000000, 9999999)}` }),
    ...(rng.chance(0.4) && { push_token: `tok-${id}` }),
    ...(rng.chance(0.8) && { first_name: name }),
    ...(rng.chance(0.5) && { timezone: rng.pick([...ZONES, 'Mars/Olympus']) }),
    ...(rng.chance(0.1) && { unsubscribed: rng.pick([true, 'yes']) }),
    ...(rng.chance(0.1) && { email_opt_out: true }),
    ...(rng.chance(0.7) && { score: rng.int(0, 8) }),
    ...(rng.chance(0.6) && { plan: rng.pick(['free', 'pro', 'trial']) }),
    ...(rng.chance(0.3) && { tier: 'silver' }),
    ...(rng.chance(0.5) && { signup_date: rng.pick(['2026-04-01', '2026-04-20', '2026-05-01']) }),
    ...(rng.chance(0.7) && {
      birthday: rng.pick(['1990-05-02', '1985-05-04', '--02-29', '2000-12-31', 'someday']),
    }),
  });
}

/**
 * A scenario: a random journey, a cohort, and events over a five-day window. Times sit on a
 * ten-minute grid, so events often share an instant with each other and with wake-ups — the
 * ordering rules are exercised, not avoided.
 */
export function randomScenario(seed: number): Scenario {
  const rng = new Rng(seed);
  const journey = randomJourney(rng, `j${seed}`);
  return { journey, ...randomCohort(rng) };
}

/** A cohort, events over a five-day window, and suppressed addresses. */
function randomCohort(rng: Rng): Omit<Scenario, 'journey'> {
  const start = Date.parse('2026-05-01T00:00:00Z') + rng.int(0, 23) * 60 * MINUTE;
  const end = start + 5 * DAY;
  const ids = Array.from({ length: rng.int(3, 12) }, (_, i) => `p${String(i).padStart(2, '0')}`);
  const profiles = ids.map((id) => randomProfile(rng, id));
  const everyone = [...ids, 'x1', 'x2'];
  const events: JourneyEvent[] = [];
  const n = rng.int(10, 90);
  for (let i = 0; i < n; i++) {
    const slot = rng.int(-2 * 144, 5 * 144);
    events.push({
      profileId: rng.pick(everyone),
      name: rng.pick(EVENTS),
      time: start + slot * 10 * MINUTE,
      properties: {
        price: rng.int(0, 3),
        ...(rng.chance(0.7) && { brand: rng.pick(['acme', 'zeta', 'Acme Co', 'omega']) }),
      },
    });
  }
  const suppressed = profiles
    .filter(() => rng.chance(0.1))
    .map((p) => p.attributes.email)
    .filter((e): e is string => typeof e === 'string')
    .map((e) => `email:${e.toLowerCase()}`);
  return { profiles, events, start, end, suppressed };
}

/**
 * Three random journeys live together under a random sending policy (DESIGN §8): priorities that
 * often tie (so journey ids decide), some transactional messages, and a cohort as above.
 */
export function randomPortfolioScenario(seed: number): Scenario {
  const rng = new Rng(seed);
  const [journey, ...alongside] = ['a', 'b', 'c'].map((suffix) => {
    const j = randomJourney(rng, `j${seed}${suffix}`);
    const priority = rng.pick([undefined, 30, 50, 80]);
    return {
      ...j,
      settings: { ...j.settings, ...(priority !== undefined && { priority }) },
      nodes: j.nodes.map((n) =>
        n.kind === 'message' && n.config.channel !== 'webhook' && rng.chance(0.2)
          ? { ...n, config: { ...n.config, transactional: true } }
          : n,
      ),
    };
  }) as [Journey, ...Journey[]];
  const policy: SendingPolicy = {
    email: { max: rng.int(1, 2), per: rng.pick(['PT6H', 'PT16H', 'P1D']) },
    ...(rng.chance(0.5) && { sms: { max: 1, per: rng.pick(['PT2H', 'P1D']) } }),
    ...(rng.chance(0.3) && { push: { max: 1, per: 'P1D' } }),
  };
  return { journey, alongside, policy, ...randomCohort(rng) };
}
