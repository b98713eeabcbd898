import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { CHANNEL_DEFINITIONS } from '../../../core/channels/channel-list';
import { CHANNELS, channelDefinition } from '../../../core/channels/registry';
import { serializeJourney } from '../../../core/model/journey-file';
import { addressFor, checkConsent } from '../../../core/runtime/consent';
import { chain, journey, node } from '../build';

const NOBODY_SUPPRESSED = { isSuppressed: () => false };

describe('channel registry', () => {
  it('has the four channels in the inspector’s order', () => {
    expect(CHANNELS).toEqual(['email', 'sms', 'push', 'webhook']);
    expect(() => channelDefinition('pigeon')).toThrow(
      'Unknown channel "pigeon"; known channels: email, sms, push, webhook',
    );
  });

  it.each(CHANNEL_DEFINITIONS.map((d) => [d.channel, d] as const))(
    '%s: its template fields are the fields of its schema, with the same titles and editors',
    (_channel, d) => {
      const schema = z.toJSONSchema(d.schema as z.ZodType, { unrepresentable: 'any' }) as {
        properties: Record<string, { title?: string; widget?: string }>;
      };
      for (const spec of d.templateFields) {
        expect(schema.properties[spec.field]).toMatchObject({
          title: spec.title,
          widget: spec.widget,
        });
        expect(d.configKeys).toContain(spec.field);
      }
      const templates = Object.entries(schema.properties).filter(([, p]) =>
        p.widget?.startsWith('template-'),
      );
      expect(templates.map(([field]) => field).sort()).toEqual(
        d.templateFields.map((f) => f.field).sort(),
      );
    },
  );
});

describe('consent, as each channel says', () => {
  it('reads the channel’s own address and opt-out', () => {
    const attributes = {
      email: 'ann@example.com',
      phone: 46701234567,
      sms_opt_out: 'yes',
      push_token: '  ',
    };
    const consent = (channel: string) =>
      checkConsent(channelDefinition(channel), attributes, NOBODY_SUPPRESSED);
    expect(consent('email')).toBe('ann@example.com');
    // The English detail, and its facts for the app to word in its language.
    expect(consent('sms')).toEqual({
      reason: 'unsubscribed',
      detail: 'opted out of sms',
      facts: { code: 'opted-out', channel: 'sms' },
    });
    expect(consent('push')).toEqual({
      reason: 'no_address',
      detail: 'push_token "  " is not usable',
      facts: { code: 'address-unusable', attribute: 'push_token', value: '"  "' },
    });
    expect(checkConsent(channelDefinition('email'), {}, NOBODY_SUPPRESSED)).toEqual({
      reason: 'no_address',
      detail: 'no email',
      facts: { code: 'no-address', attribute: 'email' },
    });
    expect(
      checkConsent(channelDefinition('email'), attributes, { isSuppressed: () => true }),
    ).toEqual({
      reason: 'suppressed',
      detail: 'ann@example.com is on the suppression list',
      facts: { code: 'suppressed', address: 'ann@example.com' },
    });
    // Webhooks reach systems: no consent to ask, and no address of a person.
    expect(consent('webhook')).toBe('');
    expect(addressFor('webhook', attributes)).toBeUndefined();
    expect(addressFor('sms', { phone: 46701234567 })).toBe('46701234567');
    expect(addressFor('email', { email: 'not an address' })).toBeUndefined();
  });

  it('skips everyone who unsubscribed from everything, on every channel that reaches a person', () => {
    for (const channel of ['email', 'sms', 'push']) {
      expect(
        checkConsent(
          channelDefinition(channel),
          { unsubscribed: true, email: 'a@b.se', phone: '1', push_token: 't' },
          NOBODY_SUPPRESSED,
        ),
      ).toEqual({
        reason: 'unsubscribed',
        detail: 'unsubscribed from all messages',
        facts: { code: 'unsubscribed-all' },
      });
    }
  });
});

describe('saved message configs', () => {
  it('keep each channel’s keys in its own order', () => {
    const text = serializeJourney(
      journey(
        [
          node('start', 'trigger', { event: 'cart', on: 'event' }),
          node('hook', 'message', {
            body: '{}',
            url: 'https://example.com/h',
            method: 'PUT',
            channel: 'webhook',
          }),
          node('mail', 'message', {
            text: 'Hi',
            html: '<p>Hi</p>',
            subject: 'Hi',
            replyTo: 'b@example.com',
            from: 'a@example.com',
            channel: 'email',
          }),
        ],
        chain('start', 'hook', 'mail'),
      ),
    );
    const saved = JSON.parse(text) as { nodes: { config: object }[] };
    expect(saved.nodes.map((n) => Object.keys(n.config))).toEqual([
      ['on', 'event'],
      ['channel', 'method', 'url', 'body'],
      ['channel', 'from', 'replyTo', 'subject', 'html', 'text'],
    ]);
  });
});
