import {
  API_EVENTS,
  API_METHODS,
  ApiError,
  apiEvents,
  eventSubscriberName,
  type ApiEnvelope,
  type ApiEvent,
  type ApiEventPayload,
  type AppApi,
} from '../../core/api/contract';
import { browserFiles } from './browser-files';

export interface HttpApiOptions {
  /** Where the engine serves `/api/…`; the page's own origin in browser mode. */
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  /** Opens the server-sent event stream; a fake in tests. */
  openEvents?: (url: string) => EventSource;
}

function isEnvelope(value: unknown): value is ApiEnvelope<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { ok?: unknown }).ok === 'boolean'
  );
}

/**
 * The AppApi over HTTP, for browser mode: `POST /api/<method>` with the input as JSON and the
 * bearer token; answers are the contract's envelope, failures come back as `ApiError`. Events
 * arrive on one server-sent event stream, opened while anyone listens. The file methods are the
 * browser's own (a file input, a download).
 */
export function createHttpApi(options: HttpApiOptions): AppApi {
  const base = options.baseUrl.replace(/\/$/, '');
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const openEvents = options.openEvents ?? ((url: string) => new EventSource(url));

  async function call(method: string, input: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await doFetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${options.token}`,
        },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      throw new ApiError(
        'internal',
        'Journey Studio’s engine is not answering. Is `npm run web` still running?',
        undefined,
        { reason: 'engine-unreachable' },
      );
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new ApiError(
        'internal',
        `The engine answered ${response.status} without a readable body.`,
        undefined,
        { reason: 'engine-answer-unreadable' },
      );
    }
    if (!isEnvelope(body))
      throw new ApiError('internal', 'The engine answered in an unknown format.', undefined, {
        reason: 'engine-answer-unreadable',
      });
    if (body.ok) return body.value;
    throw ApiError.fromBody(body.error);
  }

  const listeners = new Map<ApiEvent, Set<(payload: never) => void>>();
  let source: EventSource | null = null;

  function ensureSource() {
    if (source) return;
    source = openEvents(`${base}/api/events?token=${encodeURIComponent(options.token)}`);
    for (const event of API_EVENTS) {
      source.addEventListener(event, (message) => {
        let payload: unknown;
        try {
          payload = JSON.parse((message as MessageEvent<string>).data);
        } catch {
          return;
        }
        const parsed = apiEvents[event].safeParse(payload);
        if (!parsed.success) return;
        for (const listener of listeners.get(event) ?? []) {
          (listener as (p: ApiEventPayload<typeof event>) => void)(parsed.data);
        }
      });
    }
  }

  function subscribe<E extends ApiEvent>(
    event: E,
    listener: (payload: ApiEventPayload<E>) => void,
  ) {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    ensureSource();
    return () => {
      set.delete(listener);
      if ([...listeners.values()].every((s) => s.size === 0)) {
        source?.close();
        source = null;
      }
    };
  }

  const api: Record<string, unknown> = { ...browserFiles() };
  for (const method of API_METHODS) api[method] = (input: unknown) => call(method, input);
  for (const event of API_EVENTS) {
    api[eventSubscriberName(event)] = (
      listener: (payload: ApiEventPayload<typeof event>) => void,
    ) => subscribe(event, listener);
  }
  return api as AppApi;
}
