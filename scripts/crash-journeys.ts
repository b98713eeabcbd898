// The journeys of the crash test (scripts/crash-harness.ts).

/** Every cart enters (reentry: always), gets an email, waits, and maybe a second one. */
export const CART = {
  format: 'journey-studio/journey',
  version: 1,
  id: 'crash-cart',
  name: 'Crash test cart',
  settings: { reentry: 'always' },
  nodes: [
    { id: 'start', kind: 'trigger', config: { on: 'event', event: 'cart' } },
    {
      id: 'first',
      kind: 'message',
      config: {
        channel: 'email',
        from: 'shop@example.com',
        subject: 'Your cart, {{ profile.first_name }}',
        html: '<p>{{ event.item }}</p><a href="{{ unsubscribe_url }}">Unsubscribe</a>',
      },
    },
    { id: 'wait', kind: 'wait', config: { mode: 'duration', duration: 'PT1S' } },
    {
      id: 'bought',
      kind: 'condition',
      config: { event: 'purchase', op: 'performed', since: 'entry' },
    },
    { id: 'score', kind: 'update', config: { increment: { score: 1 } } },
    {
      id: 'second',
      kind: 'message',
      config: {
        channel: 'email',
        from: 'shop@example.com',
        subject: 'Still there?',
        html: '<p>2</p>',
      },
    },
  ],
  edges: [
    { from: 'start', to: 'first' },
    { from: 'first', to: 'wait' },
    { from: 'wait', to: 'bought' },
    { from: 'bought', port: 'no', to: 'score' },
    { from: 'score', to: 'second' },
  ],
};

/** A second journey with a wait-for-event and an SMS, so units touch several enrollments. */
export const SIGNUP = {
  format: 'journey-studio/journey',
  version: 1,
  id: 'crash-signup',
  name: 'Crash test signup',
  settings: { reentry: 'always' },
  nodes: [
    { id: 'start', kind: 'trigger', config: { on: 'event', event: 'signup' } },
    {
      id: 'sms',
      kind: 'message',
      config: { channel: 'sms', text: 'Welcome {{ profile.first_name }}' },
    },
    { id: 'wait', kind: 'wait', config: { mode: 'event', event: 'cart', timeout: 'PT2S' } },
  ],
  edges: [
    { from: 'start', to: 'sms' },
    { from: 'sms', to: 'wait' },
  ],
};
