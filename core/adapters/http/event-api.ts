import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { addressKind } from './network-address';
import type { AddressInfo } from 'node:net';
import type { z } from 'zod';
import type { AcceptOutcome, EngineInput, EventApiPort, EventApiStats } from '../../executor/ports';
import {
  aliasSchema,
  batchSchema,
  callInput,
  firstProblem,
  groupSchema,
  identifySchema,
  pageSchema,
  screenSchema,
  trackSchema,
  type CallClock,
  type EventCall,
} from '../../api/event-api-contract';
import {
  capConnections,
  closeAfterAnswer,
  limitedServerOptions,
  localHosts,
  presentedToken,
  readBody,
  send,
  sendJson,
  SERVER_LIMITS,
  tokenCheck,
  type ServerLimits,
} from './http-exchange';
import {
  UNSUBSCRIBE_PATH,
  type UnsubscribeLinks,
  type UnsubscribeTarget,
} from './unsubscribe-links';
import { confirmPage, donePage, invalidLinkPage, UNSUBSCRIBE_HEADERS } from './unsubscribe-page';
import { IMAGE_PATH, serveImage, type ServedImage } from './image-route';
import { HttpFailure, jsonType, parseJson, readEventBody, unreadable } from './event-api-body';
import type { ConsoleRoute } from './console-route';

export interface EventApiOptions {
  /** Stores inputs durably in one transaction; returns once they are committed. */
  ingest(inputs: readonly EngineInput[]): AcceptOutcome[];
  /** The bearer token callers must present. */
  token: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Largest body of a single call (/v1/track, /v1/identify, …), in bytes, after inflating. */
  maxBodyBytes?: number;
  /** Largest body of /v1/batch, in bytes, after inflating. */
  maxBatchBytes?: number;
  /** The time a call is received at, for correcting the sender's clock by its `sentAt`. */
  now?: () => number;
  unsubscribe?: { links: UnsubscribeLinks; suppress(target: UnsubscribeTarget): void };
  /** The library's images, served at /i/<id> for emails that link them (no token). */
  image?: (id: string) => ServedImage;
  /** Answers GET /v1/status (token required). */
  status?: () => unknown;
  /** Timeouts and the connection cap; `SERVER_LIMITS` by default. */
  limits?: Partial<ServerLimits>;
  /**
   * Host names (with port) the API answers besides 127.0.0.1, localhost and [::1] at its own
   * port: the name of the public address that forwards here, when there is one. Asked at every
   * request, so a public address set while the API runs is answered at once.
   */
  extraHosts?: () => readonly string[];
  /**
   * The address to listen on (default 127.0.0.1). Another than loopback is checked before it
   * gets here (cli/exposure.ts): it comes with TLS or from behind a proxy, and a chosen token.
   */
  host?: string;
  /** Speaks HTTPS with this certificate and key (PEM). */
  tls?: { cert: Buffer; key: Buffer };
  /** Shop webhooks (`POST /v1/webhooks/<platform>`), signed by the platform instead of the token. */
  webhooks?: WebhookRoute;
  /**
   * The app's API for a desktop app that is this engine's console (`/api/…`, with the token);
   * see core/adapters/http/console-route.ts.
   */
  console?: ConsoleRoute;
}

/** Where a console's calls arrive. */
export const CONSOLE_PATH = '/api/';

/** A single call's endpoint: its schema, and the type its calls have in a batch. */
const single = (schema: z.ZodType, type: EventCall['type']) => ({
  schema,
  toInputs: (call: object, clock: CallClock) => [callInput({ ...call, type } as EventCall, clock)],
});

/** Answers a shop's webhook; see adapters/http/shop-webhook-route.ts. */
export type WebhookRoute = (
  platform: string,
  req: IncomingMessage,
  res: ServerResponse,
) => Promise<void>;

const ROUTES: Record<
  string,
  { schema: z.ZodType; toInputs(body: never, clock: CallClock): EngineInput[] }
> = {
  '/v1/track': single(trackSchema, 'track'),
  '/v1/identify': single(identifySchema, 'identify'),
  '/v1/page': single(pageSchema, 'page'),
  '/v1/screen': single(screenSchema, 'screen'),
  '/v1/group': single(groupSchema, 'group'),
  '/v1/alias': single(aliasSchema, 'alias'),
  '/v1/batch': {
    schema: batchSchema,
    toInputs: (call: z.output<typeof batchSchema>, clock: CallClock) => {
      const batchClock = { ...clock, ...(call.sentAt !== undefined && { sentAt: call.sentAt }) };
      return call.batch.map((item) => callInput(item, batchClock));
    },
  },
};

/** Where shops post their webhooks: /v1/webhooks/shopify, /v1/webhooks/woocommerce. */
export const WEBHOOK_PATH = '/v1/webhooks/';

/** The port the event API asks for first, so senders configured once keep working. */
export const DEFAULT_EVENT_API_PORT = 8787;

