import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { webhookChannel } from '../../channels/webhook.channel';
import type { OutboxMessageRecord, SendResult, Transport } from '../../executor/delivery';
import { addressKind, describeAddressKind } from './network-address';

export interface WebhookOptions {
  /** Milliseconds before an attempt counts as timed out (and is retried). */
  timeoutMs?: number;
  /**
   * Hosts the user allows although they are on this computer or a private network (the
   * library's webhook setting), read at every attempt. Any other such target is refused.
   */
  allowedHosts?: () => readonly string[];
}

/** Whether a webhook reply is worth retrying: timeouts, rate limits and server errors are. */
function retryable(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

function contentType(body: string): string {
  try {
    JSON.parse(body);
    return 'application/json';
  } catch {
    return 'text/plain; charset=utf-8';
  }
}

/** Bytes of a reply read at most: the rest is never buffered. */
const REPLY_BYTES = 4_096;
/** Characters of a reply kept in the delivery log. */
const REPLY_CHARS = 200;

/** One line of a reply, as the outbox shows it: no control characters, short. */
export function replyLine(raw: string): string {
  const clean = raw
    // eslint-disable-next-line no-control-regex
    .replace(/\u001b\[[\d;]*[A-Za-z]/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ');
  const text = clean.trim();
  return text.length > REPLY_CHARS ? `${text.slice(0, REPLY_CHARS - 1).trimEnd()}…` : text;
}

/** A target refused before anything was sent. */
class RefusedTarget extends Error {
  readonly refused = true;
}

function refusal(host: string, address: string, kind: ReturnType<typeof addressKind>) {
  const where = host === address ? '' : `${address}, `;
  return new RefusedTarget(
    `Refused: ${host} is ${where}${describeAddressKind(kind)}. Journeys call this computer or a private network only when you allow the host ${host} in Settings → Webhooks.`,
  );
}

/** DNS lookups that refuse addresses on this computer or a private network. */
function guardedLookup(host: string): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, options, (error, result, family) => {
      if (error) return callback(error, '', 0);
      const all: LookupAddress[] = Array.isArray(result)
        ? result
        : [{ address: result, family: family ?? 4 }];
      for (const { address } of all) {
        const kind = addressKind(address);
        if (kind !== 'public') return callback(refusal(host, address, kind), '', 0);
      }
      (callback as (e: null, r: unknown, f?: number) => void)(null, result, family);
    });
  };
}

/**
 * Webhook messages: a real HTTP request. The outbox key goes along as `Idempotency-Key`, so a
 * receiver can drop the repeat of a request it answered just before a crash. Redirects are
 * not followed: the URL in the journey is the one that gets the data. Targets on this computer,
 * a private network or a link-local address are refused unless the user allows the host; the
 * check is made on the address the connection goes to, so a name that changes its answer
 * between a check and the request cannot slip through. Of the reply, one short clean line is
 * kept.
 */
export class WebhookTransport implements Transport {
  readonly name = 'webhook';

  constructor(private readonly options: WebhookOptions = {}) {}

  async send(entry: OutboxMessageRecord): Promise<SendResult> {
    const content = entry.content;
    if (!webhookChannel.holds(content))
      return { ok: false, permanent: true, detail: `outbox row ${entry.id} is not a webhook` };
    let url: URL;
    try {
      url = new URL(content.url);
    } catch {
      return { ok: false, permanent: true, detail: `"${content.url}" is not a URL` };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return { ok: false, permanent: true, detail: `${url.protocol} URLs cannot be called` };
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    const allowed = (this.options.allowedHosts?.() ?? []).some((h) => h.toLowerCase() === host);
    if (!allowed && isIP(host)) {
      const kind = addressKind(host);
      if (kind !== 'public')
        return { ok: false, permanent: true, detail: refusal(host, host, kind).message };
    }
    try {
      const { status, text } = await this.request(
        entry,
        url,
        allowed ? undefined : guardedLookup(host),
      );
      const reply = replyLine(text);
      const detail = `HTTP ${status}${reply ? `: ${reply}` : ''}`;
      if (status >= 200 && status < 300) return { ok: true, detail };
      return { ok: false, permanent: !retryable(status), detail };
    } catch (error) {
      if (error instanceof RefusedTarget)
        return { ok: false, permanent: true, detail: error.message };
      const e = error as Error & { code?: string };
      const why = e.name === 'TimeoutError' ? 'timed out' : (e.code ?? e.message);
      return { ok: false, permanent: false, detail: `${content.method} ${content.url}: ${why}` };
    }
  }

  private request(
    entry: OutboxMessageRecord,
    url: URL,
    lookup: LookupFunction | undefined,
  ): Promise<{ status: number; text: string }> {
    const content = entry.content as { method: string; body?: string };
    const hasBody = content.method !== 'GET' && content.body !== undefined;
    const body = hasBody ? Buffer.from(content.body ?? '') : undefined;
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = send(url, {
        method: content.method,
        headers: {
          'user-agent': 'JourneyStudio/1',
          'idempotency-key': entry.key,
          ...(body && {
            'content-type': contentType(content.body ?? ''),
            'content-length': String(body.length),
          }),
        },
        ...(lookup && { lookup }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      req.on('error', (error) =>
        reject(
          error.name === 'AbortError' ? Object.assign(error, { name: 'TimeoutError' }) : error,
        ),
      );
      req.on('response', (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
        res.on('data', (chunk: Buffer) => {
          if (size >= REPLY_BYTES) return;
          chunks.push(chunk.subarray(0, REPLY_BYTES - size));
          size += chunk.length;
          // Enough read: the rest of a large reply is never buffered.
          if (size >= REPLY_BYTES) {
            res.destroy();
            done();
          }
        });
        res.on('end', done);
        res.on('error', () => done());
      });
      req.end(body);
    });
  }
}
