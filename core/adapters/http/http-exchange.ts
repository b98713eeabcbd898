import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server, ServerOptions, ServerResponse } from 'node:http';
import { nestingBeyond } from '../../model/json-text';

/**
 * What both local HTTP servers (browser mode's app server and the event API) do with a request
 * and its answer: read the body within a limit, answer with the headers every answer carries,
 * check the token, and recognise a request meant for this machine.
 */

/** A body longer than the limit: refused as soon as it shows, the rest left unread. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The body is larger than ${limit} bytes.`);
  }
}

/**
 * Reads a request body up to `limit` bytes. A longer one (declared, or as it arrives) rejects
 * with `BodyTooLarge` at once: the rest is not read; answer with `closeAfterAnswer`.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      settled = true;
      req.off('data', onData);
      req.pause();
      reject(new BodyTooLarge(limit));
    };
    req.on('data', onData);
    req.once('end', () => {
      if (!settled) resolve(Buffer.concat(chunks, size));
    });
    req.once('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
  });
}

/**
 * Answers with `body`. Every answer says `nosniff` and is never cached (unless `headers` says
 * otherwise); header names are matched whatever their case.
 */
export function send(
  res: ServerResponse,
  status: number,
  body: string,
  type: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  const all: Record<string, string | number> = {
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  };
  for (const [name, value] of Object.entries(headers)) all[name.toLowerCase()] = value;
  all['content-type'] = type;
  all['content-length'] = Buffer.byteLength(body);
  res.writeHead(status, all);
  res.end(body);
}

/** Answers with `value` as JSON. */
export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers?: Readonly<Record<string, string>>,
): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', headers);
}

/**
 * For an answer sent before the body was read to its end (too large): the connection closes
 * once the answer is out, rather than draining what the client still sends.
 */
export function closeAfterAnswer(req: IncomingMessage, res: ServerResponse): void {
  res.once('finish', () => req.socket.destroy());
}

/** Tokens are compared in a buffer of this size, so the time taken says nothing of them. */
const TOKEN_ROOM = 512;

/** The token laid out for a constant-time comparison: its bytes, then zeros, then its length. */
function padded(token: string, into: Buffer): Buffer | undefined {
  into.fill(0);
  const length = into.write(token, 0, TOKEN_ROOM, 'utf8');
  if (Buffer.byteLength(token) > TOKEN_ROOM) return undefined;
  into.writeUInt32BE(length, TOKEN_ROOM);
  return into;
}

/**
 * A check of presented tokens against `token`, in constant time: both sides are laid out at
 * one length, so the time taken says nothing of how much of a guess was right.
 */
export function tokenCheck(token: string): (given: string | undefined) => boolean {
  // An empty token would let in every request that presents an empty one (`?token=`).
  if (token === '') throw new Error('The API token must not be empty.');
  const expected = padded(token, Buffer.alloc(TOKEN_ROOM + 4));
  if (!expected) throw new Error(`The API token must be at most ${TOKEN_ROOM} bytes.`);
  const candidate = Buffer.alloc(TOKEN_ROOM + 4);
  return (given) => {
    const laidOut = given === undefined || given === '' ? undefined : padded(given, candidate);
    return laidOut !== undefined && timingSafeEqual(laidOut, expected);
  };
}

/**
 * The token a request presents: `Authorization: Bearer <token>`, or Basic with the token as
 * the user (Segment's write key).
 */
export function presentedToken(req: IncomingMessage): string | undefined {
  const [scheme, value] = (req.headers.authorization ?? '').split(/\s+/, 2);
  if (scheme?.toLowerCase() === 'bearer') return value;
  if (scheme?.toLowerCase() === 'basic' && value)
    return Buffer.from(value, 'base64').toString('utf8').replace(/:.*$/s, '');
  return undefined;
}

/**
 * The `Host` values of a server on 127.0.0.1 at `port`. A request naming any other host came
 * through a name that resolves here (DNS rebinding) and is refused.
 */
export function localHosts(port: number): ReadonlySet<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

/** How long a client may take and how many may connect; each server takes these by default. */
export interface ServerLimits {
  /** From connecting to the end of the request's headers. */
  headersTimeoutMs: number;
  /** From connecting to the end of the request's body. */
  requestTimeoutMs: number;
  /** Connections open at once; more are closed as they arrive. */
  maxConnections: number;
  /** How long an idle kept-alive connection stays open between requests. */
  keepAliveTimeoutMs: number;
}

/**
 * The defaults. Node's own (60 s for headers, checked only every 30 s, and no cap) held a client
 * that sends its headers a byte at a time for 56–90 s, and any number of them. Local senders
 * (a script, the app's browser tab) send headers in milliseconds; 10 s is generous. A body may
 * take 30 s (a 4 MB batch, or a 300 MB data file over loopback in a few seconds; the app server
 * allows 120 s). The cap is far above what one machine's senders open.
 */
export const SERVER_LIMITS: ServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  maxConnections: 256,
  keepAliveTimeoutMs: 5_000,
};

/** Options for `createServer` that apply the limits; pass the server to `capConnections` too. */
export function limitedServerOptions(limits: ServerLimits): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    // How often the timeouts above are checked (Node's default is every 30 s).
    connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
    keepAliveTimeout: limits.keepAliveTimeoutMs,
  };
}

export function capConnections(server: Server, limits: ServerLimits): void {
  server.maxConnections = limits.maxConnections;
}

/**
 * The offset where a JSON text nests more than `limit` levels deep, if it does. Checked before
 * parsing: deep nesting passes `JSON.parse` but overflows the stack of whatever walks the value
 * after it, which made the event API answer a retryable 503 to a request that can never succeed.
 */
export function jsonTooDeep(text: string, limit: number): boolean {
  return nestingBeyond(text, limit) !== undefined;
}
