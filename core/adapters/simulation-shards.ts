import { parentPort, Worker } from 'node:worker_threads';
import type { Assumption } from '../forecast/assumptions';
import {
  EngagementCounter,
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
import { Simulation } from '../simulator/simulate';
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
    }
  | {
      type: 'done';
      report: SimulationReport;
      traces: [string, TraceStep[]][];
      steps: number;
      runs?: RunCounts[];
    }
  | { type: 'failed'; message: string; importError: boolean };

type ToShard = { type: 'run'; start: number; end: number; assumptions?: Assumption[] };

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
    const counter = first && job.engagement ? new EngagementCounter(job.engagement) : undefined;
    const profileSummary = job.profilesFile
      ? await importProfiles(fileSource(job.profilesFile), {
          mapping: job.profileMapping,
          onRow: (p) => {
            counter?.addProfile(p);
            if (mine(p.id)) profiles.push(p);
          },
        })
      : undefined;
    const eventSummary = job.eventsFile
      ? await importEvents(fileSource(job.eventsFile), {
          mapping: job.eventMapping,
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
      ...(counter && { estimates: counter.estimates() }),
    });
    const window = await new Promise<ToShard>((resolve) => port.once('message', resolve));
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

/** Runs `shards` threads of `script` (an entry that calls `runShard` for a shard job). */
export async function simulateInShards(
  input: ShardedInput,
  shards: number,
  script: URL,
): Promise<ShardedResult> {
  const { window: decideWindow, assume, ...rest } = input;
  const workers = Array.from(
    { length: shards },
    (_, shard) =>
      new Worker(script, {
        workerData: {
          kind: 'journey-studio/simulation-shard',
          ...rest,
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
    worker.on('error', (error) => {
      const failed: ToMain = { type: 'failed', message: error.message, importError: false };
      const next = waiting.shift();
      if (next) next(failed);
      else queue.push(failed);
    });
    return () =>
      new Promise<ToMain>((resolve) =>
        queue.length ? resolve(queue.shift() as ToMain) : waiting.push(resolve),
      );
  });
  const expect = <T extends ToMain['type']>(
    message: ToMain,
    type: T,
  ): Extract<ToMain, { type: T }> => {
    if (message.type === 'failed')
      throw message.importError
        ? new ShardImportError(message.message)
        : new Error(message.message);
    if (message.type !== type)
      throw new Error(`simulation thread answered ${message.type}, not ${type}`);
    return message as Extract<ToMain, { type: T }>;
  };
  try {
    const loaded = (await Promise.all(inbox.map((next) => next()))).map((m) => expect(m, 'loaded'));
    const firsts = loaded.map((l) => l.firstEvent).filter((t): t is number => t !== undefined);
    const lasts = loaded.map((l) => l.lastEvent).filter((t): t is number => t !== undefined);
    const window = decideWindow(
      firsts.length ? Math.min(...firsts) : undefined,
      lasts.length ? Math.max(...lasts) : undefined,
    );
    const assumptions = assume?.(loaded[0]?.estimates);
    workers.forEach((worker) =>
      worker.postMessage({ type: 'run', ...window, assumptions } satisfies ToShard),
    );
    const done = (await Promise.all(inbox.map((next) => next()))).map((m) => expect(m, 'done'));
    const traces = new Map<string, TraceStep[]>();
    for (const part of done) for (const [id, steps] of part.traces) traces.set(id, steps);
    return {
      report: mergeShardReports(done, assumptions),
      traces,
      steps: done.reduce((sum, d) => sum + d.steps, 0),
      profiles: loaded[0]?.profiles,
      events: loaded[0]?.events,
    };
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
