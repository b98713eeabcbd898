import type { MessageEngagement } from '../channels/channel-definition';
import { CHANNEL_DEFINITIONS } from '../channels/channel-list';
import { channelDefinition, isChannel } from '../channels/registry';
import { matchesFilters } from '../conditions/evaluate';
import type { Filter } from '../conditions/condition';
import { elapsedMillis, parseDuration, requireDuration } from '../model/duration';
import type { JourneyEvent } from '../model/event';
import type { Journey } from '../model/journey';
import { wellFormedSettings } from '../model/journey-settings';
import type { Profile } from '../model/profile';
import { DEFAULT_WITHIN, type Outcome } from './expect';
import { COMPLAINED_EVENT, UNSUBSCRIBED_EVENT, consentChannel } from '../runtime/consent-events';
import { eventValue } from './event-value';
import { personaOf } from './personas';

/** The generic names of message events, for channels that declare none (SMS, push). */
export const GENERIC_ENGAGEMENT: MessageEngagement = {
  delivered: ['Message Sent'],
  opened: 'Message Opened',
  clicked: 'Message Clicked',
};

/** A channel's engagement event names. */
export function engagementOf(channel: string): MessageEngagement {
  return (
    (isChannel(channel) && channelDefinition(channel).person?.engagement) || GENERIC_ENGAGEMENT
  );
}

/** Deliveries needed before the data's rates are trusted over the library's. */
export const MIN_DELIVERIES = 30;

/** A rate estimated from the data, with the counts behind it. */
export interface Estimate {
  rate: number;
  /** Messages that had the outcome. */
  count: number;
  /** Messages delivered. */
  of: number;
  /** The counts in words: "1,234 opens of 3,000 emails delivered". */
  text: string;
  /** An order rate counted after deliveries, not caused by them. */
  attributed?: boolean;
}

/** What the data says, channel by channel, and of the goal events' value. */
export interface DataEstimates {
  channels: Record<string, Partial<Record<Outcome, Estimate>>>;
  /** Mean value of the goal events that carry one (revenue, value or price). */
  goalValue?: { mean: number; count: number };
  /** Whether some profile is one of the generated personas. */
  personas: boolean;
}

interface ChannelTally {
  engagement: MessageEngagement;
  /** Deliveries per delivered-name (index in `engagement.delivered`). */
  delivered: number[];
  opened: number;
  clicked: number;
  unsubscribed: number;
  complained: number;
  /** Per profile, the delivery times per delivered-name: for orders after a delivery. */
  times: Map<string, number[][]>;
}

const WORDS: Record<Outcome, string> = {
  open: 'opens',
  click: 'clicks',
  convert: 'deliveries followed by the goal event',
  unsubscribe: 'unsubscribes',
  complain: 'spam complaints',
};

/** "emails", "SMS messages", "push notifications": a channel's messages, from its label. */
function messagesWord(channel: string): string {
  const label = isChannel(channel) ? channelDefinition(channel).label : channel;
  return label === label.toUpperCase() ? `${label} messages` : `${label.toLowerCase()}s`;
}

/**
 * Counts message engagement in events as they are read (in file order, so every thread of a
 * simulation counts the same), and turns the counts into rates per channel: opens, clicks,
 * unsubscribes and complaints per delivered message, and the share of deliveries followed by the
 * goal event within the response window (an attributed rate, and said to be one).
 *
 * Events that name no `channel` count for every channel that uses their names (an SMS and a push
 * `Message Opened` look alike); `Unsubscribed` and `Complained` without one count for email, as
 * the interpreter reads them (runtime/consent-events.ts).
 */
export class EngagementCounter {
  private readonly tallies = new Map<string, ChannelTally>();
  /** Which channels each event name is about. */
  private readonly byName = new Map<string, { channel: string; role: string; index: number }[]>();
  private readonly goals = new Map<string, number[]>();
  private valueSum = 0;
  private valueCount = 0;
  private personas = false;

  private readonly goal: EngagementBasis['goal'];
  private readonly withinMs: number;

  constructor({ goal, withinMs }: EngagementBasis) {
    this.goal = goal;
    this.withinMs = withinMs;
    for (const definition of CHANNEL_DEFINITIONS) {
      if (!definition.person) continue;
      const engagement = engagementOf(definition.channel);
      this.tallies.set(definition.channel, {
        engagement,
        delivered: engagement.delivered.map(() => 0),
        opened: 0,
        clicked: 0,
        unsubscribed: 0,
        complained: 0,
        times: new Map(),
      });
      const roles: [string, string, number][] = [
        ...engagement.delivered.map((name, i): [string, string, number] => [name, 'delivered', i]),
        [engagement.opened, 'opened', 0],
        [engagement.clicked, 'clicked', 0],
        [UNSUBSCRIBED_EVENT, 'unsubscribed', 0],
        [COMPLAINED_EVENT, 'complained', 0],
      ];
      for (const [name, role, index] of roles) {
        const list = this.byName.get(name) ?? [];
        list.push({ channel: definition.channel, role, index });
        this.byName.set(name, list);
      }
    }
  }

