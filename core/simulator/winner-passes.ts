import {
  firstDecision,
  type AutoWinnerRule,
  type SplitLog,
  type WinnerDecision,
} from '../forecast/auto-winner';
import type { Journey } from '../model/journey';
import { isNodeKind, nodeDefinition } from '../nodes/registry';
import type { StepObserver, StepRecord } from '../runtime/ports';
import type { SimulationInput, SimulationProgress, SimulationResult } from './simulate';

/** A simulation a host runs in slices: `Simulation`, or passes of it (`WinnerPasses`). */
export interface SteppedSimulation {
  /** Simulates up to `count` more profiles; true while some remain. */
  advance(count: number): boolean;
  readonly progress: SimulationProgress;
  /** The forecast run under way (0 outside forecasts). */
  readonly run: number;
  result(): SimulationResult;
}

/** Makes one pass: a `Simulation` of the input (or, later, several runs of it). */
export type SimulationFactory = (input: SimulationInput) => SteppedSimulation;

/** A split that picks its winner automatically: its variants in order, and its rule. */
export interface SplitUnderTest {
  variants: string[];
  rule: AutoWinnerRule;
}

/** The journey's splits with an automatic winner, by node id. */
export function autoWinnerSplits(journey: Journey): Map<string, SplitUnderTest> {
  const out = new Map<string, SplitUnderTest>();
  for (const node of journey.nodes) {
    if (!isNodeKind(node.kind)) continue;
    const { branches, schema } = nodeDefinition(node.kind);
    if (!branches?.autoWinner) continue;
    // A config that does not parse makes the simulation refuse the journey, with the reason.
    const parsed = schema.safeParse(node.config);
    const rule = parsed.success ? branches.autoWinner(parsed.data) : undefined;
    if (parsed.success && rule)
      out.set(node.id, { variants: branches.variants(parsed.data).map((v) => v.key), rule });
  }
  return out;
}

/**
 * What a pass needs to find the decisions: per split, every assignment and every conversion
 * attributed to one (DESIGN §4), with its time and variant. Plain data, so logs of parts of the
 * cohort (threads) can be sent and added up.
 */
export class AssignmentLog implements StepObserver {
  readonly logs = new Map<
    string,
    { assigned: SplitLog['assigned'][number][]; converted: SplitLog['converted'][number][] }
  >();

  constructor(splits: Iterable<string>) {
    for (const id of splits) this.logs.set(id, { assigned: [], converted: [] });
  }

  record(step: StepRecord): void {
    if (step.type === 'variant')
      this.logs.get(step.nodeId)?.assigned.push({ at: step.at, key: step.key });
    else if (step.type === 'variant-convert')
      this.logs.get(step.nodeId)?.converted.push({ at: step.at, key: step.key });
  }

  /** Adds the log of another part of the cohort. */
  add(other: ReadonlyMap<string, SplitLog>): void {
    for (const [id, log] of other) {
      const mine = this.logs.get(id);
      if (!mine) continue;
      mine.assigned.push(...log.assigned);
      mine.converted.push(...log.converted);
    }
  }
}

/** One `AssignmentLog` per forecast run: each run decides its own winners. */
class RunLogs implements StepObserver {
  readonly logs: AssignmentLog[];
  /** The run under way, asked of the simulation the logs observe. */
  runOf: () => number = () => 0;

  constructor(splits: Iterable<string>, runs: number) {
    const ids = [...splits];
    this.logs = Array.from({ length: runs }, () => new AssignmentLog(ids));
  }

  record(step: StepRecord): void {
    this.logs[this.runOf()]?.record(step);
  }
}

/**
 * The decisions after those already made: among the undecided splits, those that decide at the
 * earliest hour (a pass with every earlier decision applied is exact up to that hour, so these
 * are exact too). Undefined when no further split decides.
 */
export function nextDecisions(
  logs: ReadonlyMap<string, SplitLog>,
  splits: ReadonlyMap<string, SplitUnderTest>,
  decided: Readonly<Record<string, WinnerDecision>>,
): Record<string, WinnerDecision> | undefined {
  const found = new Map<string, WinnerDecision>();
  for (const [id, split] of splits) {
    if (decided[id]) continue;
    const log = logs.get(id);
    const decision = log && firstDecision(log, split.variants, split.rule);
    if (decision) found.set(id, decision);
  }
  if (found.size === 0) return undefined;
  const earliest = Math.min(...[...found.values()].map((d) => d.at));
  const next = { ...decided };
  for (const [id, decision] of found) if (decision.at === earliest) next[id] = decision;
  return next;
}

/**
 * A simulation of a journey whose splits pick their winner automatically (forecast spec §5).
 * The simulator runs one profile's whole window before the next, so no pass knows what the
 * cohort has done by a given hour; a decision at hour H depends only on what happened before H,
 * though. So: a pass without decisions logs every assignment and conversion; the earliest
 * decision is found in the log (`firstDecision`); the next pass applies it; and so on until a
 * pass finds nothing more. A forecast's runs each decide from their own log, in the same passes.
 * At most one pass per split and one more; with observers of its own, the input gets one final
 * pass that they see (the passes before are the driver's business).
 */
export class WinnerPasses implements SteppedSimulation {
  private readonly splits: Map<string, SplitUnderTest>;
  private readonly passes: number;
  /** Per run, the automatic winners decided so far. */
  private decisions: Record<string, WinnerDecision>[];
  private simulation: SteppedSimulation;
  /** The logs of the pass under way; none in the final pass. */
  private log: RunLogs | undefined;
  private pass = 0;
  private finished = false;

  constructor(
    private readonly input: SimulationInput,
    private readonly make: SimulationFactory,
  ) {
    this.splits = autoWinnerSplits(input.journey);
    this.passes = this.splits.size + 1 + (input.observers?.length ? 1 : 0);
    this.decisions = Array.from({ length: input.runs ?? 1 }, () => ({}));
    this.simulation = this.searching();
  }

  /** Run 0's automatic winners decided so far, by split node id. */
  get decided(): Readonly<Record<string, WinnerDecision>> {
    return this.decisions[0] ?? {};
  }

  private withDecisions(observers: readonly StepObserver[] | undefined): SteppedSimulation {
    const winners = this.decisions.map((d) => ({ ...d }));
    return this.make({
      ...this.input,
      winners: winners.length === 1 ? winners[0] : winners,
      observers,
    });
  }

  private searching(): SteppedSimulation {
    const log = new RunLogs(this.splits.keys(), this.decisions.length);
    const simulation = this.withDecisions([log]);
    log.runOf = () => simulation.run;
    this.log = log;
    return simulation;
  }

  advance(count: number): boolean {
    if (this.finished) return false;
    if (this.simulation.advance(count)) return true;
    this.pass++;
    const log = this.log;
    if (log) {
      let found = false;
      this.decisions = this.decisions.map((decided, run) => {
        const next = nextDecisions((log.logs[run] as AssignmentLog).logs, this.splits, decided);
        if (next) found = true;
        return next ?? decided;
      });
      if (found) {
        this.simulation = this.searching();
        return true;
      }
      if (this.input.observers?.length) {
        this.log = undefined;
        this.simulation = this.withDecisions(this.input.observers);
        return true;
      }
    }
    this.finished = true;
    return false;
  }

  get progress(): SimulationProgress {
    const { done, total } = this.simulation.progress;
    if (this.finished) return { done: total * this.passes, total: total * this.passes };
    return { done: this.pass * total + done, total: total * this.passes };
  }

  get run(): number {
    return this.simulation.run;
  }

  result(): SimulationResult {
    return this.simulation.result();
  }
}
