import type { SimulationRun } from '../../../core/api/simulation-contract';
import { isChannel, channelDefinition } from '../../../core/channels/registry';
import {
  isRateAssumption,
  resolveAssumptions,
  type RateAssumption,
} from '../../../core/forecast/assumptions';
import type { DataEstimates } from '../../../core/forecast/data-estimates';
import { DEFAULT_WITHIN, OUTCOMES, type Outcome } from '../../../core/forecast/expect';
import type { Journey, JourneyNode } from '../../../core/model/journey';
import { isRecord } from '../../../core/model/json-text';
import { isNodeKind, nodeDefinition } from '../../../core/nodes/registry';

/** What a message's response would be without a rate of its own, and where that comes from. */
export type Fallback = Pick<RateAssumption, 'rate' | 'source' | 'reference' | 'basis' | 'note'>;

/** The channel a message step sends on, if it reaches a person. */
export function personChannel(node: Pick<JourneyNode, 'kind' | 'config'>): string | undefined {
  if (!isNodeKind(node.kind)) return undefined;
  const channel = nodeDefinition(node.kind).sends?.channel(node.config);
  return channel !== undefined && isChannel(channel) && channelDefinition(channel).person
    ? channel
    : undefined;
}

/**
 * What the data said in a forecast of this journey: the rates it estimated from the imported
 * events, per channel, with their counts. A run only lists the estimates it used, so they are
 * gathered over all its messages. Undefined when the run is not a forecast of the journey.
 */
export function dataEstimatesOf(
  run: SimulationRun | null,
  journeyId: string | undefined,
): DataEstimates | undefined {
  if (!run || run.journeyId !== journeyId || !run.report.assumptions) return undefined;
  const channels: DataEstimates['channels'] = {};
  for (const a of run.report.assumptions) {
    if (!isRateAssumption(a) || a.source !== 'data' || !a.basis) continue;
    const node = run.journey.nodes.find((n) => n.id === a.node);
    const channel = node && personChannel(node);
    if (!channel) continue;
    (channels[channel] ??= {})[a.outcome] = {
      rate: a.rate,
      count: a.basis.count,
      of: a.basis.of,
      text: a.basis.text,
      ...(a.note !== undefined && { attributed: true }),
    };
  }
  return Object.keys(channels).length > 0 ? { channels, personas: false } : undefined;
}

/** A message step as the forecast would see it, to ask what applies to it. */
const PROBE = 'expect-probe';

/**
 * For each response, what a forecast with the library's defaults would assume for a message on
 * `channel` if `level` set nothing: for a message, the journey's rate, else the data's, else the
 * library's; for the journey, the data's, else the library's. The forecast's own resolution
 * (`resolveAssumptions`) answers, asked about one message. Responses a forecast would not draw
 * (orders, when the journey has no goal; opens on SMS) are absent.
 */
export function fallbacks(
  journey: Journey,
  channel: string,
  level: 'message' | 'journey',
  data: DataEstimates | undefined,
): Partial<Record<Outcome, Fallback>> {
  const settings = isRecord(journey.settings) ? { ...journey.settings } : {};
  if (level === 'journey') delete settings.expect;
  const probe: JourneyNode = { id: PROBE, kind: 'message', config: { channel } };
  const resolved = resolveAssumptions(
    { ...journey, settings, nodes: [probe], edges: [] },
    { defaults: true, ...(data && { data }) },
  );
  const out: Partial<Record<Outcome, Fallback>> = {};
  for (const a of resolved) {
    if (!isRateAssumption(a)) continue;
    const { rate, source, reference, basis, note } = a;
    out[a.outcome] = {
      rate,
      source,
      ...(reference && { reference }),
      ...(basis && { basis }),
      ...(note !== undefined && { note }),
    };
  }
  return out;
}

/** The response window that applies when `own` gives none: the journey's, else three days. */
export function fallbackWithin(journey: Journey, level: 'message' | 'journey'): string {
  const expect = isRecord(journey.settings) ? journey.settings.expect : undefined;
  if (level === 'message' && isRecord(expect) && typeof expect.within === 'string')
    return expect.within;
  return DEFAULT_WITHIN;
}

/** An `expect` object as the editor reads it: rates that are numbers, a window that is text. */
export function readExpect(value: unknown): {
  rates: Partial<Record<Outcome, number>>;
  within?: string;
} {
  if (!isRecord(value)) return { rates: {} };
  const rates: Partial<Record<Outcome, number>> = {};
  for (const outcome of OUTCOMES) {
    const rate = value[outcome];
    if (typeof rate === 'number') rates[outcome] = rate;
  }
  return {
    rates,
    ...(typeof value.within === 'string' && { within: value.within }),
  };
}

/**
 * The object to write after one change: `expect` with `key` set (or removed, for undefined), keys
 * in the file's order, unknown keys kept; undefined once nothing is left.
 */
export function withChange(
  value: unknown,
  key: Outcome | 'within',
  next: number | string | undefined,
): Record<string, unknown> | undefined {
  const current = isRecord(value) ? value : {};
  const out: Record<string, unknown> = {};
  for (const k of [...OUTCOMES, 'within'] as const) {
    const v = k === key ? next : current[k];
    if (v !== undefined) out[k] = v;
  }
  for (const [k, v] of Object.entries(current)) if (!(k in out) && k !== key) out[k] = v;
  return Object.keys(out).length > 0 ? out : undefined;
}
