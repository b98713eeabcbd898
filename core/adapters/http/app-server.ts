import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMainThread, workerData } from 'node:worker_threads';
import { answerApiCall, openApiEvents, sendApiError } from './api-routes';
import { join, normalize, resolve, sep } from 'node:path';
import { ApiError, isApiMethod } from '../../api/contract';
import type { CallRoute } from '../../app/api-dispatch';
import type { AppService } from '../../app/app-service';
import { contentTypeOf } from '../files/content-types';
import { defaultDataDir } from '../files/data-dir';
import { fileSecretStore } from '../files/file-secret-store';
import { inProcessOnly } from '../../app/memory-secret-store';
import { createAppService } from '../local-app';
import { isEventApiJob, runEventApiThread } from './event-api-thread';
import {
  capConnections,
  limitedServerOptions,
  localHosts,
  send,
  SERVER_LIMITS,
  tokenCheck,
  type ServerLimits,
} from './http-exchange';

// The bundle of browser mode is also the script of the event API's thread.
if (!isMainThread && isEventApiJob(workerData)) runEventApiThread(workerData);

export interface AppServerOptions {
  service: Pick<AppService, 'handlers' | 'on'>;
  /** Every API call must carry it: `Authorization: Bearer <token>` (or `?token=` for events). */
  token: string;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Timeouts and the connection cap; `APP_SERVER_LIMITS` by default. */
  limits?: Partial<ServerLimits>;
}

/**
 * A data file of 300 MB is one request body: it may take longer than an event. One browser tab
 * holds an event stream and a few calls; 64 connections serve several.
 */
export const APP_SERVER_LIMITS: ServerLimits = {
  ...SERVER_LIMITS,
  requestTimeoutMs: 120_000,
  maxConnections: 64,
};

export interface AppServer {
  port: number;
  /** The address to open, with the token in the fragment (never sent to the server). */
  url: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

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

function sendError(
  res: ServerResponse,
  status: number,
  error: ApiError,
  extra?: Record<string, string>,
) {
  sendApiError(res, status, error, { ...SECURITY_HEADERS, ...extra });
}

function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  extra?: Record<string, string>,
) {
  send(res, status, text, 'text/plain; charset=utf-8', { ...SECURITY_HEADERS, ...extra });
}

/**
 * Browser mode's server: the renderer's files and the AppApi on 127.0.0.1. Every API call needs
 * the token; requests for another host name are refused (DNS rebinding), and so are cross-origin
 * posts. A refused or failed call answers with the contract's envelope and changes nothing.
 */
export function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const { service } = options;
  let tokenMatches: (given: string | undefined) => boolean;
  try {
    tokenMatches = tokenCheck(options.token);
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  const staticDir = resolve(options.staticDir);
  const streams = new Set<ServerResponse>();
  let port = options.port ?? 0;

  const routeOptions = {
    tokenMatches: (given: string | undefined) => tokenMatches(given),
    route: (method: string) =>
      isApiMethod(method) ? (service.handlers[method] as CallRoute) : undefined,
    originAllowed: (origin: string) => localHosts(port).has(origin.replace(/^http:\/\//, '')),
    headers: SECURITY_HEADERS,
    log: (line: string) => console.error(`browser mode: ${line}`),
  };

  function handleEvents(req: IncomingMessage, res: ServerResponse, url: URL) {
    const stop = openApiEvents(
      req,
      res,
      url,
      (event, listener) => service.on(event, listener),
      routeOptions,
    );
    if (!stop) return;
    streams.add(res);
    const end = () => {
      stop();
      streams.delete(res);
    };
    req.on('close', end);
    res.on('close', end);
  }

  function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, 'Method not allowed.\n', { Allow: 'GET, HEAD' });
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      sendText(res, 400, 'Bad path.\n');
      return;
    }
    const relative = path === '/' ? 'index.html' : normalize(path).replace(/^([/\\])+/, '');
    const file = resolve(join(staticDir, relative));
    if (!file.startsWith(staticDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      const missing = path === '/' && !existsSync(join(staticDir, 'index.html'));
      sendText(
        res,
        missing ? 503 : 404,
        missing ? 'The app is not built yet: run `npm run web`.\n' : 'Not found.\n',
      );
      return;
    }
    const type = contentTypeOf(file);
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

  const limits = { ...APP_SERVER_LIMITS, ...options.limits };
  const server: Server = createServer(limitedServerOptions(limits), (req, res) => {
    if (!localHosts(port).has(req.headers.host ?? '')) {
      sendText(res, 421, 'This server only answers on 127.0.0.1.\n');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${HOST}:${port}`);
    if (url.pathname === '/api/events') {
      if (req.method !== 'GET') {
        const error = new ApiError('invalid-request', 'Events are read with GET.', undefined, {
          reason: 'request-malformed',
        });
        sendError(res, 405, error, { Allow: 'GET' });
        return;
      }
      handleEvents(req, res, url);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      answerApiCall(req, res, url.pathname.slice('/api/'.length), routeOptions).catch(
        (error: unknown) => {
          // Whatever went wrong, the caller gets an answer rather than a hanging request.
          console.error('browser mode: request failed:', error);
          if (!res.headersSent)
            sendError(
              res,
              500,
              new ApiError('internal', 'The engine failed on this request.', undefined, {
                reason: 'internal-failure',
              }),
            );
          else res.end();
        },
      );
      return;
    }
    handleStatic(req, res, url);
  });

  capConnections(server, limits);

  return new Promise((resolveStart, rejectStart) => {
    server.once('error', rejectStart);
    server.listen(port, HOST, () => {
      port = (server.address() as AddressInfo).port;
      resolveStart({
        port,
        url: `http://${HOST}:${port}/#token=${encodeURIComponent(options.token)}`,
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
    // No keychain in a browser: the SMTP password is kept in a file only this user can read,
    // and the server token and shop secrets in this process only.
    secrets: inProcessOnly(fileSecretStore(join(dataDir, 'browser-secrets.json')), [
      'server-token',
      'shopify-secret',
      'woocommerce-secret',
    ]),
    secretsInProcess: true,
    // Bundled (npm run web), this file can start the event API's own thread.
    ...(!import.meta.url.endsWith('.ts') && { apiThreadScript: new URL(import.meta.url) }),
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