const JSON_TYPE = 'application/json; charset=utf-8';
const OK_BODY = JSON.stringify({ success: true });

/**
 * The local event API: Segment-style track, identify and batch calls on 127.0.0.1 with a
 * bearer token, and the one-click unsubscribe pages.
 *
 * A 2xx means committed: requests that arrive together are validated one by one, then stored
 * in a single transaction (group commit) and all answered after it. A request that fails
 * validation is refused whole with a 400 naming the field; nothing of it is stored. A retried
 * request with the same `messageId` gets the same 200 and is not applied again.
 */
export class EventApi implements EventApiPort {
  private server: Server | undefined;
  private pending: {
    inputs: readonly EngineInput[];
    resolve: (outcomes: AcceptOutcome[]) => void;
    reject: (error: unknown) => void;
  }[] = [];
  private scheduled = false;
  private readonly tokenMatches: (given: string | undefined) => boolean;
  private baseUrl = '';
  readonly stats: EventApiStats = {
    requests: 0,
    accepted: 0,
    duplicates: 0,
    rejected: 0,
    commits: 0,
  };

  constructor(private readonly options: EventApiOptions) {
    this.tokenMatches = tokenCheck(options.token);
  }

  /** The base URL, once listening: http://127.0.0.1:<port>. */
  get url(): string {
    return this.baseUrl;
  }

