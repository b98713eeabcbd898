import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, isApiMethod, type ApiMethod } from '../../api/contract';
import { EventHub } from '../../app/event-hub';
import { CONSOLE_METHODS, SERVER_RUN_EVENTS } from '../../app/server-console';
import { answerApiCall, openApiEvents, type ApiRouteOptions } from './api-routes';
import { presentedToken, sendJson, tokenCheck } from './http-exchange';
import type { ConsoleHello } from './remote-engine';

/** The run side's events a console hears from the server. */
export type ConsoleEvent = (typeof SERVER_RUN_EVENTS)[number];

/**
 * What a server engine does for its console, whichever thread answers the console's HTTP: one
 * call of the contract (its input already checked against the method's schema; refusals are
 * `ApiError`s), who it is, and the run side's events.
 */
export interface ConsoleBackend {
  call(method: ApiMethod, input: unknown): Promise<unknown>;
  hello(): Promise<ConsoleHello>;
  /** Every run-side event from now on, until the returned stop is called. */
  listen(listener: (event: ConsoleEvent, payload: unknown) => void): () => void;
}

/** `/api/<rest>` of the event API's server (core/adapters/http/event-api.ts). */
export interface ConsoleRoute {
  answer(rest: string, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Ends the event streams, so the server can close. */
  close(): void;
}

/**
 * Event streams open at once: a console is a desktop app or two (each holds one stream, and
 * opens it again when it drops). More is a client gone wrong, not a console.
 */
export const MAX_CONSOLE_STREAMS = 16;

/** A console's answers are for the app, never for a page or a cache. */
const HEADERS: Record<string, string> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

function refuse(res: ServerResponse, status: number, message: string, extra = {}): void {
  const error =
    status === 401
      ? new ApiError('unauthorized', message, undefined, { reason: 'token-refused' })
      : status === 503
        ? new ApiError('internal', message, undefined, { reason: 'server-busy' })
        : new ApiError('invalid-request', message, undefined, { reason: 'request-malformed' });
  sendJson(res, status, { ok: false, error: error.toBody() }, { ...HEADERS, ...extra });
}

/**
 * The app's API for a server's console at `/api/…`: the token, the request's size and depth and
 * the method's schema are checked here, in whichever thread serves HTTP; only a checked call
 * reaches the backend. The console's methods only (`CONSOLE_METHODS`): the run side and saving
 * the journey to publish.
 */
export function consoleRoute(
  backend: ConsoleBackend,
  options: { token: string; log: (line: string) => void },
): ConsoleRoute {
  const tokenMatches = tokenCheck(options.token);
  const allowed: ReadonlySet<string> = new Set(CONSOLE_METHODS);
  const routeOptions: ApiRouteOptions = {
    tokenMatches,
    route: (method) =>
      allowed.has(method) && isApiMethod(method)
        ? (input) => backend.call(method, input)
        : undefined,
    // The console is the desktop app (or browser mode's server), never a web page.
    originAllowed: () => false,
    headers: HEADERS,
    log: options.log,
  };
  // One subscription to the backend while any stream is open, shared by all of them.
  const hub = new EventHub();
  const streams = new Set<ServerResponse>();
  let stopListening: (() => void) | undefined;

  function openStream(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (streams.size >= MAX_CONSOLE_STREAMS && tokenMatches(presentedToken(req))) {
      refuse(res, 503, 'Too many event streams are open; try again shortly.', {
        'Retry-After': '5',
      });
      return;
    }
    const stop = openApiEvents(
      req,
      res,
      url,
      (event, listener) => hub.on(event, listener),
      routeOptions,
      SERVER_RUN_EVENTS,
    );
    if (!stop) return;
    streams.add(res);
    stopListening ??= backend.listen((event, payload) => hub.emit(event, payload as never));
    const end = () => {
      stop();
      if (!streams.delete(res) || streams.size > 0) return;
      stopListening?.();
      stopListening = undefined;
    };
    req.on('close', end);
    res.on('close', end);
  }

  async function answer(
    rest: string,
    url: URL,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    if (rest !== 'hello' && rest !== 'events') {
      await answerApiCall(req, res, rest, routeOptions);
      return;
    }
    if (req.method !== 'GET') {
      refuse(res, 405, 'Use GET.', { Allow: 'GET' });
      return;
    }
    if (rest === 'events') {
      openStream(req, res, url);
      return;
    }
    if (!tokenMatches(presentedToken(req))) {
      refuse(res, 401, 'Wrong token.', { 'WWW-Authenticate': 'Bearer' });
      return;
    }
    let hello: ConsoleHello;
    try {
      hello = await backend.hello();
    } catch (error) {
      options.log(`the console's hello failed: ${String(error)}`);
      refuse(res, 503, 'The engine did not answer; try again shortly.', { 'Retry-After': '1' });
      return;
    }
    sendJson(res, 200, hello, HEADERS);
  }

  return {
    answer,
    close() {
      for (const stream of streams) stream.end();
    },
  };
}
