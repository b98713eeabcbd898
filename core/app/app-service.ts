import type { ApiEvent, ApiEventPayload, ApiHandlers } from '../api/contract';
import type { OutboxMessageStatus } from '../api/execution-contract';
import type { Timers } from '../executor/ports';
import type { SecretStore } from '../runtime/secret-store';
import { AppEngine, type EngineLauncher } from './app-engine';
import { dataHandlers } from './data.handlers';
import { dressInBrand } from '../email-design/designed-journey';
import { designHandlers, savedBrandKit } from './design.handlers';
import { EventHub } from './event-hub';
import { executionHandlers, type TestMailer } from './execution.handlers';
import { libraryHandlers } from './library.handlers';
import { policyHandlers, savedPolicy } from './policy.handlers';
import type {
  AppSettings,
  BackupStore,
  DatasetStore,
  FeedbackMailbox,
  ExecutionRecords,
  ImageLibrary,
  JourneyLibrary,
  OutboxLog,
  SimulationRunStore,
  VersionHistoryStore,
} from './ports';
import { ServerConsole, type ServerConsolePorts } from './server-console';
import { settingsHandlers } from './settings.handlers';
import { simulationHandlers } from './simulation.handlers';
import { templateHandlers } from './templates.handlers';
import { versionHandlers } from './versions.handlers';

/** The engine side of the AppApi, as the Electron engine process and browser mode serve it. */
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

/** Everything the app service works through; core/adapters/local-app.ts plugs in SQLite. */
export interface AppPorts {
  journeys: JourneyLibrary;
  datasets: DatasetStore;
  runs: SimulationRunStore;
  executions: ExecutionRecords;
  outbox: OutboxLog;
  settings: AppSettings;
  /** The library's images, for email designs. */
  images: ImageLibrary;
  /** Notes and approvals of published versions. */
  history: VersionHistoryStore;
  /** Where the engine reads the SMTP password; it never stores the password itself. */
  secrets: SecretStore;
  /** Runs `work` as one transaction: all of it is stored, or none. */
  transaction: <T>(work: () => T) => T;
  /** Starts the live engine on this database. */
  launcher: EngineLauncher;
  /** The library's daily backups. */
  backups: BackupStore;
  /** The mailbox read for unsubscribes, bounces and complaints. */
  mailbox: FeedbackMailbox;
  /** Whether a journey is live or work is waiting, so the engine starts with the app. */
  engineHasWork(): boolean;
  sendTestMail: TestMailer;
  /** The time for `updatedAt`, run records and state changes. */
  now: () => number;
  /** A new unique id (a UUID). */
  newId: () => string;
  timers: Timers;
  /** Problems of the live engine worth telling the operator about. */
  log?: (line: string) => void;
  /** Called last when the service closes (the database it opened). */
  onClose?: () => void | Promise<void>;
  /**
   * How the app reaches a server engine to run journeys there; without it, this engine runs
   * them itself (it is the server) and says its secrets are kept as `secrets` protects them.
   */
  server?: ServerConsolePorts;
}

/**
 * The engine side of the AppApi, shared by the Electron shell (over IPC) and browser mode (over
 * HTTP). Handlers are grouped by area, one file each, and reach storage only through `ports`.
 */
export function buildAppService(ports: AppPorts): AppService {
  const { journeys, datasets, runs, executions, outbox, settings, secrets, now, newId } = ports;
  const events = new EventHub();
  const engine = new AppEngine({
    launcher: ports.launcher,
    settings,
    secrets,
    executions,
    messageCounts: (): Record<OutboxMessageStatus, number> => outbox.countsOf(),
    events,
    timers: ports.timers,
    ...(ports.log && { log: ports.log }),
  });
  const server = new ServerConsole(
    {
      settings,
      secrets,
      ...(ports.log && { log: ports.log }),
      ...(ports.server ?? {
        secretsKeptIn: async () =>
          (await secrets.protection()) === 'os' ? 'keychain' : 'plain-text',
      }),
    },
    events,
  );
  const own = {
    ...libraryHandlers({
      journeys,
      events,
      now,
      liveVersion: (id) => executions.record(id).liveVersion,
      // Starters wear the library's brand kit once it has one; until then, Nordic Shop's.
      dressStarter: (journey) => {
        const brand = savedBrandKit(settings);
        return brand.saved ? dressInBrand(journey, brand.kit) : Promise.resolve(journey);
      },
    }),
    ...templateHandlers(),
    ...dataHandlers({ datasets, events, now, newId }),
    ...simulationHandlers({
      journeys,
      datasets,
      runs,
      events,
      now,
      newId,
      timers: ports.timers,
      sendingPolicy: () => savedPolicy(settings),
      live: {
        running: () =>
          executions.known().flatMap((journeyId) => {
            const { state, liveVersion } = executions.record(journeyId);
            return state === 'running' && liveVersion !== undefined
              ? [{ journeyId, version: liveVersion }]
              : [];
          }),
        version: (journeyId, version) => journeys.version(journeyId, version),
      },
    }),
    ...executionHandlers({
      journeys,
      executions,
      events,
      engine,
      outbox,
      settings,
      secrets,
      sendTestMail: ports.sendTestMail,
      transaction: ports.transaction,
      now,
    }),
    ...designHandlers({
      settings,
      images: ports.images,
      engine,
      transaction: ports.transaction,
      now,
      newId,
    }),
    ...versionHandlers({ journeys, history: ports.history, runs, datasets, settings, now }),
    ...settingsHandlers({
      settings,
      secrets,
      engine,
      backups: ports.backups,
      mailbox: ports.mailbox,
      events,
      transaction: ports.transaction,
    }),
    ...policyHandlers({ settings, transaction: ports.transaction }),
    ...server.handlers(),
  } satisfies ApiHandlers;
  const handlers = settled(server.route(own));
  // Journeys left running (or work left over) carry on as soon as the app opens.
  if (ports.engineHasWork()) engine.get().catch(() => undefined);
  let closing: Promise<void> | undefined;
  return {
    handlers,
    on: (event, listener) => server.on(event, listener),
    close() {
      closing ??= (async () => {
        server.close();
        await engine.close();
        events.clear();
        await ports.onClose?.();
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
