import type { Journey } from '../../core/model/journey';
import { isNodeKind, nodeDefinition } from '../../core/nodes/registry';

/** A token as shown until revealed: its length hinted, its value hidden. */
export function maskToken(token: string): string {
  return '•'.repeat(Math.min(Math.max(token.length, 8), 24));
}

/** Single quotes for a POSIX shell: `it's` → `'it'\''s'`. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The track endpoint under the event API's base address (which may end in a slash). */
export function trackUrl(baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  return base.endsWith('/v1') ? `${base}/track` : `${base}/v1/track`;
}

/** A one-line curl command that sends one event to the event API. */
export function curlExample(baseUrl: string, token: string, event: string): string {
  const body = JSON.stringify({ userId: 'ann', event, properties: {} });
  return [
    'curl',
    '-X POST',
    shellQuote(trackUrl(baseUrl)),
    `-H ${shellQuote(`Authorization: Bearer ${token}`)}`,
    `-H 'Content-Type: application/json'`,
    `-d ${shellQuote(body)}`,
  ].join(' ');
}

/** The event the journey's trigger waits for, if it waits for one. */
export function triggerEventName(journey: Journey | null): string | undefined {
  for (const node of journey?.nodes ?? []) {
    const entry = isNodeKind(node.kind) ? nodeDefinition(node.kind).entry : undefined;
    const parsed = entry && nodeDefinition(node.kind).schema.safeParse(node.config);
    const event = parsed?.success ? entry?.routes(parsed.data).events?.[0]?.event : undefined;
    if (event) return event;
  }
  return undefined;
}
