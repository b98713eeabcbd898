import { API_EVENTS, ApiError, type ApiEvent, type ApiMethod } from '../../api/contract';
import type { ServerProblem, ServerReport } from '../../api/server-contract';
import type { RemoteEngine } from '../../app/server-console';

/** What a server engine answers at `GET /api/hello`: who it is, for "Test connection". */
export interface ConsoleHello {
  product: 'journey-studio';
  version: string;
  journeysLive: number;
}

export interface RemoteEngineOptions {
  /** https://host[:port][/path], without a trailing slash. */
  url: string;
  host: string;
  token: string;
  fetch?: typeof fetch;
  /** How long a call may take before the server counts as not answering. */
  timeoutMs?: number;
  /** Waits between reconnections of the event stream. */
  retryMs?: number;
  log?: (line: string) => void;
}

const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** The network's reason for a failed request: Node's fetch keeps it as the error's cause. */
function networkProblem(error: unknown): { problem: ServerProblem; detail: string } {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (error as { name?: string }).name ?? '';
  const detail = cause?.message ?? (error instanceof Error ? error.message : String(error));
  if (CERTIFICATE_CODES.has(code) || /certificate/i.test(detail))
    return { problem: 'certificate-untrusted', detail: `${code} ${detail}`.trim() };
  return { problem: 'unreachable', detail: code ? `${code}: ${detail}` : detail };
}

function isHello(value: unknown): value is ConsoleHello {
  const hello = value as Partial<ConsoleHello> | null;
  return (
    typeof hello === 'object' &&
    hello !== null &&
    hello.product === 'journey-studio' &&
    typeof hello.version === 'string' &&
    typeof hello.journeysLive === 'number'
  );
}

/**
 * A Journey Studio engine on a server, reached with its token over HTTPS: the contract's calls
 * as `POST /api/<method>` (the same envelope browser mode speaks), its events on one
 * server-sent event stream, reopened when it drops.
 */
export function remoteEngine(options: RemoteEngineOptions): RemoteEngine {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 15_000;
  const auth = { Authorization: `Bearer ${options.token}` };

  async function hello(): Promise<ServerReport> {
    let response: Response;
    try {
      response = await doFetch(`${options.url}/api/hello`, {
        headers: auth,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      return { ok: false, ...networkProblem(error) };
    }
    if (response.status === 401 || response.status === 403)
      return { ok: false, problem: 'token-refused', detail: `HTTP ${response.status}` };
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok || !isHello(body))
      return {
        ok: false,
        problem: 'not-journey-studio',
        detail: `HTTP ${response.status} ${response.headers.get('content-type') ?? ''}`.trim(),
      };
    return { ok: true, host: options.host, version: body.version, journeysLive: body.journeysLive };
  }

  async function call(method: ApiMethod, input: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await doFetch(`${options.url}/api/${method}`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new ApiError(
        'internal',
        `The server ${options.host} is not answering (${networkProblem(error).detail}).`,
        undefined,
        { reason: 'server-unreachable', values: { host: options.host } },
      );
    }
    const body = (await response.json().catch(() => undefined)) as
      | { ok: true; value: unknown }
      | { ok: false; error: { code?: unknown; message?: unknown; field?: unknown } }
      | undefined;
    if (body?.ok === true) return body.value;
    if (body?.ok === false) {
      const refused = ApiError.fromBody(body.error, 'The server refused.');
      // A token the server no longer takes is this connection's problem: say so, naming the server.
      if (response.status !== 401) throw refused;
      throw new ApiError('unauthorized', refused.message, refused.field, {
        reason: 'server-token-refused',
        values: { host: options.host },
      });
    }
    if (response.status === 401)
      throw new ApiError(
        'unauthorized',
        `The server ${options.host} no longer accepts the token; connect again in Settings.`,
        undefined,
        { reason: 'server-token-refused', values: { host: options.host } },
      );
    throw new ApiError(
      'internal',
      `The server ${options.host} answered ${response.status} in an unknown format.`,
      undefined,
      { reason: 'server-answer-unknown', values: { host: options.host, status: response.status } },
    );
  }

  function listen(listener: (event: ApiEvent, payload: unknown) => void): () => void {
    const stop = new AbortController();
    const events: ReadonlySet<string> = new Set(API_EVENTS);

    function dispatch(block: string) {
      let name = '';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
      }
      if (!events.has(name) || data.length === 0) return;
      try {
        listener(name as ApiEvent, JSON.parse(data.join('\n')));
      } catch {
        // A payload that is not JSON is not an event of the contract.
      }
    }

    async function stream(): Promise<void> {
      const response = await doFetch(`${options.url}/api/events`, {
        headers: { ...auth, Accept: 'text/event-stream' },
        signal: stop.signal,
      });
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true }).replace(/\r\n/g, '\n');
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
        // An event is at most a journey's counts; a stream that never ends one is not ours.
        if (buffer.length > 4 * 1024 * 1024) throw new Error('event too large');
      }
    }

    void (async () => {
      while (!stop.signal.aborted) {
        try {
          await stream();
        } catch (error) {
          if (stop.signal.aborted) return;
          options.log?.(`the server's event stream dropped (${String(error)}); reopening`);
        }
        await new Promise((resolve) => setTimeout(resolve, options.retryMs ?? 2_000));
      }
    })();
    return () => stop.abort();
  }

  return { url: options.url, host: options.host, hello, call, listen };
}
