import type { ApiEvent, ApiEventPayload, ApiHandlers } from '../../api/contract';
import type { SecretStore } from '../../runtime/secret-store';
import { openDatabase, type Db } from '../sqlite/database';
import { SqliteOutbox } from '../sqlite/outbox-store';
import { DatasetRepository } from '../sqlite/dataset-repository';
import { JourneyRepository } from '../sqlite/journey-repository';
import { SimulationRunRepository } from '../sqlite/simulation-runs';
import { databaseFile, defaultDataDir } from './data-dir';
import { EventHub } from './event-hub';
import { dataHandlers } from './data.handlers';
import { executionHandlers } from './execution.handlers';
import { ExecutionRuntime } from './execution-runtime';
import { memorySecretStore } from './file-secret-store';
import { libraryHandlers } from './library.handlers';
import { simulationHandlers } from './simulation.handlers';
import { templateHandlers } from './templates.handlers';

export interface AppServiceOptions {
  /** The app's data folder; the database lives in it. Defaults to the desktop app's folder. */
  dataDir?: string;
  /** An open database to use instead (tests, or a shell that opened it itself). */
  db?: Db;
  /** The clock for `updatedAt`; the system clock by default. */
  now?: () => number;
  /** Where the engine reads the SMTP password; it never stores the password itself. */
  secrets?: SecretStore;
  /** The event API's port (0: any free one); the saved one, else 8787, by default. */
  eventApiPort?: number;
  /** Problems of the live engine worth telling the operator about. */
  log?: (line: string) => void;
}

export interface AppService {
  /** One handler per AppApi method; inputs must already be checked with `parseApiInput`. */
  handlers: ApiHandlers;
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEventPayload<E>) => void): () => void;
  /**
   * Stops the live engine cleanly (work left resumes at the next start), stops events and
   * closes the database if this service opened it.
   */
  close(): Promise<void>;
}

/**
 * The engine side of the AppApi, shared by the Electron shell (over IPC) and browser mode (over
 * HTTP). Handlers are grouped by area, one file each.
 *
 * @example
 * const service = createAppService({ dataDir: app.getPath('userData') });
 * const list = await service.handlers.listJourneys({});
 */
export function createAppService(options: AppServiceOptions = {}): AppService {
  const ownsDb = options.db === undefined;
  const file =
    options.dataDir !== undefined || ownsDb
      ? databaseFile(options.dataDir ?? defaultDataDir())
      : undefined;
  const db = options.db ?? openDatabase(file as string);
  const now = options.now ?? (() => Date.now());
  const events = new EventHub();
  const journeys = new JourneyRepository(db);
  const datasets = new DatasetRepository(db);
  const runs = new SimulationRunRepository(db);
  const secrets = options.secrets ?? memorySecretStore();
  const outbox = new SqliteOutbox(db);
  const runtime = new ExecutionRuntime({
    db,
    outbox,
    ...(file !== undefined && { databaseFile: file }),
    secrets,
    events,
    ...(options.eventApiPort !== undefined && { eventApiPort: options.eventApiPort }),
    ...(options.log && { log: options.log }),
  });
  const handlers = settled({
    ...libraryHandlers({ journeys, events, now }),
    ...templateHandlers(),
    ...dataHandlers({ datasets, events, now }),
    ...simulationHandlers({ journeys, datasets, runs, events, now }),
    ...executionHandlers({ journeys, events, runtime, outbox, secrets, now }),
  } satisfies ApiHandlers);
  // Journeys left running (or work left over) carry on as soon as the app opens.
  runtime.startIfBusy();
  let closing: Promise<void> | undefined;
  return {
    handlers,
    on: (event, listener) => events.on(event, listener),
    close() {
      closing ??= (async () => {
        await runtime.close();
        events.clear();
        if (ownsDb) db.close();
      })();
      return closing;
    },
  };
}

/** Every handler answers with a promise, also when it refuses its input synchronously. */
function settled(handlers: ApiHandlers): ApiHandlers {
  const out: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const [name, handler] of Object.entries(handlers)) {
    const call = handler as (input: unknown) => Promise<unknown>;
    out[name] = (input) => {
      try {
        return call(input);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
  }
  return out as ApiHandlers;
}
