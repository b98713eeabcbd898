import { describe, expect, it } from 'vitest';
import { messageIdFor } from '../../../../core/adapters/email/mail-message';
import { chain, journey, node } from '../../build';
import { deliveryHarness } from './delivery-harness';
import { parseMail } from './mime';

describe('the embedded outbox', () => {
  it('keeps each email rendered as MIME, with the headers it would be sent with, and nothing leaves', async () => {
    const h = deliveryHarness();
    h.enqueue(['ann', 'bob']);
    await h.deliverDue();
    expect(h.rows().map((r) => [r.status, r.transport])).toEqual([
      ['delivered', 'embedded'],
      ['delivered', 'embedded'],
    ]);
    const [first] = h.rows();
    const mail = parseMail(h.outbox.stored(first!.id)!);
    expect(mail.headers.get('message-id')).toBe(messageIdFor(h.outbox.get(first!.id)!, 'test01'));
    expect(mail.headers.get('to')).toBe('ann@example.com');
    expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.html).toContain('Hej ANN — åäö');
    expect(mail.text).toBe('Hej ANN');
  });

  it('keeps a message exactly once: an outcome committed twice changes nothing', async () => {
    const h = deliveryHarness();
    h.enqueue(['ann']);
    await h.deliverDue();
    const [row] = h.rows();
    const again = h.outbox.settle(
      [{ id: row!.id, attempt: 2, outcome: 'delivered', transport: 'embedded', stored: 'copy' }],
      h.clock.now(),
    );
    expect(again).toBe(0);
    expect(h.db.prepare('SELECT COUNT(*) AS n FROM mailbox').get()).toEqual({ n: 1 });
    expect(h.log()).toHaveLength(1);
  });

  it('keeps SMS and push messages as rendered', async () => {
    const h = deliveryHarness({
      journey: journey(
        [
          node('start', 'trigger', { on: 'event', event: 'cart' }),
          node('sms', 'message', { channel: 'sms', text: 'Hi {{ profile.first_name }}' }),
        ],
        chain('start', 'sms'),
        {},
        'sms',
      ),
    });
    h.executor.ingest(
      [
        { type: 'identify', profileId: 'p', traits: { phone: '+46701234567', first_name: 'Pia' } },
        { type: 'track', event: { profileId: 'p', name: 'cart', properties: {} } },
      ],
      h.clock.now(),
    );
    h.executor.runDue(h.clock.now());
    await h.deliverDue();
    expect(JSON.parse(h.outbox.stored(h.rows()[0]!.id)!)).toEqual({
      to: '+46701234567',
      channel: 'sms',
      text: 'Hi Pia',
    });
  });
});
