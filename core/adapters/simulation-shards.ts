import { parentPort, Worker } from 'node:worker_threads';
import type { Assumption } from '../forecast/assumptions';
import {
  EngagementCounter,
  JourneysEngagement,
  type DataEstimates,
  type EngagementBasis,
} from '../forecast/data-estimates';
import { forecastReport } from '../forecast/forecast-report';
import { mergeRunCounts, type RunCounts } from '../forecast/run-counts';
import type { JourneyEvent } from '../model/event';
import type { Journey } from '../model/journey';
import type { Profile } from '../model/profile';
import type { SendingPolicy } from '../policy/sending-policy';
import { murmur3 } from '../runtime/hash';
import { mergeReports } from '../simulator/merge-reports';
import type { SimulationReport } from '../simulator/report';
import { PortfolioSimulation } from '../simulator/portfolio';
import { Simulation } from '../simulator/simulate';
import type { PortfolioRunCounts } from '../forecast/portfolio-forecast';
import { fileSource } from './import/file-source';
import type { TraceStep } from '../simulator/trace';
import { ImportError } from '../import/import-problems';
import { importEvents, importProfiles, type ImportSummary } from '../import/importer';

/**
 * A large simulation spread over threads. Nothing connects one profile to another, so each
 * thread reads the files, keeps the profiles whose id hashes to its share, and simulates them;
 * the reports add up to the report of the whole cohort. Reading is repeated in every thread,
 * which costs no wall time when each has a core, and saves handing millions of rows across.
 */
export interface ShardJob {
  kind: 'journey-studio/simulation-shard';
  journey: Journey;
  profilesFile?: string;
  profileMapping?: string;
  eventsFile?: string;
  eventMapping?: string;
  /** The sheet of a workbook to read. */
  sheet?: string | number;
  seed: number;
  trace: string[];
  shard: number;
  shards: number;
  /** A forecast's runs (1 by default). */
  runs?: number;
  /** Count message engagement in the data, for the forecast's assumptions. */
  engagement?: EngagementBasis;
  /** The library's sending policy (DESIGN §8). */
  policy?: SendingPolicy;
  /**
   * Several journeys simulated together (DESIGN §8; `journey` is ignored): each thread counts what
   * the data says of engagement for each, and answers with each run's counts.
   */
  portfolio?: Journey[];
}

type ToMain =
  | {
      type: 'loaded';
      firstEvent?: number;
      lastEvent?: number;
      /** Only the first shard reports the imports: every shard reads the same rows. */
      profiles?: ImportSummary;
      events?: ImportSummary;
      /** What the data says of engagement (first shard; every shard counts every row). */
      estimates?: DataEstimates;
      /** The same for each journey of a portfolio, by journey id. */
      estimatesByJourney?: Record<string, DataEstimates>;
    }
  | {
      type: 'done';
      report: SimulationReport;
      traces: [string, TraceStep[]][];
      steps: number;
      runs?: RunCounts[];
    }
  | {
      type: 'done-portfolio';
      profiles: number;
      runs: PortfolioRunCounts[];
      traces: [string, TraceStep[]][];
      steps: number;
    }
  | { type: 'failed'; message: string; importError: boolean };

export type Loaded = Extract<ToMain, { type: 'loaded' }>;

type ToShard = {
  type: 'run';
  start: number;
  end: number;
  assumptions?: Assumption[];
  /** A portfolio's assumptions, by journey id. */
  byJourney?: Record<string, Assumption[]>;
};

export function isShardJob(data: unknown): data is ShardJob {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as ShardJob).kind === 'journey-studio/simulation-shard'
  );
}

function inShard(profileId: string, shard: number, shards: number): boolean {
  return murmur3(profileId, 0x51a4d) % shards === shard;
}

