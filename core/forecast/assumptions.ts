import { isChannel, channelDefinition } from '../channels/registry';
import type { Journey } from '../model/journey';
import { wellFormedSettings } from '../model/journey-settings';
import { formatDuration } from '../model/duration';
import { expectOf } from '../nodes/message.node';
import { isNodeKind, nodeDefinition } from '../nodes/registry';
import type { DataEstimates } from './data-estimates';
import { ATTRIBUTED_NOTE, libraryDefault, type Reference } from './defaults';
import { DEFAULT_WITHIN, OUTCOMES, type Expect, type Outcome } from './expect';
import { DEFAULT_PURPOSE } from './forecast-settings';
import { PERSONA_MULTIPLIERS, PERSONA_REFERENCE, type PersonaOutcome } from './personas';
import type { Persona } from '../simulator/sample-data';

/** Where an assumed rate comes from, in the order they are looked at. */
export type AssumptionSource = 'node' | 'journey' | 'data' | 'default';

/** An assumed response rate of one message (DESIGN §7's keys first). */
export interface RateAssumption {
  node: string;
  outcome: Outcome;
  rate: number;
  within: string;
  source: AssumptionSource;
  /** The publication a library default comes from. */
  reference?: Reference;
  /** The counts behind a rate estimated from data. */
  basis?: { count: number; of: number; text: string };
  /** What to keep in mind: an attributed order rate overstates caused orders. */
  note?: string;
}

/** How much more or less than average a generated persona responds. */
export interface PersonaAssumption {
  outcome: PersonaOutcome;
  persona: Persona;
  multiplier: number;
  source: 'default';
  reference: Reference;
}

/** Fewer responses after many messages: each rate × (1 − decay)^k. */
export interface FatigueAssumption {
  outcome: 'fatigue';
  per: string;
  decay: number;
  source: 'journey' | 'library';
}

/** What a caused order is worth. */
export interface ValueAssumption {
  outcome: 'value';
  /** The mean value of the goal events in the data, for orders whose trigger event has none. */
  value?: number;
  source: 'event' | 'data';
  basis?: { count: number; text: string };
  note: string;
}

export type Assumption = RateAssumption | PersonaAssumption | FatigueAssumption | ValueAssumption;

export function isRateAssumption(a: Assumption): a is RateAssumption {
  return 'node' in a;
}

/** What an order rate estimated from data says of itself. */
export const DATA_ATTRIBUTED_NOTE =
  'estimated from data — orders after a message, not necessarily caused by it';

export interface AssumeOptions {
  /**
   * Fill what the journey leaves open with estimates from the data, then the library's published
   * defaults (the app's Forecast mode, `simulate --assume defaults`). Without it, only the rates
   * the journey sets are drawn.
   */
  defaults?: boolean;
  /** What the simulated data says (EngagementCounter). */
  data?: DataEstimates;
  /** The library's fatigue setting, for journeys without their own. */
  fatigue?: { per: string; decay: number };
}

function expectIn(value: unknown): Expect {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}

/**
 * Every assumption a forecast of the journey uses, in journey order: for each message to a
 * person and each outcome, the rate from the node's `expect`, else the journey's
 * `settings.expect`, else (with `defaults`) an estimate from the data, else the library's
 * default for the channel and the journey's purpose. Then the persona multipliers (when the
 * data has generated personas), fatigue, and what a caused order is worth. Empty when nothing
 * can respond.
 */
export function resolveAssumptions(journey: Journey, options: AssumeOptions = {}): Assumption[] {
  const settings = wellFormedSettings(journey.settings);
  const rawSettings = (journey.settings ?? {}) as { expect?: unknown };
  const journeyExpect = expectIn(rawSettings.expect);
  const purpose = settings.purpose ?? DEFAULT_PURPOSE;
  const out: Assumption[] = [];
  for (const node of journey.nodes) {
    if (!isNodeKind(node.kind)) continue;
    const channel = nodeDefinition(node.kind).sends?.channel(node.config);
    if (channel === undefined || !isChannel(channel) || !channelDefinition(channel).person)
      continue;
    const own = expectIn(expectOf(node.config));
    const within = own.within ?? journeyExpect.within ?? DEFAULT_WITHIN;
    for (const outcome of OUTCOMES) {
      if (outcome === 'convert' && !settings.goal) continue;
      const entry = (
        rate: number,
        source: AssumptionSource,
        more?: Partial<RateAssumption>,
      ): RateAssumption => ({ node: node.id, outcome, rate, within, source, ...more });
      const fromNode = own[outcome];
      const fromJourney = journeyExpect[outcome];
      if (typeof fromNode === 'number') {
        out.push(entry(fromNode, 'node'));
        continue;
      }
      if (typeof fromJourney === 'number') {
        out.push(entry(fromJourney, 'journey'));
        continue;
      }
      if (!options.defaults) continue;
      const estimate = options.data?.channels[channel]?.[outcome];
      if (estimate) {
        out.push(
          entry(estimate.rate, 'data', {
            basis: { count: estimate.count, of: estimate.of, text: estimate.text },
            ...(estimate.attributed && { note: DATA_ATTRIBUTED_NOTE }),
          }),
        );
        continue;
      }
      const fallback = libraryDefault(channel, purpose, outcome);
      if (fallback) {
        out.push(
          entry(fallback.rate, 'default', {
            reference: fallback.source,
            ...(fallback.attributed && { note: ATTRIBUTED_NOTE }),
          }),
        );
      }
    }
  }
  const rates = out.filter(isRateAssumption);
  if (rates.length === 0) return [];
  if (
    options.data?.personas &&
    rates.some((a) => a.outcome !== 'unsubscribe' && a.outcome !== 'complain')
  ) {
    for (const [persona, multipliers] of Object.entries(PERSONA_MULTIPLIERS)) {
      for (const [outcome, multiplier] of Object.entries(multipliers)) {
        if (multiplier === 1) continue;
        out.push({
          outcome: outcome as PersonaOutcome,
          persona: persona as Persona,
          multiplier,
          source: 'default',
          reference: PERSONA_REFERENCE,
        });
      }
    }
  }
  const fatigue = settings.fatigue
    ? {
        per: formatDuration(settings.fatigue.per),
        decay: settings.fatigue.decay,
        source: 'journey' as const,
      }
    : options.fatigue && { ...options.fatigue, source: 'library' as const };
  if (fatigue) out.push({ outcome: 'fatigue', ...fatigue });
  if (rates.some((a) => a.outcome === 'convert')) {
    const mean = options.data?.goalValue;
    out.push({
      outcome: 'value',
      ...(mean ? { value: mean.mean, source: 'data' as const } : { source: 'event' as const }),
      ...(mean && {
        basis: {
          count: mean.count,
          text: `mean of ${mean.count.toLocaleString('en')} goal events with a value`,
        },
      }),
      note: mean
        ? "a caused order is worth its trigger event's revenue, value or price; without one, the data's mean order value"
        : "a caused order is worth its trigger event's revenue, value or price; without one, nothing is counted",
    });
  }
  return out;
}
