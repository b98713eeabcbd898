import packageJson from '../../package.json';
import { ApiError, type ApiMethod } from '../api/contract';
import type { ConsoleBackend } from '../adapters/http/console-route';
import { createAppService } from '../adapters/local-app';
import type { Db } from '../adapters/sqlite/database';
import type { AppService } from '../app/app-service';
import { CONSOLE_METHODS, SERVER_RUN_EVENTS } from '../app/server-console';
import type { LiveEngine } from '../executor/live-engine';
import type { StepObserver } from '../runtime/ports';

/** What the engine reports to the app's service as it runs; set once the service takes it up. */
export interface ConsoleHooks {
  observer?: StepObserver;
  onDelivered?: () => void;
  /** What the console's calls run on (the app's service on this engine). */
  backend?: ConsoleBackend;
}

/** The console's calls, events and hello, on the app's service and the engine `serve` runs. */
function serviceBackend(service: AppService, engine: LiveEngine): ConsoleBackend {
  const allowed: ReadonlySet<ApiMethod> = new Set(CONSOLE_METHODS);
  return {
    call(method, input) {
      // The route checked it already; a call from elsewhere is refused all the same.
      if (!allowed.has(method))
        return Promise.reject(
          new ApiError('not-found', `There is no API method "${method}".`, undefined, {
            reason: 'unknown-method',
            values: { method },
          }),
        );
      return (service.handlers[method] as (input: unknown) => Promise<unknown>)(input);
    },
    hello: () =>
      Promise.resolve({
        product: 'journey-studio',
        version: packageJson.version,
        journeysLive: engine.live().length,
      }),
    listen(listener) {
      const offs = SERVER_RUN_EVENTS.map((event) =>
        service.on(event, (payload) => listener(event, payload)),
      );
      return () => offs.forEach((off) => off());
    },
  };
}

/**
 * `serve`'s console: the app's own service on the engine's database, serving a desktop app
 * (address and token in its settings) the run side of the contract at `/api/…` beside the event
 * API, on the same address and with the same token (core/adapters/http/console-route.ts). The
 * engine it runs is the one `serve` started; publishing from the app saves the journey here
 * first.
 */
export function openServeConsole(options: {
  db: Db;
  engine: LiveEngine;
  hooks: ConsoleHooks;
  log: (line: string) => void;
}): AppService {
  const { engine, hooks } = options;
  const service = createAppService({
    db: options.db,
    log: options.log,
    launcher: {
      launch(launch) {
        hooks.observer = launch.observer;
        hooks.onDelivered = () => launch.onDelivered();
        return Promise.resolve(engine);
      },
      // `serve` holds the database's engine lock (SQLite) from start to end.
      lock: () => undefined,
      release: () => undefined,
    },
  });
  hooks.backend = serviceBackend(service, engine);
  return service;
}
