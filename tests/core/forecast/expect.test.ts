import { describe, expect, it } from 'vitest';
import { parseJourneyFile, serializeJourney } from '../../../core/model/journey-file';
import { validateJourney } from '../../../core/validation/validate';
import { chain, node } from '../build';
import { mail, signupJourney } from './helpers';

function issuesOf(j: ReturnType<typeof signupJourney>) {
  return validateJourney(j).issues.filter((i) => i.code !== 'port-open');
}

describe('expected responses on a message', () => {
  it('refuses a click rate above the open rate, in words a marketer understands', () => {
    const j = signupJourney([mail('m1', { open: 0.04, click: 0.05 })], chain('start', 'm1'));
    const result = validateJourney(j);
    expect(result.valid).toBe(false);
    expect(issuesOf(j)).toContainEqual({
      values: expect.objectContaining({ stepId: 'm1', field: 'expect' }) as unknown,
      code: 'expect-click-above-open',
      severity: 'error',
      nodeId: 'm1',
      path: ['nodes', 1, 'config', 'expect', 'click'],
      message:
        'Clicks are counted among opened messages, so the click rate (5%) cannot be above the open rate (4%).',
    });
  });

  it('says a rate is a share from 0 to 1, and how to write a percentage', () => {
    const j = signupJourney([mail('m1', { open: 45, unsubscribe: -0.1 })], chain('start', 'm1'));
    const issues = issuesOf(j);
    expect(issues.map((i) => [i.code, i.message])).toEqual([
      [
        'expect-rate-invalid',
        'The open rate is a share from 0 to 1, not 45 (for 45%, write 0.45).',
      ],
      ['expect-rate-invalid', 'The unsubscribe rate is a share from 0 to 1, not -0.1.'],
    ]);
    const text = signupJourney([mail('m1', { open: '45%' })], chain('start', 'm1'));
    expect(issuesOf(text)[0]).toMatchObject({
      code: 'config-invalid',
      path: ['nodes', 1, 'config', 'expect', 'open'],
      message: 'The open rate is a share from 0 to 1, e.g. 0.45 for 45%.',
    });
  });

  it('checks the response window like every duration', () => {
    const j = signupJourney(
      [mail('m1', { open: 0.4, within: 'three days' })],
      chain('start', 'm1'),
    );
    expect(issuesOf(j)[0]).toMatchObject({
      code: 'duration-invalid',
      path: ['nodes', 1, 'config', 'expect', 'within'],
    });
    expect(issuesOf(j)[0]?.message).toMatch(/^Response window: "three days" is not a duration/);
  });

  it('warns that a webhook reaches no person, so nothing responds to it', () => {
    const j = signupJourney(
      [
        node('hook', 'message', {
          channel: 'webhook',
          url: 'https://example.com/hook',
          expect: { open: 0.5 },
        }),
      ],
      chain('start', 'hook'),
    );
    expect(issuesOf(j)).toEqual([
      expect.objectContaining({ code: 'expect-not-a-person', severity: 'warning', nodeId: 'hook' }),
    ]);
    expect(validateJourney(j).valid).toBe(true);
  });

  it('is saved after the message’s own fields, and read back as written', () => {
    const j = signupJourney(
      [mail('m1', { within: 'P3D', open: 0.45, click: 0.04, convert: 0.025 })],
      chain('start', 'm1'),
    );
    const text = serializeJourney(j);
    expect(text.indexOf('"expect"')).toBeGreaterThan(text.indexOf('"html"'));
    const parsed = parseJourneyFile(text);
    expect(parsed.ok && parsed.journey.nodes[1]?.config.expect).toEqual({
      within: 'P3D',
      open: 0.45,
      click: 0.04,
      convert: 0.025,
    });
  });
});

describe('forecast settings of a journey', () => {
  it('checks the journey’s expected responses with the same codes', () => {
    const j = signupJourney([mail('m1')], chain('start', 'm1'), {
      expect: { open: 0.2, click: 0.3 },
    });
    expect(issuesOf(j)).toContainEqual(
      expect.objectContaining({
        code: 'expect-click-above-open',
        path: ['settings', 'expect', 'click'],
        message:
          'Clicks are counted among opened messages, so the click rate (30%) cannot be above the open rate (20%).',
      }),
    );
  });

  it('knows the purposes a journey can have, and the shape of fatigue', () => {
    const wrong = signupJourney([mail('m1')], chain('start', 'm1'), {
      purpose: 'newsletter',
      fatigue: { per: 'P7D', decay: 2 },
    });
    const messages = issuesOf(wrong)
      .filter((i) => i.severity === 'error')
      .map((i) => `${i.path?.join('.') ?? ''}: ${i.message}`);
    expect(messages).toEqual([
      'settings.purpose: The purpose must be one of abandoned_cart, browse_abandonment, welcome, post_purchase, win_back, birthday, campaign, other, not "newsletter".',
      'settings.fatigue.decay: Fatigue "decay" is the share each earlier message takes off the rates, from 0 to 1 (0.1 for 10%).',
    ]);
    const right = signupJourney([mail('m1')], chain('start', 'm1'), {
      purpose: 'welcome',
      fatigue: { per: 'P7D', decay: 0.1 },
    });
    expect(validateJourney(right).valid).toBe(true);
  });
});
