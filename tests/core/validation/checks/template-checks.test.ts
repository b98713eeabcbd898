import { describe, expect, it } from 'vitest';
import type { JourneySettings } from '../../../../core/model/journey';
import { makeProfile } from '../../../../core/model/profile';
import {
  attributeWords,
  sensitiveCategory,
} from '../../../../core/validation/checks/sensitive-attributes.check';
import { profileReads } from '../../../../core/runtime/template-reads';
import { chain, journey, node } from '../../build';
import { calm, found, mail, trigger, where } from './helpers';

const one = (subject: string, body = '<p>Hi</p>', settings: JourneySettings = {}) =>
  journey([trigger(), mail('m', subject, body)], chain('start', 'm'), { ...calm, ...settings });

const profiles = [
  makeProfile('p1', { email: 'anna@example.com', first_name: 'Anna', city: '' }),
  makeProfile('p2', { email: 'bo@example.com', first_name: 'Bo', tier: 'gold' }),
];

describe('reading profile attributes from a template', () => {
  it('tells printed attributes without a fallback from guarded ones', () => {
    const reads = profileReads(
      'Hi {{ profile.first_name }}, {{ profile.city | default: "friend" }} ' +
        '{% if profile.tier %}{{ profile.tier | upcase }}{% endif %} ' +
        '{{ profile["last name"] }} {{ "profile.fake" }} {% raw %}{{ profile.raw }}{% endraw %}',
    );
    expect([...reads.all].sort()).toEqual(['city', 'first_name', 'last name', 'tier']);
    expect([...reads.unguarded].sort()).toEqual(['first_name', 'last name']);
  });
});

describe('template-variable-missing', () => {
  it('warns about a printed attribute no sample profile has', () => {
    const j = one('Hi {{ profile.firstname }}', '<p>From {{ profile.city }}</p>');
    const [issue] = found('template-variable-missing', j, { profiles });
    expect(issue?.nodeId).toBe('m');
    expect(issue?.message).toBe(
      'Email "m" prints profile.firstname and profile.city, but none of the 2 sample profiles has these attributes, so recipients would see a blank. Check the name, or add a fallback: {{ profile.firstname | default: "…" }}.',
    );
  });

  it('is satisfied by the right name, a default, an if, or an update that sets it', () => {
    expect(
      where('template-variable-missing', one('Hi {{ profile.first_name }}'), { profiles }),
    ).toEqual([]);
    expect(
      where('template-variable-missing', one('Hi {{ profile.firstname | default: "there" }}'), {
        profiles,
      }),
    ).toEqual([]);
    expect(
      where(
        'template-variable-missing',
        one('{% if profile.nick %}Hi {{ profile.nick }}{% endif %}'),
        {
          profiles,
        },
      ),
    ).toEqual([]);
    const scored = journey(
      [
        trigger(),
        node('score', 'update', { increment: { score: 5 } }),
        mail('m', 'You have {{ profile.score }} points'),
      ],
      chain('start', 'score', 'm'),
      calm,
    );
    expect(where('template-variable-missing', scored, { profiles })).toEqual([]);
  });

  it('only runs with sample profiles', () => {
    expect(where('template-variable-missing', one('Hi {{ profile.firstname }}'))).toEqual([]);
    expect(
      where('template-variable-missing', one('Hi {{ profile.firstname }}'), { profiles: [] }),
    ).toEqual([]);
  });
});

describe('template-sensitive-attribute', () => {
  it('knows sensitive attributes by the words in their names', () => {
    expect(attributeWords('healthCondition')).toBe('health condition');
    expect(sensitiveCategory('health_condition', new Set())).toBe('health');
    expect(sensitiveCategory('Religion', new Set())).toBe('religion');
    expect(sensitiveCategory('annual-income', new Set())).toBe('finances');
    expect(sensitiveCategory('sexual_orientation', new Set())).toBe(
      'sexual orientation or gender identity',
    );
    expect(sensitiveCategory('political_party', new Set())).toBe('political views');
    expect(sensitiveCategory('first_name', new Set())).toBeUndefined();
    expect(sensitiveCategory('preferred_category', new Set())).toBeUndefined();
    expect(sensitiveCategory('shoe_size', new Set(['shoe_size']))).toBe(
      'listed as sensitive in this journey',
    );
  });

  it('warns about a message that prints or tests a sensitive attribute', () => {
    const [issue] = found(
      'template-sensitive-attribute',
      one(
        'Feel better, {{ profile.first_name }}',
        '<p>Tips for {{ profile.health_condition }}</p>',
      ),
    );
    expect(issue?.nodeId).toBe('m');
    expect(issue?.message).toMatch(
      /^Email "m" uses profile\.health_condition \(health\): too personal for a message\./,
    );
    expect(
      where(
        'template-sensitive-attribute',
        one('Hi', '{% if profile.religion == "x" %}<p>Hi</p>{% endif %}'),
      ),
    ).toEqual(['m']);
  });

  it('takes further attributes from the journey settings', () => {
    const listed = { 'x-sensitive-attributes': ['shoe_size'] } as JourneySettings;
    expect(
      where(
        'template-sensitive-attribute',
        one('Size {{ profile.shoe_size }} is back', '<p>Hi</p>', listed),
      ),
    ).toEqual(['m']);
    expect(
      where('template-sensitive-attribute', one('Size {{ profile.shoe_size }} is back')),
    ).toEqual([]);
  });

  it('is satisfied by a message that keeps to ordinary attributes', () => {
    expect(
      where(
        'template-sensitive-attribute',
        one('New in {{ profile.preferred_category | default: "store" }}'),
      ),
    ).toEqual([]);
  });
});
