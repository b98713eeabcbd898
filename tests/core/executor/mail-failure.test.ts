import { describe, expect, it } from 'vitest';
import { classifySmtpError } from '../../../core/adapters/email/smtp-transport';
import { sendingProblem } from '../../../core/app/sending-preflight';
import { savedLibrarySettings } from '../../../core/app/library-settings';
import { mailFailureOf, NO_MAIL_SERVER } from '../../../core/executor/mail-failure';

/** What the delivery log keeps for an SMTP error, as the transport writes it. */
const logged = (error: unknown) => classifySmtpError(error).detail;

describe('why an email did not go, read from what the log keeps', () => {
  it('the login refused, by the server’s reply or by nodemailer’s own code', () => {
    const reply = '535 5.7.8 Authentication credentials invalid';
    expect(mailFailureOf(logged({ responseCode: 535, response: reply }))).toEqual({
      code: 'auth-refused',
      values: { reply },
    });
    expect(mailFailureOf(logged({ code: 'EAUTH', message: 'Missing credentials' }))?.code).toBe(
      'auth-refused',
    );
  });

  it('a message refused for good, or to try later, with the reply to quote', () => {
    expect(
      mailFailureOf(logged({ responseCode: 550, response: '550 5.1.1 No such user' })),
    ).toEqual({ code: 'refused', values: { reply: '550 5.1.1 No such user' } });
    expect(
      mailFailureOf(
        `gave up after 4 attempts: ${logged({ responseCode: 451, response: '451 Try later' })}`,
      ),
    ).toEqual({ code: 'deferred', values: { reply: '451 Try later' } });
  });

  it('a server that cannot be reached, found or trusted', () => {
    expect(
      mailFailureOf(logged({ code: 'EDNS', message: 'getaddrinfo ENOTFOUND smtp.shop.invalid' }))
        ?.code,
    ).toBe('host-not-found');
    expect(
      mailFailureOf(
        logged({ code: 'ESOCKET', message: 'self-signed certificate in certificate chain' }),
      )?.code,
    ).toBe('certificate');
    expect(
      mailFailureOf(
        logged({ code: 'ECONNECTION', message: 'connect ECONNREFUSED 127.0.0.1:2525' }),
      ),
    ).toEqual({
      code: 'connection-refused',
      values: { reply: 'ECONNECTION: connect ECONNREFUSED 127.0.0.1:2525' },
    });
  });

  it('the app’s own sentences: no server set, and links this computer cannot serve', () => {
    expect(mailFailureOf(NO_MAIL_SERVER)?.code).toBe('server-not-set');
    const held = sendingProblem('smtp.shop.se', savedLibrarySettings({ get: () => undefined }));
    expect(mailFailureOf(held ?? '')).toMatchObject({
      code: 'links-unreachable',
      values: { host: 'smtp.shop.se' },
    });
    expect(mailFailureOf('something nobody foresaw')).toBeUndefined();
  });
});
