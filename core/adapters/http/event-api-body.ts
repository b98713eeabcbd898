import type { IncomingMessage } from 'node:http';
import type { Transform } from 'node:stream';
import { createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { BodyTooLarge, jsonTooDeep, readBody } from './http-exchange';

/** An encoding the event API does not read, as it was named. */
export class UnsupportedEncoding extends Error {
  constructor(readonly encoding: string) {
    super(`The body is encoded as ${encoding}.`);
  }
}

/** A compressed body that does not inflate. */
export class BadlyEncoded extends Error {}

/**
 * Reads a request body of at most `limit` bytes as the sender meant it: as it came, or inflated
 * when `Content-Encoding` says gzip or deflate (RudderStack's libraries compress by default).
 * The limit holds for both the body as sent and the body inflated; inflating stops as soon as it
 * passes the limit, so a small body that inflates to gigabytes (a zip bomb) costs no more than
 * `limit` bytes of memory and is refused with `BodyTooLarge`.
 */
export async function readEventBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity' || encoding === '') return readBody(req, limit);
  if (encoding !== 'gzip' && encoding !== 'x-gzip' && encoding !== 'deflate')
    throw new UnsupportedEncoding(encoding);
  const sent = await readBody(req, limit);
  if (encoding !== 'deflate') return inflate(sent, createGunzip(), limit);
  // "deflate" is meant to be zlib-wrapped; some senders send it raw.
  try {
    return await inflate(sent, createInflate(), limit);
  } catch (error) {
    if (!(error instanceof BadlyEncoded)) throw error;
    return inflate(sent, createInflateRaw(), limit);
  }
}

/** Inflates `sent`, stopping (and failing with BodyTooLarge) once the result passes `limit`. */
function inflate(sent: Buffer, stream: Transform, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      stream.destroy();
      reject(error);
    };
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) fail(new BodyTooLarge(limit));
      else chunks.push(chunk);
    });
    stream.once('error', (error) =>
      fail(new BadlyEncoded(`The compressed body does not inflate: ${error.message}.`)),
    );
    stream.once('end', () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks, size));
    });
    stream.end(sent);
  });
}

/**
 * How deep a request body may nest. Segment's calls nest properties a few levels; 64 leaves
 * room for any real event and stops a body built to overflow the stack.
 */
export const MAX_EVENT_JSON_DEPTH = 64;

export type ApiErrorCode =
  | 'invalid-json'
  | 'invalid-request'
  | 'unauthorized'
  | 'not-found'
  | 'method-not-allowed'
  | 'unsupported-media-type'
  | 'payload-too-large'
  | 'unavailable';

export class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/**
 * Whether a Content-Type says JSON. A compressed body may also be labelled octet-stream or
 * form-encoded: that is how HTTP clients label a compressed buffer they were handed (RudderStack's
 * Node library sends its gzipped JSON so), and what it holds is then read as JSON all the same.
 */
export function jsonType(type: string, encoded: boolean): boolean {
  return (
    /^application\/([\w.+-]+\+)?json\b/i.test(type) ||
    (encoded && /^application\/(octet-stream|x-www-form-urlencoded)\b/i.test(type))
  );
}

/** A body that could not be read, as the event API answers it. */
export function unreadable(error: unknown): never {
  if (error instanceof BodyTooLarge)
    throw new HttpFailure(
      413,
      'payload-too-large',
      `The body is larger than ${error.limit} bytes (after decompressing); send fewer calls per request.`,
    );
  if (error instanceof UnsupportedEncoding)
    throw new HttpFailure(
      415,
      'unsupported-media-type',
      `The body is encoded as "${error.encoding}"; send it as it is, or with Content-Encoding: gzip or deflate.`,
    );
  if (error instanceof BadlyEncoded) throw new HttpFailure(400, 'invalid-json', error.message);
  throw error;
}

export function parseJson(body: Buffer): unknown {
  const text = body.toString('utf8');
  if (text.trim() === '')
    throw new HttpFailure(400, 'invalid-json', 'The body is empty; send a JSON object.');
  if (jsonTooDeep(text, MAX_EVENT_JSON_DEPTH)) {
    throw new HttpFailure(
      400,
      'invalid-json',
      `The body is nested more than ${MAX_EVENT_JSON_DEPTH} levels deep; flatten the properties.`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpFailure(
      400,
      'invalid-json',
      `The body is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
}
