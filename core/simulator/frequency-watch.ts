import type { Journey } from '../model/journey';
import { buildGraph } from '../model/journey-graph';
import { journeyLoops } from '../model/journey-loops';
import { stepTitle } from '../validation/checks/check-wording';
import type { ReportWarning } from './window';

/** More than this many messages to one person in any `per` is flagged (forecast spec §4). */
export const FREQUENCY_LIMIT = { messages: 7, per: 'P7D', millis: 7 * 86_400_000 } as const;

/** A loop of the journey, by its steps' ids and names. */
export interface NamedLoop {
  steps: string[];
  names: string[];
}

/** People who would get more messages than the limit, and the loops that sent them. */
export interface FrequencyReport {
  /** The most messages in any `per` before a person is counted. */
  limit: number;
  /** ISO duration. */
  per: string;
  /** People who got more than `limit` messages in some `per`. */
  profiles: number;
  /** Loops holding a message those people got more than once in that time. */
  loops: NamedLoop[];
}

/**
 * Watches the messages each person gets for more than the limit in any window of `per` (the
 * window `(t − per, t]` ending at each message). Records come one profile at a time, as the
 * simulator runs them, so only the current person's last messages are kept.
 */
export class FrequencyWatch {
  private profile: string | undefined;
  private times: number[] = [];
  private nodes: string[] = [];
  private from = 0;
  private flagged = false;
  private count = 0;
  /** Message steps a flagged person got more than once within the window. */
  private readonly repeated = new Set<string>();

  message(profileId: string, nodeId: string, at: number): void {
    if (profileId !== this.profile) {
      this.profile = profileId;
      this.times = [];
      this.nodes = [];
      this.from = 0;
      this.flagged = false;
    }
    this.times.push(at);
    this.nodes.push(nodeId);
    while ((this.times[this.from] as number) <= at - FREQUENCY_LIMIT.millis) this.from++;
    if (this.times.length - this.from <= FREQUENCY_LIMIT.messages) return;
    if (!this.flagged) {
      this.flagged = true;
      this.count++;
    }
    const seen = new Set<string>();
    for (let i = this.from; i < this.nodes.length; i++) {
      const node = this.nodes[i] as string;
      if (seen.has(node)) this.repeated.add(node);
      seen.add(node);
    }
  }

  /** The figures, with the loops named (those holding a message sent repeatedly). */
  result(journey: Journey): FrequencyReport {
    const graph = buildGraph(journey);
    const loops = journeyLoops(graph)
      .filter((steps) => steps.some((id) => this.repeated.has(id)))
      .map((steps) => ({
        steps,
        names: steps.map((id) => {
          const node = graph.nodes.get(id);
          return node ? stepTitle(node) : id;
        }),
      }));
    return {
      limit: FREQUENCY_LIMIT.messages,
      per: FREQUENCY_LIMIT.per,
      profiles: this.count,
      loops,
    };
  }
}

/** The warning for people over the limit, naming the loops that sent them; none when nobody is. */
export function frequencyWarning(frequency: FrequencyReport): ReportWarning | undefined {
  if (frequency.profiles === 0) return undefined;
  const who = `${frequency.profiles.toLocaleString('en')} ${frequency.profiles === 1 ? 'person' : 'people'}`;
  const loops = frequency.loops.map((l) => l.names.map((n) => `“${n}”`).join(' → '));
  const why = loops.length
    ? ` Each time round, ${loops.length > 1 ? `the loops ${loops.join(' and ')} send their` : `the loop ${loops[0] ?? ''} sends its`} messages again.`
    : '';
  return {
    code: 'frequency-over-limit',
    message: `${who} would get more than ${frequency.limit} messages in 7 days.${why} Add a frequency cap, or a way out of the loop.`,
  };
}
