import { afterEach, describe, expect, it } from 'vitest';
import { ImapFeedbackMailbox } from '../../../../core/adapters/email/feedback-mailbox';
import { FeedbackStore } from '../../../../core/adapters/sqlite/feedback-store';
import { JourneyExecutions } from '../../../../core/adapters/sqlite/journey-execution';
import { SettingsRepository } from '../../../../core/adapters/sqlite/settings';
import { saveLibrarySettings, savedLibrarySettings } from '../../../../core/app/library-settings';
import { deliveryHarness } from './delivery-harness';
import { ImapTestServer } from './imap-test-server';

const servers: ImapTestServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
});

/** A delivery status notification as Postfix sends it (RFC 3464), returning the headers. */
function dsn(recipient: string, status: string, key: string, action = 'failed'): string {
  return `Return-Path: <>
Received: by mx.example.com (Postfix) id 4F2A1; Fri,  1 May 2026 10:05:00 +0000 (UTC)
Date: Fri,  1 May 2026 10:05:00 +0000 (UTC)
From: MAILER-DAEMON@mx.example.com (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
To: unsubscribe@example.com
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
	boundary="4F2A1.1777630000/mx.example.com"
Message-Id: <20260501100500.4F2A1@mx.example.com>

This is a MIME-encapsulated message.

--4F2A1.1777630000/mx.example.com
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

--4F2A1.1777630000/mx.example.com
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.com
X-Postfix-Queue-ID: 4F2A1
Arrival-Date: Fri,  1 May 2026 10:04:58 +0000 (UTC)

Final-Recipient: rfc822; ${recipient}
Original-Recipient: rfc822;${recipient}
Action: ${action}
Status: ${status}
Remote-MTA: dns; mail.recipient.example
Diagnostic-Code: smtp; 550 5.1.1 <${recipient}>: Recipient address rejected: User
    unknown in virtual mailbox table

--4F2A1.1777630000/mx.example.com
Content-Description: Undelivered Message Headers
Content-Type: text/rfc822-headers

Return-Path: <shop@example.com>
Message-ID: <a1b2c3d4.1.test01@example.com>
From: Shop <shop@example.com>
To: ${recipient}
Subject: Your acme cart
List-Unsubscribe: <http://127.0.0.1:9999/u/x>
X-Journey-Studio-Key: ${key}

--4F2A1.1777630000/mx.example.com--
`;
}

/** An abuse report in the Abuse Reporting Format (RFC 5965), the recipient redacted. */
function arf(key: string): string {
  return `From: <abuse@mailbox-provider.example>
Date: Fri, 01 May 2026 11:00:00 +0000
Subject: FW: Your acme cart
To: <unsubscribe@example.com>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=feedback-report;
     boundary="part1_13d.2e68ed54_boundary"

--part1_13d.2e68ed54_boundary
Content-Type: text/plain; charset="US-ASCII"
Content-Transfer-Encoding: 7bit

This is an email abuse report for an email message received from IP
192.0.2.1 on Fri, 01 May 2026 10:30:00 +0000.

--part1_13d.2e68ed54_boundary
Content-Type: message/feedback-report

Feedback-Type: abuse
User-Agent: SomeGenerator/1.0
Version: 1
Original-Mail-From: <shop@example.com>
Arrival-Date: Fri, 01 May 2026 10:30:00 +0000
Reported-Domain: example.com
Source-IP: 192.0.2.1

--part1_13d.2e68ed54_boundary
Content-Type: message/rfc822
Content-Disposition: inline

From: Shop <shop@example.com>
Received: from mailserver.example.net (mailserver.example.net [192.0.2.1])
     by example.com with ESMTP id M63d4137594e46; Fri, 01 May 2026 10:30:00 +0000
To: <redacted@mailbox-provider.example>
Subject: Your acme cart
X-Journey-Studio-Key: ${key}
Message-ID: <a1b2c3d4.2.test01@example.com>
Date: Fri, 01 May 2026 10:29:00 +0000

<p>Hej BOB</p>
--part1_13d.2e68ed54_boundary--
`;
}

/** What a mail client sends for a `mailto:` unsubscribe. */
function unsubscribeEmail(mailto: string): string {
  const subject = decodeURIComponent(/subject=([^&]+)/.exec(mailto)?.[1] ?? '');
  return `From: Cy <cy@example.com>
To: unsubscribe@example.com
Subject: ${subject}
Date: Fri, 01 May 2026 12:00:00 +0000
Message-ID: <reply-1@example.com>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

This message was sent to unsubscribe.
`;
}

