import { resolveAssumptions, type AssumeOptions } from '../../../core/forecast/assumptions';
import type { JourneyEvent } from '../../../core/model/event';
import type { Journey, JourneyEdge, JourneyNode } from '../../../core/model/journey';
import { makeProfile, type Profile } from '../../../core/model/profile';
import { simulate, type SimulationInput } from '../../../core/simulator/simulate';
import { journey, node } from '../build';

export const START = Date.parse('2026-03-02T08:00:00Z');
export const DAY = 86_400_000;

/** An email step with assumed responses. */
export function mail(id: string, expect?: Record<string, unknown>): JourneyNode {
  return node(id, 'message', {
    channel: 'email',
    from: 'shop@example.com',
    subject: 'Hello {{ profile.first_name | default: "there" }}',
    html: '<p>Hi</p>',
    ...(expect && { expect }),
  });
}

/** `n` people with an email address, each signing up a minute after the one before. */
export function cohort(
  n: number,
  attributes: (i: number) => Record<string, unknown> = () => ({}),
  signup: Record<string, unknown> = {},
): { profiles: Profile[]; events: JourneyEvent[] } {
  const profiles = Array.from({ length: n }, (_, i) =>
    makeProfile(`p${i}`, { email: `p${i}@example.com`, ...attributes(i) }),
  );
  const events = profiles.map((p, i) => ({
    profileId: p.id,
    name: 'signup',
    time: START + i * 60_000,
    properties: signup,
  }));
  return { profiles, events };
}

/** A journey entered on `signup` whose goal is `purchase`. */
export function signupJourney(
  nodes: JourneyNode[],
  edges: JourneyEdge[],
  settings: Record<string, unknown> = {},
): Journey {
  return journey(
    [node('start', 'trigger', { on: 'event', event: 'signup' }), ...nodes],
    edges,
    { goal: { event: 'purchase', exit: true }, ...settings },
    'forecast-test',
  );
}

/** Forecasts a journey over a cohort with the assumptions it resolves to. */
export function forecast(
  j: Journey,
  data: { profiles: Profile[]; events: JourneyEvent[] },
  runs: number,
  more: Omit<SimulationInput, 'journey'> & { assume?: AssumeOptions } = {},
) {
  const { assume, ...input } = more;
  return simulate({
    journey: j,
    start: START,
    end: START + 10 * DAY,
    runs,
    assumptions: resolveAssumptions(j, assume),
    ...data,
    ...input,
  });
}

/**
 * The q-quantile of Binomial(n, p) by the nearest-rank rule the forecast uses: the smallest k
 * with P(X ≤ k) ≥ q. The probabilities are summed exactly, term by term
 * (P(k+1) = P(k)·(n−k)/(k+1)·p/(1−p)), independently of the engine.
 */
export function binomialQuantile(n: number, p: number, q: number): number {
  let pk = (1 - p) ** n;
  let cdf = pk;
  for (let k = 0; k < n; k++) {
    if (cdf >= q) return k;
    pk = (pk * (n - k) * p) / ((k + 1) * (1 - p));
    cdf += pk;
  }
  return n;
}

/** P(X = k) for X ~ Binomial(n, p), by the same exact recurrence. */
export function binomialPmf(n: number, p: number, k: number): number {
  let pk = (1 - p) ** n;
  for (let i = 0; i < k; i++) pk = (pk * (n - i) * p) / ((i + 1) * (1 - p));
  return pk;
}

/**
 * How far a sample's q-quantile over `runs` runs may fall from the true one: four standard errors
 * (√(q(1−q)/runs) / density at the quantile), plus one for the steps of a discrete law.
 */
export function quantileTolerance(n: number, p: number, q: number, runs: number): number {
  const density = binomialPmf(n, p, binomialQuantile(n, p, q));
  return (4 * Math.sqrt((q * (1 - q)) / runs)) / density + 1;
}

/** Four standard errors of the mean of `runs` draws of Binomial(n, p). */
export function meanTolerance(n: number, p: number, runs: number): number {
  return 4 * Math.sqrt((n * p * (1 - p)) / runs);
}