/** The thread's side: read, say what was read, then simulate the window it is given. */
export async function runShard(job: ShardJob): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('runShard runs in a worker thread');
  const send = (message: ToMain) => port.postMessage(message);
  try {
    const profiles: Profile[] = [];
    const events: JourneyEvent[] = [];
    let firstEvent: number | undefined;
    let lastEvent: number | undefined;
    const mine = (id: string) => inShard(id, job.shard, job.shards);
    const first = job.shard === 0;
    // Only the first shard needs the counts; the others would count the same rows alike.
    const counter = !first
      ? undefined
      : job.portfolio
        ? new JourneysEngagement(job.portfolio)
        : job.engagement && new EngagementCounter(job.engagement);
    const profileSummary = job.profilesFile
      ? await importProfiles(fileSource(job.profilesFile), {
          mapping: job.profileMapping,
          ...(job.sheet !== undefined && { sheet: job.sheet }),
          onRow: (p) => {
            counter?.addProfile(p);
            if (mine(p.id)) profiles.push(p);
          },
        })
      : undefined;
    const eventSummary = job.eventsFile
      ? await importEvents(fileSource(job.eventsFile), {
          mapping: job.eventMapping,
          ...(job.sheet !== undefined && { sheet: job.sheet }),
          onRow: (e) => {
            if (firstEvent === undefined || e.time < firstEvent) firstEvent = e.time;
            if (lastEvent === undefined || e.time > lastEvent) lastEvent = e.time;
            counter?.add(e);
            if (mine(e.profileId)) events.push(e);
          },
        })
      : undefined;
    send({
      type: 'loaded',
      firstEvent,
      lastEvent,
      ...(first && { profiles: profileSummary, events: eventSummary }),
      ...(counter instanceof EngagementCounter && { estimates: counter.estimates() }),
      ...(counter instanceof JourneysEngagement && { estimatesByJourney: counter.estimates() }),
    });
    const window = await new Promise<ToShard>((resolve) => port.once('message', resolve));
    if (job.portfolio) {
      const together = new PortfolioSimulation({
        journeys: job.portfolio,
        profiles,
        events,
        start: window.start,
        end: window.end,
        seed: job.seed,
        trace: new Set(job.trace),
        runs: job.runs,
        ...(window.byJourney && { assumptions: window.byJourney }),
        policy: job.policy,
      });
      together.advance(Number.POSITIVE_INFINITY);
      const result = together.result();
      send({
        type: 'done-portfolio',
        profiles: result.report.profiles,
        runs: result.runs,
        traces: [...result.traces],
        steps: result.steps,
      });
      return;
    }
    const simulation = new Simulation({
      journey: job.journey,
      profiles,
      events,
      start: window.start,
      end: window.end,
      seed: job.seed,
      trace: new Set(job.trace),
      runs: job.runs,
      assumptions: window.assumptions,
      policy: job.policy,
    });
    simulation.advance(Number.POSITIVE_INFINITY);
    const result = simulation.result();
    send({
      type: 'done',
      report: result.report,
      traces: [...result.traces],
      steps: result.steps,
      ...(result.runs && { runs: result.runs }),
    });
  } catch (error) {
    send({
      type: 'failed',
      message: error instanceof Error ? error.message : String(error),
      importError: error instanceof ImportError,
    });
  }
}

export interface ShardedInput {
  journey: Journey;
  profilesFile?: string;
  profileMapping?: string;
  eventsFile?: string;
  eventMapping?: string;
  /** The sheet of a workbook to read. */
  sheet?: string | number;
  seed: number;
  trace: string[];
  /** Decides the window once every shard has read its events (their overall first and last). */
  window: (
    firstEvent: number | undefined,
    lastEvent: number | undefined,
  ) => { start: number; end: number };
  /** A forecast's runs (1 by default). */
  runs?: number;
  /** Count message engagement in the data (given to `assume`). */
  engagement?: EngagementBasis;
  /** The library's sending policy (DESIGN §8). */
  policy?: SendingPolicy;
  /**
   * The forecast's assumptions, from what the data says (when `engagement` is given); none for a
   * plain replay.
   */
  assume?: (estimates: DataEstimates | undefined) => Assumption[] | undefined;
}

export interface ShardedResult {
  report: SimulationReport;
  traces: Map<string, TraceStep[]>;
  steps: number;
  profiles?: ImportSummary;
  events?: ImportSummary;
}

/**
 * The report of the whole cohort from the shards' parts: their reports added up, or for a
 * forecast, each run's counts added up across shards, then the spreads over the runs.
 */
function mergeShardReports(
  done: readonly { report: SimulationReport; runs?: RunCounts[] }[],
  assumptions: Assumption[] | undefined,
): SimulationReport {
  const runs = done[0]?.runs;
  if (!runs) return mergeReports(done.map((d) => d.report));
  const merged = runs.map((_, run) =>
    mergeRunCounts(done.map((d) => (d.runs as RunCounts[])[run] as RunCounts)),
  );
  return forecastReport(merged, assumptions ?? []);
}

