import { describe, expect, it } from 'vitest';
import { applyProfileChange, makeProfile } from '../../../core/model/profile';

describe('profiles', () => {
  it('copies the attributes, the id included, in their order', () => {
    const source = { email: 'a@example.com', id: 'other', score: 3 };
    const profile = makeProfile('p1', source);
    expect(Object.entries(profile.attributes)).toEqual([
      ['email', 'a@example.com'],
      ['id', 'p1'],
      ['score', 3],
    ]);
    expect(source.id).toBe('other');
  });

  it('keeps a __proto__ attribute as data, as a spread copy does', () => {
    const source = JSON.parse(
      '{"__proto__": {"polluted": true}, "email": "a@example.com"}',
    ) as Record<string, unknown>;
    const profile = makeProfile('p1', source);
    expect(Object.getPrototypeOf(profile.attributes)).toBe(Object.prototype);
    expect(Object.keys(profile.attributes)).toEqual(['__proto__', 'email', 'id']);
    const updated = applyProfileChange(profile, { set: { score: 1 } });
    expect(Object.getPrototypeOf(updated.attributes)).toBe(Object.prototype);
    expect(Object.keys(updated.attributes)).toEqual(['__proto__', 'email', 'id', 'score']);
  });
});
