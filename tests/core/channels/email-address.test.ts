import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { mailOptions } from '../../../core/adapters/email/mail-message';
import { isEmailAddress, isMailbox } from '../../../core/channels/email.channel';
import type { OutboxMessageRecord } from '../../../core/executor/delivery';

describe('one email address, and only one', () => {
  it.each([
    'ann@example.com',
    "o'brien+offers@mail.example.co.uk",
    'åsa.öberg@exempel.se',
    'kund@bücher.de',
    'a_b-c=d?e@x-y.example',
  ])('accepts %s', (address) => {
    expect(isEmailAddress(address)).toBe(true);
  });

  it.each([
    ['x,attacker@evil.example', 'a list: nodemailer sends to the second address'],
    ['x;attacker@evil.example', 'a list with a semicolon'],
    ['group:a@b.example;', 'a group'],
    ['(comment)ann@example.com', 'a comment'],
    ['"ann smith"@example.com', 'a quoted local part'],
    ['ann@example', 'no top-level domain'],
    ['ann..smith@example.com', 'two dots in a row'],
    ['.ann@example.com', 'a leading dot'],
    ['ann@-example.com', 'a label starting with a hyphen'],
    ['ann@example.com\nBcc: x@evil.example', 'a header after a line break'],
    ['ann\u202e@example.com', 'a direction override'],
    ['ann@exa mple.com', 'a space'],
    [`${'a'.repeat(65)}@example.com`, 'a local part over 64 characters'],
  ])('refuses %j (%s)', (address) => {
    expect(isEmailAddress(address)).toBe(false);
  });

  it('takes one sender with or without a display name, never two', () => {
    expect(isMailbox('shop@example.com')).toBe(true);
    expect(isMailbox('Shop <shop@example.com>')).toBe(true);
    expect(isMailbox('"Shop, Inc." <shop@example.com>')).toBe(true);
    expect(isMailbox('Shop <shop@example.com>, Evil <evil@x.example>')).toBe(false);
    expect(isMailbox('Shop, Evil <evil@x.example>')).toBe(false);
    expect(isMailbox('Shop <x,attacker@evil.example>')).toBe(false);
  });

  it('hands the mail transport the recipient as one address, whatever it holds', async () => {
    const entry = {
      id: 1,
      key: 'k',
      journeyId: 'j',
      version: 1,
      nodeId: 'mail',
      enrollmentId: 'e',
      profileId: 'p',
      channel: 'email',
      to: 'x,attacker@evil.example',
      at: 0,
      content: { channel: 'email', from: 'shop@example.com', subject: 'Hi', html: '<p>Hi</p>' },
      attempts: 0,
      status: 'pending',
      nextAttemptAt: 0,
    } as OutboxMessageRecord;
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
    const info = await transport.sendMail(
      mailOptions(entry, { installId: 'i', unsubscribeUrl: () => 'https://x.example/u' }),
    );
    expect(info.envelope.to).toEqual(['"x,attacker"@evil.example']);
  });
});
