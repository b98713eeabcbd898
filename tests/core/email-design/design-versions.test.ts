/**
 * A design saved by a newer app: a clear message, nothing lost, and the journey still opens,
 * validates (a warning, not an error), simulates and keeps the design byte for byte on save.
 */
import { describe, expect, it } from 'vitest';
import { readDesign } from '../../../core/email-design/design-schema';
import { parseJourneyFile, serializeJourney } from '../../../core/model/journey-file';
import { ev, profile, run } from '../simulator/helpers';
import { validateJourney } from '../../../core/validation/validate';
import { edge, journey, node } from '../build';

const FUTURE_DESIGN = {
  version: 7,
  theme: { palette: 'autumn' },
  blocks: [{ id: 'h', type: 'hologram', text: 'Hi' }],
};

const future = journey(
  [
    node('start', 'trigger', { on: 'event', event: 'signup' }),
    node('mail', 'message', {
      channel: 'email',
      from: 'shop@example.com',
      subject: 'Welcome',
      html: '<p>Welcome {{ profile.first_name }}</p><p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>',
      design: FUTURE_DESIGN,
    }),
  ],
  [edge('start', 'mail')],
);

describe('a design from a newer version', () => {
  it('is recognised with a clear message', () => {
    const read = readDesign(FUTURE_DESIGN);
    expect(read).toMatchObject({ status: 'newer', version: 7 });
    if (read.status === 'newer')
      expect(read.message).toMatch(
        /designed in a newer version of Journey Studio \(design version 7; this app reads up to 1\)\. Its HTML is sent as it is/,
      );
  });

  it('opens, validates with a warning, simulates, and saves the design unchanged', () => {
    const text = serializeJourney(future);
    const parsed = parseJourneyFile(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const result = validateJourney(parsed.journey);
    expect(result.valid).toBe(true);
    expect(result.issues.map((i) => i.code)).toContain('email-design-newer');
    const simulated = run(parsed.journey, {
      profiles: [profile('p1', { first_name: 'Ada' })],
      events: [ev('p1', 'signup', '2025-03-03T10:00:00Z')],
    });
    expect(simulated.report.messages.mail?.sent).toBe(1);
    expect(serializeJourney(parsed.journey)).toBe(text);
    expect((parsed.journey.nodes[1]?.config as { design: unknown }).design).toEqual(FUTURE_DESIGN);
  });
});
