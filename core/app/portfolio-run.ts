import type { Journey } from '../model/journey';
import { DEFAULT_PRIORITY } from '../model/journey-settings';
import type { SendingPolicy } from '../policy/sending-policy';
import {
  PortfolioSimulation,
  type PortfolioInput,
  type PortfolioResult,
} from '../simulator/portfolio';
import type { PortfolioMember, SimulationReport } from '../simulator/report';
import type { SimulationResult } from '../simulator/simulate';
import type { SteppedSimulation } from '../simulator/winner-passes';

/** The journeys running live, as the app's simulations read them. */
export interface LiveJourneySource {
  /** Each journey running live, with the version that takes its entries. */
  running(): { journeyId: string; version: number }[];
  /** A frozen version of a journey. */
  version(journeyId: string, version: number): Journey | undefined;
}

/** A journey live beside the one simulated, at its live version. */
export interface LiveMember {
  journey: Journey;
  version: number;
}

/** The live journeys other than `journeyId`, each at its live version. */
export function otherLiveJourneys(live: LiveJourneySource, journeyId: string): LiveMember[] {
  return live.running().flatMap(({ journeyId: id, version }) => {
    if (id === journeyId) return [];
    const journey = live.version(id, version);
    return journey ? [{ journey, version }] : [];
  });
}

function priorityOf(journey: Journey): number {
  const priority = journey.settings.priority;
  return typeof priority === 'number' ? priority : DEFAULT_PRIORITY;
}

/**
 * The report of the journey simulated with the others: its own report, the policy, and what the
 * journeys did together, with each journey named and what it sent and lost.
 */
export function journeyInPortfolio(
  result: PortfolioResult,
  journey: Journey,
  others: readonly LiveMember[],
): SimulationReport {
  const { report } = result;
  const member = (j: Journey, version?: number): PortfolioMember => {
    const own = report.journeys[j.id];
    return {
      id: j.id,
      name: j.name,
      ...(version !== undefined && { version }),
      priority: priorityOf(j),
      sent: Object.values(own?.sent ?? {}).reduce((sum, n) => sum + (n ?? 0), 0),
      held: own?.skipped.policy ?? 0,
      ...(own?.assumptions && { assumptions: own.assumptions }),
    };
  };
  const own = report.journeys[journey.id] as SimulationReport;
  return {
    ...own,
    policy: report.policy,
    portfolio: {
      ...report.portfolio,
      journeys: [member(journey), ...others.map((o) => member(o.journey, o.version))],
    },
  };
}

/**
 * The journey with the other live journeys, as a simulation the app runs in slices; its result
 * is the journey's report with the portfolio (`journeyInPortfolio`).
 */
export function withLiveJourneys(
  input: Omit<PortfolioInput, 'journeys'> & { policy: SendingPolicy },
  journey: Journey,
  others: readonly LiveMember[],
): SteppedSimulation {
  const simulation = new PortfolioSimulation({
    ...input,
    journeys: [journey, ...others.map((o) => o.journey)],
  });
  return {
    advance: (count) => simulation.advance(count),
    get progress() {
      return simulation.progress;
    },
    get run() {
      return simulation.run;
    },
    result(): SimulationResult {
      const result = simulation.result();
      const { traces, messages, steps } = result;
      return { report: journeyInPortfolio(result, journey, others), traces, messages, steps };
    },
  };
}
