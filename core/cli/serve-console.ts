import type { IncomingMessage, ServerResponse } from 'node:http';
import packageJson from '../../package.json';
import { isApiMethod } from '../api/contract';
import { answerApiCall, openApiEvents, type ApiRouteOptions } from '../adapters/http/api-routes';
import type { ConsoleRoute } from '../adapters/http/event-api';
import { presentedToken, sendJson, tokenCheck } from '../adapters/http/http-exchange';
import type { ConsoleHello } from '../adapters/http/remote-engine';
import { createAppService } from '../adapters/local-app';
import type { Db } from '../adapters/sqlite/database';
import type { CallRoute } from '../app/api-dispatch';
import type { AppService } from '../app/app-service';
import { CONSOLE_METHODS, SERVER_RUN_EVENTS } from '../app/server-console';
import type { LiveEngine } from '../executor/live-engine';
import type { StepObserver } from '../runtime/ports';

/** What the engine reports to the app's service as it runs; set once the service takes it up. */
export interface ConsoleHooks {
  observer?: StepObserver;
  onDelivered?: () => void;
  route?: ConsoleRoute;
}

/** A console's answers are for the app, never for a page or a cache. */
const HEADERS: Record<string, string> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

function route(
  service: AppService,
  token: string,
  engine: LiveEngine,
  log: (line: string) => void,
) {
  const tokenMatches = tokenCheck(token);
  const allowed: ReadonlySet<string> = new Set(CONSOLE_METHODS);
  const options: ApiRouteOptions = {
    tokenMatches,
    route: (method) =>
      allowed.has(method) && isApiMethod(method)
        ? (service.handlers[method] as CallRoute)
        : undefined,
    // The console is the desktop app (or browser mode's server), never a web page.
    originAllowed: () => false,
    headers: HEADERS,
    log,
  };
  return async (rest: string, url: URL, req: IncomingMessage, res: ServerResponse) => {
    if (rest === 'hello' || rest === 'events') {
      if (req.method !== 'GET') {
        sendJson(
          res,
          405,
          { ok: false, error: { code: 'invalid-request', message: 'Use GET.' } },
          {
            ...HEADERS,
            Allow: 'GET',
          },
        );
        return;
      }
      if (rest === 'events') {
        openApiEvents(req, res, url, (e, l) => service.on(e, l), options, SERVER_RUN_EVENTS);
        return;
      }
      if (!tokenMatches(presentedToken(req))) {
        sendJson(
          res,
          401,
          { ok: false, error: { code: 'unauthorized', message: 'Wrong token.' } },
          {
            ...HEADERS,
            'WWW-Authenticate': 'Bearer',
          },
        );
        return;
      }
      const hello: ConsoleHello = {
        product: 'journey-studio',
        version: packageJson.version,
        journeysLive: engine.live().length,
      };
      sendJson(res, 200, hello, HEADERS);
      return;
    }
    await answerApiCall(req, res, rest, options);
  };
}

/**
 * `serve`'s console: the app's own service on the engine's database, serving a desktop app
 * (address and token in its settings) the run side of the contract at `/api/…` beside the event
 * API, on the same address and with the same token. The engine it runs is the one `serve`
 * started; publishing from the app saves the journey here first.
 */
export function openServeConsole(options: {
  db: Db;
  engine: LiveEngine;
  token: string;
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
  hooks.route = route(service, options.token, engine, options.log);
  return service;
}
