import type { ApiEvent, ApiEventPayload, ApiHandlers } from '../../api/contract';
import { openDatabase, type Db } from '../sqlite/database';
import { DatasetRepository } from '../sqlite/dataset-repository';
import { JourneyRepository } from '../sqlite/journey-repository';
import { SimulationRunRepository } from '../sqlite/simulation-runs';
import { databaseFile, defaultDataDir } from './data-dir';
import { EventHub } from './event-hub';
import { dataHandlers } from './data.handlers';
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
}

export interface AppService {
  /** One handler per AppApi method; inputs must already be checked with `parseApiInput`. */
  handlers: ApiHandlers;
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEventPayload<E>) => void): () => void;
  /** Stops events and closes the database if this service opened it. */
  close(): void;
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
  const db = options.db ?? openDatabase(databaseFile(options.dataDir ?? defaultDataDir()));
  const now = options.now ?? (() => Date.now());
  const events = new EventHub();
  const journeys = new JourneyRepository(db);
  const datasets = new DatasetRepository(db);
  const runs = new SimulationRunRepository(db);
  const handlers = settled({
    ...libraryHandlers({ journeys, events, now }),
    ...templateHandlers(),
    ...dataHandlers({ datasets, events, now }),
    ...simulationHandlers({ journeys, datasets, runs, events, now }),
  } satisfies ApiHandlers);
  let closed = false;
  return {
    handlers,
    on: (event, listener) => events.on(event, listener),
    close() {
      if (closed) return;
      closed = true;
      events.clear();
      if (ownsDb) db.close();
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
