import type { Filter } from '../conditions/condition';
import { elapsedMillis, requireDuration } from '../model/duration';
import type { CompiledJourney } from '../runtime/compiled-journey';
import type { Persona } from '../simulator/sample-data';
import type { Assumption } from './assumptions';
import { engagementOf } from './data-estimates';
import type { Outcome } from './expect';
import type { PersonaOutcome } from './personas';

/** The rates of one message node, as the response model draws them. */
export interface NodePlan {
  channel: string;
  /** Event names of an open and a click on this channel. */
  opened: string;
  clicked: string;
  rates: Partial<Record<Outcome, number>>;
  /** The response window, as elapsed time. */
  withinMs: number;
}

/** Everything the response model needs, read once from the assumptions. */
export interface ForecastPlan {
  nodes: ReadonlyMap<string, NodePlan>;
  /** Persona multipliers by persona, when the assumptions list them. */
  personas?: ReadonlyMap<Persona, Partial<Record<PersonaOutcome, number>>>;
  fatigue?: { perMs: number; decay: number };
  /** What a caused order is worth when its trigger event says nothing. */
  meanValue?: number;
  /** The goal a caused conversion performs, with the properties its filters require. */
  goal?: { event: string; where?: Filter[]; properties: Readonly<Record<string, unknown>> };
}

/** The properties a goal's filters require by equality: a caused conversion carries them. */
function requiredProperties(where: readonly Filter[] | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const filter of where ?? []) if (filter.op === 'eq') out[filter.property] = filter.value;
  return out;
}

/**
 * The plan of a forecast from its assumptions (resolveAssumptions), or undefined when nothing
 * can respond. Rebuilt from the list alone, so a forecast can be repeated from its report (the
 * app's trace of one profile does).
 */
export function planOf(
  journey: CompiledJourney,
  assumptions: readonly Assumption[],
): ForecastPlan | undefined {
  const nodes = new Map<string, NodePlan>();
  const personas = new Map<Persona, Partial<Record<PersonaOutcome, number>>>();
  let fatigue: ForecastPlan['fatigue'];
  let meanValue: number | undefined;
  for (const assumption of assumptions) {
    if ('node' in assumption) {
      const node = journey.nodes.get(assumption.node);
      const channel = node?.definition.sends?.channel(node.config);
      if (!node || channel === undefined) continue;
      let plan = nodes.get(assumption.node);
      if (!plan) {
        const { opened, clicked } = engagementOf(channel);
        plan = {
          channel,
          opened,
          clicked,
          rates: {},
          withinMs: elapsedMillis(requireDuration(assumption.within)),
        };
        nodes.set(assumption.node, plan);
      }
      plan.rates[assumption.outcome] = assumption.rate;
    } else if ('persona' in assumption) {
      const multipliers = personas.get(assumption.persona) ?? {};
      multipliers[assumption.outcome] = assumption.multiplier;
      personas.set(assumption.persona, multipliers);
    } else if (assumption.outcome === 'fatigue') {
      fatigue = { perMs: elapsedMillis(requireDuration(assumption.per)), decay: assumption.decay };
    } else if (assumption.value !== undefined) {
      meanValue = assumption.value;
    }
  }
  if (nodes.size === 0) return undefined;
  const goal = journey.settings.goal;
  return {
    nodes,
    ...(personas.size > 0 && { personas }),
    ...(fatigue && { fatigue }),
    ...(meanValue !== undefined && { meanValue }),
    ...(goal && {
      goal: { event: goal.event, where: goal.where, properties: requiredProperties(goal.where) },
    }),
  };
}