  /** Starts listening on 127.0.0.1 only; resolves with the base URL. */
  listen(): Promise<string> {
    // Kept-alive connections outlive the 60 s idle time of common HTTP clients, so a sender
    // never reuses a connection the server is just closing.
    const limits = { ...SERVER_LIMITS, keepAliveTimeoutMs: 65_000, ...this.options.limits };
    let hosts: ReadonlySet<string> = new Set();
    const listenOn = this.options.host ?? '127.0.0.1';
    // Listening beyond this machine, requests name whatever address reached it.
    const local = addressKind(listenOn) === 'loopback';
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      // A request naming another host came through a name that resolves here (DNS
      // rebinding): a web page must not reach the API, even without the token.
      const host = req.headers.host ?? '';
      if (local && !hosts.has(host) && !this.options.extraHosts?.().includes(host)) {
        send(res, 421, 'This server only answers on 127.0.0.1.\n', 'text/plain; charset=utf-8');
        return;
      }
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent)
          sendJson(res, 500, { error: { code: 'internal', message: String(error) } });
      });
    };
    const tls = this.options.tls;
    const server: Server = tls
      ? createTlsServer({ ...limitedServerOptions(limits), cert: tls.cert, key: tls.key }, handler)
      : createServer(limitedServerOptions(limits), handler);
    capConnections(server, limits);
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port ?? 0, listenOn, () => {
        server.off('error', reject);
        const port = (server.address() as AddressInfo).port;
        hosts = localHosts(port);
        const named = local || addressKind(listenOn) === 'unspecified' ? '127.0.0.1' : listenOn;
        const shown = named.includes(':') ? `[${named}]` : named;
        this.baseUrl = `${tls ? 'https' : 'http'}://${shown}:${port}`;
        resolve(this.baseUrl);
      });
    });
  }

  /** Stops taking requests, lets those in progress finish, and closes idle connections. */
  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    // A console's event streams never end by themselves.
    this.options.console?.close();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  }

  // ---------------------------------------------------------------- requests

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith(UNSUBSCRIBE_PATH)) {
      let token: string;
      try {
        token = decodeURIComponent(path.slice(UNSUBSCRIBE_PATH.length));
      } catch {
        // `%E0%A4%A` and the like: not a link this app made.
        send(res, 400, invalidLinkPage(), 'text/html; charset=utf-8', UNSUBSCRIBE_HEADERS);
        return;
      }
      await this.unsubscribe(req, res, token);
      return;
    }
    if (path.startsWith(WEBHOOK_PATH) && this.options.webhooks) {
      this.stats.requests++;
      await this.options.webhooks(path.slice(WEBHOOK_PATH.length), req, res);
      return;
    }
    if (path.startsWith(CONSOLE_PATH) && this.options.console) {
      const url = new URL(req.url ?? '/', 'http://engine');
      await this.options.console.answer(path.slice(CONSOLE_PATH.length), url, req, res);
      return;
    }
    if (path.startsWith(IMAGE_PATH) && this.options.image) {
      serveImage(req, res, path.slice(IMAGE_PATH.length), this.options.image);
      return;
    }
    this.stats.requests++;
    try {
      if (path === '/v1/health') {
        sendJson(res, 200, { ok: true });
        return;
      }
      if (path === '/v1/status' && this.options.status) {
        this.authorize(req);
        if (req.method !== 'GET')
          throw new HttpFailure(405, 'method-not-allowed', 'Use GET /v1/status.');
        sendJson(res, 200, this.options.status());
        return;
      }
      const route = ROUTES[path];
      if (!route)
        throw new HttpFailure(
          404,
          'not-found',
          `There is no ${path}; send events with POST /v1/track, /v1/identify, /v1/page, /v1/screen, /v1/group, /v1/alias or /v1/batch.`,
        );
      if (req.method !== 'POST')
        throw new HttpFailure(405, 'method-not-allowed', `Use POST ${path}.`);
      this.authorize(req);
      const type = req.headers['content-type'];
      if (type !== undefined && !jsonType(type, req.headers['content-encoding'] !== undefined))
        throw new HttpFailure(
          415,
          'unsupported-media-type',
          `Send the body as JSON with Content-Type: application/json (not ${type}).`,
        );
      const limit =
        path === '/v1/batch'
          ? (this.options.maxBatchBytes ?? 4 * 1024 * 1024)
          : (this.options.maxBodyBytes ?? 64 * 1024);
      const body = parseJson(await readEventBody(req, limit).catch(unreadable));
      const receivedAt = (this.options.now ?? Date.now)();
      const parsed = route.schema.safeParse(body);
      if (!parsed.success) {
        const problem = firstProblem(parsed.error);
        throw new HttpFailure(400, 'invalid-request', problem.message, problem.field);
      }
      const outcomes = await this.commit(route.toInputs(parsed.data as never, { receivedAt }));
      for (const outcome of outcomes) {
        if (outcome === 'accepted') this.stats.accepted++;
        else this.stats.duplicates++;
      }
      send(res, 200, OK_BODY, JSON_TYPE);
    } catch (error) {
      this.stats.rejected++;
      const failure =
        error instanceof HttpFailure
          ? error
          : new HttpFailure(
              503,
              'unavailable',
              `The request could not be stored, and nothing of it was applied; retry it. (${error instanceof Error ? error.message : String(error)})`,
            );
      const headers: Record<string, string> = {};
      if (failure.status === 401) headers['www-authenticate'] = 'Bearer realm="journey-studio"';
      if (failure.status === 405) headers.allow = path === '/v1/status' ? 'GET' : 'POST';
      if (failure.status === 503) headers['retry-after'] = '1';
      // A body too large is not read to its end: close rather than drain it.
      if (failure.status === 413) headers.connection = 'close';
      sendJson(
        res,
        failure.status,
        {
          error: {
            code: failure.code,
            message: failure.message,
            ...(failure.field !== undefined && { field: failure.field }),
          },
        },
        headers,
      );
      if (failure.status === 413) closeAfterAnswer(req, res);
    }
  }

  /** Accepts `Authorization: Bearer <token>`, or Basic with the token as user (Segment's write key). */
  private authorize(req: IncomingMessage): void {
    const given = presentedToken(req);
    if (!this.tokenMatches(given))
      throw new HttpFailure(
        401,
        'unauthorized',
        given === undefined
          ? 'Send the API token as Authorization: Bearer <token>.'
          : 'The API token is not valid.',
      );
  }

  private commit(inputs: readonly EngineInput[]): Promise<AcceptOutcome[]> {
    return new Promise((resolve, reject) => {
      this.pending.push({ inputs, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // Requests whose bodies arrived in the same turn of the event loop commit together.
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const group = this.pending;
    this.pending = [];
    if (group.length === 0) return;
    const all = group.flatMap((g) => g.inputs);
    let outcomes: AcceptOutcome[];
    try {
      outcomes = this.options.ingest(all);
    } catch (error) {
      for (const g of group) g.reject(error);
      return;
    }
    this.stats.commits++;
    let offset = 0;
    for (const g of group) {
      g.resolve(outcomes.slice(offset, offset + g.inputs.length));
      offset += g.inputs.length;
    }
  }

  // ---------------------------------------------------------------- one-click unsubscribe

  private async unsubscribe(
    req: IncomingMessage,
    res: ServerResponse,
    token: string,
  ): Promise<void> {
    const html = 'text/html; charset=utf-8';
    const csp = UNSUBSCRIBE_HEADERS;
    const target = this.options.unsubscribe?.links.verify(token);
    if (!target) {
      send(res, 404, invalidLinkPage(), html, csp);
      return;
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      send(res, 200, confirmPage(target.address), html, csp);
      return;
    }
    if (req.method !== 'POST') {
      send(res, 405, invalidLinkPage(), html, { ...csp, allow: 'GET, POST' });
      return;
    }
    let body: string;
    try {
      body = (await readBody(req, 8 * 1024)).toString('utf8');
    } catch {
      send(res, 413, invalidLinkPage(), html, { ...csp, connection: 'close' });
      closeAfterAnswer(req, res);
      return;
    }
    // RFC 8058: the POST carries List-Unsubscribe=One-Click (form-encoded or multipart).
    if (!/List-Unsubscribe(=|"\r?\n\r?\n)One-Click/i.test(body)) {
      send(res, 400, confirmPage(target.address), html, csp);
      return;
    }
    this.options.unsubscribe?.suppress(target);
    send(res, 200, donePage(target.address), html, csp);
  }
}