  addProfile(profile: Profile): void {
    if (!this.personas && personaOf(profile.attributes)) this.personas = true;
  }

  add(event: JourneyEvent): void {
    const goal = this.goal;
    if (goal && event.name === goal.event && matchesFilters(goal.where, event.properties)) {
      const times = this.goals.get(event.profileId);
      if (times) times.push(event.time);
      else this.goals.set(event.profileId, [event.time]);
      const value = eventValue(event.properties);
      if (value !== undefined) {
        this.valueSum += value;
        this.valueCount++;
      }
    }
    const roles = this.byName.get(event.name);
    if (!roles) return;
    const named = event.properties.channel;
    for (const { channel, role, index } of roles) {
      const about =
        role === 'unsubscribed' || role === 'complained'
          ? consentChannel(event.properties) === channel
          : typeof named !== 'string' || named === channel;
      if (!about) continue;
      const tally = this.tallies.get(channel) as ChannelTally;
      if (role === 'delivered') {
        (tally.delivered[index] as number)++;
        let perName = tally.times.get(event.profileId);
        if (!perName) {
          perName = tally.engagement.delivered.map(() => []);
          tally.times.set(event.profileId, perName);
        }
        perName[index]?.push(event.time);
      } else if (role === 'opened') tally.opened++;
      else if (role === 'clicked') tally.clicked++;
      else if (role === 'unsubscribed') tally.unsubscribed++;
      else tally.complained++;
    }
  }

  estimates(): DataEstimates {
    const channels: DataEstimates['channels'] = {};
    for (const [channel, tally] of this.tallies) {
      // The first delivered-name the data holds ("Email Delivered" before "Email Sent").
      const index = tally.delivered.findIndex((n) => n > 0);
      if (index < 0) continue;
      const of = tally.delivered[index] as number;
      if (of < MIN_DELIVERIES) continue;
      const word = messagesWord(channel);
      const estimate = (outcome: Outcome, count: number, attributed?: boolean): Estimate => ({
        rate: count / of,
        count,
        of,
        text: `${count.toLocaleString('en')} ${WORDS[outcome]} of ${of.toLocaleString('en')} ${word} delivered`,
        ...(attributed && { attributed }),
      });
      const out: Partial<Record<Outcome, Estimate>> = {};
      if (tally.opened > 0) out.open = estimate('open', tally.opened);
      if (tally.clicked > 0) out.click = estimate('click', tally.clicked);
      if (tally.unsubscribed > 0) out.unsubscribe = estimate('unsubscribe', tally.unsubscribed);
      if (tally.complained > 0) out.complain = estimate('complain', tally.complained);
      if (this.goal)
        out.convert = estimate('convert', this.deliveriesConverted(tally, index), true);
      channels[channel] = out;
    }
    return {
      channels,
      ...(this.valueCount > 0 && {
        goalValue: { mean: this.valueSum / this.valueCount, count: this.valueCount },
      }),
      personas: this.personas,
    };
  }

  /** Deliveries followed by the goal event within the window (after, not at, the delivery). */
  private deliveriesConverted(tally: ChannelTally, index: number): number {
    let converted = 0;
    for (const [profileId, perName] of tally.times) {
      const goals = this.goals.get(profileId);
      if (!goals) continue;
      for (const at of perName[index] ?? []) {
        if (goals.some((t) => t > at && t <= at + this.withinMs)) converted++;
      }
    }
    return converted;
  }
}

/** What the data's engagement is counted against: the journey's goal and response window. */
export interface EngagementBasis {
  goal?: { event: string; where?: Filter[] };
  withinMs: number;
}

/** The goal and response window a journey's data is counted against. */
export function engagementBasis(journey: Journey): EngagementBasis {
  const settings = wellFormedSettings(journey.settings);
  const expect = (journey.settings as { expect?: { within?: unknown } } | undefined)?.expect;
  const within = typeof expect?.within === 'string' ? expect.within : DEFAULT_WITHIN;
  const parsed = parseDuration(within);
  const withinMs = elapsedMillis(parsed.ok ? parsed.duration : requireDuration(DEFAULT_WITHIN));
  return {
    ...(settings.goal && { goal: { event: settings.goal.event, where: settings.goal.where } }),
    withinMs,
  };
}

/**
 * What the data says of message engagement for each of several journeys simulated together, each
 * counted against its own goal and response window, as the rows are read.
 */
export class JourneysEngagement {
  private readonly counters: Map<string, EngagementCounter>;

  constructor(journeys: readonly Journey[]) {
    this.counters = new Map(journeys.map((j) => [j.id, new EngagementCounter(engagementBasis(j))]));
  }

  addProfile(profile: Profile): void {
    for (const counter of this.counters.values()) counter.addProfile(profile);
  }

  add(event: JourneyEvent): void {
    for (const counter of this.counters.values()) counter.add(event);
  }

  /** Each journey's estimates, by journey id. */
  estimates(): Record<string, DataEstimates> {
    return Object.fromEntries([...this.counters].map(([id, c]) => [id, c.estimates()]));
  }
}