/** Raised in the main thread for a file a shard could not read; carries the import's message. */
export class ShardImportError extends Error {}

/**
 * Runs `shards` threads of `script` (an entry that calls `runShard` for a shard job): each reads
 * the files; `start` decides, from what they all read, what they simulate; their answers follow.
 */
export async function inShards(
  job: Omit<ShardJob, 'kind' | 'shard' | 'shards'>,
  shards: number,
  script: URL,
  start: (loaded: Loaded[]) => ToShard,
): Promise<{ loaded: Loaded[]; done: ToMain[] }> {
  const workers = Array.from(
    { length: shards },
    (_, shard) =>
      new Worker(script, {
        workerData: {
          kind: 'journey-studio/simulation-shard',
          ...job,
          shard,
          shards,
        } satisfies ShardJob,
      }),
  );
  const inbox = workers.map((worker) => {
    const queue: ToMain[] = [];
    const waiting: ((m: ToMain) => void)[] = [];
    worker.on('message', (message: ToMain) => {
      const next = waiting.shift();
      if (next) next(message);
      else queue.push(message);
    });
    const fail = (message: string) => {
      const failed: ToMain = { type: 'failed', message, importError: false };
      const next = waiting.shift();
      if (next) next(failed);
      else queue.push(failed);
    };
    worker.on('error', (error) => fail(error.message));
    // A thread that ends without answering (a script that is not a simulation thread's) must not
    // leave the simulation waiting; after its answers, this is never read.
    worker.on('exit', (code) => fail(`a simulation thread stopped (exit code ${code})`));
    return () =>
      new Promise<ToMain>((resolve) =>
        queue.length ? resolve(queue.shift() as ToMain) : waiting.push(resolve),
      );
  });
  try {
    const loaded = (await Promise.all(inbox.map((next) => next()))).map((m) =>
      expectMessage(m, 'loaded'),
    );
    const run = start(loaded);
    workers.forEach((worker) => worker.postMessage(run));
    return { loaded, done: await Promise.all(inbox.map((next) => next())) };
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

export function expectMessage<T extends ToMain['type']>(
  message: ToMain,
  type: T,
): Extract<ToMain, { type: T }> {
  if (message.type === 'failed')
    throw message.importError ? new ShardImportError(message.message) : new Error(message.message);
  if (message.type !== type)
    throw new Error(`simulation thread answered ${message.type}, not ${type}`);
  return message as Extract<ToMain, { type: T }>;
}

/** The window from what the threads read: their overall first and last event. */
export function windowOfShards(
  loaded: readonly Loaded[],
  decide: ShardedInput['window'],
): { start: number; end: number } {
  const firsts = loaded.map((l) => l.firstEvent).filter((t): t is number => t !== undefined);
  const lasts = loaded.map((l) => l.lastEvent).filter((t): t is number => t !== undefined);
  return decide(
    firsts.length ? Math.min(...firsts) : undefined,
    lasts.length ? Math.max(...lasts) : undefined,
  );
}

export function tracesOf(
  done: readonly { traces: [string, TraceStep[]][] }[],
): Map<string, TraceStep[]> {
  const traces = new Map<string, TraceStep[]>();
  for (const part of done) for (const [id, steps] of part.traces) traces.set(id, steps);
  return traces;
}

/** Runs `shards` threads of `script` (an entry that calls `runShard` for a shard job). */
export async function simulateInShards(
  input: ShardedInput,
  shards: number,
  script: URL,
): Promise<ShardedResult> {
  const { window: decideWindow, assume, ...rest } = input;
  let assumptions: Assumption[] | undefined;
  const { loaded, done } = await inShards(rest, shards, script, (all) => {
    assumptions = assume?.(all[0]?.estimates);
    return { type: 'run', ...windowOfShards(all, decideWindow), assumptions };
  });
  const parts = done.map((m) => expectMessage(m, 'done'));
  return {
    report: mergeShardReports(parts, assumptions),
    traces: tracesOf(parts),
    steps: parts.reduce((sum, d) => sum + d.steps, 0),
    profiles: loaded[0]?.profiles,
    events: loaded[0]?.events,
  };
}
