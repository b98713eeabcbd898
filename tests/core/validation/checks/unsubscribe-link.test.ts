import { describe, expect, it } from 'vitest';
import { chain, journey, node } from '../../build';
import { calm, found, trigger, where } from './helpers';

const email = (html: string) =>
  node('mail', 'message', {
    channel: 'email',
    from: 'shop@example.com',
    subject: 'Your cart is waiting',
    html,
  });
const withBody = (html: string) =>
  journey([trigger(), email(html)], chain('start', 'mail'), { ...calm });

describe('email-unsubscribe-missing', () => {
  it('warns about an email whose body has no unsubscribe link, naming the node', () => {
    const [issue] = found('email-unsubscribe-missing', withBody('<p>Come back!</p>'));
    expect(issue).toMatchObject({ nodeId: 'mail', severity: 'warning' });
    expect(issue?.path).toEqual(['nodes', 1, 'config', 'html']);
    expect(issue?.message).toMatch(
      /Email "mail" has no unsubscribe link\. Add <a href="\{\{ unsubscribe_url \}\}">/,
    );
  });

  it('is satisfied by a printed link, with or without filters or whitespace control', () => {
    for (const html of [
      '<a href="{{ unsubscribe_url }}">Unsubscribe</a>',
      '<a href="{{unsubscribe_url}}">Stop</a>',
      '<a href="{{- unsubscribe_url | escape -}}">Stop</a>',
    ]) {
      expect(where('email-unsubscribe-missing', withBody(html))).toEqual([]);
    }
  });

  it('does not count the link mentioned only in a condition or in the plain-text part', () => {
    expect(
      where('email-unsubscribe-missing', withBody('{% if unsubscribe_url %}<p>Hi</p>{% endif %}')),
    ).toEqual(['mail']);
  });

  it('leaves SMS, push and webhooks alone', () => {
    const sms = node('mail', 'message', { channel: 'sms', text: 'Hi' });
    expect(
      where('email-unsubscribe-missing', journey([trigger(), sms], chain('start', 'mail'), calm)),
    ).toEqual([]);
  });
});
