import { describe, expect, it } from 'vitest';
import {
  checkSendingPolicy,
  parseSendingPolicy,
  savedSendingPolicy,
  sendingPolicySchema,
} from '../../../core/policy/sending-policy';
import {
  policyBlock,
  policyBlockDetail,
  policyWindowStart,
} from '../../../core/policy/policy-decision';

const H = 3_600_000;
const T0 = Date.parse('2025-03-03T00:00:00Z');

describe('a sending policy as given', () => {
  it('reads limits per channel, in channel order, and nothing else', () => {
    expect(
      parseSendingPolicy({ sms: { max: 2, per: 'P7D' }, email: { max: 1, per: 'PT16H' } }),
    ).toEqual({
      ok: true,
      policy: { email: { max: 1, per: 'PT16H' }, sms: { max: 2, per: 'P7D' } },
    });
    expect(parseSendingPolicy({})).toEqual({ ok: true, policy: {} });
  });

  it('says what is wrong, where, with a stable code', () => {
    const codes = (value: unknown) => checkSendingPolicy(value).map((p) => `${p.code} ${p.path}`);
    expect(codes([])).toEqual(['policy-invalid ']);
    expect(codes({ mail: { max: 1, per: 'P1D' } })).toEqual(['policy-channel-unknown mail']);
    expect(codes({ webhook: { max: 1, per: 'P1D' } })).toEqual([
      'policy-channel-not-a-person webhook',
    ]);
    expect(codes({ email: 3 })).toEqual(['policy-limit-invalid email']);
    expect(codes({ email: { max: 0, per: 'P1D' } })).toEqual(['policy-max-invalid email.max']);
    expect(codes({ email: { max: 1.5, per: 'P1D' } })).toEqual(['policy-max-invalid email.max']);
    expect(codes({ email: { max: 101, per: 'P1D' } })).toEqual(['policy-max-invalid email.max']);
    expect(codes({ email: { max: 1, per: '16 hours' } })).toEqual(['policy-per-invalid email.per']);
    expect(codes({ email: { max: 1, per: 'PT0S' } })).toEqual(['policy-per-invalid email.per']);
    expect(codes({ email: { max: 1, per: 'P2Y' } })).toEqual(['policy-per-invalid email.per']);
    expect(codes({ email: { max: 1, per: 'P1D', within: 'P1D' } })).toEqual([
      'policy-limit-invalid email.within',
    ]);
    expect(checkSendingPolicy({ mail: {} })[0]?.message).toBe(
      'There is no channel "mail"; a sending policy limits email, sms, push.',
    );
  });

  it('is checked by the API schema, with the field the problem is in', () => {
    const bad = sendingPolicySchema.safeParse({ email: { max: 1, per: 'soon' } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['email', 'per']);
    expect(sendingPolicySchema.parse({ push: { per: 'P1D', max: 3 } })).toEqual({
      push: { max: 3, per: 'P1D' },
    });
  });

  it('limits nothing when nothing, or something unreadable, was saved', () => {
    expect(savedSendingPolicy(undefined)).toEqual({});
    expect(savedSendingPolicy('{not json')).toEqual({});
    expect(savedSendingPolicy('{"email":{"max":0,"per":"P1D"}}')).toEqual({});
    expect(savedSendingPolicy('{"email":{"max":1,"per":"P1D"}}')).toEqual({
      email: { max: 1, per: 'P1D' },
    });
  });
});

describe('the policy window', () => {
  const limit = { max: 1, per: 'PT16H' };

  it('counts (now − per, now]: a message exactly per ago has left it', () => {
    expect(policyWindowStart(T0 + 16 * H, limit, 'UTC')).toBe(T0 + 1);
    const sent = [{ journeyId: 'welcome', at: T0 }];
    const inWindow = (now: number) =>
      sent.filter((s) => s.at >= policyWindowStart(now, limit, 'UTC'));
    expect(policyBlock('email', limit, inWindow(T0 + 16 * H))).toBeUndefined();
    expect(policyBlock('email', limit, inWindow(T0 + 16 * H - 1))).toEqual({
      channel: 'email',
      max: 1,
      per: 'PT16H',
      sent: 1,
      filledBy: 'welcome',
    });
  });

  it('measures calendar days in the person’s zone, across a change to summer time', () => {
    // Stockholm moves its clocks forward on 30 March 2025: that local day has 23 hours.
    const day = { max: 1, per: 'P1D' };
    const now = Date.parse('2025-03-30T22:00:00Z'); // 00:00 on the 31st, local
    expect(policyWindowStart(now, day, 'Europe/Stockholm')).toBe(
      Date.parse('2025-03-29T23:00:00Z') + 1,
    );
    expect(policyWindowStart(now, day, 'UTC')).toBe(Date.parse('2025-03-29T22:00:00Z') + 1);
  });

  it('names the journey whose message brought the window to its max', () => {
    const two = { max: 2, per: 'P1D' };
    const sent = [
      { journeyId: 'cart', at: T0 },
      { journeyId: 'browse', at: T0 + H },
      { journeyId: 'welcome', at: T0 + 2 * H },
    ];
    expect(policyBlock('email', two, sent.slice(0, 1))).toBeUndefined();
    expect(policyBlock('email', two, sent.slice(0, 2))?.filledBy).toBe('browse');
    // A window over its max (the policy was tightened): still the max-th.
    expect(policyBlock('email', two, sent)).toMatchObject({ sent: 3, filledBy: 'browse' });
    expect(policyBlockDetail(policyBlock('email', two, sent.slice(0, 2))!)).toBe(
      'the library sends at most 2 email messages per day to a person, across all journeys; "browse" sent the one that filled the window',
    );
  });
});
