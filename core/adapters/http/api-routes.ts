import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  API_EVENTS,
  ApiError,
  type ApiEnvelope,
  type ApiErrorCode,
  type ApiEvent,
  type ApiEventPayload,
} from '../../api/contract';
import { dispatchCall, type CallRoute } from '../../app/api-dispatch';
import {
  BodyTooLarge,
  closeAfterAnswer,
  jsonTooDeep,
  presentedToken,
  readBody,
  sendJson,
} from './http-exchange';

/**
 * The AppApi over HTTP, as browser mode's server and a server engine's console both serve it:
 * `POST /api/<method>` with the token, answered with the contract's envelope, and the events on
 * `GET /api/events` (server-sent events).
 */
export interface ApiRouteOptions {
  tokenMatches(given: string | undefined): boolean;
  /** The route of a method this server serves; undefined refuses it as unknown. */
  route(method: string): CallRoute | undefined;
  /** Whether a request naming this `Origin` (a web page's) may call. */
  originAllowed(origin: string): boolean;
  /** Headers on every answer (security headers). */
  headers: Record<string, string>;
  log(line: string): void;
}

const STATUS: Record<ApiErrorCode, number> = {
  'invalid-request': 400,
  unauthorized: 401,
  'not-found': 404,
  conflict: 409,
  // The client that asked for the stop gets the work's own answer: it ended without a result.
  cancelled: 409,
  internal: 500,
};

/** How deep a call's JSON may nest: a journey file may nest 100 levels, its envelope a few more. */
const MAX_CALL_JSON_DEPTH = 128;
/** importJourney accepts 10 MB of text; JSON escaping may add some. */
const MAX_BODY = 12 * 1024 * 1024;
/** Data files are bigger: importDataset accepts 300 MB of text. */
const MAX_DATA_BODY = 320 * 1024 * 1024;
const DATA_METHODS: ReadonlySet<string> = new Set(['importDataset', 'previewDataset']);
/**
 * Events a stream may hold unsent for a reader that does not read: past it the stream is cut (a
 * client reopens it and reads the state afresh) rather than kept growing in memory.
 */
const MAX_STREAM_BACKLOG = 1024 * 1024;

export function sendApiError(
  res: ServerResponse,
  status: number,
  error: ApiError,
  headers: Record<string, string>,
) {
  const envelope: ApiEnvelope<never> = { ok: false, error: error.toBody() };
  sendJson(res, status, envelope, headers);
}

/** A request the app itself would never send: not a POST, not JSON, nested past reason. */
function malformed(message: string): ApiError {
  return new ApiError('invalid-request', message, undefined, { reason: 'request-malformed' });
}

function tokenRefused(): ApiError {
  return new ApiError('unauthorized', 'Missing or wrong access token.', undefined, {
    reason: 'token-refused',
  });
}

/** Answers one `POST /api/<method>`: token, origin, type, size and depth checked first. */
export async function answerApiCall(
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  options: ApiRouteOptions,
): Promise<void> {
  const fail = (status: number, error: ApiError, extra = {}) =>
    sendApiError(res, status, error, { ...options.headers, ...extra });
  if (req.method !== 'POST') {
    fail(405, malformed('API calls are POST requests.'), { Allow: 'POST' });
    return;
  }
  if (!options.tokenMatches(presentedToken(req))) {
    fail(401, tokenRefused(), { 'WWW-Authenticate': 'Bearer' });
    return;
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !options.originAllowed(origin)) {
    fail(
      403,
      new ApiError('unauthorized', 'Calls from other sites are not allowed.', undefined, {
        reason: 'untrusted-page',
      }),
    );
    return;
  }
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    fail(415, malformed('Send the input as application/json.'));
    return;
  }
  const route = options.route(method);
  if (!route) {
    fail(
      404,
      new ApiError('not-found', `There is no API method "${method}".`, undefined, {
        reason: 'unknown-method',
        values: { method: method.slice(0, 100) },
      }),
    );
    return;
  }
  let text: string;
  try {
    text = (await readBody(req, DATA_METHODS.has(method) ? MAX_DATA_BODY : MAX_BODY)).toString(
      'utf8',
    );
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    const mb = Math.round(error.limit / 1024 / 1024);
    fail(
      413,
      new ApiError('invalid-request', `The request is too large (over ${mb} MB).`, undefined, {
        reason: 'request-too-large',
        values: { limit: mb },
      }),
      { Connection: 'close' },
    );
    closeAfterAnswer(req, res);
    return;
  }
  if (jsonTooDeep(text, MAX_CALL_JSON_DEPTH)) {
    fail(400, malformed(`The request is nested more than ${MAX_CALL_JSON_DEPTH} levels deep.`));
    return;
  }
  let input: unknown;
  try {
    input = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    fail(400, malformed('The request body is not valid JSON.'));
    return;
  }
  const envelope = await dispatchCall(
    { route: (m) => options.route(m), log: (line) => options.log(line) },
    method,
    input,
  );
  sendJson(res, envelope.ok ? 200 : STATUS[envelope.error.code], envelope, options.headers);
}

export type Subscribe = <E extends ApiEvent>(
  event: E,
  listener: (payload: ApiEventPayload<E>) => void,
) => () => void;

/**
 * Opens `GET /api/events` for a caller with the token (`?token=` for EventSource, which cannot
 * send headers): every event of the contract as `event: <name>` with its JSON, until either side
 * closes. Returns the stream's end, or undefined when refused.
 */
export function openApiEvents(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  on: Subscribe,
  options: Pick<ApiRouteOptions, 'tokenMatches' | 'headers'>,
  events: readonly ApiEvent[] = API_EVENTS,
): (() => void) | undefined {
  if (!options.tokenMatches(url.searchParams.get('token') ?? presentedToken(req))) {
    sendApiError(res, 401, tokenRefused(), options.headers);
    return undefined;
  }
  res.writeHead(200, {
    ...options.headers,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  res.write('retry: 2000\n\n');
  const unsubscribe = events.map((event) =>
    on(event, (payload) => {
      if (res.writableLength > MAX_STREAM_BACKLOG) res.destroy();
      else res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    }),
  );
  // A comment now and then keeps proxies and idle timeouts from closing the stream.
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearInterval(heartbeat);
    unsubscribe.forEach((off) => off());
  };
  req.on('close', stop);
  res.on('close', stop);
  return stop;
}