async function setup() {
  const h = deliveryHarness();
  h.enqueue(['ann', 'bob', 'cy', 'dee']);
  const rows = h.rows();
  const server = new ImapTestServer('feedback@example.com', 'imap-secret');
  servers.push(server);
  await server.start();
  const settings = new SettingsRepository(h.db);
  saveLibrarySettings(settings, {
    ...savedLibrarySettings(settings),
    mailbox: {
      host: '127.0.0.1',
      port: server.port,
      security: 'none',
      username: 'feedback@example.com',
    },
  });
  const mailbox = new ImapFeedbackMailbox({
    settings,
    secrets: { get: () => Promise.resolve('imap-secret') },
    feedback: new FeedbackStore(h.db),
    links: h.links,
    now: () => Date.parse('2026-05-01T12:05:00Z'),
  });
  return { h, rows, server, mailbox };
}

describe('the feedback mailbox, read over IMAP', () => {
  it('applies hard bounces, complaints and mailto unsubscribes to the suppression list, with their source', async () => {
    const { h, rows, server, mailbox } = await setup();
    const token = h.links.token({
      channel: 'email',
      address: 'cy@example.com',
      profileId: 'cy',
      journeyId: 'cart-mail',
    });
    server.add(dsn('ann@example.com', '5.1.1', rows[0]!.key));
    server.add(dsn('dee@example.com', '4.4.1', rows[3]!.key, 'delayed'));
    server.add(arf(rows[1]!.key));
    server.add(
      unsubscribeEmail(
        `mailto:unsubscribe@example.com?subject=${encodeURIComponent(`Unsubscribe ${token}`)}`,
      ),
    );
    server.add('From: someone@example.com\r\nSubject: Thanks!\r\n\r\nLove the shop.\r\n');

    const reading = await mailbox.read();
    expect(reading).toMatchObject({ ok: true, unsubscribed: 1, bounced: 1, complained: 1 });
    expect(
      h.suppressions
        .list()
        .map((s) => [s.address, s.reason])
        .sort(),
    ).toEqual([
      [
        'ann@example.com',
        'hard bounce; 5.1.1 550 5.1.1 <ann@example.com>: Recipient address rejected: User unknown in virtual mailbox table; journey cart-mail',
      ],
      ['bob@example.com', 'complaint (marked as spam); feedback type abuse; journey cart-mail'],
      ['cy@example.com', 'unsubscribed by email; journey cart-mail'],
    ]);
    // A delayed delivery (4.x.x) is no bounce; every message was read, once.
    expect(server.mails.map((m) => m.seen)).toEqual([true, true, true, true, true]);
    expect(new JourneyExecutions(h.db).counts('cart-mail').feedback).toEqual({
      unsubscribed: 1,
      bounced: 1,
      complained: 1,
    });
    const sources = h.db
      .prepare('SELECT kind, source, address, outbox_id FROM feedback ORDER BY id')
      .all();
    expect(sources).toEqual([
      { kind: 'bounce', source: 'dsn', address: 'ann@example.com', outbox_id: rows[0]!.id },
      { kind: 'complaint', source: 'arf', address: 'bob@example.com', outbox_id: rows[1]!.id },
      { kind: 'unsubscribe', source: 'mailto', address: 'cy@example.com', outbox_id: null },
    ]);
    expect(mailbox.status()).toEqual({ lastRead: Date.parse('2026-05-01T12:05:00Z') });
  });

  it('applies a message once even when it is read again', async () => {
    const { h, rows, server, mailbox } = await setup();
    server.add(dsn('ann@example.com', '5.1.1', rows[0]!.key));
    await mailbox.read();
    server.mails[0]!.seen = false;
    expect(await mailbox.read()).toMatchObject({ ok: true, bounced: 0 });
    expect(h.db.prepare('SELECT COUNT(*) AS n FROM feedback').get()).toEqual({ n: 1 });
  });

  it('says in words what went wrong when it cannot log in, and changes nothing', async () => {
    const { h, server, mailbox } = await setup();
    server.add(dsn('ann@example.com', '5.1.1', 'k'));
    const settings = new SettingsRepository(h.db);
    saveLibrarySettings(settings, {
      ...savedLibrarySettings(settings),
      mailbox: { ...savedLibrarySettings(settings).mailbox, username: 'someone-else' },
    });
    const reading = await mailbox.read();
    expect(reading.ok).toBe(false);
    expect(reading.detail).toMatch(/^The mailbox someone-else@127\.0\.0\.1 could not be read: /);
    expect(mailbox.status().problem).toBe(reading.detail);
    expect(h.suppressions.list()).toEqual([]);
    expect(server.mails[0]!.seen).toBe(false);
  });
});
