import { CHANNEL_DEFINITIONS } from '../channels/channel-list';
import { LocalDays } from '../forecast/run-counts';
import { localDate } from '../model/local-time';
import type { StepObserver, StepRecord } from '../runtime/ports';

/** Two journeys that reached the same people on the same local day. */
export interface Collision {
  /** The two journeys, by id, in id order. */
  journeys: [string, string];
  /** People who got messages from both on one local day (each counted once per pair). */
  profiles: number;
}

/** Messages one journey lost to the sending policy because of another's. */
export interface PolicyLoss {
  /** The journey whose message was held back. */
  journey: string;
  /** The journey whose message had filled the window. */
  to: string;
  messages: number;
  profiles: number;
}

/**
 * What several journeys do together to the same people (DESIGN §8). Days are local days in each
 * person's time zone (the portfolio's zone for people without one).
 */
export interface PortfolioSummary {
  /**
   * Person-days by the messages the person got that day: `"0"`, `"1"` and `"2+"`. Every person
   * counts once for every local day of the window.
   */
  messagesPerProfilePerDay: { '0': number; '1': number; '2+': number };
  /** The same, by exact count: `"0"`, `"1"`, `"2"`, … */
  byCount: Record<string, number>;
  /** Person-days in the window (people × local days). */
  profileDays: number;
  /** Messages per person per day, on average. */
  mean: number;
  /** The most messages one person got on one local day. */
  most: number;
  /** Pairs of journeys that reached the same person on the same local day, most first. */
  collisions: Collision[];
  /** Messages the sending policy held back, and which journey each lost to, most first. */
  policy: { held: number; lost: PolicyLoss[] };
}

/**
 * A watch's counts as plain data, to add up the watches of parts of a cohort (threads, or the
 * people whose forecast runs all go alike) before the summary is made.
 */
export interface PortfolioTally {
  byCount: [number, number][];
  collisions: [string, number][];
  losses: [string, { messages: number; profiles: number }][];
  profileDays: number;
  messages: number;
  held: number;
}

/** Channels whose messages a person receives (webhooks reach systems). */
const PERSON_CHANNELS = new Set<string>(
  CHANNEL_DEFINITIONS.filter((d) => d.person).map((d) => d.channel),
);

const DAY = 86_400_000;

/** Days from one `YYYY-MM-DD` to another, both counted. */
function daysBetween(first: string, last: string): number {
  return Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / DAY) + 1;
}

/**
 * Watches the messages each person gets from every journey, one person at a time as the
 * simulator runs them: only the current person's days are held, so memory stays flat however
 * large the cohort. Call `finishProfile` after each person, messages or not.
 */
export class PortfolioWatch implements StepObserver {
  /** The current person's messages by local day: how many, and from which journeys. */
  private readonly days = new Map<string, { count: number; journeys: Set<string> }>();
  private zone = 'UTC';
  /** Local days of instants, cached per zone (people of a cohort live in a few zones). */
  private readonly localDays = new Map<string, LocalDays>();
  private dayOf = new LocalDays('UTC');
  private readonly byCount = new Map<number, number>();
  private readonly collisions = new Map<string, number>();
  private readonly losses = new Map<string, { messages: number; profiles: number }>();
  /** Loss pairs the current person already counts in. */
  private readonly lostNow = new Set<string>();
  private readonly windowDays = new Map<string, number>();
  private profileDays = 0;
  private messages = 0;
  private held = 0;

  constructor(private readonly window: { start: number; end: number }) {}

  /** Starts a person, whose local days are in `zone`. */
  beginProfile(zone: string): void {
    if (zone !== this.zone) {
      this.zone = zone;
      let days = this.localDays.get(zone);
      if (!days) {
        days = new LocalDays(zone);
        this.localDays.set(zone, days);
      }
      this.dayOf = days;
    }
    if (this.days.size > 0) this.days.clear();
    if (this.lostNow.size > 0) this.lostNow.clear();
  }

  record(step: StepRecord): void {
    if (step.type === 'message') {
      if (!PERSON_CHANNELS.has(step.channel)) return;
      const day = this.dayOf.of(step.at);
      let seen = this.days.get(day);
      if (!seen) {
        seen = { count: 0, journeys: new Set() };
        this.days.set(day, seen);
      }
      seen.count++;
      seen.journeys.add(step.journeyId);
      this.messages++;
    } else if (step.type === 'skip' && step.reason === 'policy') {
      this.held++;
      const key = `${step.journeyId}\u0000${step.filledBy ?? ''}`;
      let loss = this.losses.get(key);
      if (!loss) {
        loss = { messages: 0, profiles: 0 };
        this.losses.set(key, loss);
      }
      loss.messages++;
      if (!this.lostNow.has(key)) {
        this.lostNow.add(key);
        loss.profiles++;
      }
    }
  }

