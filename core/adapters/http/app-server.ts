import { timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import {
  API_EVENTS,
  ApiError,
  isApiMethod,
  parseApiInput,
  type ApiEnvelope,
  type ApiErrorCode,
} from '../../api/contract';
import type { AppService } from '../../app/app-service';
import { defaultDataDir } from '../files/data-dir';
import { fileSecretStore } from '../files/file-secret-store';
import { createAppService } from '../local-app';

export interface AppServerOptions {
  service: Pick<AppService, 'handlers' | 'on'>;
  /** Every API call must carry it: `Authorization: Bearer <token>` (or `?token=` for events). */
  token: string;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface AppServer {
  port: number;
  /** The address to open, with the token in the fragment (never sent to the server). */
  url: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
/** importJourney accepts 10 MB of text; JSON escaping may add some. */
const MAX_BODY = 12 * 1024 * 1024;
/** Data files are bigger: importDataset accepts 300 MB of text. */
const MAX_DATA_BODY = 320 * 1024 * 1024;
const DATA_METHODS: ReadonlySet<string> = new Set(['importDataset', 'previewDataset']);

const STATUS: Record<ApiErrorCode, number> = {
  'invalid-request': 400,
  unauthorized: 401,
  'not-found': 404,
  conflict: 409,
  internal: 500,
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Scripts only from this origin, never inline; inline styles are allowed because the email
 * preview shows marketers' HTML as mail clients would. The page cannot be framed.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  type: string,
  extra: Record<string, string> = {},
) {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

function sendEnvelope(
  res: ServerResponse,
  status: number,
  envelope: ApiEnvelope<unknown>,
  extra?: Record<string, string>,
) {
  send(res, status, JSON.stringify(envelope), 'application/json; charset=utf-8', extra);
}

function sendError(
  res: ServerResponse,
  status: number,
  code: ApiErrorCode,
  message: string,
  extra?: Record<string, string>,
) {
  sendEnvelope(res, status, { ok: false, error: { code, message } }, extra);
}

class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super();
  }
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new BodyTooLarge(limit);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Browser mode's server: the renderer's files and the AppApi on 127.0.0.1. Every API call needs
 * the token; requests for another host name are refused (DNS rebinding), and so are cross-origin
 * posts. A refused or failed call answers with the contract's envelope and changes nothing.
 */
export function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const { service, token } = options;
  const staticDir = resolve(options.staticDir);
  const streams = new Set<ServerResponse>();
  let port = options.port ?? 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string) {
    if (req.method !== 'POST') {
      sendError(res, 405, 'invalid-request', 'API calls are POST requests.', { Allow: 'POST' });
      return;
    }
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ') || !sameSecret(auth.slice(7), token)) {
      sendError(res, 401, 'unauthorized', 'Missing or wrong access token.', {
        'WWW-Authenticate': 'Bearer',
      });
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) {
      sendError(res, 403, 'unauthorized', 'Calls from other sites are not allowed.');
      return;
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      sendError(res, 415, 'invalid-request', 'Send the input as application/json.');
      return;
    }
    if (!isApiMethod(method)) {
      sendError(res, 404, 'not-found', `There is no API method "${method}".`);
      return;
    }
    try {
      const text = await readBody(req, DATA_METHODS.has(method) ? MAX_DATA_BODY : MAX_BODY);
      let input: unknown;
      try {
        input = text.trim() === '' ? {} : JSON.parse(text);
      } catch {
        throw new ApiError('invalid-request', 'The request body is not valid JSON.');
      }
      const parsed = parseApiInput(method, input);
      const handler = service.handlers[method] as (input: unknown) => Promise<unknown>;
      const value = await handler(parsed);
      sendEnvelope(res, 200, { ok: true, value });
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        const mb = Math.round(error.limit / 1024 / 1024);
        sendError(res, 413, 'invalid-request', `The request is too large (over ${mb} MB).`, {
          Connection: 'close',
        });
      } else if (error instanceof ApiError) {
        sendEnvelope(res, STATUS[error.code], { ok: false, error: error.toBody() });
      } else {
        console.error(`browser mode: ${method} failed:`, error);
        sendError(res, 500, 'internal', 'The engine failed on this request; nothing was changed.');
      }
    }
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse, url: URL) {
    const given =
      url.searchParams.get('token') ?? req.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (!sameSecret(given, token)) {
      sendError(res, 401, 'unauthorized', 'Missing or wrong access token.');
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write('retry: 2000\n\n');
    const unsubscribe = API_EVENTS.map((event) =>
      service.on(event, (payload) => {
        res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
      }),
    );
    // A comment now and then keeps proxies and idle timeouts from closing the stream.
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    streams.add(res);
    const stop = () => {
      clearInterval(heartbeat);
      unsubscribe.forEach((off) => off());
      streams.delete(res);
    };
    req.on('close', stop);
    res.on('close', stop);
  }

  function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'Method not allowed.\n', 'text/plain; charset=utf-8', { Allow: 'GET, HEAD' });
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      send(res, 400, 'Bad path.\n', 'text/plain; charset=utf-8');
      return;
    }
    const relative = path === '/' ? 'index.html' : normalize(path).replace(/^([/\\])+/, '');
    const file = resolve(join(staticDir, relative));
    if (!file.startsWith(staticDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      const missing = path === '/' && !existsSync(join(staticDir, 'index.html'));
      send(
        res,
        missing ? 503 : 404,
        missing ? 'The app is not built yet: run `npm run web`.\n' : 'Not found.\n',
        'text/plain; charset=utf-8',
      );
      return;
    }
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    const immutable = relative.startsWith(`assets${sep}`) || relative.startsWith('assets/');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': type,
      'Content-Length': statSync(file).size,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-store',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  }

  const server: Server = createServer((req, res) => {
    if (!allowedHosts().has(req.headers.host ?? '')) {
      send(res, 421, 'This server only answers on 127.0.0.1.\n', 'text/plain; charset=utf-8');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${HOST}:${port}`);
    if (url.pathname === '/api/events') {
      if (req.method !== 'GET') {
        sendError(res, 405, 'invalid-request', 'Events are read with GET.', { Allow: 'GET' });
        return;
      }
      handleEvents(req, res, url);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      handleApi(req, res, url.pathname.slice('/api/'.length)).catch((error: unknown) => {
        // Whatever went wrong, the caller gets an answer rather than a hanging request.
        console.error('browser mode: request failed:', error);
        if (!res.headersSent) sendError(res, 500, 'internal', 'The engine failed on this request.');
        else res.end();
      });
      return;
    }
    handleStatic(req, res, url);
  });

  return new Promise((resolveStart, rejectStart) => {
    server.once('error', rejectStart);
    server.listen(port, HOST, () => {
      port = (server.address() as AddressInfo).port;
      resolveStart({
        port,
        url: `http://${HOST}:${port}/#token=${encodeURIComponent(token)}`,
        close: () =>
          new Promise<void>((done) => {
            for (const stream of streams) stream.end();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

export interface BrowserModeOptions {
  port?: number;
  dataDir?: string;
  token: string;
  staticDir: string;
  /** The event API's port (0: any free one); the saved one, else 8787, by default. */
  eventApiPort?: number;
}

/** Browser mode in one call: the engine on the data folder, and the server in front of it. */
export async function startBrowserMode(
  options: BrowserModeOptions,
): Promise<AppServer & { dataDir: string }> {
  const dataDir = options.dataDir ?? defaultDataDir();
  const service = createAppService({
    dataDir,
    // No keychain in a browser: the SMTP password is kept in a file only this user can read.
    secrets: fileSecretStore(join(dataDir, 'browser-secrets.json')),
    ...(options.eventApiPort !== undefined && { eventApiPort: options.eventApiPort }),
    log: (line) => console.error(`journey-studio: ${line}`),
  });
  try {
    const server = await startAppServer({
      service,
      token: options.token,
      staticDir: options.staticDir,
      ...(options.port !== undefined && { port: options.port }),
    });
    return {
      ...server,
      dataDir,
      close: async () => {
        await server.close();
        await service.close();
      },
    };
  } catch (error) {
    await service.close();
    throw error;
  }
}
