import { webhookChannel } from '../../channels/webhook.channel';
import type { OutboxMessageRecord, SendResult, Transport } from '../../executor/delivery';

export interface WebhookOptions {
  /** Milliseconds before an attempt counts as timed out (and is retried). */
  timeoutMs?: number;
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

/**
 * Webhook messages: a real HTTP request. The outbox key goes along as `Idempotency-Key`, so a
 * receiver can drop the repeat of a request it answered just before a crash. Redirects are
 * not followed: the URL in the journey is the one that gets the data.
 */
export class WebhookTransport implements Transport {
  readonly name = 'webhook';

  constructor(private readonly options: WebhookOptions = {}) {}

  async send(entry: OutboxMessageRecord): Promise<SendResult> {
    const content = entry.content;
    if (!webhookChannel.holds(content))
      return { ok: false, permanent: true, detail: `outbox row ${entry.id} is not a webhook` };
    const hasBody = content.method !== 'GET' && content.body !== undefined;
    try {
      const response = await fetch(content.url, {
        method: content.method,
        headers: {
          'user-agent': 'JourneyStudio/1',
          'idempotency-key': entry.key,
          ...(hasBody && { 'content-type': contentType(content.body ?? '') }),
        },
        ...(hasBody && { body: content.body }),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      const text = (await response.text()).slice(0, 500);
      const detail = `HTTP ${response.status}${text ? `: ${text}` : ''}`;
      if (response.status >= 200 && response.status < 300) return { ok: true, detail };
      return { ok: false, permanent: !retryable(response.status), detail };
    } catch (error) {
      const e = error as Error & { cause?: { code?: string } };
      const why = e.name === 'TimeoutError' ? 'timed out' : (e.cause?.code ?? e.message);
      return { ok: false, permanent: false, detail: `${content.method} ${content.url}: ${why}` };
    }
  }
}