  /** Counts the current person's days: those with messages, the rest of the window's as 0. */
  finishProfile(): void {
    const total = this.daysInWindow(this.zone);
    this.profileDays += total;
    const pairs = new Set<string>();
    for (const { count, journeys } of this.days.values()) {
      this.byCount.set(count, (this.byCount.get(count) ?? 0) + 1);
      if (journeys.size < 2) continue;
      const ids = [...journeys].sort();
      for (let i = 0; i < ids.length; i++)
        for (let k = i + 1; k < ids.length; k++) pairs.add(`${ids[i]}\u0000${ids[k]}`);
    }
    this.byCount.set(0, (this.byCount.get(0) ?? 0) + total - this.days.size);
    for (const pair of pairs) this.collisions.set(pair, (this.collisions.get(pair) ?? 0) + 1);
  }

  private daysInWindow(zone: string): number {
    let days = this.windowDays.get(zone);
    if (days === undefined) {
      days = daysBetween(localDate(this.window.start, zone), localDate(this.window.end, zone));
      this.windowDays.set(zone, days);
    }
    return days;
  }

  /** The counts so far, as plain data. */
  tally(): PortfolioTally {
    return {
      byCount: [...this.byCount],
      collisions: [...this.collisions],
      losses: [...this.losses].map(([key, loss]) => [key, { ...loss }]),
      profileDays: this.profileDays,
      messages: this.messages,
      held: this.held,
    };
  }

  summary(): PortfolioSummary {
    return summaryOf(this.tally());
  }
}

function sumPairs<K>(a: readonly [K, number][], b: readonly [K, number][]): [K, number][] {
  const out = new Map(a);
  for (const [key, n] of b) out.set(key, (out.get(key) ?? 0) + n);
  return [...out];
}

/** The counts of two disjoint parts of a cohort (threads, or shared parts), added up. */
export function addTallies(a: PortfolioTally, b: PortfolioTally): PortfolioTally {
  const losses = new Map(a.losses.map(([key, loss]) => [key, { ...loss }]));
  for (const [key, { messages, profiles }] of b.losses) {
    const loss = losses.get(key);
    if (loss) {
      loss.messages += messages;
      loss.profiles += profiles;
    } else losses.set(key, { messages, profiles });
  }
  return {
    byCount: sumPairs(a.byCount, b.byCount),
    collisions: sumPairs(a.collisions, b.collisions),
    losses: [...losses],
    profileDays: a.profileDays + b.profileDays,
    messages: a.messages + b.messages,
    held: a.held + b.held,
  };
}

/** The summary of a watch's counts. */
export function summaryOf(tally: PortfolioTally): PortfolioSummary {
  const byCount = new Map(tally.byCount);
  const counts = [...byCount].sort((a, b) => a[0] - b[0]);
  const of = (n: number) => byCount.get(n) ?? 0;
  const twoOrMore = counts.reduce((sum, [n, days]) => (n >= 2 ? sum + days : sum), 0);
  const split = (key: string) => key.split('\u0000') as [string, string];
  const { profileDays, messages } = tally;
  return {
    messagesPerProfilePerDay: { '0': of(0), '1': of(1), '2+': twoOrMore },
    byCount: Object.fromEntries(counts.map(([n, days]) => [String(n), days])),
    profileDays,
    mean: profileDays === 0 ? 0 : Math.round((messages / profileDays) * 1e4) / 1e4,
    most: counts.reduce((most, [n, days]) => (days > 0 ? Math.max(most, n) : most), 0),
    collisions: tally.collisions
      .map(([pair, profiles]) => ({ journeys: split(pair), profiles }))
      .sort(
        (a, b) => b.profiles - a.profiles || a.journeys.join().localeCompare(b.journeys.join()),
      ),
    policy: {
      held: tally.held,
      lost: tally.losses
        .map(([pair, { messages, profiles }]) => {
          const [journey, to] = split(pair);
          return { journey, to, messages, profiles };
        })
        .sort(
          (a, b) =>
            b.messages - a.messages ||
            a.journey.localeCompare(b.journey) ||
            a.to.localeCompare(b.to),
        ),
    },
  };
}
