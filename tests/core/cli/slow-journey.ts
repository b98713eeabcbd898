import type { Journey } from '../../../core/model/journey';
import { chain, journey, node } from '../build';

/**
 * Each message costs about a tenth to a fifth of a second per field to render (two loops of 200
 * over nothing: 80,000 steps, as much as the render limits let a template do), different for every
 * event so no output can be reused.
 */
const SLOW =
  '{% for a in (1..200) %}{% for b in (1..200) %}{% assign x = b %}{% endfor %}{% endfor %}';

/** A cart gets a message that is slow to render: the engine's thread is busy for a while. */
export const slowJourney: Journey = journey(
  [
    node('start', 'trigger', { on: 'event', event: 'cart' }),
    node('mail', 'message', {
      channel: 'email',
      from: 'shop@example.com',
      subject: `${SLOW}Your cart {{ event.n }}`,
      html: `${SLOW}<p>{{ event.n }}</p><a href="{{ unsubscribe_url }}">Unsubscribe</a>`,
    }),
  ],
  chain('start', 'mail'),
  {},
  'slow',
);

/** `count` profiles, each with an email, and a cart for each: `count` slow messages. */
export function slowCarts(count: number): object[] {
  return Array.from({ length: count }, (_, i) => [
    { type: 'identify', userId: `p${i}`, traits: { email: `p${i}@example.com` } },
    { type: 'track', userId: `p${i}`, event: 'cart', properties: { n: i } },
  ]).flat();
}

/** How long a request takes to be answered, body included. */
export async function timed(
  request: () => Promise<Response>,
): Promise<{ ms: number; status: number }> {
  const start = performance.now();
  const response = await request();
  await response.text();
  return { ms: performance.now() - start, status: response.status };
}

export const median = (list: number[]): number =>
  Math.round([...list].sort((a, b) => a - b)[list.length >> 1] ?? 0);
