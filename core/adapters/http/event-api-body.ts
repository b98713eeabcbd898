import type { IncomingMessage } from 'node:http';
import type { Transform } from 'node:stream';
import { createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { BodyTooLarge, readBody } from './http-exchange';

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
